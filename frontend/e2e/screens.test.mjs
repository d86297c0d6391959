// Screenshots of the main pages at phone and desktop width, saved to
// e2e/artifacts/screens/ for people to look at. Also fails if a page
// scrolls sideways at phone width. Setup goes through the API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, artifactsDir, launchBrowser, randomCreditCode, startServer } from './harness.mjs';

const screensDir = path.join(artifactsDir, 'screens');
const viewports = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
};

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  fs.mkdirSync(screensDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** POST through a context's cookie jar (writes need a same-origin Origin). */
async function post(ctx, url, data) {
  const res = await ctx.request.post(`/api/v1${url}`, { data, headers: { Origin: server.baseURL } });
  assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

const stamp = Date.now().toString(36);
const companyBody = {
  email: `shot-co-${stamp}@example.com`,
  password: 'Company-pass-123',
  name: '王经理',
  phone: '13812345678',
  org: {
    kind: 'company',
    name: '滨州巧手工艺品有限公司',
    credit_code: randomCreditCode(),
    region_code: '371602',
    address: '山东省滨州市滨城区黄河五路 1 号',
    contact_name: '王经理',
    contact_phone: '0543-3212345',
  },
};
const workshopBody = {
  email: `shot-ws-${stamp}@example.com`,
  password: 'Workshop-pass-123',
  name: '赵主任',
  phone: '13712345678',
  org: {
    kind: 'workshop',
    name: '黄河社区幸福微坊',
    host: '黄河社区居委会',
    region_code: '371602',
    address: '黄河社区活动中心二楼',
    lat: 37.383,
    lng: 117.97,
    crafts: ['weaving', 'beading', 'paper_cutting'],
    headcount: 32,
    weekly_capacity: 2500,
  },
};

const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString();
/** A complete order body (money in fen). */
function orderBody(title, over = {}) {
  return {
    title,
    description: '出口超市用棉麻编织网兜，花样简单，熟练后约 6 分钟一个。企业送料上门，成品统一回收。',
    craft: 'weaving',
    tags: ['网兜', '居家可做'],
    quantity: 5000,
    unit_price: 150,
    currency: 'CNY',
    min_bid_quantity: 1000,
    bidding_deadline: inDays(10),
    delivery_deadline: inDays(40),
    region_code: '371602',
    address: '山东省滨州市滨城区黄河五路 318 号',
    lat: 37.3835,
    lng: 117.9706,
    minutes_per_piece: 6,
    materials: { supply: 'company_ships', value_per_unit: 80, allowed_loss_bp: 200 },
    deposit: { kind: 'per_unit', amount: 20, rate_bp: 0, waivable: true },
    quality: { criteria: '花结牢固、网眼均匀、无断线毛头；尺寸误差不超过 1 厘米。', max_defect_bp: 300, inspection_days: 7, rework_rounds: 1 },
    sample_photos: [],
    ...over,
  };
}

async function newContext(viewport, prefs = {}) {
  const ctx = await browser.newContext({ baseURL: server.baseURL, viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  ctx.setDefaultTimeout(10_000);
  if (prefs.lang || prefs.largeText) {
    await ctx.addInitScript((p) => {
      if (p.lang) localStorage.setItem('doorstep.lang', p.lang);
      if (p.largeText) localStorage.setItem('doorstep.largeText', '1');
    }, prefs);
  }
  return ctx;
}

const overflow = [];

/**
 * Waits until the page is still: no finite CSS animation or transition is
 * running (antd opens drawers, modals and menus with them; endless ones such
 * as spinners never end and do not move the layout), and the page width is
 * the same on two frames in a row.
 */
async function settle(page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  const deadline = Date.now() + 10_000;
  const stable = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const width = document.documentElement.scrollWidth;
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.documentElement.scrollWidth === width)));
        }),
    );
  while (!(await stable())) {
    assert.ok(Date.now() < deadline, 'the page width never settled');
  }
}

async function shoot(ctx, size, name, url, prepare) {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  // Pages load lazily: wait for the page's code and its first data, not the skeleton.
  await page.waitForFunction(() => !document.querySelector('.page-skeleton, .lite-skeleton, .ant-skeleton'), null, { timeout: 20_000 }).catch(() => {});
  await page.waitForLoadState('networkidle');
  if (prepare) await prepare(page);
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header belongs at the top
  await settle(page);
  const extra = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (size === 'phone' && extra > 0) overflow.push(`${name} (${extra}px)`);
  await page.screenshot({ path: path.join(screensDir, `${name}-${size}.png`), fullPage: true });
}

