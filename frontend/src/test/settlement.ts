import type { ContractView, Me } from '../api/types';
import type { CompanyScorecard, PlatformStats, Statement, WorkshopScorecard } from '../api/settlement';
import { contractActions, contractBase as contractFixture, nextStep } from './contracts';

/** A line without a note. */
const none = { zh: '', en: '' };

export const staffMe: Me = {
  user: { id: 'u9', email: 'admin@doorstep.test', name: '平台管理员', phone: '13800000000', created_at: '2025-01-01T00:00:00Z' },
  org: null,
  role: 'admin',
} as Me;

/** 3000 pieces at ¥1.50 with a ¥50 fixed deposit: 2900 delivered, 2850 accepted, 50 rejected;
 *  3000 of material received, none returned → 100 missing, 60 allowed, 40 × ¥0.80 = ¥32 kept. */
export const settledContract: ContractView = {
  ...contractFixture,
  status: 'settled',
  stage: 'settled',
  path_step: 6,
  actions: contractActions('rate', 'post_message', 'view_money'),
  next: nextStep({ step: 'rate', who: 'you', action: 'rate' }),
  deposit: { kind: 'fixed', amount: 5000, waived: false },
  workshop: { ...contractFixture.workshop, community_guarantee: false },
};

export const settlingContract: ContractView = {
  ...settledContract,
  status: 'settling',
  stage: 'settling',
  path_step: 5,
  actions: contractActions('post_message', 'view_money'),
  next: nextStep({ step: 'settle', who: 'system' }),
};

export const statementFixture: Statement = {
  contract_id: contractFixture.id,
  title: contractFixture.title,
  status: 'settled',
  company: '滨州巧手制品有限公司',
  workshop: '黄河社区巧手坊',
  currency: 'CNY',
  quantity: 3000,
  unit_price: 150,
  escrow: 450000,
  deposit: 5000,
  deposit_kind: 'fixed',
  deposit_waived: false,
  commission_bp: 500,
  created_at: '2030-11-25T04:00:00Z',
  settled_at: '2030-12-20T08:30:00Z',
  dispatches: [
    { at: '2030-11-27T02:00:00Z', kind: 'dispatched', quantity: 3000, amount: 0, note: { zh: '顺丰 · 运单号 SF1234567', en: '顺丰 · tracking number SF1234567' } },
    { at: '2030-11-28T02:00:00Z', kind: 'received', quantity: 3000, amount: 0, note: none },
  ],
  deliveries: [
    { at: '2030-12-10T02:00:00Z', kind: 'delivered', quantity: 2900, amount: 0, note: none },
    { at: '2030-12-12T02:00:00Z', kind: 'inspected_accepted', quantity: 2850, amount: 0, note: none },
    { at: '2030-12-12T02:00:00Z', kind: 'inspected_rejected', quantity: 50, amount: 0, note: none },
    { at: '2030-12-12T02:00:00Z', kind: 'inspected_rework', quantity: 0, amount: 0, note: none },
  ],
  disputes: [],
  money: [
    { at: '2030-11-26T02:00:00Z', kind: 'paid_escrow', quantity: 0, amount: 450000, note: { zh: '银行转账 · 参考号 DS-1 · 银行流水号 ICBC-1', en: 'bank transfer · ref DS-1 · bank ref ICBC-1' } },
    { at: '2030-11-26T03:00:00Z', kind: 'paid_deposit', quantity: 0, amount: 5000, note: { zh: '银行转账 · 参考号 DS-2 · 银行流水号 ABC-1', en: 'bank transfer · ref DS-2 · bank ref ABC-1' } },
    { at: '2030-12-13T02:00:00Z', kind: 'payout_sent', quantity: 0, amount: 406125, note: { zh: '银行转账 · 银行流水号 PAY-1', en: 'bank transfer · bank ref PAY-1' } },
    { at: '2030-12-20T09:00:00Z', kind: 'refund_queued', quantity: 0, amount: 22500, note: none },
  ],
  totals: {
    accepted: 2850,
    rejected: 50,
    released: 427500,
    commission: 21375,
    workshop_net: 406125,
    escrow_refunded: 22500,
    deposit_refunded: 1800,
    compensation: 3200,
    paid_in: 455000,
  },
  deposit_rule: {
    received: 3000,
    returned: 0,
    delivered: 2900,
    missing: 100,
    allowed_loss: 60,
    chargeable: 40,
    value_per_unit: 80,
    deposit_held: 5000,
    deduction: 3200,
    refund: 1800,
    own_materials: false,
  },
  ratings: [],
  my_rating: null,
  can_rate: true,
};

const rate = (value: number | null, num: number, den: number, enough: boolean) => ({ value, num, den, enough });

export const companyScorecard: CompanyScorecard = {
  contracts_settled: 5,
  rejection_rate: rate(0.032, 96, 3000, true),
  funded_on_time: rate(0.8, 4, 5, true),
  disputes_lost: 1,
  median_inspection_days: 2.5,
  average_rating: 4.3,
  ratings: 4,
};

export const newCompanyScorecard: CompanyScorecard = {
  contracts_settled: 1,
  rejection_rate: rate(null, 900, 1000, false),
  funded_on_time: rate(null, 1, 1, false),
  disputes_lost: 0,
  median_inspection_days: null,
  average_rating: null,
  ratings: 0,
};

export const workshopScorecard: WorkshopScorecard = {
  contracts_completed: 12,
  on_time_rate: rate(0.917, 11, 12, true),
  acceptance_rate: rate(0.985, 14775, 15000, true),
  disputes_lost: 0,
  average_rating: 4.8,
  ratings: 10,
};

export const platformStatsFixture: PlatformStats = {
  escrow_held: 1234500,
  deposits_held: 60000,
  payouts_owed: 80000,
  refunds_owed: 12000,
  commission_earned: 345678,
  released_this_month: 2500000,
  disputes_open: 3,
  contracts_open: 17,
  contracts_settled: 42,
  transfers_to_match: 2,
  disbursements_to_send: 5,
  monthly: Array.from({ length: 12 }, (_, i) => {
    const month = `2030-${String(i + 1).padStart(2, '0')}`;
    return { month, funded: i * 100000, released: i * 90000, commission: i * 4500, refunded: i * 5000 };
  }),
};
