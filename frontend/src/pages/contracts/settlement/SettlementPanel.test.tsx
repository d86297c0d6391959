import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contractActions, contractFor, nextStep } from '../../../test/contracts';
import { absent, craftsReply, mockApi, regionsReply, renderApp, type MockReply, type MockRequest } from '../../../test/utils';
import { verifiedCompanyMe } from '../../../test/orders';
import { workshopMe } from '../../../test/bids';
import { settledContract, settlingContract, staffMe, statementFixture } from '../../../test/settlement';
import { reloadPrefs } from '../../../prefs/store';
import type { ContractView, Me } from '../../../api/types';
import type { Statement } from '../../../api/settlement';

const id = settledContract.id;

function setup(me: Me, contract: ContractView, statement: Statement | ((req: MockRequest) => MockReply) = statementFixture, extra = {}) {
  return mockApi({
    'GET /me': { body: me },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    [`GET /contracts/${id}`]: { body: contractFor(me, contract) },
    [`GET /contracts/${id}/statement`]: typeof statement === 'function' ? statement : { body: statement },
    // The money tab and the timeline have their own tests.
    [`GET /contracts/${id}/payments`]: absent,
    [`GET /contracts/${id}/timeline`]: absent,
    ...extra,
  });
}

/** Renders the contract page once its layout is final: the page starts in its phone
 *  layout until the screen width is known, and the switch remounts the panels. */
async function open() {
  renderApp(`/contracts/${id}`);
  await waitFor(() => expect(document.querySelector('.contract-steps')).not.toBeNull());
}

