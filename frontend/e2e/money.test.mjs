// Money in a real browser against the real server (manual provider): the
// company funds the escrow by bank transfer on a desktop, the workshop pays
// its deposit on a phone (390 px), finance staff match both transfers in
// /finance — one of them short, so the rest is owed and paid again — and the
// contract turns active; both sides see the money tab and a balanced ledger.
// The marketplace steps (order, bid, award) go through the API.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, artifactsDir, frontendDir, launchBrowser, randomCreditCode, screenshotOnFailure, startServer } from './harness.mjs';
import { expectText, login } from './ui.mjs';

const FINANCE_EMAIL = 'finance@doorstep.test';
const FINANCE_PASSWORD = 'Finance-pass-123';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
let contractId;

async function api(who, method, url, data) {
  const res = await ctx[who].request.fetch(`/api/v1${url}`, { method, data, headers: { Origin: server.baseURL } });
  assert.ok(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString();

before(async () => {
  server = await startServer();
  // A finance staff account, made the way an operator would (the CLI).
  const pgBase = (process.env.E2E_PG_BASE || 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
  const bin = path.resolve(frontendDir, process.env.DOORSTEP_BIN || '../bin/doorstep');
  const r = spawnSync(bin, ['staff', 'create', '--email', FINANCE_EMAIL, '--password', FINANCE_PASSWORD, '--role', 'finance'], {
    env: { ...process.env, DATABASE_URL: `${pgBase}/${server.dbName}?sslmode=disable` },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, `staff create: ${r.stderr}${r.stdout}`);

  browser = await launchBrowser();
  ctx.company = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  ctx.phone = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  ctx.finance = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  ctx.staff = await browser.newContext({ baseURL: server.baseURL });
  for (const c of Object.values(ctx)) c.setDefaultTimeout(15_000);

  const co = await api('company', 'POST', '/auth/register', {
    email: `money-co-${stamp}@example.com`,
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
  const ws = await api('phone', 'POST', '/auth/register', {
    email: `money-ws-${stamp}@example.com`,
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
  await api('staff', 'POST', `/orgs/${co.org.id}/verify`, { verified: true, note: '已核对营业执照' });
  await api('staff', 'POST', `/orgs/${ws.org.id}/verify`, { verified: true, note: '已实地走访' });
  const order = await api('company', 'POST', '/orders', {
    title: `编织网兜 1000 个 ${stamp}`,
    description: '棉麻线手工编织网兜，企业送料上门。',
    craft: 'weaving',
    tags: ['网兜'],
    quantity: 1000,
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
  const bid = await api('phone', 'POST', `/orders/${order.id}/bids`, {
    quantity: 1000,
    unit_price: 150,
    headcount: 12,
    message: '社区阿姨会编织',
    delivery_date: inDays(20),
  });
  contractId = (await api('company', 'POST', `/bids/${bid.id}/accept`)).id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function step(name, who, fn) {
  test(name, async () => {
    const p = ctx[who].pages()[0] ?? (await ctx[who].newPage());
    try {
      await fn(p);
    } catch (err) {
      await screenshotOnFailure(name, { company: ctx.company, phone: ctx.phone, finance: ctx.finance }, who);
      throw err;
    }
  });
}

const refs = {};

step('the company funds the escrow by bank transfer', 'company', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await expectText(p.getByTestId('escrow-owed'), '待付 ¥1,500.00');
  await p.getByTestId('pay-escrow').click();
  const ref = p.getByTestId('transfer-reference');
  await ref.waitFor();
  refs.escrow = (await ref.textContent()).trim();
  assert.match(refs.escrow, /^DS-\d{8}-\d{4}$/);
  await expectText(p.getByTestId('transfer-amount'), '¥1,500.00');
  await expectText(p.getByTestId('open-escrow'), '等待财务核对到账');
  assert.ok(((await p.getByTestId('bank-account').textContent()) ?? '').trim().length > 0, 'the platform account is shown');
  await p.getByTestId('receipt-edit').click();
  await p.getByTestId('receipt-input').fill(`工行尾号1234转出 附言${refs.escrow}`);
  await p.getByTestId('receipt-save').click();
  await expectText(p.getByTestId('receipt-note'), '工行尾号1234转出');
});

step('the workshop starts paying its deposit on a phone', 'phone', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await expectText(p.getByTestId('deposit-owed'), '待付 ¥200.00');
  await p.getByTestId('pay-deposit').click();
  const ref = p.getByTestId('transfer-reference');
  await ref.waitFor();
  refs.deposit = (await ref.textContent()).trim();
  assert.notEqual(refs.deposit, refs.escrow);
  // The company's transfer shows as waiting for finance, not its details.
  await expectText(p.getByTestId('open-escrow'), refs.escrow);
  fs.mkdirSync(artifactsDir, { recursive: true });
  await p.getByTestId('payin').screenshot({ path: path.join(artifactsDir, 'money-phone-deposit.png') });
});

step('finance staff match the transfers: the deposit came short', 'finance', async (p) => {
  await login(p, FINANCE_EMAIL, FINANCE_PASSWORD);
  await p.waitForURL((u) => new URL(u).pathname !== '/login');
  await p.goto('/finance');
  await expectText(p.getByTestId('finance-status'), '待核对 (2)');
  const escrow = p.getByTestId('finance-payment').filter({ hasText: refs.escrow });
  await expectText(escrow, '工行尾号1234转出');
  await escrow.getByTestId('finance-confirm').click();
  let dialog = p.getByRole('dialog');
  await expectText(dialog.getByTestId('finance-consequence'), '金额一致');
  await dialog.getByTestId('finance-bank-ref').fill(`ICBC-${stamp}-1`);
  await dialog.getByTestId('finance-confirm-ok').click();
  await dialog.waitFor({ state: 'detached' });

  await p.getByTestId('finance-payment').filter({ hasText: refs.deposit }).getByTestId('finance-confirm').click();
  dialog = p.getByRole('dialog');
  await dialog.getByTestId('finance-amount').fill('150');
  await expectText(dialog.getByTestId('finance-consequence'), '少付 ¥50.00');
  await dialog.getByTestId('finance-bank-ref').fill(`ICBC-${stamp}-2`);
  await dialog.getByTestId('finance-confirm-ok').click();
  await dialog.waitFor({ state: 'detached' });
  await expectText(p.getByTestId('finance-status'), '待核对 (0)');
  await expectText(p.getByTestId('finance-status'), '少付 (1)');
});

step('the workshop sees what is still owed and pays the rest', 'phone', async (p) => {
  await p.reload();
  await expectText(p.getByTestId('deposit-owed'), '已到 ¥150.00，还差 ¥50.00');
  await expectText(p.getByTestId('deposit-short'), '实际到账 ¥150.00');
  await expectText(p.getByTestId('escrow-funded'), '已到位 ¥1,500.00');
  await p.getByTestId('pay-deposit').click();
  await expectText(p.getByTestId('transfer-amount'), '¥50.00');
  refs.rest = (await p.getByTestId('transfer-reference').textContent()).trim();
});

step('finance matches the rest and the contract turns active', 'finance', async (p) => {
  await p.reload();
  const row = p.getByTestId('finance-payment').filter({ hasText: refs.rest });
  await row.getByTestId('finance-confirm').click();
  const dialog = p.getByRole('dialog');
  await dialog.getByTestId('finance-bank-ref').fill(`ICBC-${stamp}-3`);
  await dialog.getByTestId('finance-confirm-ok').click();
  await dialog.waitFor({ state: 'detached' });
  const c = await api('company', 'GET', `/contracts/${contractId}`);
  assert.equal(c.status, 'active');
});

step('the company sees the contract active, the money held and a balanced ledger', 'company', async (p) => {
  await p.reload();
  await expectText(p.getByTestId('contract-status'), '已生效');
  const tab = p.getByTestId('money-tab');
  await expectText(tab.getByTestId('held-escrow'), '¥1,500.00');
  await expectText(tab.getByTestId('held-deposit'), '¥200.00');
  assert.equal(await tab.getByTestId('payment-row').count(), 3);
  await tab.getByRole('tab', { name: '账本' }).click();
  await expectText(tab.getByTestId('ledger-summary'), '全部 6 笔都已平衡');
  // Both sides were told the contract is active.
  for (const who of ['company', 'phone']) {
    const n = await api(who, 'GET', '/notifications?page=1');
    assert.ok(n.items.some((x) => x.kind === 'contract.active' && x.link === `/contracts/${contractId}`), `${who} was notified`);
  }
});

step('the workshop sees it on a phone (screenshot)', 'phone', async (p) => {
  await p.reload();
  await expectText(p.getByTestId('contract-status'), '已生效');
  const tab = p.getByTestId('money-tab');
  await expectText(tab.getByTestId('held-deposit'), '¥200.00');
  assert.equal(await tab.getByTestId('payment-row').count(), 3);
  await tab.scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(artifactsDir, 'money-phone-active.png'), fullPage: true });
  await tab.getByRole('tab', { name: '账本' }).click();
  await expectText(tab.getByTestId('ledger-summary'), '都已平衡');
  await tab.screenshot({ path: path.join(artifactsDir, 'money-phone-ledger.png') });
});
