// Orders, moderation, notifications and search through the real UI:
// (a) a company posts an order, staff reject it, the company fixes the price
//     and resubmits, staff approve, an anonymous visitor sees it;
// (b) a workshop coordinator finds it by searching 网兜.
// Accounts are set up through the API (the demo data is not loaded here).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, randomCreditCode, screenshotOnFailure, startServer } from './harness.mjs';
import { chooseRegion, expectText, openSelect } from './ui.mjs';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
const title = `编织网兜 800 个 ${stamp}`;
const reason = '单价过低，低于当地最低工资，请提高单价';
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

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  for (const who of ['company', 'staff', 'workshop']) await newContext(who);
  const co = await api('company', 'POST', '/auth/register', {
    email: `orders-co-${stamp}@example.com`,
    password: 'Company-pass-123',
    name: '王经理',
    phone: '13812345678',
    org: {
      kind: 'company',
      name: `滨州网兜制品有限公司${stamp.slice(-4)}`,
      credit_code: randomCreditCode(),
      region_code: '371602',
      address: '黄河五路 1 号',
      contact_name: '王经理',
      contact_phone: '0543-3212345',
    },
  });
  await api('workshop', 'POST', '/auth/register', {
    email: `orders-ws-${stamp}@example.com`,
    password: 'Workshop-pass-123',
    name: '赵主任',
    phone: '13712345678',
    org: {
      kind: 'workshop',
      name: `黄河社区巧手坊${stamp.slice(-4)}`,
      host: '黄河社区居委会',
      region_code: '371602',
      address: '黄河社区活动中心二楼',
      lat: 37.39,
      lng: 117.98,
      crafts: ['weaving'],
      headcount: 20,
      weekly_capacity: 1500,
    },
  });
  await api('staff', 'POST', '/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  await api('staff', 'POST', `/orgs/${co.org.id}/verify`, { verified: true, note: '已核对营业执照' });
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

const field = (p, label) => p.getByLabel(label, { exact: true });
const day = (offset) => {
  const d = new Date(Date.now() + offset * 86400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} 18:00`;
};

async function pickDate(p, label, text) {
  const input = field(p, label);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await p.keyboard.press('Escape');
}

step('a company posts an order through the form and submits it', async () => {
  const p = await page('company');
  await p.goto('/orders');
  await p.getByRole('button', { name: '发布新订单' }).click();
  await p.waitForURL('**/orders/new');
  await field(p, '订单标题').fill(title);
  await openSelect(p, '手工类别');
  await p.locator('.ant-select-item-option', { hasText: '编织' }).first().click();
  await field(p, '订单说明').fill('超市用棉线网兜，花样简单，企业送料上门。');
  await field(p, '数量（件）').fill('800');
  await field(p, '单价（元/件）').fill('0.3');
  await field(p, '最小接单数量（件）').fill('200');
  await field(p, '每件用时（分钟）').fill('6');
  await pickDate(p, '报名截止时间', day(10));
  await pickDate(p, '交货期限', day(30));
  await chooseRegion(p, '滨城', '滨城区');
  await field(p, '物资交接地址').fill('黄河五路 1 号仓库');
  await field(p, '纬度').fill('37.3835');
  await field(p, '经度').fill('117.9706');
  await field(p, '物资价值（元/件）').fill('0.5');
  await p.getByText('按件计算', { exact: true }).click();
  await field(p, '保证金（元/件）').fill('0.1');
  await field(p, '验收标准').fill('花结牢固、网眼均匀、无断线毛头。');
  // The live summary: 800 × ¥0.30, and 6 minutes a piece is ¥3/hour — below the minimum.
  const summary = p.getByTestId('order-summary');
  await expectText(summary, '¥240.00');
  await summary.getByTestId('below-min-wage').waitFor();
  await p.getByRole('button', { name: '提交审核' }).click();
  await p.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  orderId = new URL(p.url()).pathname.split('/').pop();
  await expectText(p.getByTestId('status-banner'), '审核中');
  await expectText(p.locator('h1'), title);
});

step('staff reject it with a reason in the moderation queue', async () => {
  const p = await page('staff');
  await p.goto('/staff/orders');
  const card = p.getByTestId('moderation-card').filter({ hasText: title });
  await expectText(card, '低于最低工资');
  await card.getByRole('button', { name: '驳回' }).click();
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('原因（企业会看到）').fill(reason);
  await dialog.getByRole('button', { name: '驳回' }).click();
  await card.waitFor({ state: 'detached' });
  await p.getByRole('tab', { name: /未通过/ }).click();
  await p.getByTestId('moderation-card').filter({ hasText: title }).waitFor();
});

step('the company sees the reason (banner and notification), fixes the price and resubmits', async () => {
  const p = await page('company');
  await p.goto(`/orders/${orderId}`);
  await expectText(p.getByTestId('status-banner'), reason);
  const bell = p.getByTestId('notification-bell');
  await expectText(bell, '2'); // told it was verified (issue 15.15), then that the order was rejected
  await bell.click();
  await p.waitForURL('**/notifications');
  const note = p.getByTestId('notification').filter({ hasText: title });
  await expectText(note, reason);
  await note.getByRole('button').click();
  await p.waitForURL(`**/orders/${orderId}`);
  await p.getByRole('button', { name: '修改订单' }).click();
  await p.waitForURL(`**/orders/${orderId}/edit`);
  await field(p, '单价（元/件）').fill('2.5');
  await expectText(p.getByTestId('order-summary'), '¥2,000.00');
  await p.getByRole('button', { name: '保存并提交审核' }).click();
  await p.waitForURL(`**/orders/${orderId}`);
  await expectText(p.getByTestId('status-banner'), '审核中');
  await expectText(p.locator('.order-facts'), '¥2.50/件');
  await expectText(p.locator('.order-history'), reason);
});

step('staff approve it', async () => {
  const p = await page('staff');
  await p.goto('/staff/orders');
  const card = p.getByTestId('moderation-card').filter({ hasText: title });
  await expectText(card, '¥2.50/件');
  await card.getByRole('button', { name: '通过' }).click();
  await p.getByRole('dialog').getByRole('button', { name: '通过' }).click();
  await card.waitFor({ state: 'detached' });
});

step('an anonymous visitor opens the public order page', async () => {
  const p = await page('visitor');
  // The HTML itself carries the order (a link opened on a slow phone link
  // shows it before any script runs); React replaces it without an error.
  const html = await (await p.request.get(`/orders/${orderId}`)).text();
  assert.match(html, new RegExp(`<main class="ssr"[^]*<h1>${title}</h1>[^]*¥2.50 / 件[^]*在 App 中查看/报价`));
  assert.match(html, new RegExp(`<meta property="og:title" content="${title} · 家门口 Doorstep" />`));
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && errors.push(m.text()));
  await p.goto(`/orders/${orderId}`);
  // The server-written copy is replaced once the app renders; wait for
  // that rather than reading the heading, which both copies carry.
  await p.locator('#root .ssr').waitFor({ state: 'detached' });
  await expectText(p.locator('h1'), title);
  assert.deepEqual(errors, []);
  await expectText(p.locator('.order-facts'), '¥2.50/件');
  await expectText(p.getByTestId('deposit-terms'), '每件 ¥0.10');
  assert.equal(await p.getByTestId('status-banner').count(), 0);
  assert.equal(await p.getByRole('button', { name: '修改订单' }).count(), 0);
});

step('a workshop coordinator searches 网兜 and finds the order', async () => {
  const p = await page('workshop');
  await p.goto('/');
  await p.getByRole('link', { name: '找订单' }).first().click();
  await p.waitForURL('**/search');
  await p.getByLabel('搜索订单').first().fill('网兜');
  await p.waitForURL(/q=%E7%BD%91%E5%85%9C/);
  // The index is updated by a background job: the results may lag a few seconds.
  const hit = p.getByTestId('search-hit').filter({ hasText: title });
  const until = Date.now() + 10_000;
  while (!(await hit.count()) && Date.now() < until) {
    await p.waitForTimeout(500);
    await p.reload();
  }
  await hit.waitFor();
  await expectText(hit, '¥2.50/件');
  await hit.getByRole('link', { name: title }).click();
  await p.waitForURL(`**/orders/${orderId}`);
  await p.getByRole('button', { name: '举报' }).waitFor();
});
