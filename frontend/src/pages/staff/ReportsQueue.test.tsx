import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, regionsReply, renderApp } from '../../test/utils';
import type { Me, Report, ReportGroup } from '../../api/types';

const moderatorMe: Me = {
  user: { id: 'm1', email: 'mod@doorstep.cn', name: '审核员', phone: '', created_at: '2025-01-01T00:00:00Z' },
  org: null,
  role: 'moderator',
};

const report = (over: Partial<Report>): Report => ({
  id: 'r1',
  order_id: 'oA',
  order_title: '编织网兜 5000 个',
  order_status: 'published',
  reason: 'other',
  detail: '',
  status: 'open',
  reporter_email: 'w@w.cn',
  reporter_org_name: '碧林花园社区微工厂',
  created_at: '2026-01-01T00:00:00Z',
  resolved_at: null,
  resolution_note: '',
  ...over,
});

const choices = (suspendable: boolean, suggested: boolean): ReportGroup['choices'] => ({
  suspend_order: suspendable ? { allowed: true } : { allowed: false, reason: { zh: '订单当前状态为“已结束”，无法暂停', en: 'the order is closed' } },
  suspend_suggested: suggested,
  note_required: { dismiss: true, suspend: true },
});

// The server orders groups: the deposit scam first, though reported once.
const scam: ReportGroup = {
  order_id: 'oB', order_title: '串珠 3000 件', order_status: 'suspended', auto_suspended: true, count: 1, top_reason: 'deposit_scam',
  reasons: [{ reason: 'deposit_scam', count: 1 }], first_reported_at: '2026-01-02T00:00:00Z',
  reports: [report({ id: 'r3', order_id: 'oB', reason: 'deposit_scam', detail: '要求先交押金' })],
  choices: choices(true, true),
};
const misleading: ReportGroup = {
  order_id: 'oA', order_title: '编织网兜 5000 个', order_status: 'published', auto_suspended: false, count: 2, top_reason: 'misleading',
  reasons: [{ reason: 'misleading', count: 1 }, { reason: 'other', count: 1 }], first_reported_at: '2026-01-01T00:00:00Z',
  reports: [report({ id: 'r1' }), report({ id: 'r2', reason: 'misleading' })],
  choices: choices(true, true),
};
// An order that closed since it was reported: upholding cannot take it down.
const closed: ReportGroup = {
  ...misleading, order_id: 'oC', order_title: '串珠 1000 件', order_status: 'closed', choices: choices(false, false),
};

function setup() {
  return mockApi({
    'GET /me': { body: moderatorMe },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /moderation/counts': { body: { orders_to_review: 3, reported_orders: 2, orgs_to_verify: 0 } },
    'GET /moderation/reports': { body: { items: [scam, misleading], total: 2, page: 1, per_page: 20 } },
    'POST /moderation/orders/oA/reports/resolve': { body: { reports: [] } },
    'POST /moderation/orders/oB/reports/resolve': { body: { reports: [] } },
  });
}

describe('reports queue', () => {
  it('groups reports per order, most serious first, with counts in the navigation', async () => {
    setup();
    renderApp('/staff/reports');
    const groups = await screen.findAllByTestId('report-group');
    expect(groups[0]).toHaveTextContent('串珠 3000 件');
    expect(within(groups[0]).getByTestId('report-reasons')).toHaveTextContent('疑似押金骗局 × 1');
    expect(groups[0]).toHaveTextContent('已因举报自动暂停');
    expect(within(groups[1]).getAllByTestId('report-card')).toHaveLength(2);
    expect(await screen.findByTestId('nav-pending-reported_orders')).toHaveTextContent('2');
    expect(screen.getByTestId('nav-pending-orders_to_review')).toHaveTextContent('3');
    expect(screen.queryByTestId('nav-pending-orgs_to_verify')).not.toBeInTheDocument();
  });

  it('needs a reason to dismiss, and offers to suspend the order when upholding', async () => {
    const { calls } = setup();
    renderApp('/staff/reports');
    const groups = await screen.findAllByTestId('report-group');
    await userEvent.click(within(groups[1]).getByRole('button', { name: /驳回举报/ }));
    let dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /驳回举报/ }));
    expect(within(dialog).getAllByText('驳回需要填写理由，举报人会看到').length).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(within(dialog).getByLabelText('处理说明'), '条款与说明一致');
    await userEvent.click(within(dialog).getByRole('button', { name: /驳回举报/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/moderation/orders/oA/reports/resolve')?.body).toEqual({ status: 'dismissed', note: '条款与说明一致', suspend_order: false }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await userEvent.click(within(groups[0]).getByRole('button', { name: /举报成立/ }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('checkbox', { name: /同时暂停该订单/ })).toBeChecked();
    await userEvent.type(within(dialog).getByLabelText('处理说明'), '核实收取押金');
    await userEvent.click(within(dialog).getByRole('button', { name: /举报成立/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/moderation/orders/oB/reports/resolve')?.body).toEqual({ status: 'upheld', note: '核实收取押金', suspend_order: true }),
    );
  });

  it('offers no suspension the server would refuse', async () => {
    mockApi({
      'GET /me': { body: moderatorMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /moderation/counts': { body: { orders_to_review: 0, reported_orders: 1, orgs_to_verify: 0 } },
      'GET /moderation/reports': { body: { items: [closed], total: 1, page: 1, per_page: 20 } },
    });
    renderApp('/staff/reports');
    const [group] = await screen.findAllByTestId('report-group');
    await userEvent.click(within(group).getByRole('button', { name: /举报成立/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('checkbox', { name: /同时暂停该订单/ })).not.toBeInTheDocument();
  });
});
