// Settlement (issue #13) in a real browser. Through the API: an order with a
// ¥50 deposit, escrow and deposit paid by bank transfer (staff confirm),
// 1,000 pieces of material received, 950 delivered and accepted, the company
// ends the contract short and it settles: 50 pieces of material are missing,
// 20 are the allowed loss, so 30 × ¥0.80 = ¥24.00 is kept from the deposit.
// In the browser: the workshop (phone) sees the summary and why, opens the
// statement (also as printed); the company downloads the XLSX; both rate
// each other (hidden until both rated); the company's profile shows its
// scorecard; staff see the platform figures with the chart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, launchBrowser, screenshotOnFailure, startServer } from './harness.mjs';
import { apiCaller, awardedContract } from './contract.mjs';
import { expectText } from './ui.mjs';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
const ids = {};
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

let api; // apiCaller(server, ctx), once the server runs

/** Screenshots of the viewport from `from` down, one per screen (`screens` of them), to look at. */
async function shot(page, name, from, screens = 1) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  if (from) await from.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  for (let i = 0; i < screens; i++) {
    if (i > 0) await page.evaluate(() => window.scrollBy(0, window.innerHeight - 120));
    await page.screenshot({ path: path.join(artifactsDir, `settlement-${name}${screens > 1 ? `-${i + 1}` : ''}.png`) });
  }
}


