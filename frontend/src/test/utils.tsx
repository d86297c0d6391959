import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { Providers } from '../App';
import { makeQueryClient } from '../api/queryClient';
import { routes } from '../router';
import type { Me } from '../api/types';
import { unanswered } from './unanswered';

export interface MockReply {
  status?: number;
  body?: unknown;
}
export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}
type Handler = MockReply | ((req: MockRequest) => MockReply);

/** Replaces fetch with a table of "METHOD /path" → reply (paths without /api/v1).
 *  A request the table has no reply for fails the test, naming it (setup.ts);
 *  a test that means "not found" says so with a 404 reply. */
export function mockApi(table: Record<string, Handler>) {
  const calls: MockRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const r = input instanceof Request ? input : new Request(new URL(String(input), window.location.href), init);
    const url = new URL(r.url);
    const text = r.headers.get('Content-Type')?.startsWith('application/json') ? await r.clone().text() : '';
    const req: MockRequest = {
      method: r.method,
      path: url.pathname.replace(/^\/api\/v1/, ''),
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
      headers: r.headers,
    };
    calls.push(req);
    const h = table[`${req.method} ${req.path}`];
    if (!h) throw unanswered(`${req.method} ${req.path}`);
    const reply = typeof h === 'function' ? h(req) : h;
    const status = reply.status ?? 200;
    return new Response(status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** The reply for a part of the page a test leaves out (another test covers it):
 *  a 404, which the page shows as that part's error or leaves out (e.g. the
 *  map picker, which Leaflet cannot draw in jsdom anyway). */
export const absent: MockReply = { status: 404, body: { error: { code: 'not_found', message: 'not part of this test' } } };

export const loggedOut: MockReply = { status: 401, body: { error: { code: 'unauthorized', message: '请先登录' } } };

interface RegionMock {
  code: string;
  name: string;
  lat?: number;
  lng?: number;
  children?: RegionMock[];
}
const regionTree: RegionMock[] = [
  {
    code: '370000',
    name: '山东省',
    lat: 36.4,
    lng: 118.3,
    children: [
      // No centres below the provinces: forms' tests type their own points.
      { code: '371600', name: '滨州市', children: [{ code: '371602', name: '滨城区' }, { code: '371621', name: '惠民县' }] },
    ],
  },
  { code: '110000', name: '北京市', lat: 39.9, lng: 116.4, children: [{ code: '110100', name: '市辖区', children: [{ code: '110101', name: '东城区' }] }] },
];

/** GET /meta/regions as the server answers it (server/api/meta.go): the
 *  provinces; with parent, what lies under it; with q, the branches to the
 *  divisions whose name holds q. */
export const regionsReply = (req: MockRequest): MockReply => {
  const parent = req.query.get('parent');
  const q = req.query.get('q')?.trim();
  if (q) {
    const prune = (nodes: RegionMock[]): RegionMock[] =>
      nodes.flatMap((n) => {
        if (n.name.includes(q)) return [n];
        const kids = prune(n.children ?? []);
        return kids.length ? [{ ...n, children: kids }] : [];
      });
    return { body: { items: prune(regionTree) } };
  }
  if (parent) {
    const all = regionTree.flatMap((p) => [p, ...(p.children ?? [])]);
    const node = all.find((n) => n.code === parent);
    return node ? { body: { items: node.children ?? [] } } : { status: 400, body: { error: { code: 'invalid', message: '没有这个省份或城市' } } };
  }
  return { body: { items: regionTree.map((p) => ({ ...p, children: undefined })) } };
};
export const craftsReply: MockReply = {
  body: {
    items: [
      { code: 'weaving', name_zh: '编织', name_en: 'Weaving' },
      { code: 'beading', name_zh: '串珠', name_en: 'Beading' },
    ],
  },
};

export const companyMe: Me = {
  user: { id: 'u1', email: 'boss@example.com', name: '王经理', phone: '13812345678', created_at: '2025-01-01T00:00:00Z' },
  org: {
    id: 'o1',
    kind: 'company',
    name: '滨州巧手制品有限公司',
    verified: false,
    verified_at: null,
    community_guarantee: false,
    region_code: '371602',
    region_name: '山东省 滨州市 滨城区',
    address: '黄河五路 1 号',
    created_at: '2025-01-01T00:00:00Z',
    credit_code: '91350100M000100Y43',
    contact_name: '王经理',
    contact_phone: '13812345678',
  },
  role: 'owner',
};

/** Renders the whole app (real routes) at `path`. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = makeQueryClient();
  const utils = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...utils, router, queryClient };
}