for (const [size, viewport] of Object.entries(viewports)) {
  test(`screens at ${size} width`, async () => {
    const guest = await newContext(viewport);
    await shoot(guest, size, 'landing', '/');
    await shoot(guest, size, 'login', '/login');
    await shoot(guest, size, 'register-company', '/register', async (p) => {
      await p.getByLabel('统一社会信用代码', { exact: true }).fill('91350100M000100Y44');
    });
    await shoot(guest, size, 'register-workshop', '/register', async (p) => {
      await p.getByText('社区工坊', { exact: true }).click();
      await p.getByRole('form', { name: '注册' }).getByRole('button', { name: '注册', exact: true }).click();
    });
    await shoot(guest, size, 'forgot-password', '/forgot-password');
    await shoot(guest, size, 'invite-invalid', '/invite?token=nope');
    await shoot(guest, size, 'not-found', '/no/such/page');
    if (size === 'phone') {
      await shoot(guest, size, 'menu-open', '/', async (p) => {
        await p.getByRole('button', { name: '菜单' }).click();
        await p.getByRole('dialog').waitFor();
      });
    }
    await guest.close();

    const english = await newContext(viewport, { lang: 'en' });
    await shoot(english, size, 'landing-en', '/');
    await shoot(english, size, 'register-en', '/register');
    await english.close();

    const large = await newContext(viewport, { largeText: true });
    await shoot(large, size, 'register-large', '/register');
    await large.close();

    const guestCtx = await newContext(viewport);
    const guest2 = () => guestCtx;
    const co = await newContext(viewport);
    const body = { ...companyBody, email: `${size}-${companyBody.email}`, org: { ...companyBody.org, credit_code: randomCreditCode() } };
    const reg = await post(co, '/auth/register', body);
    await post(co, `/orgs/${reg.org.id}/invitations`, { email: `${size}-helper-${stamp}@example.com`, role: 'member' });
    await shoot(co, size, 'org-company', '/org');
    await shoot(co, size, 'org-edit', '/org', async (p) => {
      await p.getByRole('button', { name: '编辑' }).click();
    });
    await shoot(co, size, 'account', '/account');
    await shoot(co, size, 'staff-forbidden', '/staff/orgs');

    const ws = await newContext(viewport);
    const wsReg = await post(ws, '/auth/register', { ...workshopBody, email: `${size}-${workshopBody.email}` });
    await shoot(ws, size, 'org-workshop', '/org');

    const admin = await newContext(viewport);
    await post(admin, '/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await post(admin, `/orgs/${reg.org.id}/verify`, { verified: true, note: '已核对营业执照原件' });
    await shoot(admin, size, 'staff-orgs', '/staff/orgs');
    await shoot(admin, size, 'staff-confirm', '/staff/orgs', async (p) => {
      await p.getByRole('button', { name: '设为社区担保' }).first().click();
      await p.getByRole('dialog').waitFor();
    });
    await shoot(admin, size, 'staff-audit', '/staff/audit');
    await shoot(admin, size, 'staff-synonyms', '/staff/synonyms');
    await shoot(co, size, 'org-verified', '/org');

    // Orders in every interesting state.
    const published = await post(co, '/orders', orderBody(`编织网兜 5000 个（棉麻线，居家可做）${size}`, { unit_price: 400 }));
    await post(co, `/orders/${published.id}/submit`);
    await post(admin, `/moderation/orders/${published.id}/approve`, { reason: '' });
    const rejected = await post(co, '/orders', orderBody('手工串珠饰品 3000 件', { craft: 'beading', quantity: 3000, unit_price: 200, min_bid_quantity: 500 }));
    await post(co, `/orders/${rejected.id}/submit`);
    await post(admin, `/moderation/orders/${rejected.id}/reject`, { reason: '单价过低：折合时薪低于山东省最低小时工资，请提高单价后重新提交。' });
    const pending = await post(co, '/orders', orderBody('礼品盒折叠包装 10000 个', { craft: 'packaging', quantity: 10000, unit_price: 25, min_bid_quantity: 2000, deposit: { kind: 'fixed', amount: 5000, rate_bp: 0, waivable: false } }));
    await post(co, `/orders/${pending.id}/submit`);
    const draft = await post(co, '/orders', orderBody('粘钻发夹 2000 个', { quantity: 2000, unit_price: 120, min_bid_quantity: 2000, deposit: { kind: 'none', amount: 0, rate_bp: 0, waivable: false } }));
    await post(ws, `/orders/${published.id}/reports`, { reason: 'unfair_pay', detail: '按 6 分钟一个算，时薪太低。' });

    await shoot(co, size, 'my-orders', '/orders');
    await shoot(co, size, 'order-new', '/orders/new');
    await shoot(co, size, 'order-form', `/orders/${draft.id}/edit`, async (p) => {
      await p.getByTestId('summary-order-value').waitFor();
    });
    await shoot(co, size, 'order-owner', `/orders/${rejected.id}`);
    await shoot(co, size, 'notifications', '/notifications');
    await shoot(guest2(), size, 'order-public', `/orders/${published.id}`);
    await shoot(ws, size, 'order-workshop', `/orders/${published.id}`);
    await shoot(admin, size, 'moderation', '/staff/orders');
    await shoot(admin, size, 'moderation-reject', '/staff/orders', async (p) => {
      await p.getByRole('button', { name: '驳回' }).first().click();
      await p.getByRole('dialog').waitFor();
    });
    await shoot(admin, size, 'reports', '/staff/reports');
    await shoot(ws, size, 'search', '/search?q=%E7%BD%91%E5%85%9C', async (p) => {
      // The search index is filled by a background job.
      for (let i = 0; i < 20 && !(await p.getByTestId('search-hit').count()); i++) {
        await p.waitForTimeout(500);
        await p.reload();
      }
      await p.getByTestId('search-hit').first().waitFor();
    });
    await shoot(guestCtx, size, 'search-empty', '/search?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AE%A2%E5%8D%95');
    // No order has both words: 部分匹配 with the words as chips.
    await shoot(guestCtx, size, 'search-partial', `/search?q=${encodeURIComponent('编织网兜 上海')}`, async (p) => {
      await p.getByTestId('partial-match').waitFor();
    });

    // Bidding: the form with live figures, two bids (one a counter-offer), the
    // comparison, an award with its contract, workshop search and profiles.
    await shoot(ws, size, 'bid-form', `/orders/${published.id}`, async (p) => {
      if (size === 'phone') {
        // The 报价 button is on the first screen, at the bottom, while the terms are read.
        const box = await p.getByTestId('sticky-bid').boundingBox();
        assert.ok(box && box.y + box.height <= viewport.height, `sticky 报价 button not on screen: ${JSON.stringify(box)}`);
      }
      const form = p.getByRole('form', { name: '我要报价' });
      await form.getByLabel('接单数量（件）', { exact: true }).fill('2000');
      await form.getByLabel('报价单价（元/件）', { exact: true }).fill('4.5');
      await form.getByLabel('投入居民人数', { exact: true }).fill('12');
      await p.getByTestId('bid-amount').waitFor();
    });
    const ws2 = await newContext(viewport);
    const ws2Reg = await post(ws2, '/auth/register', {
      ...workshopBody,
      email: `${size}-ws2-${workshopBody.email}`,
      org: { ...workshopBody.org, name: '新立社区巧手坊', host: '新立社区居委会', lat: 37.41, lng: 117.99, headcount: 45, weekly_capacity: 4000 },
    });
    await post(admin, `/orgs/${ws2Reg.org.id}/verify`, { verified: true, note: '已核对' });
    await post(admin, `/orgs/${ws2Reg.org.id}/guarantee`, { community_guarantee: true, note: '社区居委会担保' });
    const bidDate = inDays(30);
    await post(ws, `/orders/${published.id}/bids`, { quantity: 2000, unit_price: 450, delivery_date: bidDate, headcount: 12, message: '我们做过超市网兜，周末也可以加班。' });
    const bid2 = await post(ws2, `/orders/${published.id}/bids`, { quantity: 3000, unit_price: 400, delivery_date: bidDate, headcount: 30, message: '' });
    await post(co, `/orders/${published.id}/invitations`, { workshop_id: wsReg.org.id, message: '欢迎报价' });
    await shoot(ws, size, 'bid-mine', `/orders/${published.id}`);
    await shoot(co, size, 'bid-compare', `/orders/${published.id}`, async (p) => {
      await p.getByTestId('bid-row').first().waitFor();
    });
    await shoot(co, size, 'bid-award-confirm', `/orders/${published.id}`, async (p) => {
      await p.getByTestId('bid-row').filter({ hasText: '新立社区巧手坊' }).getByRole('button', { name: /选定/ }).click();
      await p.getByTestId('award-escrow').waitFor();
    });
    const contract = await post(co, `/bids/${bid2.id}/accept`);
    await shoot(co, size, 'bid-compare-awarded', `/orders/${published.id}`, async (p) => {
      await p.getByTestId('bid-row').first().waitFor();
    });
    await shoot(ws2, size, 'contract-workshop', `/contracts/${contract.id}`, async (p) => {
      // On a phone the progress shrinks to the current step and the next step is on the first screen.
      const next = await p.getByTestId('next-step').boundingBox();
      assert.ok(next && next.y + next.height <= viewport.height, `next step below the first screen: ${JSON.stringify(next)}`);
      assert.equal(await p.getByTestId('contract-step-compact').count(), size === 'phone' ? 1 : 0);
    });
    await shoot(co, size, 'contract-company', `/contracts/${contract.id}`);
    await shoot(co, size, 'contracts', '/contracts');
    await shoot(ws, size, 'my-bids', '/bids');
    await shoot(co, size, 'workshops-invite', `/workshops?order=${published.id}&craft=weaving`, async (p) => {
      // The workshop index is filled by a background job too.
      for (let i = 0; i < 20 && !(await p.getByTestId('workshop-hit').count()); i++) {
        await p.waitForTimeout(500);
        await p.reload();
      }
      await p.getByTestId('workshop-hit').first().waitFor();
    });
    await shoot(guestCtx, size, 'profile-workshop', `/profiles/${ws2Reg.org.id}`);
    await shoot(guestCtx, size, 'profile-company', `/profiles/${reg.org.id}`);
    await Promise.all([co.close(), ws.close(), ws2.close(), admin.close(), guestCtx.close()]);
  });
}

test('no page scrolls sideways at phone width', () => {
  assert.deepEqual(overflow, []);
});
