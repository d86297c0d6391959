// A first visit on a slow phone link, measured in Chromium: the DevTools
// protocol's network emulation (400 kbit/s down and up, 400 ms round trip),
// a new browser context per visit (cold cache), the landing page, a
// published order's page (what a link shared in WeChat opens) and the search
// page (ready when its first result shows). Prints, per
// page, the median over the runs of first contentful paint, when the web app
// has replaced the server's summary with its own page, how long before that
// only a skeleton showed (after the summary went, or, on a page without
// one, after the first paint), and the bytes (JavaScript's too) and requests.
//
//   npm run build && go build -o bin/doorstep ./server    (from the repo root)
//   node scripts/slowlink.mjs [--runs 3] [--shots DIR]
//
// It starts the server on a new database with the demo data (DOORSTEP_BIN,
// default ../bin/doorstep; SLOWLINK_DIST, default dist), or measures a
// running one with --base http://host:port (which must hold a published order).
// The visit itself is e2e/slowlink.mjs's, which e2e/slowlink.test.mjs uses to
// keep the budgets in CI.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from '../e2e/harness.mjs';
import { LINK, publishedOrder, slowVisit } from '../e2e/slowlink.mjs';

const { values: opt } = parseArgs({
  options: { base: { type: 'string' }, runs: { type: 'string', default: '3' }, shots: { type: 'string' } },
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.env.SLOWLINK_DIST) process.env.E2E_DIST = process.env.SLOWLINK_DIST;
let base = opt.base;
let order = { id: process.env.SLOWLINK_ORDER };
let server;
if (!base) {
  server = await startServer({ demo: true });
  base = server.baseURL;
  order = publishedOrder(server);
}
if (!order.id) throw new Error('with --base, set SLOWLINK_ORDER to a published order id');
const browser = await launchBrowser();
try {
  order.title ??= (await (await fetch(`${base}/api/v1/orders/${order.id}`)).json()).title;
  const pages = [
    { name: 'landing', url: `${base}/`, ready: { text: '把手工活送到家门口' } },
    { name: 'public order', url: `${base}/orders/${order.id}`, ready: { text: order.title } },
    { name: 'search', url: `${base}/search`, ready: { selector: '[data-testid="search-hit"]' } },
  ];
  if (opt.shots) fs.mkdirSync(opt.shots, { recursive: true });
  console.log(`link: ${(LINK.downloadThroughput * 8) / 1000} kbit/s, ${LINK.latency} ms round trip, cold cache; median of ${opt.runs} runs`);
  console.log('page            FCP s   app ready s   skeleton only s   KB transferred   of it JS KB   requests');
  for (const p of pages) {
    const runs = [];
    for (let i = 0; i < Number(opt.runs); i++) {
      const shot = opt.shots && i === 0 ? path.join(opt.shots, `${p.name.replace(' ', '-')}-fcp.png`) : undefined;
      runs.push(await slowVisit(browser, p.url, p.ready, { shot }));
    }
    const errs = [...new Set(runs.flatMap((r) => r.errors))];
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(
      `${p.name.padEnd(14)} ${(m('fcp') / 1000).toFixed(1).padStart(5)}   ${(m('app') / 1000).toFixed(1).padStart(11)}   ${(m('gap') / 1000).toFixed(1).padStart(15)}   ${(m('bytes') / 1024).toFixed(0).padStart(14)}   ${(m('jsBytes') / 1024).toFixed(0).padStart(11)}   ${String(m('requests')).padStart(8)}`,
    );
    if (errs.length) console.log(`  browser errors: ${errs.join(' | ')}`);
  }
} finally {
  await browser.close();
  await server?.stop();
}
