import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { companyMe, craftsReply, mockApi, renderApp } from '../../../test/utils';
import { payoutFixture } from '../../../test/money';
import type { Me } from '../../../api/types';
import { documentsFixture } from '../../../test/documents';

const members = { body: { items: [], total: 0, page: 1, per_page: 100 } };

type Table = Parameters<typeof mockApi>[0];

function setup(me: Me, account = payoutFixture(), put?: Table[string], extra: Table = {}) {
  const api = mockApi({
    'GET /me': { body: me },
    'GET /meta/crafts': craftsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /orgs/o1': { body: me.org },
    'GET /orgs/o1/documents': { body: documentsFixture('o1', { business_licence: [] }) },
      'GET /orgs/o1/members': members,
    'GET /orgs/o1/payout-account': { body: account },
    ...(put ? { 'PUT /orgs/o1/payout-account': put } : {}),
    ...extra,
  });
  renderApp('/org');
  return api;
}

describe('payout account card', () => {
  it('lets an owner set the bank account, with the server’s field errors on the fields', async () => {
    let tries = 0;
    const api = setup(companyMe, payoutFixture(), (req) => {
      tries++;
      if (tries === 1) {
        return { status: 400, body: { error: { code: 'invalid', message: '请修改标出的内容', fields: { bank_name: '请填写开户行（2–100字）' } } } };
      }
      const b = req.body as { account_name: string; bank_name: string; account_number: string };
      return { body: payoutFixture({ ...b, payouts_enabled: true, updated_at: '2030-11-25T04:00:00Z' }) };
    });
    const card = await screen.findByTestId('payout-card');
    expect(await within(card).findByTestId('payout-missing')).toHaveTextContent('还没有设置收款账户');
    await userEvent.click(within(card).getByTestId('payout-edit'));
    // Client-side checks first: the number must be 8–30 digits.
    await userEvent.type(within(card).getByTestId('payout-account-name'), '滨州巧手制品有限公司');
    await userEvent.type(within(card).getByTestId('payout-bank-name'), '农行滨州分行');
    await userEvent.type(within(card).getByTestId('payout-account-number'), '12ab');
    await userEvent.click(within(card).getByTestId('payout-save'));
    expect(await within(card).findByText('账号应为8–30位数字')).toBeInTheDocument();
    await userEvent.clear(within(card).getByTestId('payout-account-number'));
    await userEvent.type(within(card).getByTestId('payout-account-number'), '6228 4800 1234 5678');
    await userEvent.click(within(card).getByTestId('payout-save'));
    // The server's error lands on its field.
    expect(await within(card).findByText('请填写开户行（2–100字）')).toBeInTheDocument();
    await userEvent.click(within(card).getByTestId('payout-save'));
    expect(await within(card).findByTestId('payout-bank')).toHaveTextContent('6228480012345678');
    const puts = api.calls.filter((c) => c.method === 'PUT');
    expect(puts[1].body).toEqual({ account_name: '滨州巧手制品有限公司', bank_name: '农行滨州分行', account_number: '6228480012345678' });
  });

  it('shows members the masked number and no edit button', async () => {
    const member: Me = { ...companyMe, role: 'member' };
    setup(member, payoutFixture({ account_name: '滨州巧手制品有限公司', bank_name: '农行滨州分行', account_number: '**** 5678', masked: true, payouts_enabled: true }));
    const card = await screen.findByTestId('payout-card');
    expect(await within(card).findByTestId('payout-number')).toHaveTextContent('**** 5678');
    expect(within(card).getByText('只有负责人可以修改收款账户。')).toBeInTheDocument();
    expect(within(card).queryByTestId('payout-edit')).not.toBeInTheDocument();
  });

  it('offers Stripe Connect when the platform runs Stripe', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    setup(companyMe, payoutFixture({ platform_provider: 'stripe' }), undefined, {
      'POST /orgs/o1/payout-account/stripe-link': { body: { url: 'https://connect.stripe.com/setup/e/acct_1' } },
    });
    expect(await screen.findByTestId('payout-stripe')).toHaveTextContent('连接 Stripe 账户后，放款自动汇到该账户');
    await userEvent.click(await screen.findByTestId('payout-stripe-link'));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://connect.stripe.com/setup/e/acct_1'));
    vi.unstubAllGlobals();
  });
});
