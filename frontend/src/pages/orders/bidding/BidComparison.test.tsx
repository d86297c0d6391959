import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, regionsReply, renderApp } from '../../../test/utils';
import { moderatorCan, ownerCan, verifiedCompanyMe } from '../../../test/orders';
import { comparisonFixture, contractFixture, publishedOrder, quote } from '../../../test/bids';
import { bidCan, deny, refusals } from '../../../test/permissions';
import type { Me } from '../../../api/types';

const order = { ...publishedOrder, mine: true, role: 'company' as const, actions: ownerCan('published'), history: [], open_bids: 2, remaining_quantity: 5000 };
const fair = comparisonFixture({
  id: 'bA',
  workshop: { ...comparisonFixture().workshop, id: 'wA', name: '黄河社区巧手坊', community_guarantee: true },
  quote: quote({ amount: 450000, deposit: { kind: 'per_unit', amount: 0, waived: true } }),
  track_record: { completed_contracts: 4, active_contracts: 1, on_time_rate: 0.75, acceptance_rate: 0.98, disputes: 0 },
});
const counter = comparisonFixture({
  id: 'bB',
  workshop: { ...comparisonFixture().workshop, id: 'wB', name: '新立社区幸福微坊', verified: false },
  unit_price: 180,
  quantity: 6000,
  fits_remaining: false,
  distance_km: null,
  quote: quote({ amount: 1080000, commission: 32400, workshop_net: 1047600 }),
  // The server refuses the award (first reason: the workshop is not verified) but not the rejection.
  actions: bidCan({ reject: true, accept: refusals.unverifiedWorkshop }, refusals.notBidder),
});

function setup() {
  return mockApi({
    'GET /me': { body: verifiedCompanyMe },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /orders/o9': { body: order },
    'GET /orders/o9/bids': { body: { items: [fair, counter], total: 2, page: 1, per_page: 100 } },
    // The invitation panel (tested in WorkshopSearch.test): nobody invited, no workshop nearby.
    'GET /orders/o9/invitations': { body: { items: [], total: 0, page: 1, per_page: 100 } },
    'GET /search/workshops': { body: { hits: [], total: 0, page: 1, per_page: 20, facets: {} } },
    'POST /bids/bA/accept': { status: 201, body: { ...contractFixture, id: 'c1' } },
    'POST /bids/bB/reject': { body: { ...counter, status: 'rejected', status_reason: { zh: '数量太多', en: '数量太多' } } },
  });
}

const row = (name: string) => screen.getAllByTestId('bid-row').find((r) => r.textContent?.includes(name))!;

