// End-to-end user flows through the real UI against a real server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  randomCreditCode,
  screenshotOnFailure,
  startServer,
} from './harness.mjs';
import { chooseCraft, chooseRegion, expectText, formButton, login, logout, openSelect } from './ui.mjs';

let server;
let browser;
const ctx = {}; // one browser context per person
const stamp = Date.now().toString(36);
const company = {
  email: `boss-${stamp}@example.com`,
  password: 'Company-pass-123',
  newPassword: 'Company-pass-456',
  name: `滨州巧手制品有限公司${stamp.slice(-4)}`,
  code: randomCreditCode(),
};
const workshop = { email: `ws-${stamp}@example.com`, password: 'Workshop-pass-123', name: `黄河社区巧手坊${stamp.slice(-4)}` };
const invitee = { email: `helper-${stamp}@example.com`, password: 'Helper-pass-123' };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

let lastWho;

async function page(who) {
  lastWho = who;
  if (!ctx[who]) {
    ctx[who] = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    ctx[who].setDefaultTimeout(10_000);
  }
  return ctx[who].pages()[0] ?? ctx[who].newPage();
}

/** A test that leaves full-page screenshots in e2e/artifacts when it fails. */
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

step('register a company (wrong check digit first)', async () => {
  const p = await page('company');
  await p.goto('/register');
  await p.getByLabel('姓名', { exact: true }).fill('王经理');
  await p.getByLabel('手机号码', { exact: true }).fill('13812345678');
  await p.getByLabel('电子邮箱', { exact: true }).fill(company.email);
  await p.getByLabel('密码', { exact: true }).fill(company.password);
  await p.getByLabel('企业名称', { exact: true }).fill(company.name);
  const wrong = company.code.slice(0, 17) + (company.code[17] === '0' ? '1' : '0');
  await p.getByLabel('统一社会信用代码', { exact: true }).fill(wrong);
  await expectText(p.locator('.ant-form-item', { has: p.getByLabel('统一社会信用代码', { exact: true }) }), '校验位不正确');
  await p.getByLabel('统一社会信用代码', { exact: true }).fill(company.code);
  await chooseRegion(p, '滨城', '滨城区');
  await p.getByLabel('详细地址', { exact: true }).fill('黄河五路 1 号');
  await p.getByLabel('联系人', { exact: true }).fill('王经理');
  await p.getByLabel('联系电话', { exact: true }).fill('0543-3212345');
  await formButton(p, '注册', '注册').click();
  await p.waitForURL('**/org');
  await p.getByRole('heading', { name: company.name }).waitFor();
  await p.getByTestId('badge-unverified').waitFor();
});

step('edit the organisation and see it saved after reload', async () => {
  const p = await page('company');
  await p.goto('/org');
  await p.getByRole('button', { name: '编辑' }).click();
  await p.getByLabel('详细地址', { exact: true }).fill('黄河八路 88 号 3 楼');
  await p.getByLabel('联系人', { exact: true }).fill('王丽');
  await p.getByRole('button', { name: '保存' }).click();
  await expectText(p.locator('.ant-descriptions'), '黄河八路 88 号 3 楼');
  await p.reload();
  await expectText(p.locator('.ant-descriptions'), '黄河八路 88 号 3 楼');
  await expectText(p.locator('.ant-descriptions'), '王丽');
});

step('invite a member who accepts in a fresh browser', async () => {
  const p = await page('company');
  await p.goto('/org');
  const form = p.getByRole('form', { name: '邀请成员' });
  await form.getByLabel('电子邮箱', { exact: true }).fill(invitee.email);
  await form.getByRole('button', { name: '发送邀请' }).click();
  // The page has other live regions (the documents' uploader): the one naming the invitee.
  await expectText(p.getByRole('status').filter({ hasText: invitee.email }), invitee.email);
  const link = await server.mailLink(invitee.email, '/invite');

  const q = await page('invitee');
  await q.goto(link.replace(server.baseURL, ''));
  await expectText(q.locator('.invite-org'), company.name);
  await q.getByLabel('姓名', { exact: true }).fill('李阿姨');
  await q.getByLabel('手机号码', { exact: true }).fill('13912345678');
  await q.getByLabel('密码', { exact: true }).fill(invitee.password);
  await formButton(q, '接受邀请', '接受邀请并创建账户').click();
  await q.waitForURL('**/org');
  await q.getByRole('heading', { name: company.name }).waitFor();
  await expectText(q.locator('.ant-list'), invitee.email);
});

step('log out and log in again', async () => {
  const p = await page('company');
  await logout(p);
  await p.goto('/org');
  await p.waitForURL(/\/login\?next=%2Forg$/);
  await login(p, company.email, company.password);
  await p.waitForURL('**/org');
  await p.getByRole('heading', { name: company.name }).waitFor();
});

