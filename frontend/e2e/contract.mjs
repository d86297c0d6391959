// The start every lifecycle suite shares: a company and a workshop
// registered, verified by staff, a weaving order published and the
// workshop's bid for all of it awarded — through the API, so each suite's
// browser steps begin at its own part of the lifecycle.
import assert from 'node:assert/strict';
import { ADMIN_EMAIL, ADMIN_PASSWORD, randomCreditCode } from './harness.mjs';

export const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString();

/** A JSON API caller that acts in the browser context ctx[who] (its cookies) and fails the test on any error. */
export function apiCaller(server, ctx) {
  return async function api(who, method, url, data) {
    const res = await ctx[who].request.fetch(`/api/v1${url}`, { method, data, headers: { Origin: server.baseURL } });
    assert.ok(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : res.json();
  };
}

/** Posts a weaving order of `quantity` pieces at ¥1.50 as the company (a fixed `deposit` in fen, 0: none), has staff approve it and returns it. */
export async function publishedOrder(api, { stamp, quantity = 1000, deposit = 0, criteria = '花结牢固、网眼均匀。' }) {
  const order = await api('company', 'POST', '/orders', {
    title: `编织网兜 ${quantity} 个 ${stamp}`,
    description: '棉麻线手工编织网兜，企业送料上门。',
    craft: 'weaving',
    tags: ['网兜'],
    quantity,
    unit_price: 150,
    currency: 'CNY',
    min_bid_quantity: quantity,
    bidding_deadline: inDays(10),
    delivery_deadline: inDays(40),
    region_code: '371602',
    address: '黄河五路 318 号',
    lat: 37.3835,
    lng: 117.9706,
    minutes_per_piece: 3, // ¥1.50 a piece: ¥30 an hour, above 山东's minimum wage
    materials: { supply: 'company_ships', value_per_unit: 80, allowed_loss_bp: 200 },
    deposit: { kind: deposit ? 'fixed' : 'none', amount: deposit, rate_bp: 0, waivable: false },
    quality: { criteria, max_defect_bp: 300, inspection_days: 7, rework_rounds: 1 },
    sample_photos: [],
  });
  await api('company', 'POST', `/orders/${order.id}/submit`);
  await api('staff', 'POST', `/moderation/orders/${order.id}/approve`, { reason: '' });
  return order;
}

/**
 * Registers both parties (as the contexts named company and workshop; staff
 * signs in as the admin), publishes an order of `quantity` pieces at ¥1.50
 * with a fixed `deposit` in fen (0: none) and awards the workshop's bid for all of it. Returns the parties, the order
 * and the contract's id.
 */
export async function awardedContract(api, { prefix, stamp, workshop = 'workshop', quantity = 1000, deposit = 0, criteria = '花结牢固、网眼均匀。' }) {
  const company = await api('company', 'POST', '/auth/register', {
    email: `${prefix}-co-${stamp}@example.com`,
    password: 'Company-pass-123',
    name: '赵丽',
    phone: '13905431234',
    org: {
      kind: 'company',
      name: `滨州鑫源工艺品${stamp.slice(-4)}`,
      credit_code: randomCreditCode(),
      region_code: '371602',
      address: '黄河五路 318 号',
      contact_name: '赵丽',
      contact_phone: '0543-3261188',
    },
  });
  const ws = await api(workshop, 'POST', '/auth/register', {
    email: `${prefix}-ws-${stamp}@example.com`,
    password: 'Workshop-pass-123',
    name: '王军',
    phone: '13954321678',
    org: {
      kind: 'workshop',
      name: `碧林花园社区微工厂${stamp.slice(-4)}`,
      host: '碧林花园社区党总支',
      region_code: '371602',
      address: '市西街道碧林花园小区',
      lat: 37.38,
      lng: 117.96,
      crafts: ['weaving'],
      headcount: 36,
      weekly_capacity: 3500,
    },
  });
  await api('staff', 'POST', '/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  await api('staff', 'POST', `/orgs/${company.org.id}/verify`, { verified: true, note: '已核对营业执照' });
  await api('staff', 'POST', `/orgs/${ws.org.id}/verify`, { verified: true, note: '已实地走访' });
  const order = await publishedOrder(api, { stamp, quantity, deposit, criteria });
  const bid = await api(workshop, 'POST', `/orders/${order.id}/bids`, {
    quantity,
    unit_price: 150,
    headcount: 12,
    message: '社区阿姨会编织',
    delivery_date: inDays(20),
  });
  const contract = await api('company', 'POST', `/bids/${bid.id}/accept`);
  return { company, workshop: ws, order, contractId: contract.id };
}
