import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { absent, craftsReply, mockApi, regionsReply, renderApp, type MockReply } from '../../../test/utils';
import { verifiedCompanyMe } from '../../../test/orders';
import { workshopMe } from '../../../test/bids';
import { allow, contractActions, contractBase as contractFixture, contractAs, deny, nextStep } from '../../../test/contracts';
import { ledgerFixture, moneyFixture, paymentFixture } from '../../../test/money';
import type { ContractView, Me } from '../../../api/types';
import type { ContractPayments } from '../../../api/money';

const C = contractFixture.id;
// (contractBase is the company's view: allowed to fund and to ask to cancel.)

function setup(me: Me, money: ContractPayments | (() => ContractPayments), extra: Record<string, MockReply | ((r: { body: unknown }) => MockReply)> = {}, contract: ContractView = contractFixture) {
  const api = mockApi({
    'GET /me': { body: me },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    [`GET /contracts/${C}`]: { body: contract },
    [`GET /contracts/${C}/payments`]: () => ({ body: typeof money === 'function' ? money() : money }),
    [`GET /contracts/${C}/ledger`]: { body: { transactions: ledgerFixture } },
    [`GET /contracts/${C}/timeline`]: absent, // the fulfilment panel has its own tests
    ...extra,
  });
  renderApp(`/contracts/${C}`);
  return api;
}

