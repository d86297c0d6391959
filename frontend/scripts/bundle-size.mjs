// Prints the JavaScript each route loads (gzip), from the build manifest, and
// fails when a route is over its budget. A route loads the entry chunk, its
// page's chunk (router.tsx: `const X = lazy(() => import('./pages/...'))`)
// and everything those import statically; dynamic imports load later.
//   npm run build && npm run size
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// KB of gzip JS. The landing and search pages are what a newcomer on a slow
// phone link opens first (issue 15: 517 KB before splitting; 193 KB after).
// 210 since the lifecycle work: the Chinese the first page carries grew
// (search scorecard filters, workshop operations, trust) to ~16 KB gzip while
// the money/fulfilment/settlement strings load with their pages
// (i18n/lifecycle.ts). Next step if it grows again: load the Chinese of
// pages other than the landing and search pages with those pages.
const BUDGET_FIRST = 210;
const FIRST_ROUTES = ['/', '/search'];
// Every other route (the order page with bidding is the heaviest, ~475 KB),
// so a heavy new dependency is noticed when it arrives.
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
const rows = routes.map(({ path: route, page }) => {
  if (page && !manifest[page]) throw new Error(`${page} (route ${route}) is not in the build manifest`);
  const files = closure(page ? [entryKey, page] : [entryKey]);
  const total = files.reduce((s, f) => s + size(f), 0);
  const budget = FIRST_ROUTES.includes(route) ? BUDGET_FIRST : BUDGET_OTHER;
  const over = total / 1024 > budget;
  failed ||= over;
  return { route, total, files: files.length, budget, over };
});
console.log('route                      JS gzip KB  chunks  budget');
for (const r of rows) {
  console.log(`${r.route.padEnd(26)} ${kb(r.total)}      ${String(r.files).padStart(3)}     ${r.budget}${r.over ? '  OVER BUDGET' : ''}`);
}
const all = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
console.log(`all JS: ${kb(all.reduce((s, c) => s + size(c.file), 0))} KB gzip in ${all.length} chunks`);
if (failed) {
  console.error('JavaScript budget exceeded (scripts/bundle-size.mjs): split the route or drop the dependency');
  process.exit(1);
}
