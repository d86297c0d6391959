// The next-step banner on a phone at every step of a contract (issue 23):
// a split award, a partial deposit, material, a rework round, settlement and
// ratings. Each party's banner must say what the server says that party must
// do now (its `next`), sit at the top of the page, and carry the button that
// does it. The steps themselves go through the API; the browser only looks.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, artifactsDir, launchBrowser, randomCreditCode, screenshotOnFailure, startServer } from './harness.mjs';
import { apiCaller, inDays } from './contract.mjs';
import { expectText } from './ui.mjs';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
let api;
const k = {}; // the two contracts of the split order: a (the phone workshop's) and b
let order;

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

async function register(who, kind, name) {
  const org =
    kind === 'company'
      ? { kind, name, credit_code: randomCreditCode(), region_code: '371602', address: '黄河五路 318 号', contact_name: '赵丽', contact_phone: '0543-3261188' }
      : { kind, name, host: '社区党总支', region_code: '371602', address: '市西街道', lat: 37.38, lng: 117.96, crafts: ['weaving'], headcount: 20, weekly_capacity: 2000 };
  return api(who, 'POST', '/auth/register', { email: `guide-${who}-${stamp}@example.com`, password: 'Guide-pass-123', name: '王芳', phone: '13954321678', org });
}

before(async () => {
  server = await startServer();
  api = apiCaller(server, ctx);
  browser = await launchBrowser();
  for (const who of ['company', 'workshop', 'other', 'staff']) {
    ctx[who] = await browser.newContext({ baseURL: server.baseURL, ...phone });
    ctx[who].setDefaultTimeout(15_000);
  }
  const co = await register('company', 'company', `滨州鑫源工艺品${stamp.slice(-4)}`);
  const wa = await register('workshop', 'workshop', `碧林花园社区微工厂${stamp.slice(-4)}`);
  const wb = await register('other', 'workshop', `北镇街道巧手坊${stamp.slice(-4)}`);
  await api('staff', 'POST', '/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  for (const o of [co, wa, wb]) await api('staff', 'POST', `/orgs/${o.org.id}/verify`, { verified: true, note: '已核对营业执照' });
  order = await api('company', 'POST', '/orders', {
    title: `编织网兜 2000 个 ${stamp}`,
    description: '棉麻线手工编织网兜，企业送料上门。',
    craft: 'weaving',
    tags: ['网兜'],
    quantity: 2000,
    unit_price: 150,
    currency: 'CNY',
    min_bid_quantity: 1000,
    bidding_deadline: inDays(10),
    delivery_deadline: inDays(40),
    region_code: '371602',
    address: '黄河五路 318 号',
    lat: 37.3835,
    lng: 117.9706,
    minutes_per_piece: 3,
    materials: { supply: 'company_ships', value_per_unit: 80, allowed_loss_bp: 200 },
    deposit: { kind: 'fixed', amount: 20000, rate_bp: 0, waivable: false },
    quality: { criteria: '花结牢固、网眼均匀。', max_defect_bp: 300, inspection_days: 7, rework_rounds: 1 },
    sample_photos: [],
  });
  await api('company', 'POST', `/orders/${order.id}/submit`);
  await api('staff', 'POST', `/moderation/orders/${order.id}/approve`, { reason: '' });
  const bid = (who) => api(who, 'POST', `/orders/${order.id}/bids`, { quantity: 1000, unit_price: 150, headcount: 12, message: '社区阿姨会编织', delivery_date: inDays(20) });
  const [ba, bb] = [await bid('workshop'), await bid('other')];
  k.a = (await api('company', 'POST', `/bids/${ba.id}/accept`)).id;
  k.b = (await api('company', 'POST', `/bids/${bb.id}/accept`)).id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function step(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      await screenshotOnFailure(name, { company: ctx.company, workshop: ctx.workshop }, 'workshop');
      throw err;
    }
  });
}

/** Opens the contract as `who` on the phone and checks the banner against the server's next step for them. */
async function banner(who, want) {
  const c = await api(who, 'GET', `/contracts/${k.a}`);
  assert.equal(c.next.step, want.step, `${who}: the server's next step`);
  assert.equal(c.next.who === 'you', want.mine, `${who}: whose step`);
  const p = ctx[who].pages()[0] ?? (await ctx[who].newPage());
  await p.goto(`/contracts/${k.a}`);
  const b = p.getByTestId('next-step');
  await b.waitFor();
  assert.equal(await b.getAttribute('data-step'), want.step);
  await expectText(b, want.text);
  const go = b.getByTestId('next-step-go');
  if (want.go) await expectText(go, want.go);
  else assert.equal(await go.count(), 0, `${who} has no button for someone else's step`);
  // The step is the first thing on the phone page, not 1,000 px down.
  const box = await b.boundingBox();
  assert.ok(box && box.y < 400, `${who}: the banner starts at ${box?.y} px`);
  return p;
}

