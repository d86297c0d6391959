// Bidding and award through the real UI: two workshops bid for parts of one
// published order (one at the company's price, one with a counter-offer),
// the company compares the bids and awards both, the order closes, and each
// workshop finds its contract. Accounts and the order are set up through the API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, randomCreditCode, screenshotOnFailure, startServer } from './harness.mjs';
import { expectText } from './ui.mjs';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
const title = `手工串珠挂件 1000 个 ${stamp}`;
const wsA = `黄河社区巧手坊${stamp.slice(-4)}`;
const wsB = `新立社区幸福微坊${stamp.slice(-4)}`;
let orderId;

async function api(who, method, url, data) {
  const res = await ctx[who].request.fetch(`/api/v1${url}`, { method, data, headers: { Origin: server.baseURL } });
  assert.ok(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

async function newContext(who) {
  ctx[who] = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  ctx[who].setDefaultTimeout(10_000);
  return ctx[who];
}

const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString();
const day = (offset) => {
  const d = new Date(Date.now() + offset * 86400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function workshopBody(email, name, lat, lng) {
  return {
    email,
    password: 'Workshop-pass-123',
    name: '赵主任',
    phone: '13712345678',
    org: {
      kind: 'workshop',
      name,
      host: '黄河社区居委会',
      region_code: '371602',
      address: '社区活动中心二楼',
      lat,
      lng,
      crafts: ['beading'],
      headcount: 20,
      weekly_capacity: 1500,
    },
  };
}

let workshopBOrg;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  for (const who of ['company', 'staff', 'workshopA', 'workshopB']) await newContext(who);
  const co = await api('company', 'POST', '/auth/register', {
    email: `bid-co-${stamp}@example.com`,
    password: 'Company-pass-123',
    name: '王经理',
    phone: '13812345678',
    org: {
      kind: 'company',
      name: `滨州饰品有限公司${stamp.slice(-4)}`,
      credit_code: randomCreditCode(),
      region_code: '371602',
      address: '黄河五路 1 号',
      contact_name: '王经理',
      contact_phone: '0543-3212345',
    },
  });
  const a = await api('workshopA', 'POST', '/auth/register', workshopBody(`bid-wa-${stamp}@example.com`, wsA, 37.39, 117.98));
  // Workshop B bids before it is verified (it may), and is verified before its award (it must be).
  workshopBOrg = (await api('workshopB', 'POST', '/auth/register', workshopBody(`bid-wb-${stamp}@example.com`, wsB, 37.45, 118.02))).org.id;
  await api('staff', 'POST', '/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  await api('staff', 'POST', `/orgs/${co.org.id}/verify`, { verified: true, note: '已核对营业执照' });
  // Workshop A is verified with a community guarantee: its deposit is waived.
  await api('staff', 'POST', `/orgs/${a.org.id}/verify`, { verified: true, note: '已核对' });
  await api('staff', 'POST', `/orgs/${a.org.id}/guarantee`, { community_guarantee: true, note: '社区居委会担保' });

  const order = await api('company', 'POST', '/orders', {
    title,
    description: '亚克力串珠挂件，按样品串，企业送料上门。',
    craft: 'beading',
    tags: ['串珠'],
    quantity: 1000,
    unit_price: 150,
    currency: 'CNY',
    min_bid_quantity: 400,
    bidding_deadline: inDays(10),
    delivery_deadline: inDays(40),
    region_code: '371602',
    address: '黄河五路 318 号',
    lat: 37.3835,
    lng: 117.9706,
    minutes_per_piece: 3,
    materials: { supply: 'company_ships', value_per_unit: 80, allowed_loss_bp: 200 },
    deposit: { kind: 'per_unit', amount: 20, rate_bp: 0, waivable: true },
    quality: { criteria: '珠子牢固、顺序与样品一致、无断线。', max_defect_bp: 300, inspection_days: 7, rework_rounds: 1 },
    sample_photos: [],
  });
  orderId = order.id;
  await api('company', 'POST', `/orders/${orderId}/submit`);
  await api('staff', 'POST', `/moderation/orders/${orderId}/approve`, { reason: '' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

let lastWho;
async function page(who) {
  lastWho = who;
  if (!ctx[who]) await newContext(who);
  return ctx[who].pages()[0] ?? ctx[who].newPage();
}

function step(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      await screenshotOnFailure(name, ctx, lastWho);
      throw err;
    }
  });
}

async function bid(who, { quantity, price, headcount, message }) {
  const p = await page(who);
  await p.goto(`/orders/${orderId}`);
  const form = p.getByRole('form', { name: '我要报价' });
  await expectText(form, '至少 400 件，最多 1,000 件');
  await form.getByLabel('接单数量（件）', { exact: true }).fill(String(quantity));
  if (price) await form.getByLabel('报价单价（元/件）', { exact: true }).fill(price);
  const date = form.getByLabel('承诺交货日期', { exact: true });
  await date.click();
  await date.fill(day(20));
  await date.press('Enter');
  await p.keyboard.press('Escape');
  await form.getByLabel('投入居民人数', { exact: true }).fill(String(headcount));
  await form.getByLabel('给企业的留言', { exact: true }).fill(message);
  return { p, form };
}

step('workshop A bids for 600 pieces at the company price; its deposit is waived', async () => {
  const { p, form } = await bid('workshopA', { quantity: 600, headcount: 12, message: '我们做过类似的串珠活' });
  const quote = form.getByTestId('bid-quote');
  await expectText(quote.getByTestId('bid-amount'), '¥900.00');
  await expectText(quote.getByTestId('bid-deposit'), '已由社区担保免除');
  await form.getByRole('button', { name: '提交报价' }).click();
  const mine = p.getByTestId('my-bid');
  await expectText(mine.getByTestId('bid-status'), '已提交');
  await expectText(mine, '¥900.00');
});

step('workshop B bids for the other 400 with a counter-offer of ¥1.80 and owes a deposit', async () => {
  const { p, form } = await bid('workshopB', { quantity: 400, price: '1.8', headcount: 8, message: '单价希望提高一点' });
  await expectText(form.getByTestId('counter-offer-hint'), '企业报价 ¥1.50/件');
  const quote = form.getByTestId('bid-quote');
  await expectText(quote.getByTestId('bid-amount'), '¥720.00');
  await expectText(quote.getByTestId('bid-deposit'), '¥80.00');
  await form.getByRole('button', { name: '提交报价' }).click();
  await expectText(p.getByTestId('my-bid').getByTestId('bid-status'), '已提交');
});

step('the company compares both bids and awards workshop A (the escrow shown first)', async () => {
  const p = await page('company');
  await p.goto(`/orders/${orderId}`);
  const compare = p.getByTestId('bid-compare');
  const rowA = compare.getByTestId('bid-row').filter({ hasText: wsA });
  const rowB = compare.getByTestId('bid-row').filter({ hasText: wsB });
  await rowA.waitFor();
  await rowB.waitFor();
  await rowA.getByTestId('badge-guarantee').waitFor();
  await expectText(rowB.getByTestId('counter-offer'), '¥1.80/件');
  // B is not verified yet: the company sees it, and the server's reason stands where the award button would be.
  await expectText(rowB.getByTestId('bid-unverified'), '未认证');
  await expectText(rowB.getByTestId('award-refused'), '该工坊尚未通过平台认证');
  assert.equal(await rowB.getByRole('button', { name: /选定/ }).count(), 0);
  await expectText(rowA.getByTestId('track-record'), '按时交付 — · 验收合格 —');
  // The commission and the workshop's net, per bid, before any dialog.
  await expectText(rowA.getByTestId('bid-net'), '工坊实得');
  await expectText(compare.getByTestId('award-progress'), '已授予 0 / 1,000 件');

  await rowA.getByRole('button', { name: /选定/ }).click();
  const dialog = p.getByRole('dialog');
  await expectText(dialog.getByTestId('award-escrow'), '¥900.00');
  await expectText(dialog.getByTestId('award-deposit'), '已由社区担保免除');
  await dialog.getByRole('button', { name: /确认选定/ }).click();
  await expectText(p.getByTestId('award-done'), `已选定 ${wsA}`);
  await expectText(compare.getByTestId('award-progress'), '已授予 600 / 1,000 件');
  await expectText(rowA.getByTestId('bid-status'), '已中标');
});

step('once staff verify workshop B, the company awards it too and the order closes as awarded', async () => {
  await api('staff', 'POST', `/orgs/${workshopBOrg}/verify`, { verified: true, note: '已核对' });
  const p = await page('company');
  await p.reload();
  const compare = p.getByTestId('bid-compare');
  const rowB = compare.getByTestId('bid-row').filter({ hasText: wsB });
  await rowB.getByRole('button', { name: /选定/ }).click();
  const dialog = p.getByRole('dialog');
  await expectText(dialog.getByTestId('award-escrow'), '¥720.00');
  await expectText(dialog, '订单将关闭');
  await dialog.getByRole('button', { name: /确认选定/ }).click();
  await expectText(p.getByTestId('award-done'), `已选定 ${wsB}`);
  await expectText(compare.getByTestId('award-progress'), '已授予 1,000 / 1,000 件');
  await expectText(p.getByTestId('order-status'), '已选定工坊');
  await expectText(p.getByTestId('status-banner'), '订单已关闭');
  assert.equal(await compare.getByRole('button', { name: /选定/ }).count(), 0);
  // The order split in two: the company sees everything still to fund, not just the last contract.
  await expectText(p.getByTestId('order-funding'), '共需托管 ¥1,620.00（2 份合同）');
  assert.equal(await p.getByTestId('funding-line').count(), 2);
  const order = await api('company', 'GET', `/orders/${orderId}`);
  assert.equal(order.status, 'closed');
  assert.equal(order.close_reason, 'awarded');
  assert.equal(order.remaining_quantity, 0);
});

step('workshop A finds its award under 我的报价 and opens its contract', async () => {
  const p = await page('workshopA');
  await p.goto('/');
  await p.getByRole('link', { name: '我的报价' }).first().click();
  await p.waitForURL('**/bids');
  const card = p.getByTestId('bid-card').filter({ hasText: title });
  await expectText(card.getByTestId('bid-status'), '已中标');
  await card.getByTestId('bid-contract-link').click();
  await p.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expectText(p.locator('h1'), title);
  await expectText(p.getByTestId('contract-status'), '待托管资金');
  await expectText(p.getByTestId('contract-escrow'), '¥900.00');
  await expectText(p.getByTestId('contract-deposit'), '已由社区担保免除');
  await expectText(p.getByTestId('contract-workshop'), wsA);
  // The escrow is the company's to pay: the workshop is told whom it waits for, with no button.
  await expectText(p.getByTestId('next-step'), '把 ¥900.00 托管到平台');
  assert.equal(await p.getByTestId('next-step').getAttribute('data-who'), 'company');
  assert.equal(await p.getByTestId('next-step-go').count(), 0);
});

step('workshop B sees its contract in the contract list', async () => {
  const p = await page('workshopB');
  await p.goto('/');
  await p.getByRole('link', { name: '合同', exact: true }).first().click();
  await p.waitForURL('**/contracts');
  const card = p.getByTestId('contract-card').filter({ hasText: title });
  await expectText(card, '¥720.00');
  await card.getByRole('link', { name: title }).click();
  await p.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expectText(p.getByTestId('contract-escrow'), '¥720.00');
  await expectText(p.getByTestId('contract-deposit'), '¥80.00');
  await expectText(p.getByTestId('contract-workshop'), wsB);
  // Its deposit is owed, and the next step says so.
  await expectText(p.getByTestId('next-step'), '请向平台交保证金 ¥80.00');
  // The order page now shows the award, not a form.
  await p.goto(`/orders/${orderId}`);
  await expectText(p.getByTestId('my-bid').getByTestId('bid-status'), '已中标');
  assert.equal(await p.getByRole('form', { name: '我要报价' }).count(), 0);
});
