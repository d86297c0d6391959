import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, regionsReply, renderApp } from '../../test/utils';
import { moderatorCan, orderFixture } from '../../test/orders';
import { deny } from '../../test/permissions';
import type { Me, OrderStatus, OrderView } from '../../api/types';

const moderatorMe: Me = {
  user: { id: 'm1', email: 'mod@doorstep.cn', name: '审核员', phone: '', created_at: '2025-01-01T00:00:00Z' },
  org: null,
  role: 'moderator',
};

const view = (id: string, title: string, status: OrderStatus, actions = moderatorCan(status)): OrderView => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { history, mine, my_bid, invited, open_bids, company_scorecard, funding, ...o } = orderFixture;
  return { ...o, id, title, status, role: 'moderator', actions };
};

const page = (items: OrderView[]) => ({ body: { items, total: items.length, page: 1, per_page: 20 } });

function setup(queue: (status: string) => OrderView[]) {
  return mockApi({
    'GET /me': { body: moderatorMe },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /moderation/counts': { body: { orders_to_review: 0, reported_orders: 0, orgs_to_verify: 0 } },
    'GET /moderation/orders': (r) => page(queue(r.query.get('status') ?? '')),
  });
}

describe('moderation queue', () => {
  it('says the review queue is clear when nothing waits', async () => {
    setup(() => []);
    renderApp('/staff/orders');
    expect(await screen.findByTestId('moderation-empty')).toHaveTextContent('审核队列已清空，暂无待审核的订单');
  });

  it('offers the decisions each order\'s actions allow, not those its status suggests', async () => {
    setup((status) =>
      status === 'pending_review'
        ? [
            view('a', '编织网兜 5000 个', 'pending_review'),
            // Waiting for review, but the server refuses approval (say, a rule about the deadline): only reject.
            view('b', '串珠手链 800 条', 'pending_review', { ...moderatorCan('pending_review'), approve: deny('报名截止时间已过，请企业修改后重新提交') }),
          ]
        : [view('c', '礼盒折叠 2000 个', 'suspended')],
    );
    renderApp('/staff/orders');
    const [a, b] = await screen.findAllByTestId('moderation-card');
    expect(within(a).getByRole('button', { name: /通过/ })).toBeInTheDocument();
    expect(within(a).getByRole('button', { name: /驳回/ })).toBeInTheDocument();
    expect(within(b).queryByRole('button', { name: /通过/ })).not.toBeInTheDocument();
    expect(within(b).getByRole('button', { name: /驳回/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: /已暂停/ }));
    const c = await screen.findByText('礼盒折叠 2000 个');
    const card = c.closest('[data-testid="moderation-card"]') as HTMLElement;
    expect(within(card).getByRole('button', { name: /恢复/ })).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /暂停|通过|驳回/ })).not.toBeInTheDocument();
  });
});
