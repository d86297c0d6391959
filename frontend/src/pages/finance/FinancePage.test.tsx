import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderApp, type MockRequest } from '../../test/utils';
import { financeDisbursementFixture, financeMe, financePaymentFixture } from '../../test/money';

function page<T>(items: T[]) {
  return { body: { items, total: items.length, page: 1, per_page: 20 } };
}

function setup(queued = financeDisbursementFixture()) {
  const payments = (req: MockRequest) => (req.query.get('status') === 'pending' ? page([financePaymentFixture()]) : page([]));
  const disbursements = (req: MockRequest) => (req.query.get('status') === 'queued' ? page([queued]) : page([]));
  const api = mockApi({
    'GET /me': { body: financeMe },
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /finance/payments': payments,
    'GET /finance/disbursements': disbursements,
    'POST /finance/payments/p1/confirm': (req) => {
      const b = req.body as { amount_received: number };
      return { body: { ...financePaymentFixture(), amount_received: b.amount_received, status: b.amount_received < 450000 ? 'short' : 'succeeded' } };
    },
    'POST /finance/disbursements/d1/sent': { body: { ...financeDisbursementFixture(), status: 'sent' } },
  });
  renderApp('/finance');
  return api;
}

describe('finance page', () => {
  it('confirms a short bank transfer with what actually arrived, saying what it means', async () => {
    const api = setup();
    const row = await screen.findByTestId('finance-payment');
    expect(row).toHaveTextContent('DS-20301125-0042');
    expect(row).toHaveTextContent('工行尾号1234转出');
    expect(await screen.findByText('待核对 (1)')).toBeInTheDocument();
    await userEvent.click(within(row).getByTestId('finance-confirm'));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByTestId('finance-amount');
    expect(amount).toHaveValue('4500.00');
    expect(within(dialog).getByTestId('finance-consequence')).toHaveTextContent('金额一致');
    await userEvent.clear(amount);
    await userEvent.type(amount, '4400.5');
    expect(within(dialog).getByTestId('finance-consequence')).toHaveTextContent('少付 ¥99.50：按实收 ¥4,400.50 入账');
    expect(within(dialog).getByTestId('finance-consequence')).toHaveTextContent('滨州巧手制品有限公司 需要补付');
    await userEvent.clear(amount);
    await userEvent.type(amount, '4600');
    expect(within(dialog).getByTestId('finance-consequence')).toHaveTextContent('多出的 ¥100.00 生成一笔退款');
    await userEvent.clear(amount);
    await userEvent.type(amount, '4400.5');
    // The bank reference is required.
    await userEvent.click(within(dialog).getByTestId('finance-confirm-ok'));
    expect(await within(dialog).findByText('请填写银行流水号（4–100个字符）')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByTestId('finance-bank-ref'), 'ICBC-20301126-889');
    await userEvent.click(within(dialog).getByTestId('finance-confirm-ok'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === '/finance/payments/p1/confirm')?.body).toEqual({ amount_received: 440050, bank_reference: 'ICBC-20301126-889' }),
    );
  });

  it('marks a refund sent from the bank with its reference', async () => {
    const api = setup();
    await userEvent.click(await screen.findByTestId('finance-tab-out'));
    const row = await screen.findByTestId('finance-disbursement');
    expect(row).toHaveTextContent('¥50.00');
    expect(row).toHaveTextContent('6228480012345678');
    expect(row).toHaveTextContent('退款 → 滨州巧手制品有限公司');
    await userEvent.click(within(row).getByTestId('finance-send'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByTestId('finance-sent-ref'), 'ABC-778899');
    await userEvent.click(within(dialog).getByTestId('finance-sent-ok'));
    await waitFor(() => expect(api.calls.find((c) => c.path === '/finance/disbursements/d1/sent')?.body).toEqual({ bank_reference: 'ABC-778899' }));
  });

  it('says why a payout is sent again: the earlier transfer was reversed', async () => {
    setup(financeDisbursementFixture({ kind: 'payout', reissue_of: 'd0', amount: 252282 }));
    await userEvent.click(await screen.findByTestId('finance-tab-out'));
    const row = await screen.findByTestId('finance-disbursement');
    expect(within(row).getByTestId('disbursement-reason')).toHaveTextContent('补发：之前的汇出被撤回，这笔重新汇出');
  });
});
