import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loggedOut, mockApi, renderApp } from '../test/utils';
import { reloadPrefs } from './store';

describe('language switch', () => {
  it('defaults to Chinese, switches to English and remembers it', async () => {
    const { calls } = mockApi({
      'GET /me': loggedOut,
      'POST /auth/login': { status: 401, body: { error: { code: 'unauthorized', message: 'x' } } },
    });
    const first = renderApp('/login');
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(calls[0].headers.get('Accept-Language')).toBe('zh-CN');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
    expect(window.localStorage.getItem('doorstep.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    // API calls now ask for English messages.
    await user.type(screen.getByLabelText('Email'), 'a@b.cn');
    await user.type(screen.getByLabelText('Password'), 'whatever-123');
    await user.click(within(screen.getByRole('form', { name: 'Log in' })).getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/auth/login')).toBe(true));
    expect(calls.find((c) => c.path === '/auth/login')?.headers.get('Accept-Language')).toBe('en');

    // A new visit (fresh store read from localStorage) stays in English.
    first.unmount();
    reloadPrefs();
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '切换到中文' }));
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(window.localStorage.getItem('doorstep.lang')).toBe('zh');
  });
});

describe('large-text mode', () => {
  it('toggles and is remembered', async () => {
    mockApi({ 'GET /me': loggedOut });
    const first = renderApp('/login');
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: '大字模式' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const styles = () => [...document.querySelectorAll('style')].map((e) => e.textContent ?? '').join('\n');
    expect(styles()).not.toMatch(/font-size:18px/);
    await user.click(toggle);
    expect(screen.getByRole('button', { name: '大字模式' })).toHaveAttribute('aria-pressed', 'true');
    expect(window.localStorage.getItem('doorstep.largeText')).toBe('1');
    expect(document.documentElement).toHaveClass('large-text');
    // antd's generated CSS now uses the larger base font size.
    await waitFor(() => expect(styles()).toMatch(/font-size:18px/));

    first.unmount();
    reloadPrefs();
    renderApp('/login');
    expect(await screen.findByRole('button', { name: '大字模式' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: '大字模式' }));
    expect(window.localStorage.getItem('doorstep.largeText')).toBe('0');
    expect(document.documentElement).not.toHaveClass('large-text');
  });
});
