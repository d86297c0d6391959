import type { ContractView, NextStep } from '../api/types';
import { allow, deny } from './permissions';

// Contract fixtures as the server sends them: with the caller's role, the
// actions it may take (each allowed, or refused with a reason), the limits
// and the next step. Tests set what the server would decide; the pages must
// follow it and never work it out from the status.

export { allow, deny };

type Actions = ContractView['actions'];

/** Every contract action refused, then the given ones allowed. */
export function contractActions(...allowed: (keyof Actions)[]): Actions {
  const keys: (keyof Actions)[] = [
    'fund',
    'pay_deposit',
    'request_cancel',
    'agree_cancel',
    'decide_cancel',
    'dispatch',
    'return',
    'deliver',
    'end_short',
    'settle',
    'rate',
    'post_message',
    'view_money',
    'record_pieces',
    'distribute',
  ];
  const out = {} as Actions;
  for (const k of keys) out[k] = allowed.includes(k) ? allow() : deny();
  return out;
}

export const nextStep = (over: Partial<NextStep> = {}): NextStep => ({ step: 'done', who: 'none', due_at: null, ...over });

/** A contract of 3000 pieces at ¥1.50, 5 % commission, seen by its company. */
export const contractBase: ContractView = {
  id: 'c1a2b3c4-0000-4000-8000-000000000001',
  order_id: 'o9',
  bid_id: 'b1',
  below_min_wage_confirmed_at: null,
  title: '编织网兜 5000 个',
  craft: 'weaving',
  craft_name_zh: '编织',
  craft_name_en: 'Weaving',
  status: 'awaiting_funding',
  stage: 'funding',
  path: ['awaiting_funding', 'active', 'materials_sent', 'in_production', 'delivering', 'settling', 'settled'],
  path_step: 0,
  funding: { due_at: '2026-12-08T10:00:00Z', escrow_funded_at: null, deposit_paid_at: null, deposit_owed: false },
  cancel_requested_by: null,
  activated_at: null,
  ended_at: null,
  company: { id: 'o1', name: '滨州巧手制品有限公司', verified: true },
  workshop: {
    id: 'w1',
    name: '黄河社区巧手坊',
    host: '黄河社区居委会',
    region_code: '371602',
    region_name: '山东省 滨州市 滨城区',
    verified: true,
    community_guarantee: true,
  },
  quantity: 3000,
  unit_price: 150,
  currency: 'CNY',
  escrow_amount: 450000,
  deposit: { kind: 'per_unit', amount: 0, waived: true },
  commission_bp: 500,
  commission_estimate: 22500,
  workshop_net_estimate: 427500,
  materials: { supply: 'company_ships', value_per_unit: 80, allowed_loss_bp: 200, allowed_loss_units: 60 },
  quality: { criteria: '花结牢固、网眼均匀。', max_defect_bp: 300, inspection_days: 7, rework_rounds: 1 },
  due_date: '2030-12-20T00:00:00+08:00',
  handover: { address: '黄河五路318号', region_code: '371602', region_name: '山东省 滨州市 滨城区', lat: 37.38, lng: 117.97 },
  role: 'company',
  actions: contractActions('fund', 'request_cancel', 'post_message', 'view_money'),
  limits: { dispatchable: 3060, returnable: 0, deliverable: 60, deliverable_by_contract: 3000 },
  next: nextStep({ step: 'fund_escrow', who: 'you', action: 'fund', amount: 450000, due_at: '2026-12-08T10:00:00Z' }),
  reminders: [],
  dispatch_methods: ['carrier', 'company_delivery', 'pickup'],
  created_at: '2030-11-25T04:00:00Z',
  updated_at: '2030-11-25T04:00:00Z',
};

/** The contract as another caller sees it. */
export function contractAs(over: Partial<ContractView>): ContractView {
  return { ...contractBase, ...over };
}

/** The contract with the role the server gives this caller (as GET /contracts/{id} would). */
export function contractFor(me: { org?: { id: string } | null; role: string } | null | undefined, c: ContractView): ContractView {
  const role = me?.org?.id === c.company.id ? 'company' : me?.org?.id === c.workshop.id ? 'workshop' : (me?.role as ContractView['role']);
  return { ...c, role };
}