step('forgotten password: reset via the mailed link, then log in', async () => {
  const p = await page('company');
  await logout(p);
  await p.goto('/login');
  await p.getByRole('link', { name: '忘记密码？' }).click();
  // The router keeps the login page (which has its own 电子邮箱 field) on
  // screen while the reset page's chunk loads: fill only once it is there.
  const forgot = p.getByRole('form', { name: '找回密码' });
  await forgot.waitFor();
  await forgot.getByLabel('电子邮箱', { exact: true }).fill(company.email);
  await p.getByRole('button', { name: '发送重置链接' }).click();
  await p.getByRole('status').waitFor();
  const link = await server.mailLink(company.email, '/reset-password');
  await p.goto(link.replace(server.baseURL, ''));
  await p.getByLabel('新密码', { exact: true }).fill(company.newPassword);
  await p.getByLabel('确认新密码', { exact: true }).fill(company.newPassword);
  await p.getByRole('button', { name: '保存新密码' }).click();
  await p.waitForURL('**/login');
  await login(p, company.email, company.password);
  await expectText(p.getByRole('alert'), '邮箱或密码不正确');
  await login(p, company.email, company.newPassword);
  await p.waitForURL('**/orders'); // a company lands on its orders
});

step('register a workshop with typed coordinates', async () => {
  const p = await page('workshop');
  await p.goto('/register');
  await p.getByText('社区工坊', { exact: true }).click();
  await p.getByLabel('姓名', { exact: true }).fill('赵主任');
  await p.getByLabel('手机号码', { exact: true }).fill('13712345678');
  await p.getByLabel('电子邮箱', { exact: true }).fill(workshop.email);
  await p.getByLabel('密码', { exact: true }).fill(workshop.password);
  await p.getByLabel('工坊名称', { exact: true }).fill(workshop.name);
  await chooseRegion(p, '滨城', '滨城区');
  // The map picker starts at the district's centre; a click on the map moves
  // the point (no map tiles are needed for either: this machine has no network).
  const latInput = p.getByLabel('纬度', { exact: true });
  await p.waitForFunction(() => document.querySelector('input[id$="lat"]')?.value === '37.430700');
  const map = p.getByTestId('map-picker');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  await p.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.3);
  await p.waitForFunction(() => document.querySelector('input[id$="lat"]')?.value !== '37.430700');
  await p.locator('.map-pin').waitFor();
  await p.getByLabel('详细地址', { exact: true }).fill('黄河社区活动中心二楼');
  await p.getByLabel('所属社区 / 居委会', { exact: true }).fill('黄河社区居委会');
  await latInput.fill('37.383');
  await p.getByLabel('经度', { exact: true }).fill('117.97');
  await chooseCraft(p, '编织');
  await chooseCraft(p, '串珠');
  await p.getByLabel('参与居民人数', { exact: true }).fill('25');
  await p.getByLabel('每周产能（件）', { exact: true }).fill('2000');
  await formButton(p, '注册', '注册').click();
  await p.waitForURL('**/org');
  await p.getByRole('heading', { name: workshop.name }).waitFor();
  await expectText(p.locator('.ant-descriptions'), '37.383000, 117.970000');
  await expectText(p.locator('.ant-descriptions'), '串珠');
});

step('staff verifies the company and guarantees the workshop; both are audited', async () => {
  const p = await page('staff');
  await p.goto('/login');
  await login(p, ADMIN_EMAIL, ADMIN_PASSWORD);
  await p.waitForURL('**/staff/orders'); // staff land on the moderation queue
  await p.goto('/staff/orgs');

  const companyRow = p.locator('tr', { hasText: company.name });
  await companyRow.getByRole('button', { name: '认证' }).click();
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('备注（写入审计日志）').fill('已核对营业执照');
  await dialog.getByRole('button', { name: '确认' }).click();
  await companyRow.getByTestId('badge-verified').waitFor();

  const workshopRow = p.locator('tr', { hasText: workshop.name });
  await workshopRow.getByRole('button', { name: '设为社区担保' }).click();
  await p.getByRole('dialog').getByLabel('备注（写入审计日志）').fill('居委会出具担保函');
  await p.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await workshopRow.getByTestId('badge-guarantee').waitFor();

  // Filtering by status keeps the URL in step and the list server-side.
  await openSelect(p, '认证状态');
  await p.locator('.ant-select-item-option', { hasText: '已认证' }).click();
  await p.waitForURL(/verified=true/);
  await companyRow.waitFor();
  await p.locator('tr', { hasText: workshop.name }).waitFor({ state: 'detached' });

  await p.getByRole('link', { name: '审计日志' }).click();
  await p.waitForURL('**/staff/audit');
  const verifyEntry = p.locator('.audit-entry', { hasText: '认证组织' });
  await expectText(verifyEntry, company.name);
  await expectText(verifyEntry, '已核对营业执照');
  const guaranteeEntry = p.locator('.audit-entry', { hasText: '修改社区担保' });
  await expectText(guaranteeEntry, workshop.name);
  await expectText(guaranteeEntry, '居委会出具担保函');
  // Filter by action: readable choices, kept in the URL, answered by the server.
  await openSelect(p, '操作');
  await p.locator('.ant-select-item-option', { hasText: '修改社区担保' }).click();
  await p.waitForURL(/action=org\.guarantee/);
  await verifyEntry.waitFor({ state: 'detached' });
  await guaranteeEntry.waitFor();
});

step('the company sees its verified badge', async () => {
  const p = await page('company');
  await p.goto('/org');
  await p.getByTestId('badge-verified').waitFor();
  assert.equal(await p.getByTestId('badge-unverified').count(), 0);
});
