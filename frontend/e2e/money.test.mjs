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
import { artifactsDir, frontendDir, launchBrowser, screenshotOnFailure, startServer } from './harness.mjs';
import { apiCaller, awardedContract } from './contract.mjs';
import { expectText, login, unfold } from './ui.mjs';

const FINANCE_EMAIL = 'finance@doorstep.test';
const FINANCE_PASSWORD = 'Finance-pass-123';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
let contractId;

let api; // apiCaller(server, ctx), once the server runs


before(async () => {
  server = await startServer();
  api = apiCaller(server, ctx);
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

  contractId = (await awardedContract(api, { prefix: 'money', stamp, workshop: 'phone', deposit: 20000 })).contractId;
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
  await unfold(p, 'fold-money'); // a phone folds the money under the current action
  const tab = p.getByTestId('money-tab');
  await expectText(tab.getByTestId('held-deposit'), '¥200.00');
  assert.equal(await tab.getByTestId('payment-row').count(), 3);
  await tab.scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(artifactsDir, 'money-phone-active.png'), fullPage: true });
  await tab.getByRole('tab', { name: '账本' }).click();
  await expectText(tab.getByTestId('ledger-summary'), '都已平衡');
  await tab.screenshot({ path: path.join(artifactsDir, 'money-phone-ledger.png') });
});
