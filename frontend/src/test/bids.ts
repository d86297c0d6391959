import type { BidComparison, BidQuote, BidView, ContractView, Me, OrderDetail } from '../api/types';
import { orderFixture, workshopCan } from './orders';
import { allow, bidCan, deny, refusals } from './permissions';

export const workshopMe: Me = {
  user: { id: 'u2', email: 'ws@example.com', name: '赵主任', phone: '13712345678', created_at: '2025-01-01T00:00:00Z' },
  org: {
    id: 'w1',
    kind: 'workshop',
    name: '黄河社区巧手坊',
    verified: true,
    verified_at: '2025-02-01T00:00:00Z',
    community_guarantee: false,
    region_code: '371602',
    region_name: '山东省 滨州市 滨城区',
    address: '黄河社区活动中心二楼',
    created_at: '2025-01-01T00:00:00Z',
    host: '黄河社区居委会',
    lat: 37.39,
    lng: 117.98,
    crafts: ['weaving'],
    headcount: 20,
    weekly_capacity: 1500,
  },
  role: 'owner',
};

/** A published order open for bids: 5000 pieces at ¥1.50, min 1000, ¥0.20/piece deposit. */
export const publishedOrder: OrderDetail = {
  ...orderFixture,
  status: 'published',
  mine: false,
  history: undefined,
  role: 'public',
  actions: workshopCan(),
  remaining_quantity: 5000,
  deposit: { kind: 'per_unit', amount: 20, rate_bp: 0, waivable: true },
  my_bid: null,
  invited: false,
};

export const quote = (over: Partial<BidQuote> = {}): BidQuote => ({
  amount: 450000,
  deposit: { kind: 'per_unit', amount: 60000, waived: false },
  hourly_equivalent: 1500,
  min_hourly_wage: 2200,
  min_wage_province: '山东省',
  below_minimum_wage: true,
  commission_bp: 300,
  commission: 13500,
  workshop_net: 436500,
  ...over,
});

const workshopBadge = {
  id: 'w1',
  name: '黄河社区巧手坊',
  host: '黄河社区居委会',
  region_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  verified: true,
  community_guarantee: false,
};

export const bidFixture: BidView = {
  id: 'b1',
  order_id: 'o9',
  order_title: orderFixture.title,
  order_status: 'published',
  company: orderFixture.company,
  workshop: workshopBadge,
  status: 'submitted',
  status_reason: '',
  quantity: 3000,
  unit_price: 150,
  currency: 'CNY',
  delivery_date: '2030-12-20T00:00:00+08:00',
  headcount: 12,
  message: '我们做过类似的网兜',
  revision: 1,
  quote: quote(),
  below_min_wage_confirmed_at: null,
  contract_id: null,
  created_at: '2030-11-23T04:00:00Z',
  updated_at: '2030-11-23T04:00:00Z',
  // The workshop's own open bid: it may revise or withdraw it, not decide on it.
  role: 'workshop',
  actions: bidCan({ revise: true, withdraw: true }, refusals.notOwner),
};

/** An open bid as the order's company sees it: it may award or reject it. */
export const companyBidCan = () => bidCan({ accept: true, reject: true }, refusals.notBidder);

export const comparisonFixture = (over: Partial<BidComparison> = {}): BidComparison => ({
  ...bidFixture,
  role: 'company',
  actions: companyBidCan(),
  distance_km: 3.24,
  fits_remaining: true,
  track_record: { completed_contracts: 0, active_contracts: 0, on_time_rate: null, acceptance_rate: null, disputes: 0 },
  ...over,
});

const notYet = deny('合同生效后才能进行此操作', 'not before the contract is active');
const contractCan: ContractView['actions'] = {
  fund: notYet,
  pay_deposit: deny('只有工坊可以交保证金', 'only the workshop pays the deposit'),
  request_cancel: notYet,
  agree_cancel: deny('没有待同意的取消请求', 'no cancellation to agree to'),
  decide_cancel: refusals.moderatorsOnly,
  dispatch: notYet,
  return: notYet,
  deliver: notYet,
  end_short: notYet,
  settle: deny('只有平台财务人员可以执行此操作', 'only platform finance staff can do this'),
  rate: notYet,
  post_message: notYet,
  view_money: notYet,
  record_pieces: notYet,
  distribute: notYet,
};

export const contractFixture: ContractView = {
  id: 'c1a2b3c4-0000-4000-8000-000000000001',
  order_id: 'o9',
  bid_id: 'b1',
  below_min_wage_confirmed_at: null,
  title: orderFixture.title,
  craft: 'weaving',
  craft_name_zh: '编织',
  craft_name_en: 'Weaving',
  status: 'awaiting_funding',
  funding: { due_at: '2026-12-08T10:00:00Z', escrow_funded_at: null, deposit_paid_at: null, deposit_owed: false },
  cancel_requested_by: null,
  activated_at: null,
  ended_at: null,
  company: orderFixture.company,
  workshop: { ...workshopBadge, community_guarantee: true },
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
  // The company's view while escrow is owed (market.ContractPolicyFor): it funds, may ask to cancel, talks.
  role: 'company',
  actions: {
    ...contractCan,
    fund: allow(),
    request_cancel: allow(),
    post_message: allow(),
    view_money: allow(),
  },
  next: { step: 'fund_escrow', who: 'you', action: 'fund', amount: 450000, due_at: '2026-12-08T10:00:00Z' },
  limits: { deliverable: 0, deliverable_by_contract: 3000, dispatchable: 0, returnable: 0 },
  reminders: [],
  dispatch_methods: ['carrier', 'company_delivery'],
  // What the contract page read before it moved to `next` (its rewrite drops this line).
  ...({ next_step: 'fund_escrow' } as object),
  created_at: '2030-11-25T04:00:00Z',
  updated_at: '2030-11-25T04:00:00Z',
};