before(async () => {
  server = await startServer();
  api = apiCaller(server, ctx);
  browser = await launchBrowser();
  ctx.company = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  ctx.workshop = await browser.newContext({ baseURL: server.baseURL, ...phone });
  ctx.staff = await browser.newContext({ baseURL: server.baseURL, ...phone });
  for (const c of Object.values(ctx)) c.setDefaultTimeout(10_000);
  const setup = await awardedContract(api, { prefix: 'set', stamp, deposit: 5000 });
  ids.company = setup.company.org.id;
  ids.order = setup.order.id;
  const id = (ids.contract = setup.contractId);
  const pay = await api('company', 'POST', `/contracts/${id}/fund`);
  await api('staff', 'POST', `/finance/payments/${pay.id}/confirm`, { amount_received: pay.amount, bank_reference: `ICBC-${stamp}` });
  const dep = await api('workshop', 'POST', `/contracts/${id}/deposit`);
  await api('staff', 'POST', `/finance/payments/${dep.id}/confirm`, { amount_received: dep.amount, bank_reference: `ABC-${stamp}` });
  const d = await api('company', 'POST', `/contracts/${id}/dispatches`, { quantity: 1000, method: 'pickup' });
  await api('workshop', 'POST', `/dispatches/${d.id}/receive`, { quantity: 1000 });
  const del = await api('workshop', 'POST', `/contracts/${id}/deliveries`, { quantity: 950 });
  await api('company', 'POST', `/deliveries/${del.id}/inspect`, { accepted: 950 });
  await api('company', 'POST', `/contracts/${id}/end`);
  await api('staff', 'POST', `/contracts/${id}/settle`);
  const c = await api('staff', 'GET', `/contracts/${id}`);
  assert.equal(c.status, 'settled');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function step(name, who, fn) {
  test(name, async () => {
    const page = ctx[who].pages()[0] ?? (await ctx[who].newPage());
    try {
      await fn(page);
    } catch (err) {
      await screenshotOnFailure(name, ctx, who);
      throw err;
    }
  });
}


step('the workshop sees the settlement summary and why the deposit was cut', 'workshop', async (p) => {
  await p.goto(`/contracts/${ids.contract}`);
  const panel = p.getByTestId('settlement-panel');
  // 950 × ¥1.50 = ¥1,425.00 released; 3% commission ¥42.75; net ¥1,382.25.
  await expectText(panel.getByTestId('sum-accepted'), '950 件');
  await expectText(panel.getByTestId('sum-released'), '¥1,425.00');
  await expectText(panel.getByTestId('sum-net'), '¥1,382.25');
  // Escrow ¥1,500.00 − ¥1,425.00 back to the company.
  await expectText(panel.getByTestId('sum-escrowRefund'), '¥75.00');
  await expectText(panel.getByTestId('sum-depositRefund'), '¥26.00');
  await expectText(panel.getByTestId('sum-deduction'), '¥24.00');
  const rule = panel.getByTestId('deposit-rule');
  await expectText(rule, '收到物料 1000 件 − 退回 0 件 − 交付 950 件 = 缺少 50 件');
  await expectText(rule, '缺少 50 件 − 允许损耗 20 件 → 应赔 30 件');
  await expectText(rule, '扣除 = min(保证金 ¥50.00, 30 件 × ¥0.80) = ¥24.00');
  await expectText(panel.getByTestId('deposit-why'), '有 30 件物料缺失超出允许损耗');
  await shot(p, 'workshop-panel', panel, 2);
});

step('the workshop opens the statement, readable on a phone and printable', 'workshop', async (p) => {
  await p.getByTestId('to-statement').click();
  await p.waitForURL(`**/contracts/${ids.contract}/statement`);
  await expectText(p.getByTestId('statement-title'), `编织网兜 1000 个 ${stamp}`);
  await expectText(p.getByTestId('st-materials'), '工坊确认收到物料');
  await expectText(p.getByTestId('st-deliveries'), '验收合格');
  await expectText(p.getByTestId('st-money'), '企业托管货款');
  await expectText(p.getByTestId('st-money'), '工坊缴纳保证金');
  await expectText(p.getByTestId('st-workshop-net'), '¥1,382.25');
  await expectText(p.getByTestId('st-deposit'), '退还工坊 = ¥50.00 − ¥24.00 = ¥26.00');
  // Nothing is wider than the phone.
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the statement is ${overflow}px wider than the phone`);
  await shot(p, 'statement-phone', p.getByTestId('statement'), 4);
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('.app-header').isVisible(), false, 'no navigation in print');
  assert.equal(await p.getByTestId('statement-print').isVisible(), false, 'no buttons in print');
  await p.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await p.screenshot({ path: path.join(artifactsDir, 'settlement-statement-print.png'), fullPage: true });
  await p.emulateMedia({ media: 'screen' });
  await p.setViewportSize(phone.viewport);
});

step('the company downloads the statement as XLSX', 'company', async (p) => {
  await p.goto(`/contracts/${ids.contract}`);
  await expectText(p.getByTestId('sum-escrowRefund'), '¥75.00');
  const [response, download] = await Promise.all([
    p.waitForResponse((r) => r.url().endsWith(`/contracts/${ids.contract}/statement.xlsx`)),
    p.waitForEvent('download'),
    p.getByTestId('settlement-panel').getByTestId('statement-xlsx').click(),
  ]);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /spreadsheetml/);
  assert.match(download.suggestedFilename(), /^statement-[0-9a-f]{8}\.xlsx$/);
  const file = fs.readFileSync(await download.path());
  assert.equal(file.subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');
  assert.ok(file.length > 3000);
});

async function rate(p, stars, comment) {
  const form = p.getByTestId('rating-form');
  for (const [k, n] of Object.entries(stars)) {
    await form.getByTestId(`rate-${k}`).locator('li').nth(n - 1).click();
  }
  await form.getByTestId('rate-comment').fill(comment);
  await form.getByTestId('rate-submit').click();
  await form.waitFor({ state: 'detached' });
}

step('the company rates first and cannot see the workshop rating yet', 'company', async (p) => {
  await rate(p, { a: 5, b: 4, c: 4 }, '做工细致，交货及时。');
  await expectText(p.getByTestId('rating-mine'), '做工细致');
  await expectText(p.getByTestId('rating-hidden'), '评价后');
});

step('the workshop rates and then sees both ratings', 'workshop', async (p) => {
  await p.goto(`/contracts/${ids.contract}`);
  // The company's rating exists, but the workshop has not rated: hidden.
  await expectText(p.getByTestId('rating-hidden'), '暂不显示');
  await rate(p, { a: 5, b: 5, c: 4 }, '付款快，验收公道。');
  await expectText(p.getByTestId('rating-theirs'), '做工细致');
  await shot(p, 'workshop-ratings', p.getByTestId('ratings'));
});

step("the company sees the workshop's rating and its own scorecard", 'company', async (p) => {
  await p.reload();
  await expectText(p.getByTestId('rating-theirs'), '付款快');
  await p.goto(`/profiles/${ids.company}`);
  const card = p.getByTestId('company-scorecard');
  await expectText(card.getByTestId('sc-settled'), '1');
  // One settled contract: no percentage, the page says why.
  await expectText(card.getByTestId('sc-rejection'), '不足 3 份已结算合同');
  await expectText(card.getByTestId('sc-rating'), '4.7');
  await p.setViewportSize(phone.viewport);
  await shot(p, 'company-scorecard', card);
  // The order page shows the same scorecard beside its terms.
  await p.goto(`/orders/${ids.order}`);
  await expectText(p.getByTestId('company-scorecard').getByTestId('sc-settled'), '1');
});

step('staff see the platform figures with the monthly chart', 'staff', async (p) => {
  await p.goto('/staff/stats');
  await p.getByTestId('volume-chart').locator('canvas').waitFor({ timeout: 30_000 });
  // ¥42.75 commission; everything settled, so nothing held.
  await expectText(p.getByTestId('ps-commission'), '42.75');
  await expectText(p.getByTestId('ps-escrow'), '0.00');
  await expectText(p.getByTestId('ps-contracts-settled'), '1');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the stats page is ${overflow}px wider than the phone`);
  await shot(p, 'staff-stats', p.locator('.platform-stats'), 2);
});