step('a split award: the company sees what to fund across both contracts, each its own banner', async () => {
  const p = ctx.company.pages()[0] ?? (await ctx.company.newPage());
  await p.goto(`/orders/${order.id}`);
  await expectText(p.getByTestId('order-funding'), '¥3,000.00');
  await banner('company', { step: 'fund_escrow', mine: true, text: '¥1,500.00', go: '去付托管款' });
  // Both owe at once; each is told its own part first.
  await banner('workshop', { step: 'pay_deposit', mine: true, text: '¥200.00', go: '去交保证金' });
});

step('a partial deposit: the workshop is asked for the rest, the company told whom it waits for', async () => {
  for (const id of [k.a, k.b]) {
    const pay = await api('company', 'POST', `/contracts/${id}/fund`);
    await api('staff', 'POST', `/finance/payments/${pay.id}/confirm`, { amount_received: pay.amount, bank_reference: `ICBC-${stamp}-${id.slice(0, 4)}` });
  }
  await banner('company', { step: 'pay_deposit', mine: false, text: '¥200.00' });
  const dep = await api('workshop', 'POST', `/contracts/${k.a}/deposit`);
  await api('staff', 'POST', `/finance/payments/${dep.id}/confirm`, { amount_received: 15000, bank_reference: `ABC-${stamp}-1` });
  await banner('workshop', { step: 'pay_deposit', mine: true, text: '¥50.00', go: '去交保证金' });
  await banner('company', { step: 'pay_deposit', mine: false, text: '¥50.00' });
  const rest = await api('workshop', 'POST', `/contracts/${k.a}/deposit`);
  await api('staff', 'POST', `/finance/payments/${rest.id}/confirm`, { amount_received: rest.amount, bank_reference: `ABC-${stamp}-2` });
});

step('material: the company sends it, the workshop counts it in, then produces', async () => {
  await banner('company', { step: 'dispatch', mine: true, text: '1,000', go: '登记发料' });
  const d = await api('company', 'POST', `/contracts/${k.a}/dispatches`, { quantity: 1000, method: 'pickup' });
  await banner('workshop', { step: 'receive', mine: true, text: '1,000', go: '清点收货' });
  await api('workshop', 'POST', `/dispatches/${d.id}/receive`, { quantity: 1000 });
  await banner('workshop', { step: 'deliver', mine: true, text: '1,000', go: '登记交付' });
});

step('a rework round: the workshop is told to rework, not to wait for inspection', async () => {
  const del = await api('workshop', 'POST', `/contracts/${k.a}/deliveries`, { quantity: 1000 });
  await banner('company', { step: 'inspect', mine: true, text: '1,000', go: '去验收' });
  await banner('workshop', { step: 'inspect', mine: false, text: '1,000' });
  await api('company', 'POST', `/deliveries/${del.id}/inspect`, { accepted: 950, rework: 50 });
  const p = await banner('workshop', { step: 'deliver_rework', mine: true, text: '50', go: '交付返工件' });
  await p.screenshot({ path: path.join(artifactsDir, 'guidance-phone-rework.png') });
  await banner('company', { step: 'deliver_rework', mine: false, text: '50' });
  const again = await api('workshop', 'POST', `/contracts/${k.a}/deliveries`, { quantity: 50, rework_of: del.id });
  await api('company', 'POST', `/deliveries/${again.id}/inspect`, { accepted: 50 });
});

step('settlement and ratings: each side is pointed to what is left for it', async () => {
  const c = await api('company', 'GET', `/contracts/${k.a}`);
  if (c.status !== 'settled') await api('staff', 'POST', `/contracts/${k.a}/settle`);
  await banner('company', { step: 'rate', mine: true, text: '请评价对方', go: '去评价' });
  await banner('workshop', { step: 'rate', mine: true, text: '请评价对方', go: '去评价' });
  await api('company', 'POST', `/contracts/${k.a}/ratings`, { a: 5, b: 5, c: 5, comment: '合作顺利' });
  await banner('company', { step: 'rate', mine: false, text: '等待' });
});

step('an admin’s navigation fits one row at 1280 px; the platform pages have their own row', async () => {
  const desk = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    await desk.request.fetch('/api/v1/auth/login', { method: 'POST', data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, headers: { Origin: server.baseURL } });
    const p = await desk.newPage();
    await p.goto('/staff/orders');
    const staffRow = p.getByRole('navigation', { name: '平台管理' });
    await staffRow.getByRole('link', { name: '举报处理' }).waitFor();
    const links = await p.locator('.topnav-menu a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top));
    assert.ok(links.length >= 5 && new Set(links.map(Math.round)).size === 1, `top bar links on ${new Set(links).size} rows`);
    await p.screenshot({ path: path.join(artifactsDir, 'guidance-staff-1280.png') });
  } finally {
    await desk.close();
  }
});
