import { lazy } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { Providers } from '../App';
import { makeQueryClient } from '../api/queryClient';
import { loggedOut, mockApi } from '../test/utils';
import AppLayout from './AppLayout';

describe('page loading', () => {
  it('shows the skeleton, not the previous page, while the next page loads', async () => {
    mockApi({ 'GET /me': loggedOut });
    let arrive: (page: { default: () => React.JSX.Element }) => void = () => {};
    const Slow = lazy(() => new Promise<{ default: () => React.JSX.Element }>((ok) => (arrive = ok)));
    const router = createMemoryRouter(
      [
        {
          path: '/',
          element: <AppLayout />,
          children: [
            { index: true, element: <Link to="/next">下一页</Link> },
            { path: 'next', element: <Slow /> },
          ],
        },
      ],
      { initialEntries: ['/'] },
    );
    render(
      <Providers queryClient={makeQueryClient()}>
        <RouterProvider router={router} />
      </Providers>,
    );
    await userEvent.setup().click(await screen.findByRole('link', { name: '下一页' }));
    expect(await screen.findByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('link', { name: '下一页' })).not.toBeInTheDocument();
    arrive({ default: () => <h1>第二页</h1> });
    expect(await screen.findByRole('heading', { name: '第二页' })).toBeInTheDocument();
  });
});
