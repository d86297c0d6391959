// Fulfilment on phones (390 px): the company records the materials sent and
// writes in the thread, the workshop counts them in (short, with a photo)
// and delivers a batch with a photo, the company inspects it rejecting some
// pieces with a reason and a photo, the workshop disputes, and staff decide
// in the dispute queue; the money released follows. The order, bid, award
// and bank transfer go through the API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import { artifactsDir, launchBrowser, screenshotOnFailure, startServer } from './harness.mjs';
import { apiCaller, awardedContract } from './contract.mjs';
import { expectText, unfold } from './ui.mjs';

let server;
let browser;
const ctx = {};
const stamp = Date.now().toString(36);
let contractId;
const photo = path.join(artifactsDir, 'ful-goods.png');

let api; // apiCaller(server, ctx), once the server runs


// A small real PNG (a colour gradient), so the server can decode and re-encode it.
function writePNG(file, w = 96, h = 64) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = 200;
      raw[o + 1] = (x * 255) / w;
      raw[o + 2] = (y * 255) / h;
    }
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png);
}

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

before(async () => {
  writePNG(photo);
  server = await startServer();
  api = apiCaller(server, ctx);
  browser = await launchBrowser();
  for (const who of ['company', 'workshop', 'staff']) {
    ctx[who] = await browser.newContext({ baseURL: server.baseURL, ...phone });
    ctx[who].setDefaultTimeout(20_000);
    ctx[who].setDefaultNavigationTimeout(60_000);
  }
  contractId = (await awardedContract(api, { prefix: 'ful', stamp, quantity: 100, criteria: '花结牢固。\n网眼均匀。' })).contractId;
  const pay = await api('company', 'POST', `/contracts/${contractId}/fund`);
  await api('staff', 'POST', `/finance/payments/${pay.id}/confirm`, { amount_received: pay.amount, bank_reference: `ICBC-${stamp}` });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const page = async (who) => ctx[who].pages()[0] ?? (await ctx[who].newPage());
/** A phone-width screenshot of the viewport (or of one part of the page). */
const shot = async (p, name, part) => {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `ful-${name}.png`);
  if (part) await part.screenshot({ path: file });
  else await p.screenshot({ path: file });
};

function step(name, who, fn) {
  test(name, async () => {
    try {
      await fn(await page(who));
    } catch (err) {
      await screenshotOnFailure(name, ctx, who);
      throw err;
    }
  });
}

/** Adds the test photo to an uploader and waits until the server has it. */
async function addPhoto(scope, testId) {
  const up = scope.getByTestId(testId);
  await up.getByTestId('photo-input').setInputFiles(photo);
  await up.locator('[data-testid="photo-tile"][data-status="done"]').first().waitFor();
}

step('the company records the materials sent and writes to the workshop', 'company', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await expectText(p.getByTestId('ful-next'), '请给工坊发料');
  await p.getByTestId('ful-dispatch').click();
  const form = p.getByTestId('dispatch-form');
  await p.getByTestId('ful-submit').click();
  await expectText(form, '请填写物流公司'); // validated before sending
  await form.getByTestId('dispatch-carrier').fill('顺丰速运');
  await form.getByTestId('dispatch-tracking').fill('SF1234567890');
  await p.getByTestId('ful-submit').click();
  await form.waitFor({ state: 'detached' });
  // A phone folds the material, the thread and the history under the current action.
  await unfold(p, 'fold-materials');
  await expectText(p.getByTestId('dispatch-item'), '第 1 批物料 · 100 件');
  await expectText(p.getByTestId('ful-next'), '用料已发出，等待');
  await unfold(p, 'fold-thread');
  await p.getByTestId('messages-body').fill('物料已发出，顺丰明天到。');
  await p.getByTestId('messages-send').click();
  await expectText(p.getByTestId('messages'), '物料已发出，顺丰明天到。');
  await shot(p, 'company-dispatched', p.getByTestId('fulfilment').locator(':scope > .ant-card').first());
  await shot(p, 'company-thread', p.getByTestId('fulfilment').locator('.ant-card').filter({ has: p.getByTestId('messages') }));
});

step('the workshop counts the material in short, with a photo, and delivers a batch with a photo', 'workshop', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await unfold(p, 'fold-thread');
  await unfold(p, 'fold-materials');
  await expectText(p.getByTestId('contact-company'), '0543-3261188');
  await p.getByTestId('ful-receive').click();
  const form = p.getByTestId('receive-form');
  await form.getByTestId('receive-quantity').fill('98');
  await p.getByTestId('ful-submit').click();
  await expectText(form, '短少时请说明情况');
  await form.getByTestId('receive-note').fill('少了两件的线材，包装破损');
  await addPhoto(form, 'receive-photos');
  await shot(p, 'workshop-receive-form', p.locator('.ant-modal-content', { has: form }));
  await p.getByTestId('ful-submit').click();
  await form.waitFor({ state: 'detached' });
  await expectText(p.getByTestId('dispatch-item'), '短少 2 件');
  await p.getByTestId('dispatch-item').getByTestId('photo-thumb').first().waitFor();

  await p.getByTestId('ful-deliver').click();
  const d = p.getByTestId('deliver-form');
  await d.getByTestId('deliver-quantity').fill('60');
  await d.getByTestId('deliver-note').fill('第一批，每袋 20 个');
  await addPhoto(d, 'deliver-photos');
  await p.getByTestId('ful-submit').click();
  await d.waitFor({ state: 'detached' });
  const item = p.getByTestId('delivery-item').first();
  await expectText(item, '待验收');
  await item.getByTestId('photo-thumb').first().waitFor();
  // 40 pieces are still to deliver: the workshop's countdown is the contract's deadline.
  await expectText(p.getByTestId('ful-countdown'), '还剩');
  assert.match(await p.getByTestId('ful-countdown').textContent(), /期限 .* 还剩 \d+ 天/);
  await shot(p, 'workshop-delivered', p.getByTestId('fulfilment').locator(':scope > .ant-card').nth(1));
});

