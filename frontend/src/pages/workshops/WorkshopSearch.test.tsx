import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, regionsReply, renderApp } from '../../test/utils';
import { ownerCan, verifiedCompanyMe } from '../../test/orders';
import { publishedOrder } from '../../test/bids';
import type { WorkshopHit } from '../../api/types';

const hit = (id: string, name: string, km: number): WorkshopHit => ({
  id,
  name,
  host: '黄河社区居委会',
  region_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  crafts: ['weaving'],
  headcount: 20,
  weekly_capacity: 1500,
  verified: true,
  community_guarantee: id === 'w1',
  completed_contracts: 2,
  on_time_pct: null,
  acceptance_pct: null,
  rating: null,
  distance_km: km,
});

describe('workshop search', () => {
  it('searches near the order and invites a workshop once', async () => {
    let invited = false;
    const { calls } = mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...publishedOrder, mine: true, role: 'company', actions: ownerCan('published') } },
      'GET /search/workshops': { body: { hits: [hit('w1', '黄河社区巧手坊', 1.26), hit('w2', '新立社区幸福微坊', 8)], total: 2, page: 1, per_page: 20, facets: { craft: { weaving: 2 } } } },
      'GET /orders/o9/invitations': () => ({
        body: {
          items: invited ? [{ order_id: 'o9', workshop: { id: 'w2', name: '新立社区幸福微坊' }, message: '', created_at: '2030-11-25T00:00:00Z', bid_status: null }] : [],
          total: invited ? 1 : 0,
          page: 1,
          per_page: 100,
        },
      }),
      'POST /orders/o9/invitations': () => {
        invited = true;
        return { status: 201, body: {} };
      },
    });
    renderApp('/workshops?order=o9&craft=weaving');
    expect(await screen.findByTestId('invite-for-order')).toHaveTextContent('为订单“编织网兜 5000 个”邀请工坊');
    const cards = await screen.findAllByTestId('workshop-hit');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('workshop-distance')).toHaveTextContent('距交接点 1.3 公里');
    const search = calls.find((c) => c.path === '/search/workshops')!;
    expect(search.query.get('near')).toBe('37.3835,117.9706');
    expect(search.query.get('craft')).toBe('weaving');
    expect(search.query.get('sort')).toBe('distance');

    await userEvent.click(within(cards[1]).getByRole('button', { name: /邀请报价/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('附言（选填）'), '欢迎报价');
    await userEvent.click(within(dialog).getByRole('button', { name: /发送邀请/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ workshop_id: 'w2', message: '欢迎报价' }));
    await waitFor(() => expect(within(screen.getAllByTestId('workshop-hit')[1]).getByRole('button', { name: /已邀请/ })).toBeDisabled());
  });

  it('filters by the scorecard from the URL and shows each card\'s record', async () => {
    const { calls } = mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /search/workshops': {
        body: {
          hits: [{ ...hit('w1', '黄河社区巧手坊', 2), completed_contracts: 9, on_time_pct: 88.9, acceptance_pct: 97.5, rating: 4.6 }, hit('w2', '新立社区幸福微坊', 8)],
          total: 2,
          page: 1,
          per_page: 20,
          facets: {},
        },
      },
    });
    renderApp('/workshops?on_time_min=80&rating_min=4.5&sort=rating');
    const cards = await screen.findAllByTestId('workshop-hit');
    const search = calls.find((c) => c.path === '/search/workshops')!;
    expect(Object.fromEntries(search.query)).toMatchObject({ on_time_min: '80', rating_min: '4.5', sort: 'rating' });
    expect(within(cards[0]).getByTestId('workshop-score')).toHaveTextContent('按时交付 88.9%');
    expect(within(cards[0]).getByTestId('workshop-score')).toHaveTextContent('验收合格 97.5%');
    expect(within(cards[0]).getByTestId('workshop-score')).toHaveTextContent('评分 4.6');
    expect(within(cards[1]).getByTestId('workshop-score')).toHaveTextContent('完成不足3单');
    expect(screen.getByTestId('score-filters')).toHaveTextContent('完成不足3单的工坊还没有比率和评分');
  });

  it('says why its company cannot invite for an order that is not published', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...publishedOrder, status: 'pending_review', mine: true, role: 'company', actions: ownerCan('pending_review') } },
      'GET /search/workshops': { body: { hits: [hit('w1', '黄河社区巧手坊', 1.26)], total: 1, page: 1, per_page: 20, facets: {} } },
    });
    renderApp('/workshops?order=o9');
    expect(await screen.findByTestId('invite-for-order')).toHaveTextContent('订单发布后才能邀请工坊报价');
    const card = (await screen.findAllByTestId('workshop-hit'))[0];
    expect(within(card).queryByRole('button', { name: /邀请报价/ })).not.toBeInTheDocument();
  });
});
