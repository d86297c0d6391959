import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { companyMe, loggedOut, mockApi, renderApp } from '../../test/utils';

const submit = () => within(screen.getByRole('form', { name: '登录' })).getByRole('button', { name: '登录' });

describe('login form', () => {
  it('requires email and password', async () => {
    mockApi({ 'GET /me': loggedOut });
    renderApp('/login');
    const user = userEvent.setup();
    await screen.findByLabelText('电子邮箱');
    await user.click(submit());
    expect(await screen.findByText('请填写电子邮箱')).toBeInTheDocument();
    expect(screen.getByText('请填写密码')).toBeInTheDocument();
  });

  it('shows a clear message for wrong credentials and for throttling', async () => {
    let attempts = 0;
    mockApi({
      'GET /me': loggedOut,
      'POST /auth/login': () =>
        ++attempts === 1
          ? { status: 401, body: { error: { code: 'unauthorized', message: 'bad' } } }
          : { status: 429, body: { error: { code: 'rate_limited', message: 'slow down' } } },
    });
    renderApp('/login');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('电子邮箱'), 'boss@example.com');
    await user.type(screen.getByLabelText('密码'), 'wrong-password');
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent('邮箱或密码不正确');
    await user.click(submit());
    expect(await screen.findByText('尝试次数过多，请稍后再试')).toBeInTheDocument();
  });

  it('logs in and goes to the requested page', async () => {
    let loggedIn = false;
    const { calls } = mockApi({
      'GET /me': () => (loggedIn ? { body: companyMe } : loggedOut),
      'POST /auth/login': () => {
        loggedIn = true;
        return { body: { token: 't', expires_at: '2030-01-01T00:00:00Z', ...companyMe } };
      },
      'GET /orgs/o1': { body: companyMe.org },
      'GET /orgs/o1/members': { body: { items: [], total: 0, page: 1, per_page: 100 } },
      'GET /meta/crafts': { body: { items: [] } },
      'GET /notifications/unread-count': { body: { count: 0 } },
    });
    const { router } = renderApp('/login?next=%2Faccount');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('电子邮箱'), ' Boss@example.com ');
    await user.type(screen.getByLabelText('密码'), 'correct-horse-battery');
    await user.click(submit());
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    const login = calls.find((c) => c.path === '/auth/login');
    expect(login?.body).toEqual({ email: 'Boss@example.com', password: 'correct-horse-battery' });
    expect(await screen.findByRole('heading', { name: '我的账户' })).toBeInTheDocument();
  });

  it('sends logged-out visitors of private pages to login with next', async () => {
    mockApi({ 'GET /me': loggedOut });
    const { router } = renderApp('/org');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Forg');
  });

  it('shows 403 to non-staff on staff pages and 404 for unknown routes', async () => {
    mockApi({ 'GET /me': { body: companyMe }, 'GET /notifications/unread-count': { body: { count: 0 } } });
    const { unmount } = renderApp('/staff/orgs');
    expect(await screen.findByText('没有权限')).toBeInTheDocument();
    unmount();
    renderApp('/no/such/page');
    expect(await screen.findByText('页面不存在')).toBeInTheDocument();
  });
});
