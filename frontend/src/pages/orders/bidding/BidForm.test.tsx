import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, regionsReply, renderApp, type MockRequest } from '../../../test/utils';
import { bidFixture, publishedOrder, quote, workshopMe } from '../../../test/bids';
import { workshopCan } from '../../../test/orders';
import { bidCan, refusals } from '../../../test/permissions';
import type { BidInput } from '../../../api/types';

const base = {
  'GET /me': { body: workshopMe },
  'GET /meta/crafts': craftsReply,
  'GET /meta/regions': regionsReply,
  'GET /notifications/unread-count': { body: { count: 0 } },
};

/** The preview computes like the server: quantity × price, ¥0.20 a piece deposit. */
function preview(waived = false) {
  return (req: MockRequest) => {
    const b = req.body as Partial<BidInput>;
    if (b.quantity == null || b.unit_price == null) return { body: { quote: null, fields: {} } };
    // Like the server, every invalid field is named, filled in or not.
    const fields: Record<string, string> = b.delivery_date ? {} : { delivery_date: '请填写交货日期' };
    if (b.quantity > 5000) fields.quantity = '超过剩余数量 5000 件';
    return {
      body: {
        quote: quote({
          amount: b.quantity * b.unit_price,
          commission: Math.round(b.quantity * b.unit_price * 0.03),
          workshop_net: b.quantity * b.unit_price - Math.round(b.quantity * b.unit_price * 0.03),
          deposit: { kind: 'per_unit', amount: waived ? 0 : b.quantity * 20, waived },
          hourly_equivalent: b.unit_price * 10,
          below_minimum_wage: b.unit_price * 10 < 2200,
        }),
        fields,
      },
    };
  };
}

const field = (label: string) => within(screen.getByRole('form', { name: '我要报价' })).getByLabelText(label);

