// Draws the picture a shared link shows (og:image, and WeChat's itemprop
// image: a PNG of at least 300 px; WeChat crops to a square): 600 × 600,
// the site's icon (public/favicon.svg) over 家门口 and the tagline, rendered
// by Chromium (playwright-core, no browser download) into public/share.png,
// which is committed. Run it again when the icon or the words change:
//   node scripts/share-image.mjs
// Needs a Chinese font (Debian: fonts-wqy-zenhei or fonts-noto-cjk).
import fs from 'node:fs';
import path from 'node:path';
import { frontendDir, launchBrowser } from '../e2e/harness.mjs';

const SIZE = 600;
const icon = fs.readFileSync(path.join(frontendDir, 'public', 'favicon.svg'), 'utf8');
const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
  html, body { margin: 0; }
  body { width: ${SIZE}px; height: ${SIZE}px; display: flex; flex-direction: column; align-items: center; justify-content: center;
         background: #fbf7f2; color: #3b2418;
         font-family: "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; }
  svg { width: 220px; height: 220px; }
  h1 { margin: 36px 0 0; font-size: 96px; font-weight: 700; letter-spacing: 8px; }
  p { margin: 20px 0 0; font-size: 34px; color: #7a3412; }
  small { margin-top: 14px; font-size: 24px; color: #7a5a47; letter-spacing: 2px; }
</style><body>${icon}<h1>家门口</h1><p>把手工活送到家门口</p><small>Doorstep · 社区工坊接单</small></body></html>`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const out = path.join(frontendDir, 'public', 'share.png');
  await page.screenshot({ path: out, type: 'png' });
  console.log(`${out}: ${SIZE}×${SIZE}, ${(fs.statSync(out).size / 1024).toFixed(1)} KB`);
} finally {
  await browser.close();
}
