// Touch and wheel as a visitor feels them (issue 15, finding 8): a two-finger pinch follows the
// fingers 1:1 (the map's scale changes as their spread, the point between them stays between
// them) and pans with them; one wheel notch scrolls a panel about 100 px, as a web page does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const state = (page) => page.evaluate(() => window.chipatlas.command('getState')).then((r) => r.state);
const locate = (page, id) => page.evaluate((i) => window.chipatlas.command('locate', { id: i }), id);
const audit = (page) => page.evaluate(() => window.chipatlas.command('audit'));

test('a two-finger pinch at 390x844 follows the fingers 1:1, and two fingers pan', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-30&mode=cumulative&rm=1',
    { viewport: { width: 390, height: 844 }, contextOptions: { hasTouch: true } });
  await page.evaluate(() => window.chipatlas.command('flyTo', { region: 'korea' }));
  await sleep(800);
  const before = await state(page);
  // Samsung's geographic point (not where a cluster or spider draws it): the map under the fingers.
  const at = { ...(await locate(page, 'samsung')), ...(await locate(page, 'samsung')).projected };
  assert.ok(at.onScreen, `Samsung on screen: ${JSON.stringify(at)}`);
  // Fingers 80 px apart either side of Samsung, spread to 160 px while their midpoint moves
  // 20 px right and 30 px down, in 8 moves (both fingers each move, as a hand does).
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: pts.map(([x, y], id) => ({ x, y, id, radiusX: 5, radiusY: 5, force: 1 })) });
  const fingers = (u) => [[at.x - 40 - 40 * u + 20 * u, at.y + 30 * u], [at.x + 40 + 40 * u + 20 * u, at.y + 30 * u]];
  await touch('touchStart', fingers(0));
  await sleep(100);
  for (let i = 1; i <= 8; ++i) { await touch('touchMove', fingers(i / 8)); await sleep(50); }
  await sleep(200);
  await touch('touchEnd', []);
  await sleep(500);
  const after = await state(page);
  const ratio = after.camera.zoom / before.camera.zoom;
  assert.ok(Math.abs(ratio - 2) < 0.06, `the fingers' spread doubled: the zoom went ${before.camera.zoom} -> ${after.camera.zoom} (x${ratio.toFixed(3)})`);
  const now = (await locate(page, 'samsung')).projected;
  const mid = [at.x + 20, at.y + 30];
  assert.ok(Math.hypot(now.x - mid[0], now.y - mid[1]) < 4,
    `Samsung stays between the fingers: at ${now.x.toFixed(1)},${now.y.toFixed(1)}, the fingers' midpoint ${mid}`);
  assert.equal(after.selected ?? '', '', 'a pinch selects nothing');
  assertClean(log, 'pinch');
});

test('one wheel notch over the details panel scrolls it about 100 px, three about 300', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-30&mode=cumulative&rm=1', { viewport: { width: 1280, height: 600 } });
  await page.evaluate(() => window.chipatlas.command('select', { id: 'ase_kaohsiung' }));
  await sleep(600);
  let a = await audit(page);
  assert.ok(a.detailsScrollMax > 350, `the details scroll (max ${a.detailsScrollMax} px)`);
  assert.equal(a.detailsScroll, 0);
  // The panel is 380 px wide at the right, below the toolbar.
  await page.mouse.move(1280 - 200, 300);
  await sleep(200);
  await page.mouse.wheel(0, 100);
  await sleep(400);
  a = await audit(page);
  assert.ok(a.detailsScroll >= 80 && a.detailsScroll <= 120, `one notch (100 px of delta) scrolled ${a.detailsScroll} px`);
  const one = a.detailsScroll;
  await page.mouse.wheel(0, -100);
  await sleep(400);
  assert.equal((await audit(page)).detailsScroll, 0, 'and back');
  await page.mouse.wheel(0, 300);
  await sleep(400);
  a = await audit(page);
  assert.ok(Math.abs(a.detailsScroll - 3 * one) <= 2, `a 300 px delta scrolled ${a.detailsScroll} px (one notch: ${one})`);
  assertClean(log, 'wheel');
});

test('one wheel notch over the map zooms one step (1.2x), as before', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-30&mode=cumulative&rm=1', { viewport: { width: 1280, height: 800 } });
  const before = await state(page);
  await page.mouse.move(640, 400);
  await sleep(200);
  await page.mouse.wheel(0, -100);
  await sleep(500);
  const after = await state(page);
  const ratio = after.camera.zoom / before.camera.zoom;
  assert.ok(Math.abs(ratio - 1.2) < 0.02, `one notch zoomed x${ratio.toFixed(3)}`);
  assertClean(log, 'wheel zoom');
});
