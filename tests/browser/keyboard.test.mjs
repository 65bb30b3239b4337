// Keyboard and assistive technology (issue 15, findings 1 and 2): a click on the map gives it
// the keyboard; the date typed into the timeline lands; Tab and Shift+Tab leave the map (no trap)
// and let go of the keys held; every focusable element shows a focus ring; axe-core finds no
// serious or critical violation at desktop, phone and embed sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startHarness, assertClean, decodePng, sleep, TESTDATA_OUT, axeSerious } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const DESKTOP = { width: 1280, height: 800 };
// An empty stretch of the map at 1280x800 (no organisation, panel or label there).
const EMPTY_MAP = { x: 560, y: 430 };
const START = 'index.html#t=2023-08-30&mode=cumulative&rm=1';

const state = (page) => page.evaluate(() => window.chipatlas.getState());
const activeId = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? (a.id || a.tagName.toLowerCase()) : 'none';
});
// Lets the map draw a few frames (a click and a key in the same frame would be one input).
const frames = (page, n = 3) => page.evaluate((k) => new Promise((res) => {
  const step = () => (k-- > 0 ? requestAnimationFrame(step) : res());
  step();
}), n);
// Waits until the state (getState) satisfies pred; the wasm applies keys on its next frame.
async function waitState(page, pred, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) {
    s = await state(page);
    if (pred(s)) return s;
    await sleep(100);
  }
  throw new Error(`${what}: state is ${JSON.stringify(s)}`);
}

test('a click on the map gives it the keyboard: + zooms, arrows pan, . steps a month', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await page.mouse.click(EMPTY_MAP.x, EMPTY_MAP.y);
  assert.equal(await activeId(page), 'canvas', 'the clicked map has keyboard focus');
  await frames(page);
  const s0 = await state(page);
  await page.keyboard.press('+');
  await waitState(page, (s) => s.camera.zoom > s0.camera.zoom, '+ after a click zooms in');
  const s1 = await state(page);
  await page.keyboard.press('ArrowLeft');
  await waitState(page, (s) => s.camera.lon !== s1.camera.lon, 'ArrowLeft after a click pans');
  await page.keyboard.press('.');
  await waitState(page, (s) => s.t === '2023-09-30' || s.t.startsWith('2023-09'), '. after a click steps a month');
  assertClean(log, 'click then keys');
});

test('a tap on the map gives it the keyboard', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: { width: 390, height: 844 }, contextOptions: { hasTouch: true, isMobile: true } });
  await page.touchscreen.tap(200, 380);
  assert.equal(await activeId(page), 'canvas', 'the tapped map has keyboard focus');
  assertClean(log, 'tap');
});

test('clicking the date opens an input whose typed digits land', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  // The date sits right of Loop in the timeline bar at this size. Hover, press, release, each in
  // its own frame (as click.test.mjs does): ImGui 1.86 sees a press shorter than a frame late.
  // On a loaded machine a frame can outlast those sleeps: wait for frames too, so ImGui sees the
  // hover, the press and the release each in a frame of its own.
  await frames(page, 5);
  await page.mouse.move(355, 690);
  await sleep(300);
  await frames(page, 3);
  await page.mouse.down();
  await sleep(100);
  await frames(page, 3);
  await page.mouse.up();
  await frames(page, 3);
  assert.equal(await activeId(page), 'canvas');
  await sleep(300);  // no frame is drawn unless asked: the input must be ready by the first key
  await page.keyboard.type('2015-06', { delay: 40 });
  await frames(page);
  await page.keyboard.press('Enter');
  try {
    await waitState(page, (s) => s.t === '2015-06-01', 'the typed date 2015-06 is applied');
  } catch (e) {
    const shot = join(TESTDATA_OUT, 'keyboard-date-failure.png');
    await page.screenshot({ path: shot });
    throw new Error(`${e.message}\n  the page then: ${shot}`);
  }
  assertClean(log, 'date');
});

test('after a search, - and + on the map zoom and does not type into the search box', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await page.locator('#search').click();
  await page.keyboard.type('ASTRI', { delay: 30 });
  await page.locator('#search-results [role="option"]').first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.selected === 'astri', 'the search selected astri');
  const typed = await page.locator('#search').inputValue();
  await page.mouse.click(EMPTY_MAP.x, EMPTY_MAP.y - 200);
  assert.equal(await activeId(page), 'canvas', 'back on the map');
  await frames(page);
  const s0 = await state(page);
  await page.keyboard.press('-');  // (the search zoomed in as far as it goes)
  const s1 = await waitState(page, (s) => s.camera.zoom < s0.camera.zoom, '- zooms the map out');
  await page.keyboard.press('+');
  await waitState(page, (s) => s.camera.zoom > s1.camera.zoom, '+ zooms back in');
  assert.equal(await page.locator('#search').inputValue(), typed, 'the search box is unchanged');
  assertClean(log, 'search then map');
});

// Records, in the page, whether Tab keydowns were cancelled (by the map's key handlers).
async function watchTab(page) {
  await page.evaluate(() => {
    window.__tabs = [];
    // Capture phase (the page stops Tab there before the map's own listeners); read after dispatch.
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Tab') setTimeout(() => window.__tabs.push(e.defaultPrevented), 0);
    }, true);
  });
}

