// (c) URL state: the hash opens a view; the view keeps the hash current; hash edits apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean } from './harness.mjs';

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
