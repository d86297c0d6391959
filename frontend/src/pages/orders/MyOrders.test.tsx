import { screen, within } from '@testing-library/react';
import { craftsReply, mockApi, regionsReply, renderApp } from '../../test/utils';
import { orderFixture, ownerCan, verifiedCompanyMe } from '../../test/orders';
import type { OrderView } from '../../api/types';

const view = (over: Partial<OrderView>): OrderView => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { history, mine, my_bid, invited, open_bids, company_scorecard, funding, ...o } = orderFixture;
  return { ...o, ...over };
};

describe('my orders', () => {
  it('shows each order\'s bids: how many came in and how many wait for a decision', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders': {
        body: {
          items: [
            view({ id: 'a', title: '编织网兜 5000 个', status: 'published', actions: ownerCan('published'), bids: { open: 2, total: 5 } }),
            view({ id: 'b', title: '串珠手链 800 条', status: 'published', actions: ownerCan('published'), bids: { open: 0, total: 0 } }),
            view({ id: 'c', title: '礼盒折叠 2000 个', status: 'draft', actions: ownerCan('draft'), bids: { open: 0, total: 0 } }),
          ],
          total: 3,
          page: 1,
          per_page: 20,
          counts: { published: 2, draft: 1 },
        },
      },
    });
    renderApp('/orders');
    const cards = await screen.findAllByTestId('order-card');
    expect(within(cards[0]).getByTestId('order-bids')).toHaveTextContent('收到报价 5 份2 份待处理');
    expect(within(cards[1]).getByTestId('order-bids')).toHaveTextContent('暂无报价');
    // A draft has had no chance of bids: nothing to say.
    expect(within(cards[2]).queryByTestId('order-bids')).not.toBeInTheDocument();
  });
});