step('the company inspects the batch, rejecting some pieces with a reason and a photo', 'company', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await expectText(p.getByTestId('ful-next'), '工坊交付了');
  await p.getByTestId('ful-inspect').click();
  const form = p.getByTestId('inspect-form');
  await form.getByTestId('inspect-accepted').fill('50');
  await p.getByTestId('ful-submit').click();
  await expectText(form, '合格、不合格、返工之和应等于交货的 60 件');
  await form.getByTestId('reject-add').click();
  await form.getByTestId('reject-reason').fill('网眼不均匀');
  await form.getByTestId('reject-quantity').fill('10');
  await p.getByTestId('ful-submit').click();
  await expectText(form, '每项不合格至少附一张照片');
  await addPhoto(form, 'reject-photos');
  await expectText(form.getByTestId('inspect-sum'), '= 60');
  await form.getByTestId('inspect-accepted').scrollIntoViewIfNeeded();
  await shot(p, 'company-inspect-form');
  await form.getByTestId('inspect-sum').scrollIntoViewIfNeeded();
  await shot(p, 'company-inspect-form-2');
  await p.getByTestId('ful-submit').click();
  await form.waitFor({ state: 'detached' });
  const item = p.getByTestId('delivery-item').first();
  await expectText(item.getByTestId('inspection'), '合格 50 件');
  await expectText(item.getByTestId('rejection'), '网眼不均匀');
  await expectText(p.getByTestId('q-released'), '¥75.00');
});

step('the workshop disputes the rejections with a statement and a photo', 'workshop', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await p.getByTestId('ful-dispute').click();
  const form = p.getByTestId('dispute-form');
  await form.getByTestId('dispute-statement').fill('太短');
  await p.getByTestId('ful-submit').click();
  await expectText(form, '请写明申诉理由');
  await form.getByTestId('dispute-statement').fill('这 10 件网眼在允许误差内，附照片对比样品。');
  await addPhoto(form, 'dispute-photos');
  await p.getByTestId('ful-submit').click();
  await form.waitFor({ state: 'detached' });
  await expectText(p.getByTestId('delivery-dispute'), '申诉中：10 件');
  await shot(p, 'workshop-disputed', p.getByTestId('delivery-item').first());
});

step('staff decide the dispute from the queue and the money follows', 'staff', async (p) => {
  await p.goto('/staff/disputes');
  const card = p.getByTestId('dispute-card').filter({ hasText: `编织网兜 100 个 ${stamp}` });
  await expectText(card.getByTestId('dispute-age'), '已等待');
  await shot(p, 'staff-queue');
  await card.getByTestId('dispute-open').click();
  await expectText(p.getByTestId('dispute-statement'), '网眼在允许误差内');
  await expectText(p.getByTestId('dispute-inspection'), '网眼不均匀');
  await p.getByTestId('dispute-inspection').getByTestId('photo-thumb').first().waitFor();
  await p.getByTestId('comments-body').fill('请企业补充不合格件的近照。');
  await p.getByTestId('comments-send').click();
  await expectText(p.getByTestId('comments'), '请企业补充不合格件的近照。');
  await p.getByTestId('resolve-accepted').fill('6');
  // 6 × ¥1.50 = ¥9.00, 3% commission ¥0.27, the workshop gets ¥8.73.
  await expectText(p.getByTestId('resolve-money'), '¥8.73');
  await p.getByTestId('resolve-note').fill('照片显示其中 6 件网眼均匀，4 件确有问题。');
  await p.getByTestId('resolve-submit').click();
  await expectText(p.getByTestId('resolve-confirm-money'), '¥8.73');
  await expectText(p.getByTestId('resolve-confirm-money'), '¥6.00');
  await shot(p, 'staff-confirm');
  await p.getByTestId('resolve-confirm').click();
  await expectText(p.getByTestId('dispute-decision'), '10 件中认定合格 6 件');
  const tl = await api('staff', 'GET', `/contracts/${contractId}/timeline`);
  assert.equal(tl.quantities.accepted, 56);
  assert.equal(tl.quantities.rejected, 4);
  assert.equal(tl.quantities.released_amount, 56 * 150);
  await shot(p, 'staff-decided');
  await shot(p, 'staff-dispute-page', p.locator('.dispute-page'));
});

step('the workshop sees the decision on its timeline', 'workshop', async (p) => {
  await p.goto(`/contracts/${contractId}`);
  await expectText(p.getByTestId('delivery-dispute'), '已裁决：10 件中认定合格 6 件');
  await expectText(p.getByTestId('q-released'), '¥84.00');
  await unfold(p, 'fold-history');
  await expectText(p.getByTestId('ful-history'), '平台裁决：认定合格 6 件');
  await shot(p, 'workshop-timeline', p.getByTestId('fulfilment').locator(':scope > .ant-card').first());
  await shot(p, 'workshop-history', p.getByTestId('ful-history'));
});
