// Workshop operations on a phone (375 px): the coordinator adds residents
// (one with a consented tag), records pieces with the steppers, approves the
// distribution once the money is released, marks a resident paid, opens the
// payslip and sees the dashboard chart. The marketplace and money parts
// (order, bid, award, bank transfer confirmed by staff, materials, delivery,
// inspection, settlement) go through the API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshotOnFailure, startServer } from './harness.mjs';
import { apiCaller, awardedContract } from './contract.mjs';
import { confirmPopover, expectText } from './ui.mjs';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
let contractId;

let api; // apiCaller(server, ctx), once the server runs

// fundAndProduce pays the escrow by bank transfer (staff confirm it), ships
// the material and has the workshop count it in: the contract is in production.
async function fundAndProduce() {
  const pay = await api('company', 'POST', `/contracts/${contractId}/fund`);
  await api('staff', 'POST', `/finance/payments/${pay.id}/confirm`, { amount_received: pay.amount, bank_reference: `ICBC-${stamp}` });
  const d = await api('company', 'POST', `/contracts/${contractId}/dispatches`, { quantity: 1000, method: 'pickup' });
  await api('phone', 'POST', `/dispatches/${d.id}/receive`, { quantity: 1000 });
}

// deliverAndSettle delivers all 1,000, has the company accept them and staff
// settle; the workshop gives its bank account and finance sends the pay.
async function deliverAndSettle() {
  const d = await api('phone', 'POST', `/contracts/${contractId}/deliveries`, { quantity: 1000 });
  await api('company', 'POST', `/deliveries/${d.id}/inspect`, { accepted: 1000 });
  await api('staff', 'POST', `/contracts/${contractId}/settle`);
  const me = await api('phone', 'GET', '/me');
  await api('phone', 'PUT', `/orgs/${me.org.id}/payout-account`, {
    account_name: '碧林花园社区居民委员会',
    bank_name: '滨州农商银行市西支行',
    account_number: '9080123456780012',
  });
  const queued = await api('staff', 'GET', '/finance/disbursements?status=queued');
  for (const x of queued.items.filter((x) => x.contract_id === contractId && x.kind === 'payout')) {
    await api('staff', 'POST', `/finance/disbursements/${x.id}/sent`, { bank_reference: `NS-${stamp}` });
  }
}


before(async () => {
  server = await startServer();
  api = apiCaller(server, ctx);
  browser = await launchBrowser();
  ctx.company = await browser.newContext({ baseURL: server.baseURL });
  ctx.staff = await browser.newContext({ baseURL: server.baseURL });
  ctx.phone = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  ctx.phone.setDefaultTimeout(10_000);
  contractId = (await awardedContract(api, { prefix: 'ops', stamp, workshop: 'phone' })).contractId;
  await fundAndProduce();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function step(name, fn) {
  test(name, async () => {
    try {
      await fn(ctx.phone.pages()[0] ?? (await ctx.phone.newPage()));
    } catch (err) {
      await screenshotOnFailure(name, { phone: ctx.phone }, 'phone');
      throw err;
    }
  });
}

async function addResident(p, name, phone, tag) {
  await p.getByTestId('resident-add').click();
  const dialog = p.getByRole('dialog');
  await dialog.getByTestId('resident-name').fill(name);
  await dialog.getByTestId('resident-phone').fill(phone);
  if (tag) {
    await dialog.getByLabel(tag).check();
    await dialog.getByTestId('resident-consent').check();
  }
  await dialog.getByTestId('resident-save').click();
  await dialog.waitFor({ state: 'detached' });
}

step('the coordinator adds residents, one with a consented tag', async (p) => {
  await p.goto('/workshop/residents');
  await addResident(p, '李秀英', '13812345678', '老年人');
  await addResident(p, '王淑芬', '13912345678');
  await expectText(p.locator('body'), '共 2 人');
  const cards = p.getByTestId('resident-card');
  await expectText(cards.filter({ hasText: '李秀英' }), '138****5678');
  await expectText(cards.filter({ hasText: '李秀英' }), '老年人');
});

step('records pieces with the steppers and saves them in one tap', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await p.getByTestId('to-pieces').click();
  const li = p.getByTestId('pieces-row').filter({ hasText: '李秀英' });
  for (let i = 0; i < 3; i++) await li.getByRole('button', { name: '加一件' }).click();
  await li.getByRole('button', { name: '减一件' }).click();
  await p.getByTestId('pieces-row').filter({ hasText: '王淑芬' }).getByTestId('pieces-input').fill('5');
  await expectText(p.getByTestId('pieces-save'), '保存 2 处修改');
  await p.getByTestId('pieces-save').click();
  await expectText(p.getByTestId('pieces-save'), '没有要保存的修改');
  const sheet = await api('phone', 'GET', `/contracts/${contractId}/piece-records`);
  assert.deepEqual(Object.fromEntries(sheet.rows.map((r) => [r.name, r.pieces])), { 李秀英: 2, 王淑芬: 5 });
  assert.equal(sheet.changes.length, 2);
});

step('approves the distribution once the money is released and pays a resident', async (p) => {
  await deliverAndSettle();
  await p.goto(`/contracts/${contractId}/distribution`);
  // 1000 × 1.50 yuan less 3% commission = 1455.00, split 2 : 5.
  await expectText(p.getByTestId('dist-total'), '¥1,455.00');
  // 7 of the 1,000 accepted pieces are recorded: the page says so and asks why.
  await expectText(p.getByTestId('dist-unrecorded'), '还有 993 件合格件没有记到居民名下');
  await expectText(p.getByTestId('dist-paid-out'), '已全部汇到工坊');
  await p.getByTestId('dist-reason').fill('其余件数由企业车间完成，本次只分这两位居民');
  await p.getByTestId('dist-approve').click();
  await confirmPopover(p, 'dist-approve-ok');
  await expectText(p.getByTestId('dist-status'), '已批准');
  const line = p.getByTestId('dist-line').filter({ hasText: '王淑芬' });
  await expectText(line, '¥1,039.29');
  await line.getByTestId('dist-pay').click();
  await p.getByRole('dialog').getByText('现金').click();
  await p.getByTestId('pay-confirm').click();
  await expectText(line, '现金');
});

step('opens the payslip and sees the dashboard chart', async (p) => {
  await p.getByTestId('dist-line').filter({ hasText: '王淑芬' }).getByTestId('dist-payslip').click();
  await expectText(p.getByTestId('payslip'), '王淑芬');
  await expectText(p.getByTestId('payslip-amount'), '¥1,039.29');
  await expectText(p.getByTestId('payslip-calc'), '5 件 ×');
  await expectText(p.getByTestId('payslip-basis'), '其余件数由企业车间完成');
  await p.goto('/workshop/impact');
  await p.getByTestId('impact-chart').locator('canvas').waitFor({ timeout: 30_000 });
  await expectText(p.locator('body'), '¥1,039.29');
});
