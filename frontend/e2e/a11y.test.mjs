// Accessibility (issue 23): axe-core on the main pages, as a visitor, a
// company, a workshop coordinator and staff. No critical or serious
// violation, exactly one main landmark and one h1 per page. Setup goes through
// the API; one browser, one server, one signed-in context per person.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshotOnFailure, startServer } from './harness.mjs';
import { apiCaller, awardedContract, publishedOrder } from './contract.mjs';
import { formButton } from './ui.mjs';

// Evaluated in the page (not a <script> tag, which the CSP would refuse).
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
const ctx = {};
let k; // an awarded contract: { order, contractId, … }
let open; // an order open for bids

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  for (const who of ['guest', 'company', 'workshop', 'staff']) {
    ctx[who] = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    ctx[who].setDefaultTimeout(15_000);
  }
  const api = apiCaller(server, ctx);
  const stamp = Date.now().toString(36);
  k = await awardedContract(api, { prefix: 'a11y', stamp });
  open = await publishedOrder(api, { stamp, quantity: 2000 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens `url` as `who`, waits for the page's data, runs axe and counts the landmarks; returns what is wrong. */
async function audit(who, url, ready) {
  const page = ctx[who].pages()[0] ?? (await ctx[who].newPage());
  try {
    await page.goto(url);
    // Pages load lazily: wait for the page's code and its first data, not the skeleton.
    await page.waitForFunction(() => document.querySelector('.app-main')?.childElementCount && !document.querySelector('.page-skeleton, .lite-skeleton, .ant-skeleton'));
    if (ready) await ready(page);
    await page.waitForLoadState('networkidle');
    // antd fades things in; axe reads the colours as they are right now.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
    const found = await page.evaluate(async (src) => {
      if (!window.axe) (0, eval)(src);
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return {
        violations: r.violations
          .filter((v) => v.impact === 'critical' || v.impact === 'serious')
          .map((v) => {
            const nodes = v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 100)}\n      ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
            if (v.nodes.length > 8) nodes.push(`    … and ${v.nodes.length - 8} more`);
            return `${v.impact} ${v.id}: ${v.help}\n${nodes.join('\n')}`;
          }),
        mains: document.querySelectorAll('main, [role="main"]').length,
        // A required select or cascader says so (antd's Form.Item marks only its direct child).
        unsaid: [...document.querySelectorAll('label.ant-form-item-required')]
          .map((l) => document.getElementById(l.htmlFor))
          .filter((el) => el?.getAttribute('role') === 'combobox' && el.getAttribute('aria-required') !== 'true')
          .map((el) => `#${el.id}`),
        h1s: document.querySelectorAll('h1').length,
      };
    }, axeSource);
    const wrong = [...found.violations];
    if (found.mains !== 1) wrong.push(`${found.mains} main landmarks`);
    if (found.h1s !== 1) wrong.push(`${found.h1s} h1 headings`);
    if (found.unsaid.length) wrong.push(`required selects without aria-required: ${found.unsaid.join(' ')}`);
    if (wrong.length) await screenshotOnFailure(`a11y ${who} ${url}`, { [who]: ctx[who] }, who);
    return wrong.map((w) => `${who} ${url}: ${w}`);
  } catch (err) {
    await screenshotOnFailure(`a11y ${who} ${url}`, { [who]: ctx[who] }, who);
    throw err;
  }
}

/** Audits each [who, url, ready?] and fails with everything found on all of them. */
async function auditAll(pages) {
  const wrong = [];
  for (const [who, url, ready] of pages) wrong.push(...(await audit(who, url, ready)));
  if (wrong.length) assert.fail(`\n${wrong.join('\n')}`);
}

test('a visitor: landing, search, an order, sign-in and registration', async () => {
  await auditAll([
    ['guest', '/'],
    ['guest', '/search'],
    ['guest', `/orders/${open.id}`],
    ['guest', '/login'],
    // A workshop's form (crafts, region) with what a submit left empty marked.
    [
      'guest',
      '/register',
      async (p) => {
        await p.getByText('社区工坊', { exact: true }).click();
        await formButton(p, '注册', '注册').click();
        await p.locator('.ant-form-item-explain-error').first().waitFor();
      },
    ],
  ]);
});

test("a company's orders, a coordinator's bid form and contract", async () => {
  await auditAll([
    ['company', `/orders/${k.order.id}`],
    ['company', '/orders/new'],
    ['workshop', `/orders/${open.id}`],
    ['workshop', `/contracts/${k.contractId}`, (p) => p.getByTestId('next-step').waitFor()],
  ]);
});

test('staff: the orders queue and finance', async () => {
  await auditAll([
    ['staff', '/staff/orders?status=published'],
    ['staff', '/finance'],
  ]);
});
