// A first visit on a slow phone link, measured in Chromium: the DevTools
// protocol's network emulation (400 kbit/s down and up, 400 ms round trip),
// a new browser context per visit (cold cache), the landing page and a
// published order's page (what a link shared in WeChat opens). Prints, per
// page, the median over the runs of first contentful paint, when the web app
// has replaced the server's summary with its own page, how long before that
// only a skeleton showed (after the summary went, or, on a page without
// one, after the first paint), and the bytes and requests it took.
//
//   npm run build && go build -o bin/doorstep ./server    (from the repo root)
//   node scripts/slowlink.mjs [--runs 3] [--shots DIR]
//
// It starts the server on a new database with the demo data (DOORSTEP_BIN,
// default ../bin/doorstep; SLOWLINK_DIST, default dist), or measures a
// running one with --base http://host:port (which must hold a published order).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { frontendDir, launchBrowser } from '../e2e/harness.mjs';

const { values: opt } = parseArgs({
  options: { base: { type: 'string' }, runs: { type: 'string', default: '3' }, shots: { type: 'string' } },
});
const LINK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** doorstep serve on a new database with the demo data; returns its URL, a published order and stop(). */
async function startServer() {
  const bin = path.resolve(frontendDir, process.env.DOORSTEP_BIN || '../bin/doorstep');
  const dist = path.resolve(frontendDir, process.env.SLOWLINK_DIST || 'dist');
  const pg = (process.env.E2E_PG_BASE || 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
  const db = `doorstep_slowlink_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: `${pg}/${db}?sslmode=disable`, ADDR: `127.0.0.1:${port}`, FRONTEND_DIR: dist, APP_BASE_URL: base, LOG_LEVEL: 'warn' };
  const run = (args) => {
    const r = spawnSync(bin, args, { env, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')}: ${r.stderr}`);
  };
  const drop = () => spawnSync('psql', [`${pg}/postgres?sslmode=disable`, '-qc', `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`]);
  run(['migrate']);
  run(['seed', '--demo']);
  const proc = spawn(bin, ['serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = async () => {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    drop();
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 150) {
      await stop();
      throw new Error('server not ready after 30 s');
    }
    await sleep(200);
  }
  const q = spawnSync('psql', [`${pg}/${db}?sslmode=disable`, '-tAc', "SELECT id FROM orders WHERE status = 'published' ORDER BY published_at LIMIT 1"], { encoding: 'utf8' });
  const order = q.stdout.trim();
  if (!order) throw new Error(`no published order in the demo data: ${q.stderr}`);
  return { base, order, stop };
}

/** One cold visit over the emulated link. */
async function visit(browser, url, ready, shot) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', LINK);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', () => requests++);
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // An anonymous visitor's /me is a 401 by design; anything else is worth a look (a failed mount would show here).
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && errors.push(m.text()));
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
          if (e) resolve(e.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  if (shot) await page.screenshot({ path: shot });
  // When the server's summary went, then when the web app's own page was
  // there (no skeleton, the text expected): between the two a visitor sees
  // a skeleton, or nothing.
  await page.waitForFunction(() => !document.querySelector('#root .ssr'), null, { timeout: 120_000, polling: 100 });
  const gone = await page.evaluate(() => performance.now());
  if (shot) await page.screenshot({ path: shot.replace('-fcp', '-replaced') });
  await page.waitForFunction(
    (text) => {
      const root = document.getElementById('root');
      return !root.querySelector('.ssr') && !root.querySelector('.ant-skeleton') && root.querySelector('.ant-layout') && root.textContent.includes(text);
    },
    ready,
    { timeout: 120_000, polling: 100 },
  );
  const app = await page.evaluate(() => performance.now());
  await context.close();
  return { fcp, app, gap: app - gone, bytes, requests, wall: Date.now() - start, errors };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = opt.base ? { base: opt.base, order: process.env.SLOWLINK_ORDER, stop: async () => {} } : await startServer();
if (!server.order) throw new Error('with --base, set SLOWLINK_ORDER to a published order id');
const browser = await launchBrowser();
try {
  const orderTitle = (await (await fetch(`${server.base}/api/v1/orders/${server.order}`)).json()).title;
  const pages = [
    { name: 'landing', url: `${server.base}/`, ready: '把手工活送到家门口' },
    { name: 'public order', url: `${server.base}/orders/${server.order}`, ready: orderTitle },
  ];
  if (opt.shots) fs.mkdirSync(opt.shots, { recursive: true });
  console.log(`link: ${LINK.downloadThroughput * 8 / 1000} kbit/s, ${LINK.latency} ms round trip, cold cache; median of ${opt.runs} runs`);
  console.log('page            FCP s   app ready s   skeleton only s   KB transferred   requests');
  for (const p of pages) {
    const runs = [];
    for (let i = 0; i < Number(opt.runs); i++) {
      const shot = opt.shots && i === 0 ? path.join(opt.shots, `${p.name.replace(' ', '-')}-fcp.png`) : undefined;
      runs.push(await visit(browser, p.url, p.ready, shot));
    }
    const errs = [...new Set(runs.flatMap((r) => r.errors))];
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(
      `${p.name.padEnd(14)} ${(m('fcp') / 1000).toFixed(1).padStart(5)}   ${(m('app') / 1000).toFixed(1).padStart(11)}   ${(m('gap') / 1000).toFixed(1).padStart(15)}   ${(m('bytes') / 1024).toFixed(0).padStart(14)}   ${String(m('requests')).padStart(8)}`,
    );
    if (errs.length) console.log(`  browser errors: ${errs.join(' | ')}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