describe('bid form', () => {
  it('validates the quantity against the minimum and what is left', async () => {
    const { calls } = mockApi({ ...base, 'GET /orders/o9': { body: publishedOrder }, 'POST /orders/o9/bids/preview': preview() });
    renderApp('/orders/o9');
    // The first test compiles the page and then its lazy bid panel (a busy CI machine: 10 s is short).
    await screen.findByRole('form', { name: '我要报价' }, { timeout: 30_000 });
    expect(screen.getByText('至少 1,000 件，最多 5,000 件（剩余数量）')).toBeInTheDocument();
    await userEvent.type(field('接单数量（件）'), '500');
    await userEvent.click(screen.getByRole('button', { name: '提交报价' }));
    expect(await screen.findByText('至少要接 1,000 件')).toBeInTheDocument();
    expect(screen.getByText('请选择承诺交货日期')).toBeInTheDocument();
    expect(screen.getByText('请填写投入居民人数')).toBeInTheDocument();
    await userEvent.clear(field('接单数量（件）'));
    await userEvent.type(field('接单数量（件）'), '6000');
    expect(await screen.findByText('最多还剩 5,000 件')).toBeInTheDocument();
    // The server's own check shows too, from the preview.
    const problems = await screen.findByTestId('bid-problems', {}, { timeout: 3000 });
    expect(problems).toHaveTextContent('超过剩余数量 5000 件');
    expect(problems).not.toHaveTextContent('请填写交货日期');
    await userEvent.clear(field('报价单价（元/件）'));
    await userEvent.type(field('报价单价（元/件）'), '1.234');
    await userEvent.click(screen.getByRole('button', { name: '提交报价' }));
    expect(await screen.findByText('请输入金额，最多两位小数')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/orders/o9/bids')).toBe(false);
  });

  it('shows live figures, flags a counter-offer below the minimum wage, and submits fen', async () => {
    const { calls } = mockApi({
      ...base,
      'GET /orders/o9': { body: publishedOrder },
      'POST /orders/o9/bids/preview': preview(),
      'POST /orders/o9/bids': (req) => ({ status: 201, body: { ...bidFixture, ...(req.body as BidInput) } }),
    });
    renderApp('/orders/o9');
    await screen.findByRole('form', { name: '我要报价' });
    expect(screen.getByTestId('bid-quote')).toHaveTextContent('填写数量和单价后');
    await userEvent.type(field('接单数量（件）'), '3000');
    const quoteBox = screen.getByTestId('bid-quote');
    await waitFor(() => expect(within(quoteBox).getByTestId('bid-amount')).toHaveTextContent('¥4,500.00'), { timeout: 3000 });
    expect(within(quoteBox).getByTestId('bid-deposit')).toHaveTextContent('¥600.00');
    // The commission and the workshop's net stand next to the total, as the server computes them.
    expect(within(quoteBox).getByTestId('bid-net')).toHaveTextContent('扣除平台服务费 3%（¥135.00）后，工坊实得 ¥4,365.00');
    expect(within(quoteBox).getByTestId('bid-below-min-wage')).toHaveTextContent('¥15.00/小时');

    // A counter-offer of ¥2.50: a new total, and now above the minimum wage.
    await userEvent.clear(field('报价单价（元/件）'));
    await userEvent.type(field('报价单价（元/件）'), '2.5');
    expect(screen.getByTestId('counter-offer-hint')).toHaveTextContent('企业报价 ¥1.50/件');
    await waitFor(() => expect(within(quoteBox).getByTestId('bid-amount')).toHaveTextContent('¥7,500.00'), { timeout: 3000 });
    expect(within(quoteBox).queryByTestId('bid-below-min-wage')).not.toBeInTheDocument();

    await userEvent.type(field('承诺交货日期'), '2030-12-20{enter}');
    await userEvent.type(field('投入居民人数'), '12');
    await userEvent.type(field('给企业的留言'), '可以周末加班');
    await userEvent.click(screen.getByRole('button', { name: '提交报价' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path === '/orders/o9/bids')).toBeDefined());
    const body = calls.find((c) => c.method === 'POST' && c.path === '/orders/o9/bids')!.body as BidInput;
    expect(body).toMatchObject({ quantity: 3000, unit_price: 250, headcount: 12, message: '可以周末加班' });
    expect(new Date(body.delivery_date).getTime()).toBe(new Date(2030, 11, 20).getTime());
  });

  it('asks the workshop to confirm a price below the minimum wage, and sends the confirmation', async () => {
    const { calls } = mockApi({
      ...base,
      'GET /orders/o9': { body: publishedOrder },
      'POST /orders/o9/bids/preview': preview(),
      'POST /orders/o9/bids': (req) => ({ status: 201, body: { ...bidFixture, ...(req.body as BidInput) } }),
    });
    renderApp('/orders/o9');
    await screen.findByRole('form', { name: '我要报价' });
    await userEvent.type(field('接单数量（件）'), '3000');
    await userEvent.type(field('承诺交货日期'), '2030-12-20{enter}');
    await userEvent.type(field('投入居民人数'), '12');
    await screen.findByTestId('bid-confirm-below-min-wage', {}, { timeout: 3000 });
    await userEvent.click(screen.getByRole('button', { name: '提交报价' }));
    expect(await screen.findByText('单价低于最低工资标准，请勾选确认后再提交')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/orders/o9/bids')).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: /我已知悉：按此单价折合时薪低于当地最低工资标准/ }));
    await userEvent.click(screen.getByRole('button', { name: '提交报价' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path === '/orders/o9/bids')).toBeDefined());
    expect(calls.find((c) => c.method === 'POST' && c.path === '/orders/o9/bids')!.body).toMatchObject({ quantity: 3000, unit_price: 150, confirm_below_minimum_wage: true });
  });

  it('says the deposit is waived for a guaranteed workshop', async () => {
    mockApi({ ...base, 'GET /orders/o9': { body: publishedOrder }, 'POST /orders/o9/bids/preview': preview(true) });
    renderApp('/orders/o9');
    await screen.findByRole('form', { name: '我要报价' });
    await userEvent.type(field('接单数量（件）'), '2000');
    await waitFor(() => expect(screen.getByTestId('bid-deposit')).toHaveTextContent('已由社区担保免除'), { timeout: 3000 });
    expect(screen.getByTestId('bid-amount')).toHaveTextContent('¥3,000.00');
  });

  it('shows my open bid with the invitation banner, and withdraws it after confirming', async () => {
    const { calls } = mockApi({
      ...base,
      'GET /orders/o9': { body: { ...publishedOrder, invited: true, my_bid: bidFixture, actions: workshopCan({ bid: refusals.alreadyBid }) } },
      'POST /orders/o9/bids/preview': preview(),
      'POST /bids/b1/withdraw': { body: { ...bidFixture, status: 'withdrawn' } },
    });
    renderApp('/orders/o9');
    expect(await screen.findByTestId('invited-banner')).toHaveTextContent('您受邀报价');
    const mine = screen.getByTestId('my-bid');
    expect(within(mine).getByTestId('bid-status')).toHaveTextContent('已提交');
    expect(mine).toHaveTextContent('3,000 件');
    expect(mine).toHaveTextContent('¥4,500.00');
    expect(screen.queryByRole('form', { name: '我要报价' })).not.toBeInTheDocument();

    await userEvent.click(within(mine).getByRole('button', { name: /修改报价/ }));
    expect(await screen.findByRole('form', { name: '修改报价' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '取消' }));

    await userEvent.click(within(await screen.findByTestId('my-bid')).getByRole('button', { name: /撤回报价/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('撤回这份报价？');
    await userEvent.click(within(dialog).getByRole('button', { name: /撤回报价/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/bids/b1/withdraw')).toBe(true));
  });

  it('says bidding is closed after the deadline', async () => {
    mockApi({ ...base, 'GET /orders/o9': { body: { ...publishedOrder, bidding_deadline: '2020-01-01T00:00:00Z', actions: workshopCan({ bid: refusals.biddingClosed }) } } });
    renderApp('/orders/o9');
    expect(await screen.findByTestId('bidding-closed')).toHaveTextContent('报名已截止');
    expect(screen.queryByRole('form', { name: '我要报价' })).not.toBeInTheDocument();
  });

  it('says "take all that is left" instead of "at least 500, at most 500"', async () => {
    mockApi({ ...base, 'GET /orders/o9': { body: { ...publishedOrder, remaining_quantity: 500 } }, 'POST /orders/o9/bids/preview': preview() });
    renderApp('/orders/o9');
    await screen.findByRole('form', { name: '我要报价' });
    expect(screen.getByText('需整单承接剩余的 500 件')).toBeInTheDocument();
    expect(screen.queryByText(/至少 500 件，最多 500 件/)).not.toBeInTheDocument();
  });

  it('lets a workshop withdraw an open bid after the deadline but not revise it, and says why', async () => {
    const late = { ...bidFixture, actions: bidCan({ withdraw: true, revise: refusals.biddingClosed }, refusals.notOwner) };
    mockApi({
      ...base,
      'GET /orders/o9': { body: { ...publishedOrder, bidding_deadline: '2020-01-01T00:00:00Z', my_bid: late, actions: workshopCan({ bid: refusals.biddingClosed }) } },
    });
    renderApp('/orders/o9');
    const mine = await screen.findByTestId('my-bid');
    expect(within(mine).getByRole('button', { name: /撤回报价/ })).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: /修改报价/ })).not.toBeInTheDocument();
    expect(within(mine).getByTestId('why-no-revise')).toHaveTextContent('订单报名已截止');
    expect(mine).toHaveTextContent('¥4,365.00（已扣平台服务费 3%，¥135.00）');
    // The bid still stands: no separate "closed" notice, no new bid form.
    expect(screen.queryByTestId('bidding-closed')).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '我要报价' })).not.toBeInTheDocument();
  });

  it('offers a new bid only when the server allows one, whatever the bid\'s status', async () => {
    // A withdrawn bid, and the order takes bids: the form is there, under "bid again".
    const withdrawn = { ...bidFixture, status: 'withdrawn' as const, actions: bidCan({}, refusals.bidClosed) };
    mockApi({ ...base, 'GET /orders/o9': { body: { ...publishedOrder, my_bid: withdrawn } }, 'POST /orders/o9/bids/preview': preview() });
    renderApp('/orders/o9');
    expect(await screen.findByRole('form', { name: '我要报价' })).toBeInTheDocument();
    expect(screen.getByText('重新报价')).toBeInTheDocument();
    expect(within(screen.getByTestId('my-bid')).queryByRole('button')).not.toBeInTheDocument();
  });
});
