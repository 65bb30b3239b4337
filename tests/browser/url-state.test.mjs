// (c) URL state: the hash opens a view; the view keeps the hash current; hash edits apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, canvasScreenshot, sleep, waitFrames } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('a hash opens that view and state changes rewrite it (query kept)', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?keep=1#t=2015-06-01&mode=cumulative&sel=ase&theme=dark');
  const s = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(s.t, '2015-06-01');
  assert.equal(s.mode, 'cumulative');
  assert.equal(s.selected, 'ase');
  assert.equal(s.theme, 'dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'DOM chrome follows the theme');

  await page.evaluate(() => window.chipatlas.setState({ t: '2020-01-01', mode: 'window', window: 24 }));
  await page.waitForFunction(() => /[#&]t=2020-01-01(&|$)/.test(location.hash) && /[#&]mode=window(&|$)/.test(location.hash) &&
    /[#&]win=24(&|$)/.test(location.hash), null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => location.search), '?keep=1', 'query string kept');

  // The user edits the URL: hashchange → setHash.
  await page.evaluate(() => { location.hash = '#t=2018-03-01&mode=snapshot'; });
  await page.waitForFunction(() => window.chipatlas.state && window.chipatlas.state.t === '2018-03-01' &&
    window.chipatlas.state.mode === 'snapshot', null, { timeout: 10000 });
  const s2 = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(s2.t, '2018-03-01');
  assert.equal(s2.mode, 'snapshot');

  // The app then writes its whole view back into the hash (the selection, camera and theme the
  // edited hash left out): the link copied is that one, so wait for it.
  await page.waitForFunction(() => /[#&]sel=ase(&|$)/.test(location.hash) && /[#&]c=/.test(location.hash) &&
    /[#&]theme=dark(&|$)/.test(location.hash), null, { timeout: 10000 });
  // Copy link puts the current URL (without embed) on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
  await page.locator('#copy-link').click();
  await page.locator('#toast').waitFor({ state: 'visible', timeout: 5000 });
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, await page.evaluate(() => location.href), 'copied link = current URL');
  assertClean(log, 'url state');
});

test('a malformed hash still starts, with a console warning', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=banana&mode=zzz');
  const s = await page.evaluate(() => window.chipatlas.getState());
  assert.match(s.t, /^\d{4}-\d{2}-\d{2}$/, 'a valid date is used instead');
  assert.ok(['snapshot', 'window', 'cumulative'].includes(s.mode), `valid mode: ${s.mode}`);
  const warned = log.consoleWarnings.concat(log.consoleErrors).filter((t) => /banana|zzz/i.test(t));
  assert.ok(warned.length >= 1, `a console warning names the bad values; console was:\n  ${log.console.join('\n  ')}`);
  assert.deepEqual(log.pageErrors, []);
});

test('theme auto follows prefers-color-scheme, also when it changes', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { colorScheme: 'light' });
  let s = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(s.theme, 'auto');
  assert.equal(s.dark, false, 'light system theme at start (--system-theme light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => window.chipatlas.state && window.chipatlas.state.dark === true, null, { timeout: 10000 })
    .catch(() => { throw new Error('state.dark did not follow the system switching to dark (setState systemTheme)'); });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the DOM chrome follows');
  s = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(s.theme, 'auto', 'the user setting stays auto');
  assert.ok(!/theme=/.test(await page.evaluate(() => location.hash)), 'the system theme does not go into the URL');
  assertClean(log, 'system theme');
});

// The share of a decoded image's pixels within 2 per channel of #rrggbb.
function share(img, hex) {
  const v = parseInt(hex.slice(1), 16);
  const want = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  let n = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const p = i * img.channels;
    if (Math.abs(img.data[p] - want[0]) <= 2 && Math.abs(img.data[p + 1] - want[1]) <= 2 && Math.abs(img.data[p + 2] - want[2]) <= 2) n++;
  }
  return n / (img.width * img.height);
}

test('forced colours (a contrast theme): the map draws in the system colours, on and off as they change', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { contextOptions: { forcedColors: 'active' } });
  await page.evaluate(() => window.chipatlas.setState({ about: false }));  // the map undimmed
  await waitFrames(page, 3);
  const s = await page.evaluate(() => window.chipatlas.getState());
  assert.match(String(s.forcedColours), /^#[0-9a-f]{6}(,#[0-9a-f]{6}){7}$/, 'the page gave the map its system colours at start');
  // The system's Canvas colour, read here as a background (the page reads colours).
  const canvas = await page.evaluate(() => {
    const el = document.createElement('div');
    el.style.setProperty('forced-color-adjust', 'none');
    el.style.backgroundColor = 'Canvas';
    document.body.append(el);
    const m = /(\d+), (\d+), (\d+)/.exec(getComputedStyle(el).backgroundColor);
    el.remove();
    return '#' + m.slice(1, 4).map((x) => Number(x).toString(16).padStart(2, '0')).join('');
  });
  assert.equal(s.forcedColours.split(',')[0], canvas, 'the first is Canvas');
  const LIGHT_SEA = '#dce8f2';  // the light theme's sea (ui/theme.cpp)
  let img = await canvasScreenshot(page);
  assert.ok(share(img, canvas) > 0.2, `the sea and panels are Canvas (${canvas}): ${(share(img, canvas) * 100).toFixed(1)}% of the map`);
  assert.ok(share(img, LIGHT_SEA) < 0.001, 'no light-theme sea');

  // Until the state's forcedColours passes `ok` (10 s at most).
  const forcedBecomes = async (ok, what) => {
    for (let i = 0; i < 100; i++) {
      if (ok((await page.evaluate(() => window.chipatlas.getState())).forcedColours)) return;
      await sleep(100);
    }
    throw new Error(what);
  };
  await page.emulateMedia({ forcedColors: 'none' });
  await forcedBecomes((f) => f === null, 'the map kept forced colours after the system left them (setState systemColours)');
  await waitFrames(page, 3);
  img = await canvasScreenshot(page);
  assert.ok(share(img, LIGHT_SEA) > 0.1, `the light theme's sea again: ${(share(img, LIGHT_SEA) * 100).toFixed(1)}%`);

  await page.emulateMedia({ forcedColors: 'active' });
  await forcedBecomes((f) => String(f).startsWith(canvas), 'the map did not take forced colours when the system turned them on');
  assertClean(log, 'forced colours');
});