describe('bid comparison', () => {
  it('compares price, quantity, distance and track record', async () => {
    setup();
    renderApp('/orders/o9');
    const table = await screen.findByTestId('bid-compare');
    await within(table).findAllByTestId('bid-row');
    expect(within(table).getByTestId('award-progress')).toHaveTextContent('已授予 0 / 5,000 件');
    expect(within(table).getByRole('button', { name: /邀请工坊/ })).toBeInTheDocument();

    const a = row('黄河社区巧手坊');
    expect(within(a).getByRole('link', { name: '黄河社区巧手坊' })).toHaveAttribute('href', '/profiles/wA');
    expect(within(a).getByTestId('badge-verified')).toBeInTheDocument();
    expect(within(a).getByTestId('badge-guarantee')).toBeInTheDocument();
    expect(within(a).queryByTestId('counter-offer')).not.toBeInTheDocument();
    expect(within(a).queryByTestId('bid-unverified')).not.toBeInTheDocument();
    expect(a).toHaveTextContent('3.2 公里');
    expect(within(a).getByTestId('track-record')).toHaveTextContent('完成 4 · 争议 0');
    expect(within(a).getByTestId('track-record')).toHaveTextContent('按时交付 75% · 验收合格 98%');
    expect(a).toHaveTextContent('合计 ¥4,500.00');
    // The platform's commission and the workshop's net, per bid; the low price is flagged before any dialog.
    expect(within(a).getByTestId('bid-net')).toHaveTextContent('服务费 3% ¥135.00 · 工坊实得 ¥4,365.00');
    expect(within(a).getByTestId('bid-below-min-wage')).toHaveTextContent('低于最低工资');
    expect(within(a).getByTestId('bid-below-min-wage')).toHaveTextContent('折合 ¥15.00/小时，低于山东省最低 ¥22.00/小时');

    const b = row('新立社区幸福微坊');
    expect(within(b).getByTestId('counter-offer')).toHaveTextContent('¥1.80/件还价（高于企业报价）');
    expect(within(b).getByTestId('too-many')).toHaveTextContent('超出剩余');
    expect(within(b).getByTestId('track-record')).toHaveTextContent('按时交付 — · 验收合格 —');
    expect(b).toHaveTextContent('—');
    // The server refused the award: its reason stands where the button would be; rejecting stays possible.
    expect(within(b).queryByRole('button', { name: /选定/ })).not.toBeInTheDocument();
    expect(within(b).getByTestId('award-refused')).toHaveTextContent('该工坊尚未通过平台认证，认证后才能授予');
    expect(within(b).getByRole('button', { name: /拒绝/ })).toBeInTheDocument();
    // An unverified workshop may bid; the company sees it clearly.
    expect(within(b).getByTestId('bid-unverified')).toHaveTextContent('未认证');

    await userEvent.click(within(table).getByRole('button', { name: /邀请工坊/ }));
    await waitFor(() => expect(screen.getByRole('heading', { name: '找工坊' })).toBeInTheDocument());
  });

  it('confirms an award with the escrow to fund, then links to the contract', async () => {
    const { calls } = setup();
    renderApp('/orders/o9');
    await screen.findAllByTestId('bid-row');
    await userEvent.click(within(row('黄河社区巧手坊')).getByRole('button', { name: /选定/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('选定 黄河社区巧手坊？');
    expect(within(dialog).getByTestId('award-escrow')).toHaveTextContent('¥4,500.00');
    expect(within(dialog).getByTestId('award-deposit')).toHaveTextContent('已由社区担保免除');
    expect(within(dialog).getByTestId('award-commission')).toHaveTextContent('3% · ¥135.00');
    expect(dialog).toHaveTextContent('按合同冻结的费率从工坊的加工费中扣除');
    // The bid works out below the minimum wage: the company sees it and must confirm.
    expect(within(dialog).getByTestId('award-hourly')).toHaveTextContent('¥15.00/小时');
    expect(within(dialog).getByTestId('award-below-min-wage')).toHaveTextContent('该报价折合 ¥15.00/小时');
    expect(within(dialog).getByTestId('award-below-min-wage')).toHaveTextContent('最低小时工资 ¥22.00/小时');
    const ok = within(dialog).getByRole('button', { name: /确认选定/ });
    expect(ok).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /我已知悉，仍要授予此报价/ }));
    expect(calls.some((c) => c.path === '/bids/bA/accept')).toBe(false);
    await userEvent.click(ok);
    const done = await screen.findByTestId('award-done');
    expect(done).toHaveTextContent('已选定 黄河社区巧手坊，合同已生成。请到合同页托管货款 ¥4,500.00。');
    expect(within(done).getByRole('link', { name: /查看合同/ })).toHaveAttribute('href', '/contracts/c1');
    const accepts = calls.filter((c) => c.method === 'POST' && c.path === '/bids/bA/accept');
    expect(accepts).toHaveLength(1);
    expect(accepts[0].body).toEqual({ confirm_below_minimum_wage: true });
  });

  it('rejects a bid only with a reason', async () => {
    const { calls } = setup();
    renderApp('/orders/o9');
    await screen.findAllByTestId('bid-row');
    await userEvent.click(within(row('新立社区幸福微坊')).getByRole('button', { name: /拒绝/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /拒绝报价/ }));
    expect(await within(dialog).findByText('请写明拒绝原因')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('拒绝原因'), '数量太多');
    await userEvent.click(within(dialog).getByRole('button', { name: /拒绝报价/ }));
    await waitFor(() => expect(calls.find((c) => c.path === '/bids/bB/reject')?.body).toEqual({ reason: '数量太多' }));
  });

  it('shows the server\'s reason instead of the award button even for a bid that looks awardable', async () => {
    // Verified, fits what is left, open: by its fields it could be awarded; the server says the window has passed.
    const late = comparisonFixture({
      id: 'bC',
      workshop: { ...comparisonFixture().workshop, id: 'wC', name: '碧林花园社区微工厂' },
      actions: bidCan({ reject: true, accept: deny('已超过选定期限（报名截止后14天）', 'the award window has passed') }, refusals.notBidder),
    });
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: order },
      'GET /orders/o9/bids': { body: { items: [late], total: 1, page: 1, per_page: 100 } },
    });
    renderApp('/orders/o9');
    const c = (await screen.findAllByTestId('bid-row'))[0];
    expect(within(c).queryByRole('button', { name: /选定/ })).not.toBeInTheDocument();
    expect(within(c).getByTestId('award-refused')).toHaveTextContent('已超过选定期限（报名截止后14天）');
    expect(within(c).getByRole('button', { name: /拒绝/ })).toBeInTheDocument();
  });

  it('shows staff the bids without any decision', async () => {
    const moderator: Me = { user: { id: 'm1', email: 'mod@doorstep.cn', name: '审核员', phone: '', created_at: '2025-01-01T00:00:00Z' }, org: null, role: 'moderator' };
    const seen = (b: ReturnType<typeof comparisonFixture>) => ({ ...b, role: 'moderator' as const, actions: bidCan({}, refusals.notOwner) });
    mockApi({
      'GET /me': { body: moderator },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /moderation/counts': { body: { orders_to_review: 0, reported_orders: 0, orgs_to_verify: 0 } },
      'GET /orders/o9': { body: { ...order, mine: false, role: 'moderator', actions: moderatorCan('published') } },
      'GET /orders/o9/bids': { body: { items: [seen(fair), seen(counter)], total: 2, page: 1, per_page: 100 } },
    });
    renderApp('/orders/o9');
    const table = await screen.findByTestId('bid-compare');
    expect(await within(table).findAllByTestId('bid-row')).toHaveLength(2);
    expect(within(table).queryByRole('button', { name: /选定|拒绝|邀请工坊/ })).not.toBeInTheDocument();
    expect(within(table).queryByTestId('award-refused')).not.toBeInTheDocument();
    expect(screen.getByTestId('status-banner')).toHaveTextContent('已发布');
  });
});
