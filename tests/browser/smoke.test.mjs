// (a) smoke: the page starts, draws a map, stays clean; plus the failure paths of start-up
// (no WebGL 2, chipatlas.js / chipatlas.wasm failing to load) and the smallest embed box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, canvasScreenshot, assertNotBlank, describeLog } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('index.html reaches ready, draws the map, makes no bad requests', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  assertClean(log, 'index.html');
  assert.equal(await page.locator('#loading').count(), 0, 'the loading indicator is removed on ready');
  assert.equal(await page.locator('#error').isVisible(), false, 'no error panel');
  const box = await page.locator('#canvas').boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1024, 700], 'canvas fills the window');
  const dims = await page.evaluate(() => ({ w: canvas.width, h: canvas.height, dpr: devicePixelRatio }));
  assert.equal(dims.w, Math.round(1024 * dims.dpr), 'canvas backing store = CSS width × devicePixelRatio');
  const img = await canvasScreenshot(page);
  const stats = assertNotBlank(img, 'canvas');
  const api = await page.evaluate(() => ({ version: window.chipatlas.version, ready: window.chipatlas.ready }));
  assert.deepEqual(api, { version: 1, ready: true });
  assert.deepEqual(log.consoleErrors, [], `console errors:\n  ${describeLog(log)}`);
  console.log(`# canvas ${img.width}x${img.height}: ${stats.all.distinct} colours, dominant ${(stats.all.dominant * 100).toFixed(1)}%`);
});

// The page preloads chipatlas.js and .wasm for the first frame (issue 15, js/gl_early.js): without WebGL 2
// they are downloaded but never run.
test('no WebGL 2: the page says so and never runs chipatlas.js', { timeout: 60000 }, async () => {
  const { page, log } = await h.open('index.html', {
    ready: false,
    initScript: () => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : orig.call(this, type, ...rest);
      };
    },
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.locator('#error').innerText(), /WebGL 2/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.error), '1');
  assert.equal(await page.locator('#loading').count(), 0, 'no spinner forever');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src="chipatlas.js"]').length), 0,
    'chipatlas.js is not run');
  assert.equal(await page.evaluate(() => !!(window.Module && window.Module.calledRun)), false, 'the runtime never starts');
});

test('chipatlas.js failing to load shows the error panel', { timeout: 60000 }, async () => {
  const { page } = await h.open('index.html', {
    ready: false,
    route: (p) => p.route('**/chipatlas.js', (r) => r.fulfill({ status: 404, body: 'gone' })),
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.locator('#error').innerText(), /could not be loaded/i);
});

test('chipatlas.wasm failing to load shows the error panel (Module.onAbort)', { timeout: 60000 }, async () => {
  const { page } = await h.open('index.html', {
    ready: false,
    route: (p) => p.route('**/chipatlas.wasm', (r) => r.fulfill({ status: 404, body: 'gone' })),
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await page.locator('#error').innerText(), /stopped|could not/i);
  assert.equal(await page.locator('#error-reload').isVisible(), true, 'a Reload button');
  await page.locator('#error-dismiss').click();
  assert.equal(await page.locator('#error').isVisible(), false, 'dismiss hides the panel');
});

test('embed mode in a 320×240 box: compact chrome, menu, open-full link', { timeout: 120000 }, async () => {
  const { page, log, url } = await h.open('index.html?embed=1#t=2020-01-01', { viewport: { width: 320, height: 240 } });
  assertClean(log, 'embed 320x240');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('embed')), true);
  assert.equal(await page.locator('#export-png').isVisible(), false, 'exports hidden behind the menu');
  assert.equal(await page.locator('#menu-toggle').isVisible(), true);
  for (const sel of ['#search', '#menu-toggle', '#open-full']) {
    const b = await page.locator(sel).boundingBox();
    assert.ok(b && b.x >= 0 && b.y >= 0 && b.x + b.width <= 320 && b.y + b.height <= 240, `${sel} inside the 320×240 box: ${JSON.stringify(b)}`);
  }
  const href = await page.locator('#open-full').getAttribute('href');
  assert.equal(await page.locator('#open-full').getAttribute('target'), '_blank');
  assert.ok(!/embed=1/.test(href), `open-full link drops embed: ${href}`);
  assert.ok(href.startsWith(new URL('index.html', url).href), href);
  await page.locator('#menu-toggle').click();
  assert.equal(await page.locator('#export-png').isVisible(), true, 'the menu opens');
  assert.equal(await page.locator('#menu-toggle').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#export-png').isVisible(), false, 'Escape closes the menu');
  const img = await canvasScreenshot(page);
  assert.equal(img.width, 320);
  assertNotBlank(img, 'canvas 320x240');
});
