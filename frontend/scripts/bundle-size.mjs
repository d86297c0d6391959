// Prints the JavaScript each route loads (gzip), from the build manifest, and
// fails when a route is over its budget. A route loads the entry chunk, its
// page's chunk (router.tsx: `const X = lazy(() => import('./pages/...'))`)
// and everything those import statically; dynamic imports load later.
//   npm run build && npm run size
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// KB of gzip JS. The landing and search pages are what a newcomer on a slow
// phone link opens first (issue 15: 517 KB before splitting; 193 KB after;
// issue 24: 200, with toasts, antd's English, Row/Col and Card loaded only
// where used). Next step if it grows again: load the Chinese of pages other
// than the landing and search pages with those pages (i18n/orders.ts shows how).
const BUDGET_FIRST = 200;
const FIRST_ROUTES = ['/', '/search'];
// A published order's page as an anonymous visitor gets it, from a link
// shared in WeChat (issue 24: 495 KB before): the page and the lazy chunks a
// visitor's view renders. What only signed-in parties see loads lazily where
// the server says it shows (OrderPage.tsx), so they are measured as well: the
// company (its actions, funding, bid comparison, history) and a workshop (its
// bid form and own bid, the report form).
const BUDGET_PUBLIC_ORDER = 250;
const PARTY_LAZY = {
  '/orders/:id': {
    public: ['src/components/scorecards/Scorecards.tsx'],
    company: ['src/components/scorecards/Scorecards.tsx', 'src/pages/orders/OrderActions.tsx', 'src/pages/orders/OrderFunding.tsx', 'src/pages/orders/bidding/BidComparison.tsx', 'src/pages/orders/OrderHistory.tsx'],
    workshop: ['src/components/scorecards/Scorecards.tsx', 'src/pages/orders/bidding/BidPanel.tsx', 'src/pages/orders/ReportButton.tsx'],
  },
};
// Every other route (the contract page is the heaviest, ~490 KB), so a heavy
// new dependency is noticed when it arrives.
const BUDGET_OTHER = 500;

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const router = fs.readFileSync(path.join(root, 'src', 'router.tsx'), 'utf8');

// Page component → source module, then route path → page component.
const pages = new Map();
for (const m of router.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\/(.+?)'\)\)/g)) pages.set(m[1], `src/${m[2]}.tsx`);
for (const m of router.matchAll(/^import (\w+) from '\.\/(pages\/.+?)';/gm)) pages.set(m[1], null); // in the entry chunk
const routes = [];
const stack = [];
for (const line of router.split('\n')) {
  const p = /path: '([^']*)'/.exec(line);
  const el = /element: <(\w+)/.exec(line);
  const index = /index: true, element: <(\w+)/.exec(line);
  if (p && !el) stack.push(p[1]);
  if (el && pages.has(el[1])) {
    const parts = [...stack.filter((s) => s && s !== '/'), index ? '' : (p?.[1] ?? '')].filter(Boolean);
    routes.push({ path: '/' + parts.join('/'), page: pages.get(el[1]) });
  }
  if (/^\s*\],?\s*$/.test(line) && stack.length && line.match(/^\s*/)[0].length <= 12) stack.pop();
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const gz = new Map();
const size = (file) => {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gz.get(file);
};
const closure = (keys) => {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
};
const kb = (n) => (n / 1024).toFixed(1).padStart(6);

let failed = false;
const rows = [];
const row = (route, keys, budget) => {
  const files = closure(keys);
  const total = files.reduce((s, f) => s + size(f), 0);
  const over = total / 1024 > budget;
  failed ||= over;
  rows.push({ route, total, files: files.length, budget, over });
};
for (const { path: route, page } of routes) {
  if (page && !manifest[page]) throw new Error(`${page} (route ${route}) is not in the build manifest`);
  const keys = page ? [entryKey, page] : [entryKey];
  const parties = PARTY_LAZY[route];
  if (!parties) {
    row(route, keys, FIRST_ROUTES.includes(route) ? BUDGET_FIRST : BUDGET_OTHER);
    continue;
  }
  for (const [party, lazyKeys] of Object.entries(parties)) {
    for (const k of lazyKeys) if (!manifest[page].dynamicImports?.includes(k)) throw new Error(`${k} is not a lazy import of ${page}`);
    row(`${route} (${party})`, [...keys, ...lazyKeys], party === 'public' ? BUDGET_PUBLIC_ORDER : BUDGET_OTHER);
  }
}
console.log('route                          JS gzip KB  chunks  budget');
for (const r of rows) {
  console.log(`${r.route.padEnd(30)} ${kb(r.total)}      ${String(r.files).padStart(3)}     ${r.budget}${r.over ? '  OVER BUDGET' : ''}`);
}
const all = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
console.log(`all JS: ${kb(all.reduce((s, c) => s + size(c.file), 0))} KB gzip in ${all.length} chunks`);
if (failed) {
  console.error('JavaScript budget exceeded (scripts/bundle-size.mjs): split the route or drop the dependency');
  process.exit(1);
}
