import type { Me, OrderDetail, OrderStatus, OrderTotals } from '../api/types';
import { companyMe } from './utils';
import { deny, orderCan, refusals, type OrderCan } from './permissions';

export const verifiedCompanyMe: Me = {
  ...companyMe,
  org: { ...companyMe.org!, verified: true, verified_at: '2025-02-01T00:00:00Z' } as Me['org'],
};

export const belowTotals: OrderTotals = {
  order_value: 750000,
  deposit_min_bid: 20000,
  deposit_full: 100000,
  allowed_loss_units: 100,
  hourly_equivalent: 1500,
  min_hourly_wage: 2200,
  min_wage_province: '山东省',
  min_wage_source: '人力资源社会保障部《全国各省、自治区、直辖市最低工资标准情况（截至2025年7月1日）》（2025年7月15日发布）',
  min_wage_source_url: 'https://www.mohrss.gov.cn/SYrlzyhshbzb/laodongguanxi_/fwyd/202507/t20250715_000000.html',
  below_minimum_wage: true,
};

const statusZH: Record<OrderStatus, string> = {
  draft: '草稿',
  pending_review: '待审核',
  published: '已发布',
  rejected: '已驳回',
  suspended: '已暂停',
  closed: '已关闭',
};
const published = (s: OrderStatus) => s === 'published' || s === 'suspended' || s === 'closed';

/** The company's actions on its own order, as market.OrderPolicyFor answers them
 *  (awarded: part of the quantity is under contract, which freezes the terms). */
export function ownerCan(status: OrderStatus, awarded = false): OrderCan {
  const move = (ok: boolean, action: string) => (ok ? true : refusals.state(statusZH[status], action));
  const live = status === 'published' || status === 'suspended';
  return orderCan({
    edit: awarded && live ? refusals.termsFrozen : move(status !== 'closed', '修改订单'),
    submit: move(status === 'draft' || status === 'rejected', '提交审核'),
    cancel: awarded && status !== 'closed' ? refusals.cancelAwarded : move(status !== 'closed', '取消订单'),
    approve: refusals.moderatorsOnly,
    reject: refusals.moderatorsOnly,
    suspend: refusals.moderatorsOnly,
    reinstate: refusals.moderatorsOnly,
    report: deny('不能举报本企业的订单', "you cannot report your own company's order"),
    bid: deny('只有社区工坊可以报价', 'only community workshops can bid'),
    view_bids: published(status) ? true : deny('订单发布后才会收到报价', 'bids arrive once the order is published'),
    invite: status === 'published' ? true : deny('订单发布后才能邀请工坊报价', 'workshops can be invited once the order is published'),
  });
}

/** A signed-in workshop's actions on a published order it has not bid on. */
export const workshopCan = (over: Partial<OrderCan> = {}): OrderCan => ({
  ...orderCan({ report: true, bid: true, view_bids: deny('只有发布订单的企业和平台人员可以查看报价') }, refusals.notOwner),
  approve: refusals.moderatorsOnly,
  reject: refusals.moderatorsOnly,
  suspend: refusals.moderatorsOnly,
  reinstate: refusals.moderatorsOnly,
  ...over,
});

/** A visitor's (not signed in) actions on a published order. */
export const visitorCan = (): OrderCan => workshopCan({ report: deny('请先登录', 'please sign in'), bid: refusals.signInToBid });

/** A moderator's actions on an order in each state. */
export function moderatorCan(status: OrderStatus): OrderCan {
  const move = (ok: boolean, action: string) => (ok ? true : refusals.state(statusZH[status], action));
  return orderCan(
    {
      approve: move(status === 'pending_review', '审核通过'),
      reject: move(status === 'pending_review', '驳回'),
      suspend: move(status === 'published', '暂停发布'),
      reinstate: move(status === 'suspended', '恢复发布'),
      report: deny('请先登录', 'please sign in'),
      bid: deny('请先登录工坊账号再报价'),
      view_bids: published(status) ? true : deny('订单发布后才会收到报价'),
    },
    refusals.notOwner,
  );
}

export const orderFixture: OrderDetail = {
  id: 'o9',
  status: 'draft',
  auto_suspended: false,
  company: { id: 'o1', name: '滨州巧手制品有限公司', verified: true },
  company_scorecard: {
    contracts_settled: 0,
    rejection_rate: { value: null, num: 0, den: 0, enough: false },
    funded_on_time: { value: null, num: 0, den: 0, enough: false },
    disputes_lost: 0,
    median_inspection_days: null,
    average_rating: null,
    ratings: 0,
  },
  title: '编织网兜 5000 个',
  description: '出口超市用棉麻编织网兜。',
  craft: 'weaving',
  craft_name_zh: '编织',
  craft_name_en: 'Weaving',
  tags: ['网兜'],
  quantity: 5000,
  remaining_quantity: 5000,
  unit_price: 150,
  currency: 'CNY',
  min_bid_quantity: 1000,
  bidding_deadline: '2030-12-02T04:00:00Z',
  delivery_deadline: '2031-01-01T04:00:00Z',
  region_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  address: '黄河五路318号',
  lat: 37.3835,
  lng: 117.9706,
  minutes_per_piece: 6,
  materials: { supply: 'company_ships', value_per_unit: 80, allowed_loss_bp: 200 },
  deposit: { kind: 'fixed', amount: 20000, rate_bp: 0, waivable: true },
  quality: { criteria: '花结牢固、网眼均匀。', max_defect_bp: 300, inspection_days: 7, rework_rounds: 1 },
  sample_photos: [],
  sample_photo_uploads: [],
  totals: belowTotals,
  submitted_at: null,
  published_at: null,
  created_at: '2030-11-22T04:38:18Z',
  updated_at: '2030-11-22T04:38:18Z',
  mine: true,
  role: 'company',
  actions: ownerCan('draft'),
  history: [],
  my_bid: null,
  invited: false,
  open_bids: 0,
  funding: null,
};
