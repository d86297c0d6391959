import type { FinanceDisbursement, FinancePayment, LedgerTransaction, ContractPayments, Payment, PayoutAccount } from '../api/money';
import type { Me } from '../api/types';
import { allow, contractBase as contractFixture, deny } from './contracts';

const C = contractFixture.id;

/** The money tab of contractFixture (¥4,500.00 escrow, deposit waived) before anything was paid. */
export const moneyFixture: ContractPayments = {
  currency: 'CNY',
  escrow_required: 450000,
  deposit_required: 0,
  deposit_waived: true,
  funding_due_at: '2030-12-02T10:00:00Z',
  held: { escrow: 0, deposit: 0, workshop_payable: 0, refunds_payable: 0, released: 0 },
  payments: [],
  disbursements: [],
  provider: 'manual',
  bank: { bank_name: '中国工商银行滨州分行', account_name: '家门口平台托管账户', account: '1613020109200088888' },
  owed: { escrow: 450000, deposit: 0, open_escrow: null, open_deposit: null },
};

export const paymentFixture = (over: Partial<Payment> = {}): Payment => ({
  id: 'p1',
  contract_id: C,
  purpose: 'escrow',
  amount: 450000,
  amount_received: null,
  currency: 'CNY',
  provider: 'manual',
  status: 'pending',
  reference: 'DS-20301125-0042',
  created_at: '2030-11-25T05:00:00Z',
  settled_at: null,
  actions: { attach_receipt: allow(), confirm: deny(), simulate: deny() },
  ...over,
});

export const ledgerFixture: LedgerTransaction[] = [
  {
    id: 1,
    kind: 'payment_received',
    memo: 'DS-20301125-0042',
    at: '2030-11-26T02:00:00Z',
    payment_id: 'p1',
    disbursement_id: null,
    lines: [
      { account: 'provider_clearing', provider: 'manual', amount: -450000 },
      { account: 'funds_in_transit', amount: 450000 },
    ],
    balanced: true,
  },
  {
    id: 2,
    kind: 'payment_allocated',
    memo: '',
    at: '2030-11-26T02:00:00Z',
    payment_id: 'p1',
    disbursement_id: null,
    lines: [
      { account: 'funds_in_transit', amount: -450000 },
      { account: 'contract_escrow', amount: 450000 },
    ],
    balanced: true,
  },
];

export const financeMe: Me = {
  user: { id: 'u9', email: 'finance@doorstep.test', name: '平台财务', phone: '', created_at: '2025-01-01T00:00:00Z', staff_role: 'finance' },
  org: null,
  role: 'finance',
};

export const financePaymentFixture = (over: Partial<FinancePayment> = {}): FinancePayment => ({
  ...paymentFixture({ actions: { attach_receipt: deny(), confirm: allow(), simulate: deny() } }),
  contract_title: contractFixture.title,
  payer_id: 'o1',
  payer_name: '滨州巧手制品有限公司',
  receipt_note: '工行尾号1234转出',
  ...over,
});

export const financeDisbursementFixture = (over: Partial<FinanceDisbursement> = {}): FinanceDisbursement => ({
  id: 'd1',
  contract_id: C,
  kind: 'refund',
  recipient_id: 'o1',
  amount: 5000,
  currency: 'CNY',
  provider: 'manual',
  status: 'queued',
  provider_ref: null,
  created_at: '2030-11-26T02:00:00Z',
  sent_at: null,
  amount_reversed: 0,
  reissue_of: null,
  contract_title: contractFixture.title,
  recipient_name: '滨州巧手制品有限公司',
  account_name: '滨州巧手制品有限公司',
  bank_name: '中国农业银行滨州分行',
  account_number: '6228480012345678',
  actions: { mark_sent: allow() },
  ...over,
});

export const payoutFixture = (over: Partial<PayoutAccount> = {}): PayoutAccount => ({
  org_id: 'o1',
  provider: 'manual',
  account_name: '',
  bank_name: '',
  account_number: '',
  masked: false,
  payouts_enabled: false,
  updated_at: null,
  platform_provider: 'manual',
  ...over,
});
