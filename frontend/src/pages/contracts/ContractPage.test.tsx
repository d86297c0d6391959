import { screen, within } from '@testing-library/react';
import { absent, craftsReply, mockApi, regionsReply, renderApp } from '../../test/utils';
import { verifiedCompanyMe } from '../../test/orders';
import { workshopMe } from '../../test/bids';
import { contractActions, contractBase, contractAs, nextStep } from '../../test/contracts';
import type { ContractView, Me } from '../../api/types';

const contractFixture: ContractView = { ...contractBase, title: '编织网兜 5000 个' };
/** The same contract as its workshop sees it: the company is to fund escrow. */
const asWorkshop = contractAs({
  title: '编织网兜 5000 个',
  role: 'workshop',
  actions: contractActions('request_cancel', 'post_message', 'view_money'),
  next: nextStep({ step: 'fund_escrow', who: 'company', amount: 450000, due_at: '2026-12-08T10:00:00Z' }),
});

function setup(me: Me, contract = contractFixture) {
  mockApi({
    'GET /me': { body: me },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    [`GET /contracts/${contract.id}`]: { body: contract },
    // The money tab and the timeline have their own tests.
    [`GET /contracts/${contract.id}/payments`]: absent,
    [`GET /contracts/${contract.id}/timeline`]: absent,
  });
  renderApp(`/contracts/${contract.id}`);
}

describe('contract page', () => {
  it('shows the frozen terms and the workshop its next step', async () => {
    setup(workshopMe, asWorkshop);
    expect(await screen.findByRole('heading', { name: '编织网兜 5000 个' })).toBeInTheDocument();
    expect(screen.getByTestId('contract-status')).toHaveTextContent('待托管资金');
    expect(screen.getByText('合同编号 C1A2B3C4')).toBeInTheDocument();
    expect(within(screen.getByTestId('contract-company')).getByRole('link', { name: '滨州巧手制品有限公司' })).toHaveAttribute('href', '/profiles/o1');
    expect(within(screen.getByTestId('contract-workshop')).getByTestId('badge-guarantee')).toBeInTheDocument();
    expect(screen.getByTestId('contract-escrow')).toHaveTextContent('¥4,500.00');
    expect(screen.getByTestId('contract-deposit')).toHaveTextContent('已由社区担保免除');
    expect(screen.getByTestId('contract-commission')).toHaveTextContent('5%，预计 ¥225.00');
    expect(screen.getByTestId('contract-net')).toHaveTextContent('¥4,275.00');
    expect(screen.getByText('企业送料上门；物资价值 ¥0.80/件；允许损耗 2%（60 件）')).toBeInTheDocument();
    expect(screen.getByText('允许次品率 3%；验收期 7 天；可返工 1 次')).toBeInTheDocument();
    expect(screen.getByText('山东省 滨州市 滨城区 黄河五路318号', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看原订单' })).toHaveAttribute('href', '/orders/o9');
    // The lifecycle, at its first step.
    const steps = document.querySelectorAll('.contract-steps .ant-steps-item');
    expect(steps).toHaveLength(7);
    expect(steps[0]).toHaveClass('ant-steps-item-process');
    expect(steps[0]).toHaveTextContent('待托管资金');
    expect(steps[6]).toHaveTextContent('已结算');
    const next = screen.getByTestId('next-step');
    expect(next).toHaveTextContent('等待滨州巧手制品有限公司把 ¥4,500.00 托管到平台');
    expect(screen.queryByTestId('next-step-go')).not.toBeInTheDocument(); // not the workshop's to do
  });

  it('tells the company to fund the escrow, with the button that does it', async () => {
    setup(verifiedCompanyMe);
    expect(await screen.findByTestId('next-step')).toHaveTextContent('请把托管金额 ¥4,500.00 付到平台');
    expect(screen.getByTestId('next-step-go')).toHaveTextContent('去付托管款');
  });

  it('says what the server says, not what the status suggests', async () => {
    // Awaiting funding with the escrow in and ¥100 of the deposit still owed:
    // the status alone would ask the company for escrow again.
    setup(
      verifiedCompanyMe,
      contractAs({ title: '编织网兜 5000 个', next: nextStep({ step: 'pay_deposit', who: 'workshop', amount: 10000, due_at: '2026-12-08T10:00:00Z' }) }),
    );
    const next = await screen.findByTestId('next-step');
    expect(next).toHaveTextContent('等待黄河社区巧手坊向平台交保证金 ¥100.00');
    expect(next).not.toHaveTextContent('请把托管金额');
  });

  it('reminds a workshop without a payout account', async () => {
    setup(workshopMe, { ...asWorkshop, reminders: ['payout_account'] });
    expect(await screen.findByTestId('reminder-payout')).toHaveTextContent('还没有填写收款账户');
  });

  it('shows progress further along the lifecycle', async () => {
    setup(
      verifiedCompanyMe,
      contractAs({
        title: '编织网兜 5000 个',
        status: 'in_production',
        stage: 'working',
        path_step: 3,
        next: nextStep({ step: 'deliver', who: 'workshop', quantity: 2940, due_at: '2030-12-20T00:00:00+08:00' }),
      }),
    );
    expect(await screen.findByTestId('next-step')).toHaveTextContent('黄河社区巧手坊正在组织居民生产');
    const steps = document.querySelectorAll('.contract-steps .ant-steps-item');
    expect(steps[2]).toHaveClass('ant-steps-item-finish');
    expect(steps[3]).toHaveClass('ant-steps-item-process');
    expect(screen.getByTestId('contract-status')).toHaveTextContent('生产中');
  });
});
