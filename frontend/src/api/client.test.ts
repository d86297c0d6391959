import { ApiError, api, ok } from './client';
import { apiURL } from './urls';
import { mockApi } from '../test/utils';
import { reloadPrefs } from '../prefs/store';

// The typed client keeps the hand-written one's contract: errors as ApiError
// (the server's code, message and fields), 204 as undefined, the UI's language.
describe('api client', () => {
  it('answers the body, with the query left out where empty and the UI language', async () => {
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    const { calls } = mockApi({ 'GET /orders': { body: { items: [], total: 0, page: 2, per_page: 20 } } });
    const page = await ok(api.GET('/orders', { params: { query: { status: undefined, page: 2, per_page: 20 } } }));
    expect(page.page).toBe(2);
    expect(calls[0].query.toString()).toBe('page=2&per_page=20');
    expect(calls[0].headers.get('Accept-Language')).toBe('en');
    expect(calls[0].headers.get('Accept')).toBe('application/json');
  });

  it('sends JSON bodies and answers undefined for 204', async () => {
    const { calls } = mockApi({ 'POST /me/password': { status: 204 } });
    await expect(ok(api.POST('/me/password', { body: { current_password: 'a', new_password: 'b' } }))).resolves.toBeUndefined();
    expect(calls[0].body).toEqual({ current_password: 'a', new_password: 'b' });
    expect(calls[0].headers.get('Content-Type')).toBe('application/json');
  });

  it("throws the server's error with its code, message and fields", async () => {
    mockApi({
      'PATCH /orgs/o1': {
        status: 400,
        body: { error: { code: 'invalid', message: '请修改标出的内容', fields: { name: '请填写名称' } } },
      },
    });
    const err = await ok(api.PATCH('/orgs/{id}', { params: { path: { id: 'o1' } }, body: { name: '' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'invalid', message: '请修改标出的内容', fields: { name: '请填写名称' } });
  });

  it('names an error without a body by its status, and a failed connection as network', async () => {
    const { fetchMock } = mockApi({});
    fetchMock.mockImplementationOnce(async () => new Response('bad gateway', { status: 502, statusText: 'Bad Gateway' }));
    await expect(ok(api.GET('/me'))).rejects.toMatchObject({ status: 502, code: 'internal', message: 'Bad Gateway' });
    fetchMock.mockImplementationOnce(async () => new Response(null, { status: 409 }));
    await expect(ok(api.GET('/me'))).rejects.toMatchObject({ status: 409, code: 'conflict' });
    fetchMock.mockImplementationOnce(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(ok(api.GET('/me'))).rejects.toMatchObject({ status: 0, code: 'network', message: 'Failed to fetch' });
  });

  it('builds download links from the document', () => {
    expect(apiURL('/contracts/{id}/statement.xlsx', { path: { id: 'c1' } })).toBe('/api/v1/contracts/c1/statement.xlsx');
    expect(apiURL('/finance/settlements.xlsx', { query: { from: '2030-01-01', to: '' } })).toBe('/api/v1/finance/settlements.xlsx?from=2030-01-01');
  });
});
