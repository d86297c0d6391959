// A cold visit over a slow phone link, shared by scripts/slowlink.mjs (the
// figures in the README) and e2e/slowlink.test.mjs (the budgets in CI): the
// DevTools protocol's network emulation, 400 kbit/s each way and 400 ms round
// trip, a new browser context per visit (cold cache), a 390 px phone.

export const LINK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** Opens `url` in a new context over LINK and waits until the web app shows
 *  its own page: no server-written summary (.ssr), no skeleton, the layout,
 *  `ready.text` in #root and `ready.selector` present. Returns, in ms from
 *  navigation start, first contentful paint (fcp), when the summary went
 *  (gone) and when the page was ready (app), plus the bytes it took (encoded,
 *  as sent), of them JavaScript's bodies (jsBytes; jsFiles lists them), the
 *  requests and the browser's errors.
 *  `shot` (a path ending in -fcp.png) saves what shows at first paint and
 *  when the summary is replaced. */
export async function slowVisit(browser, url, ready, { shot, timeout = 120_000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);
    let bytes = 0;
    let jsBytes = 0;
    let requests = 0;
    const scripts = new Map(); // request → its response headers' bytes
    const jsFiles = [];
    cdp.on('Network.requestWillBeSent', () => requests++);
    cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.set(e.requestId, { url: e.response.url, head: e.response.encodedDataLength }));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      const js = scripts.get(e.requestId);
      // The scripts' bodies as sent (compressed), as the budgets count them; headers are in `bytes`.
      if (js) {
        jsBytes += e.encodedDataLength - js.head;
        jsFiles.push({ url: js.url, bytes: e.encodedDataLength - js.head });
      }
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // An anonymous visitor's /me is a 401 by design; anything else is worth a look (a failed mount would show here).
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && errors.push(m.text()));
    await page.goto(url, { waitUntil: 'commit', timeout });
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
    // there: between the two a visitor sees a skeleton, or nothing.
    await page.waitForFunction(() => !document.querySelector('#root .ssr'), null, { timeout, polling: 100 });
    const gone = await page.evaluate(() => performance.now());
    if (shot) await page.screenshot({ path: shot.replace('-fcp', '-replaced') });
    await page.waitForFunction(
      ({ text, selector }) => {
        const root = document.getElementById('root');
        return (
          !root.querySelector('.ssr, .ant-skeleton, .page-skeleton, .lite-skeleton') &&
          root.querySelector('.ant-layout') &&
          (!text || root.textContent.includes(text)) &&
          (!selector || root.querySelector(selector))
        );
      },
      ready,
      { timeout, polling: 100 },
    );
    const app = await page.evaluate(() => performance.now());
    // Bytes still on their way when the page was ready (a lazy section, an image) count too.
    await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
    return { fcp, gone, app, gap: app - gone, bytes, jsBytes, jsFiles, requests, errors };
  } finally {
    await context.close();
  }
}

/** A published order's id and title in the server's demo data. */
export function publishedOrder(server) {
  const row = server.sql("SELECT id || '|' || title FROM orders WHERE status = 'published' ORDER BY published_at LIMIT 1");
  if (!row) throw new Error('no published order in the demo data');
  const [id, ...title] = row.split('|');
  return { id, title: title.join('|') };
}
