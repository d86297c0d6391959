import { screen, within } from '@testing-library/react';
import { companyMe, mockApi, renderApp } from '../../test/utils';
import type { AuditEntry, Me } from '../../api/types';
import { reloadPrefs } from '../../prefs/store';

const admin: Me = { ...companyMe, org: null, role: 'admin' };

// A refund finance sent by hand, as the server words it (market.AuditChanges).
const sent: AuditEntry = {
  id: 7,
  at: '2030-12-15T02:00:00Z',
  actor_id: 'u9',
  actor_email: 'finance@doorstep.test',
  action: 'disbursement.sent',
  target_type: 'disbursement',
  target_id: 'd1',
  target_title: '编织网兜 5000 个',
  before: { status: 'queued' },
  after: { status: 'sent', kind: 'refund', amount: 360000, bank_reference: 'ICBC-1' },
  note: '',
  changes: [
    { field: 'amount', label: { zh: '金额', en: 'Amount' }, before: { zh: '', en: '' }, after: { zh: '¥3,600.00', en: '¥3,600.00' } },
    { field: 'kind', label: { zh: '类型', en: 'Kind' }, before: { zh: '', en: '' }, after: { zh: '退款', en: 'Refund' } },
    { field: 'status', label: { zh: '状态', en: 'Status' }, before: { zh: '待汇出', en: 'To send' }, after: { zh: '已汇出', en: 'Sent' } },
  ],
};

function setup() {
  mockApi({
    'GET /me': { body: admin },
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
    'GET /audit': { body: { items: [sent], total: 1, page: 1, per_page: 20 } },
  });
}

describe('audit log', () => {
  it('shows what changed in words, money in yuan and the target by name', async () => {
    setup();
    renderApp('/staff/audit');
    const entry = (await screen.findByText(/编织网兜 5000 个/)).closest<HTMLElement>('.audit-entry')!;
    expect(entry).toHaveTextContent('确认汇出');
    expect(entry).toHaveTextContent('汇出款项 · 编织网兜 5000 个');
    expect(entry).toHaveTextContent('2030/12/15');
    const rows = within(entry).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['字段之前之后', '金额—¥3,600.00', '类型—退款', '状态待汇出已汇出']);
    expect(entry).not.toHaveTextContent('360000');
    expect(entry).not.toHaveTextContent('amount');
    expect(entry).not.toHaveTextContent('queued');
  });

  it('speaks English', async () => {
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    setup();
    renderApp('/staff/audit');
    const entry = (await screen.findByText(/编织网兜 5000 个/)).closest<HTMLElement>('.audit-entry')!;
    expect(within(entry).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'FieldBeforeAfter',
      'Amount—¥3,600.00',
      'Kind—Refund',
      'StatusTo sendSent',
    ]);
    expect(entry).toHaveTextContent('Payout or refund · 编织网兜 5000 个');
  });
});
