// The API client: openapi-fetch over the types `npm run gen:api` generates
// from the server's route table (openapi.ts), so a path, method, parameter,
// body or answer the document does not have is a TypeScript error. Every
// call goes through send(): the UI's language, cookies, and failures turned
// into ApiError before openapi-fetch sees the answer. Links to downloads
// and the upload XHR take their URLs from apiURL() (urls.ts).
import createClient from 'openapi-fetch';
import { getPrefs } from '../prefs/store';
import type { paths } from './openapi';
import type { ErrorBody, ErrorCode } from './types';

export const API_BASE = '/api/v1';

/** Every failed API call throws this; `fields` maps JSON paths to messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: Record<string, string>;

  constructor(status: number, code: ErrorCode | 'network', message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(err: unknown, code?: ApiError['code']): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

function isErrorBody(v: unknown): v is ErrorBody {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as ErrorBody).error?.code === 'string';
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'invalid';
}

/** The error a failed answer stands for: the server's {error} body, else one from the status. */
export function apiError(status: number, statusText: string, body: string): ApiError {
  let data: unknown;
  try {
    data = body ? JSON.parse(body) : undefined;
  } catch {
    data = undefined;
  }
  if (isErrorBody(data)) {
    const { code, message, fields } = data.error;
    return new ApiError(status, code, message, fields ?? {});
  }
  return new ApiError(status, fallbackCode(status), statusText || `HTTP ${status}`);
}

/** The Accept-Language of every call: the UI's, not the browser's. */
export const apiLanguage = () => (getPrefs().lang === 'en' ? 'en' : 'zh-CN');

async function send(req: Request): Promise<Response> {
  req.headers.set('Accept-Language', apiLanguage());
  if (!req.headers.has('Accept')) req.headers.set('Accept', 'application/json');
  let res: Response;
  try {
    res = await fetch(req); // the global, looked up per call (tests replace it)
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw apiError(res.status, res.statusText, await res.text());
  return res;
}

/** Query strings leave out empty values ('' means "any" in the pages' filters). */
export function querySerializer(query: Record<string, unknown>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  return qs.toString();
}

/** The document's paths without the /api/v1 every one of them starts with. */
export type ApiPaths = { [P in keyof paths as P extends `${typeof API_BASE}${infer R}` ? R : never]: paths[P] };

/** The typed client: `api.GET('/orders/{id}', { params: { path: { id } } })`. Wrap calls in ok(). */
export const api = createClient<ApiPaths>({
  // Absolute, so a Request can be built outside a page too (jsdom in the tests).
  baseUrl: `${globalThis.location?.origin ?? ''}${API_BASE}`,
  credentials: 'same-origin',
  fetch: send,
  querySerializer,
});

/** The body of a successful answer (send() has thrown for every other); undefined for 204. */
export async function ok<D>(call: Promise<{ data?: D }>): Promise<D> {
  return (await call).data as D;
}
