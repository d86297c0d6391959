import type { Me, OrderDetail, OrderTotals } from '../api/types';
import { companyMe } from './utils';

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
  min_wage_source: '人力资源社会保障部《全国各省、自治区、直辖市最低工资标准情况》',
  below_minimum_wage: true,
};

export const orderFixture: OrderDetail = {
  id: 'o9',
  status: 'draft',
  close_reason: '',
  status_reason: '',
  auto_suspended: false,
  company: { id: 'o1', name: '滨州巧手制品有限公司', verified: true },
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
  totals: belowTotals,
  submitted_at: null,
  published_at: null,
  created_at: '2030-11-22T04:38:18Z',
  updated_at: '2030-11-22T04:38:18Z',
  mine: true,
  history: [],
};
