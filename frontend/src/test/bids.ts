import type { BidComparison, BidQuote, BidView, ContractView, Me, OrderDetail } from '../api/types';
import { orderFixture, workshopCan } from './orders';
import { contractBase } from './contracts';
import { bidCan, refusals } from './permissions';

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

/** The contract an award creates: the company's view while escrow is owed. */
export const contractFixture: ContractView = contractBase;