describe('settlement panel', () => {
  it('shows the workshop what it got and why the deposit was cut', async () => {
    setup(workshopMe, settledContract);
    await open();
    // (The page settles its layout once the screen width is known: query the panel after the statement is in.)
    await waitFor(() => expect(screen.getByTestId('sum-accepted')).toHaveTextContent('2,850 件'));
    const panel = screen.getByTestId('settlement-panel');
    expect(within(panel).getAllByText('已结算').length).toBeGreaterThan(0);
    expect(within(panel).getByTestId('sum-rejected')).toHaveTextContent('50 件');
    expect(within(panel).getByTestId('sum-released')).toHaveTextContent('¥4,275.00');
    expect(within(panel).getByTestId('sum-commission')).toHaveTextContent('¥213.75');
    expect(within(panel).getByTestId('sum-net')).toHaveTextContent('¥4,061.25');
    expect(within(panel).getByTestId('sum-net')).toHaveClass('set-mine');
    expect(within(panel).getByTestId('sum-escrowRefund')).toHaveTextContent('¥225.00');
    expect(within(panel).getByTestId('sum-depositRefund')).toHaveTextContent('¥18.00');
    expect(within(panel).getByTestId('sum-deduction')).toHaveTextContent('¥32.00');
    const rule = within(panel).getByTestId('deposit-rule');
    expect(rule).toHaveTextContent('扣除 = min(保证金, max(0, 缺少物料 − 允许损耗) × 每件物料价值)');
    expect(rule).toHaveTextContent('收到物料 3000 件 − 退回 0 件 − 交付 2900 件 = 缺少 100 件');
    expect(rule).toHaveTextContent('缺少 100 件 − 允许损耗 60 件 → 应赔 40 件');
    expect(rule).toHaveTextContent('扣除 = min(保证金 ¥50.00, 40 件 × ¥0.80) = ¥32.00');
    expect(rule).toHaveTextContent('退还工坊 = ¥50.00 − ¥32.00 = ¥18.00');
    expect(within(panel).getByTestId('deposit-why')).toHaveTextContent('有 40 件物料缺失超出允许损耗，按物料价值扣除 ¥32.00 赔给企业');
    expect(rule).toHaveTextContent('验收不合格的件数不会扣保证金');
    expect(within(panel).getByTestId('to-statement').closest('a')).toHaveAttribute('href', `/contracts/${id}/statement`);
    expect(within(panel).getByTestId('statement-xlsx')).toBeInTheDocument();
    expect(within(panel).queryByTestId('settle-now')).not.toBeInTheDocument();
    // The workshop rates payment, communication and fair inspection.
    const form = within(panel).getByTestId('rating-form');
    expect(within(form).getByText('付款')).toBeInTheDocument();
    expect(within(form).getByText('验收公正')).toBeInTheDocument();
    expect(within(panel).getByTestId('rating-hidden')).toHaveTextContent('「滨州巧手制品有限公司」的评价暂不显示：双方都评价后，或第一条评价满 14 天后公开');
  });

  it('says so when the deposit came back in full', async () => {
    const st: Statement = {
      ...statementFixture,
      totals: { ...statementFixture.totals, deposit_refunded: 5000, compensation: 0 },
      deposit_rule: { ...statementFixture.deposit_rule, delivered: 2950, missing: 50, chargeable: 0, deduction: 0, refund: 5000 },
    };
    setup(verifiedCompanyMe, settledContract, st);
    await open();
    expect(await screen.findByTestId('deposit-why')).toHaveTextContent('物料没有超出允许损耗的缺失，保证金全额退还工坊。');
    expect(screen.getByTestId('sum-escrowRefund')).toHaveClass('set-mine');
    expect(screen.getByTestId('sum-deduction')).toHaveTextContent('¥0.00');
  });

  it('explains a waived deposit', async () => {
    const st: Statement = {
      ...statementFixture,
      deposit_waived: true,
      totals: { ...statementFixture.totals, deposit_refunded: 0, compensation: 0 },
      deposit_rule: { ...statementFixture.deposit_rule, deposit_held: 0, deduction: 0, refund: 0 },
    };
    setup(workshopMe, settledContract, st);
    await open();
    expect(await screen.findByTestId('deposit-why')).toHaveTextContent('保证金已由社区担保免除');
    expect(screen.queryByTestId('sum-depositRefund')).not.toBeInTheDocument();
  });

  it('rates the other side once, with every score required', async () => {
    const user = userEvent.setup();
    const mine = { by: 'workshop' as const, a: 4, b: 5, c: 3, comment: '付款及时', created_at: '2030-12-21T02:00:00Z' };
    const { calls } = setup(workshopMe, settledContract, statementFixture, {
      [`POST /contracts/${id}/ratings`]: { status: 201, body: { ...statementFixture, can_rate: false, my_rating: mine } },
    });
    await open();
    const form = await screen.findByTestId('rating-form');
    await user.click(within(form).getByTestId('rate-submit'));
    expect(await within(form).findAllByText('请选择 1 到 5 星')).toHaveLength(3);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    const stars = (k: string) => within(within(form).getByTestId(`rate-${k}`)).getAllByRole('radio');
    await user.click(stars('a')[3]);
    await user.click(stars('b')[4]);
    await user.click(stars('c')[2]);
    await user.type(within(form).getByTestId('rate-comment'), '付款及时');
    await user.click(within(form).getByTestId('rate-submit'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ a: 4, b: 5, c: 3, comment: '付款及时' }));
    expect(await screen.findByTestId('rating-mine')).toHaveTextContent('付款及时');
    expect(screen.queryByTestId('rating-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('rating-hidden')).toHaveTextContent('已提交。「滨州巧手制品有限公司」评价后，或您的评价满 14 天后');
  });

  it("shows a server error and the other side's rating once visible", async () => {
    const user = userEvent.setup();
    setup(verifiedCompanyMe, settledContract, statementFixture, {
      [`POST /contracts/${id}/ratings`]: { status: 409, body: { error: { code: 'conflict', message: '您已评价过' } } },
    });
    await open();
    const form = await screen.findByTestId('rating-form');
    // The company rates quality, communication and timeliness.
    expect(within(form).getByText('做工质量')).toBeInTheDocument();
    expect(within(form).getByText('按时交付')).toBeInTheDocument();
    for (const k of ['a', 'b', 'c']) await user.click(within(within(form).getByTestId(`rate-${k}`)).getAllByRole('radio')[4]);
    await user.click(within(form).getByTestId('rate-submit'));
    expect(await within(form).findByRole('alert')).toHaveTextContent('您已评价过');
  });

  it('shows both ratings once both rated', async () => {
    const theirs = { by: 'workshop' as const, a: 5, b: 4, c: 5, comment: '验收公道', created_at: '2030-12-21T02:00:00Z' };
    const mine = { by: 'company' as const, a: 4, b: 4, c: 4, comment: '', created_at: '2030-12-22T02:00:00Z' };
    setup(verifiedCompanyMe, settledContract, { ...statementFixture, can_rate: false, my_rating: mine, ratings: [theirs] });
    await open();
    const t = await screen.findByTestId('rating-theirs');
    expect(t).toHaveTextContent('「黄河社区巧手坊」的评价');
    expect(t).toHaveTextContent('验收公正');
    expect(t).toHaveTextContent('验收公道');
    expect(screen.getByTestId('rating-mine')).toHaveTextContent('做工质量');
    expect(screen.queryByTestId('rating-hidden')).not.toBeInTheDocument();
  });

  it('lets staff settle now after confirming', async () => {
    const user = userEvent.setup();
    let settled = false;
    const settlingSt: Statement = {
      ...statementFixture,
      status: 'settling',
      settled_at: null,
      can_rate: false,
      totals: { ...statementFixture.totals, escrow_refunded: 0, deposit_refunded: 0, compensation: 0 },
      deposit_rule: { ...statementFixture.deposit_rule, deposit_held: 0, deduction: 0, refund: 0 },
    };
    const { calls } = mockApi({
      'GET /me': { body: staffMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
      [`GET /contracts/${id}`]: () => ({
        body: settled
          ? { ...settledContract, role: 'admin', actions: contractActions('post_message', 'view_money') }
          : { ...settlingContract, role: 'admin', actions: contractActions('settle', 'post_message', 'view_money') },
      }),
      [`GET /contracts/${id}/statement`]: () => ({ body: settled ? { ...statementFixture, can_rate: false } : settlingSt }),
      [`GET /contracts/${id}/payments`]: absent,
      [`GET /contracts/${id}/timeline`]: absent,
      [`POST /contracts/${id}/settle`]: () => {
        settled = true;
        return { body: settledContract };
      },
    });
    await open();
    expect(await screen.findByTestId('settling-note')).toHaveTextContent('平台工作人员也可以立即结算');
    // Before settlement: the reconciliation so far, no deduction yet.
    expect(await screen.findByTestId('deposit-why')).toHaveTextContent('结算时按这条规则处理保证金');
    expect(screen.queryByTestId('sum-escrowRefund')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('settle-now'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('结算后不能撤销');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByTestId('settle-confirm'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === `/contracts/${id}/settle`)).toBe(true));
    expect(await screen.findByTestId('sum-escrowRefund')).toHaveTextContent('¥225.00');
    expect(screen.queryByTestId('settle-now')).not.toBeInTheDocument();
    // Staff see the ratings but do not rate.
    expect(screen.queryByTestId('rating-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('rating-none')).toHaveTextContent('双方都还没有评价');
  });

  it('is not there before settlement', async () => {
    const { calls } = setup(workshopMe, {
      ...settledContract,
      status: 'in_production',
      stage: 'working',
      path_step: 3,
      role: 'workshop',
      next: nextStep({ step: 'deliver', who: 'you', action: 'deliver', quantity: 1000 }),
    });
    await open();
    // (The next step moves once the screen width is known: wait for its text, not its first node.)
    await screen.findByRole('heading', { name: settledContract.title });
    await waitFor(() => expect(screen.getByTestId('next-step')).toHaveTextContent('组织居民生产'));
    expect(screen.queryByTestId('settlement-panel')).not.toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/statement'))).toBe(false);
  });

  it('speaks English', async () => {
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    setup(workshopMe, settledContract);
    await open();
    expect(await screen.findByTestId('deposit-why')).toHaveTextContent('40 pcs of material are missing beyond the allowed loss: ¥32.00 is paid to the company');
    expect(screen.getByTestId('sum-depositRefund')).toHaveTextContent('Deposit returned to the workshop¥18.00');
    expect(screen.getByText('Fair inspection')).toBeInTheDocument();
  });
});
