// URLs the OpenAPI document has, for what does not go through the client:
// links to downloads and the upload XHR (fetch cannot report upload progress).
// Apart from client.ts so the first page does not load it.
import { createFinalURL, defaultPathSerializer } from 'openapi-fetch';
import { API_BASE, querySerializer, type ApiPaths } from './client';

/** The parameters of a path's GET (or, for a path with none, its POST). */
type Params<P extends keyof ApiPaths> = ApiPaths[P]['get'] extends { parameters: infer X }
  ? X
  : ApiPaths[P]['post'] extends { parameters: infer X }
    ? X
    : never;

type URLParams<P extends keyof ApiPaths> = Pick<Params<P>, Extract<keyof Params<P>, 'path' | 'query'>>;
/** Optional only when the path has no required parameter. */
type URLArgs<P extends keyof ApiPaths> = 'path' extends keyof Params<P>
  ? Params<P> extends { path: unknown }
    ? [params: URLParams<P>]
    : [params?: URLParams<P>]
  : [params?: URLParams<P>];

/** `apiURL('/contracts/{id}/statement.xlsx', { path: { id } })`: a wrong path or parameter is a TypeScript error. */
export function apiURL<P extends keyof ApiPaths>(path: P, ...[params]: URLArgs<P>): string {
  const { path: pathParams, query } = (params ?? {}) as { path?: Record<string, unknown>; query?: Record<string, unknown> };
  return createFinalURL(path, { baseUrl: API_BASE, params: { path: pathParams, query }, querySerializer, pathSerializer: defaultPathSerializer });
}
