import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, loggedOut, mockApi, regionsReply, renderApp } from '../../test/utils';
import { deny } from '../../test/permissions';
import { orderFixture, ownerCan, verifiedCompanyMe, visitorCan, workshopCan } from '../../test/orders';

describe('order page', () => {
  it('shows the owner the rejection reason, actions and history', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 1 } },
      'GET /orders/o9': {
        body: {
          ...orderFixture,
          status: 'rejected',
          actions: ownerCan('rejected'),
          status_reason: '单价过低，请提高单价',
          history: [
            { at: '2030-11-22T05:00:00Z', actor_kind: 'company', actor_name: '王经理', action: 'submit', from_status: 'draft', to_status: 'pending_review', reason: '' },
            { at: '2030-11-22T06:00:00Z', actor_kind: 'staff', actor_name: '', action: 'reject', from_status: 'pending_review', to_status: 'rejected', reason: '单价过低，请提高单价' },
          ],
        },
      },
    });
    renderApp('/orders/o9');
    // The page starts in its phone layout (actions below the banner) until the screen width is known.
    await waitFor(() => expect(within(screen.getByTestId('status-banner')).getByRole('button', { name: /提交审核/ })).toBeInTheDocument());
    const banner = screen.getByTestId('status-banner');
    expect(banner).toHaveTextContent('未通过审核');
    expect(banner).toHaveTextContent('原因：单价过低，请提高单价');
    expect(within(banner).getByRole('button', { name: /修改订单/ })).toBeInTheDocument();
    expect(screen.getByText('审核未通过')).toBeInTheDocument();
    expect(screen.getByText('平台工作人员', { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /举报/ })).not.toBeInTheDocument();
  });

  it('shows anonymous visitors the public terms and the fair-pay warning, without owner tools', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', mine: false, role: 'public', actions: visitorCan(), history: undefined } },
    });
    renderApp('/orders/o9');
    expect(await screen.findByRole('heading', { name: '编织网兜 5000 个' })).toBeInTheDocument();
    expect(screen.getByText('¥1.50/件')).toBeInTheDocument();
    expect(screen.getByTestId('deposit-terms')).toHaveTextContent('每个接单工坊交 ¥200.00');
    expect(screen.getByTestId('below-min-wage-warning')).toHaveTextContent('¥15.00/小时');
    expect(screen.queryByTestId('status-banner')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /修改订单/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /举报/ })).not.toBeInTheDocument();
  });

  it('lets another organisation report a published order', async () => {
    const workshopMe = { ...verifiedCompanyMe, org: { ...verifiedCompanyMe.org!, id: 'w1', name: '黄河社区巧手坊' } };
    const { calls } = mockApi({
      'GET /me': { body: workshopMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', mine: false, role: 'public', actions: workshopCan({ bid: deny('只有社区工坊可以报价') }), history: undefined } },
      'POST /orders/o9/reports': { status: 201, body: { id: 'r1' } },
    });
    renderApp('/orders/o9');
    await userEvent.click(await screen.findByRole('button', { name: /举报/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('举报原因'));
    await userEvent.click(await screen.findByText('疑似押金骗局'));
    await userEvent.type(within(dialog).getByLabelText('详细说明'), '要求先交押金');
    await userEvent.click(within(dialog).getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'deposit_scam', detail: '要求先交押金' }));
  });
});