test('Tab and Shift+Tab leave the map, and a modifier held then is let go', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await watchTab(page);
  await page.mouse.click(EMPTY_MAP.x, EMPTY_MAP.y);
  assert.equal(await activeId(page), 'canvas');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await activeId(page), 'open-data', 'Shift+Tab goes from the map to the control before it');
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'canvas', 'Tab comes back to the map');
  // Shift went down on the map and up elsewhere: the map must not still see it held
  // (Shift+Left steps an event instead of panning).
  await frames(page);
  const s0 = await state(page);
  await page.keyboard.press('ArrowLeft');
  const s1 = await waitState(page, (s) => s.camera.lon !== s0.camera.lon, 'ArrowLeft pans after Shift+Tab and Tab');
  assert.equal(s1.t, s0.t, 'ArrowLeft did not step an event (no Shift stuck)');
  await page.keyboard.press('Tab');
  assert.notEqual(await activeId(page), 'canvas', 'Tab leaves the map');
  await page.waitForFunction(() => window.__tabs.length === 3, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__tabs), [false, false, false], 'no Tab was cancelled');
  assertClean(log, 'tab');
});

// Since the controls layer (a11y.test.mjs), what follows the map in the Tab order is the
// layer's first control, not the summary's source link: the same promise, that it is seen.
test('the control Tab reaches after the map is visible where it is (its layer shows while focus is in it)', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await page.evaluate(() => window.chipatlas.command('select', { id: 'astri' }));
  await page.locator('#sr-sources a').first().waitFor({ state: 'attached', timeout: 10000 });
  await page.locator('#open-data').focus();
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'canvas');
  await page.keyboard.press('Tab');
  const r = await page.evaluate(() => {
    const a = document.activeElement;
    const b = a.getBoundingClientRect();
    const layer = a.closest('.ca-layer');
    const sb = layer.getBoundingClientRect();
    const cs = getComputedStyle(layer);
    return { text: a.textContent, inLayer: !!layer, w: b.width, h: b.height, x: b.x, y: b.y,
      srW: sb.width, srH: sb.height, clipped: cs.clipPath !== 'none' };
  });
  assert.ok(r.inLayer, `Tab after the map reaches the controls layer (${r.text})`);
  assert.ok(r.w >= 20 && r.h >= 10 && r.x >= 0 && r.y >= 0 && r.x + r.w <= DESKTOP.width && r.y + r.h <= DESKTOP.height,
    `the focused control "${r.text}" is on screen (${Math.round(r.w)}x${Math.round(r.h)} at ${Math.round(r.x)},${Math.round(r.y)})`);
  assert.ok(!r.clipped && r.srW >= 100 && r.srH >= 40, `the layer around it is shown (${Math.round(r.srW)}x${Math.round(r.srH)}, clipped: ${r.clipped})`);
  // The selection's source links are in the details region, reached by Tab and shown too.
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate(() => !!document.activeElement.closest('#sr-sources'))) break;
    await page.keyboard.press('Tab');
  }
  const link = await page.evaluate(() => {
    const a = document.activeElement, b = a.getBoundingClientRect();
    return { inSources: !!a.closest('#sr-sources'), w: b.width, h: b.height, x: b.x, y: b.y };
  });
  assert.ok(link.inSources && link.w >= 20 && link.x >= 0 && link.y >= 0 && link.y + link.h <= DESKTOP.height,
    `Tab reaches a source link, on screen (${JSON.stringify(link)})`);
  await page.locator('#open-data').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await activeId(page), 'canvas', 'Shift+Tab goes back to the map');
  assertClean(log, 'layer focus');
});

// The focus ring: the outline a focused element shows (style, width, colour).
function ringOf(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const cs = getComputedStyle(a);
    return { id: a.id || a.tagName.toLowerCase(), style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), offset: parseFloat(cs.outlineOffset), color: cs.outlineColor };
  });
}

test('every element Tab reaches shows a focus ring, the map too, and it is drawn over the map', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await page.locator('#search').focus();
  const seen = [];
  for (let i = 0; i < 15; i++) {
    const r = await ringOf(page);
    if (seen.some((s) => s.id === r.id) || r.id === 'body') break;
    seen.push(r);
    await page.keyboard.press('Tab');
  }
  assert.ok(seen.some((r) => r.id === 'canvas'), `Tab reaches the map (${seen.map((r) => r.id).join(' → ')})`);
  for (const r of seen) {
    assert.ok(r.style !== 'none' && r.width >= 2, `${r.id} shows a focus ring of at least 2 px (${r.style} ${r.width}px)`);
  }
  // The map's ring is an outline inside the canvas (outlines paint over the content; an inset
  // box-shadow under a canvas never shows): the left edge turns the accent colour.
  const canvasRing = seen.find((r) => r.id === 'canvas');
  assert.ok(canvasRing.offset < 0, 'the map ring is drawn inside the canvas (negative offset)');
  await page.locator('#open-data').focus();
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'canvas');
  const img = decodePng(await page.screenshot({ clip: { x: 0, y: 300, width: 4, height: 1 } }));
  const px = [img.data[0], img.data[1], img.data[2]];
  assert.ok(px[2] > 150 && px[0] < 80, `the map's left edge shows the blue ring when focused (rgb ${px.join(',')})`);
  assertClean(log, 'focus ring');
});

// ------------------------------------------------------------------ axe-core
for (const [name, viewport, path] of [
  ['desktop 1280x800', DESKTOP, START],
  ['phone 390x844', { width: 390, height: 844 }, START],
  ['embed 320x240', { width: 320, height: 240 }, 'index.html?embed=1' + START.slice('index.html'.length)],
]) {
  test(`axe-core: no serious or critical violation at ${name}`, { timeout: 120000 }, async () => {
    const { page, log } = await h.open(path, { viewport });
    assert.deepEqual(await axeSerious(page), [], `axe-core at ${name}`);
    // A selection fills the mirror with links to its sources: check that state too.
    await page.evaluate(() => window.chipatlas.command('select', { id: 'astri' }));
    await sleep(500);
    assert.deepEqual(await axeSerious(page), [], `axe-core at ${name}, astri selected`);
    assertClean(log, `axe ${name}`);
  });
}