describe('funding panel', () => {
  it('lets the company fund the escrow by bank transfer and shows where to send it', async () => {
    let money = moneyFixture;
    const pay = paymentFixture();
    const api = setup(verifiedCompanyMe, () => money, {
      [`POST /contracts/${C}/fund`]: () => {
        money = { ...moneyFixture, payments: [pay], owed: { ...moneyFixture.owed, open_escrow: pay.id } };
        return { status: 201, body: pay };
      },
    });
    const due = await screen.findByTestId('due-escrow');
    expect(within(due).getByTestId('escrow-owed')).toHaveTextContent('待付 ¥4,500.00');
    expect(screen.getByTestId('funding-deadline')).toHaveTextContent('逾期未付清，合同自动失效');
    // The workshop's deposit is waived by its community guarantee.
    expect(screen.getByTestId('deposit-waived')).toHaveTextContent('已免交（社区担保）');

    await userEvent.click(screen.getByTestId('pay-escrow'));
    expect(await screen.findByTestId('transfer-reference')).toHaveTextContent('DS-20301125-0042');
    expect(screen.getByTestId('transfer-amount')).toHaveTextContent('¥4,500.00');
    expect(screen.getByTestId('transfer-intro')).not.toHaveTextContent('对公');
    expect(screen.getByTestId('bank-account')).toHaveTextContent('1613020109200088888');
    expect(screen.getByTestId('bank-account-name')).toHaveTextContent('家门口平台托管账户');
    expect(within(screen.getByTestId('open-escrow')).getAllByText('等待财务核对到账').length).toBeGreaterThan(0);
    // The amount is the server's: the request carries none.
    const post = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/fund'));
    expect(post?.body).toBeUndefined();
  });

  it('saves the payer’s note about its transfer', async () => {
    const pay = paymentFixture();
    const api = setup(verifiedCompanyMe, { ...moneyFixture, payments: [pay], owed: { ...moneyFixture.owed, open_escrow: pay.id } }, {
      'POST /payments/p1/receipt': (r) => ({ body: { ...pay, receipt_note: (r.body as { note: string }).note } }),
    });
    await userEvent.click(await screen.findByTestId('receipt-edit'));
    await userEvent.type(screen.getByTestId('receipt-input'), '工行尾号1234 14:30 转出');
    await userEvent.click(screen.getByTestId('receipt-save'));
    await waitFor(() => expect(api.calls.some((c) => c.path === '/payments/p1/receipt')).toBe(true));
    expect(api.calls.find((c) => c.path === '/payments/p1/receipt')?.body).toEqual({ note: '工行尾号1234 14:30 转出' });
  });

  it('tells a workshop its deposit can come from the community’s or the coordinator’s own account', async () => {
    const pay = paymentFixture({ id: 'p3', purpose: 'deposit', amount: 60000, reference: 'DS-20301125-0044' });
    const money: ContractPayments = {
      ...moneyFixture,
      deposit_required: 60000,
      deposit_waived: false,
      payments: [pay],
      owed: { ...moneyFixture.owed, deposit: 60000, open_deposit: pay.id },
    };
    const contract = contractAs({
      deposit: { kind: 'fixed' as const, amount: 60000, waived: false },
      funding: { ...contractFixture.funding, deposit_owed: true },
      role: 'workshop',
      actions: contractActions('pay_deposit', 'request_cancel', 'post_message', 'view_money'),
      next: nextStep({ step: 'pay_deposit', who: 'you', action: 'pay_deposit', amount: 60000 }),
    });
    setup(workshopMe, money, {}, contract);
    const intro = await screen.findByTestId('transfer-intro');
    expect(intro).toHaveTextContent('负责人本人的银行卡');
    expect(intro).toHaveTextContent('不需要对公账户');
    expect(screen.getByTestId('transfer-reference')).toHaveTextContent('DS-20301125-0044');
  });

  it('asks the workshop for its deposit and tells it what a short transfer left owing', async () => {
    const money: ContractPayments = {
      ...moneyFixture,
      deposit_required: 60000,
      deposit_waived: false,
      held: { ...moneyFixture.held, deposit: 50000 },
      payments: [paymentFixture({ id: 'p2', purpose: 'deposit', amount: 60000, amount_received: 50000, status: 'short', reference: 'DS-20301125-0043' })],
      owed: { ...moneyFixture.owed, deposit: 10000 },
    };
    const contract = contractAs({
      deposit: { kind: 'fixed' as const, amount: 60000, waived: false },
      funding: { ...contractFixture.funding, deposit_owed: true },
      role: 'workshop',
      actions: contractActions('pay_deposit', 'request_cancel', 'post_message', 'view_money'),
      next: nextStep({ step: 'pay_deposit', who: 'you', action: 'pay_deposit', amount: 10000 }),
    });
    const api = setup(workshopMe, money, { [`POST /contracts/${C}/deposit`]: { status: 201, body: paymentFixture({ purpose: 'deposit', amount: 10000 }) } }, contract);
    const row = await screen.findByTestId('due-deposit');
    expect(within(row).getByTestId('deposit-owed')).toHaveTextContent('已到 ¥500.00，还差 ¥100.00');
    expect(within(row).getByTestId('deposit-short')).toHaveTextContent('实际到账 ¥500.00');
    // The workshop does not pay the escrow.
    expect(screen.queryByTestId('pay-escrow')).not.toBeInTheDocument();
    await userEvent.click(within(row).getByTestId('pay-deposit'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST' && c.path === `/contracts/${C}/deposit`)).toBe(true));
    // The money tab shows the short payment as received.
    const tab = screen.getByTestId('money-tab');
    expect(within(tab).getByTestId('payment-row')).toHaveTextContent('应付 ¥600.00，实收 ¥500.00，少 ¥100.00');
  });

  it('offers staff the Stripe test-mode simulation for a pending card payment', async () => {
    const staffMe: Me = { user: { ...workshopMe.user, id: 'u7', staff_role: 'admin' }, org: null, role: 'admin' };
    const card = paymentFixture({ provider: 'stripe' });
    const api = setup(
      staffMe,
      {
        ...moneyFixture,
        provider: 'stripe',
        bank: undefined,
        payments: [{ ...card, actions: { attach_receipt: deny(), confirm: deny(), simulate: allow() } }],
        owed: { ...moneyFixture.owed, open_escrow: card.id },
      },
      {
        'POST /payments/p1/simulate': { status: 202, body: { status: 'accepted' } },
        'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
      },
      contractAs({ role: 'admin', actions: contractActions('decide_cancel', 'post_message', 'view_money'), next: nextStep({ step: 'escrow_in_transit', who: 'system' }) }),
    );
    await userEvent.click(await screen.findByTestId('simulate-ok'));
    await waitFor(() => expect(api.calls.find((c) => c.path === '/payments/p1/simulate')?.body).toEqual({ outcome: 'succeeded' }));
    // Staff decide a cancellation; they never pay.
    expect(screen.getByTestId('cancel-decide')).toBeInTheDocument();
    expect(screen.queryByTestId('pay-escrow')).not.toBeInTheDocument();
  });

  it('shows the company the card path when the platform runs Stripe', async () => {
    setup(verifiedCompanyMe, { ...moneyFixture, provider: 'stripe', bank: undefined });
    expect(await screen.findByTestId('pay-escrow')).toHaveTextContent('银行卡付款 ¥4,500.00');
  });

  it('shows money held and the balanced ledger', async () => {
    const money: ContractPayments = {
      ...moneyFixture,
      held: { ...moneyFixture.held, escrow: 450000 },
      payments: [paymentFixture({ status: 'succeeded', amount_received: 450000, bank_reference: 'ICBC-889', settled_at: '2030-11-26T02:00:00Z' })],
    };
    setup(
      verifiedCompanyMe,
      { ...money, owed: { escrow: 0, deposit: 0, open_escrow: null, open_deposit: null } },
      {},
      contractAs({ status: 'active', stage: 'working', path_step: 1, actions: contractActions('dispatch', 'request_cancel', 'post_message', 'view_money') }),
    );
    const tab = await screen.findByTestId('money-tab');
    expect(within(tab).getByTestId('held-escrow')).toHaveTextContent('¥4,500.00');
    expect(within(tab).getByTestId('payment-row')).toHaveTextContent('银行流水 ICBC-889');
    expect(within(tab).getByTestId('payment-status')).toHaveTextContent('已到账');
    expect(screen.queryByTestId('payin')).not.toBeInTheDocument();
    await userEvent.click(within(tab).getByRole('tab', { name: '账本' }));
    const txs = await within(tab).findAllByTestId('ledger-tx');
    expect(txs).toHaveLength(2);
    expect(txs[1]).toHaveTextContent('合同托管款');
    expect(txs[1]).toHaveTextContent('+¥4,500.00');
    expect(within(tab).getAllByTestId('ledger-balanced')).toHaveLength(2);
    expect(within(tab).getByTestId('ledger-summary')).toHaveTextContent('全部 2 笔都已平衡');
  });

  it('asks to cancel with a dialog saying what money goes back to whom', async () => {
    const money: ContractPayments = { ...moneyFixture, held: { ...moneyFixture.held, escrow: 450000 } };
    let contract: ContractView = contractFixture;
    const api = setup(verifiedCompanyMe, money, {
      [`GET /contracts/${C}`]: () => ({ body: contract }),
      [`POST /contracts/${C}/cancel`]: () => {
        contract = { ...contractFixture, cancel_requested_by: 'o1', cancel_reason: '订单取消', actions: contractActions('post_message', 'view_money') };
        return { body: contract };
      },
    });
    await userEvent.click(await screen.findByTestId('cancel-ask'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('cancel-money')).toHaveTextContent('托管货款 ¥4,500.00 全额退还给 滨州巧手制品有限公司');
    expect(within(dialog).getByText('对方同意后合同才会取消。')).toBeInTheDocument();
    // A reason is required.
    await userEvent.click(within(dialog).getByTestId('cancel-ok'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请填写取消原因');
    await userEvent.type(within(dialog).getByTestId('cancel-reason'), '订单取消');
    await userEvent.click(within(dialog).getByTestId('cancel-ok'));
    await waitFor(() => expect(api.calls.find((c) => c.path === `/contracts/${C}/cancel`)?.body).toEqual({ reason: '订单取消' }));
    expect(await screen.findByTestId('cancel-request')).toHaveTextContent('您已申请取消合同，等待对方确认');
  });

  it('lets the other party agree to a cancellation', async () => {
    setup(
      workshopMe,
      moneyFixture,
      {},
      contractAs({
        cancel_requested_by: 'o1',
        cancel_reason: '客户取消了订单',
        role: 'workshop',
        actions: contractActions('agree_cancel', 'post_message', 'view_money'),
      }),
    );
    const req = await screen.findByTestId('cancel-request');
    expect(req).toHaveTextContent('滨州巧手制品有限公司 申请取消合同');
    expect(req).toHaveTextContent('原因：客户取消了订单');
    await userEvent.click(within(req).getByTestId('cancel-agree'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('确认后合同立即取消，不能撤销。')).toBeInTheDocument();
    expect(within(dialog).getByTestId('cancel-money')).toHaveTextContent('平台还没有收到任何款项');
  });
});
