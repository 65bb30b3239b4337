// Every feature by keyboard and screen reader (issue 15, finding 2): the page's controls layer
// (region presets, legend filters with counts, the timeline, names), the details region and
// the About dialog, walked with the keyboard alone; the DOM follows the map's state; axe-core
// finds no serious or critical violation with the layer focused or the dialog open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, sleep, axeSerious } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const DESKTOP = { width: 1280, height: 800 };
const START = 'index.html#t=2023-08-30&mode=cumulative&rm=1';

const state = (page) => page.evaluate(() => window.chipatlas.getState());
const activeId = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? (a.id || a.tagName.toLowerCase()) : 'none';
});
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
// Presses Tab (page.keyboard only) until the element `id` has focus; fails after `max` presses.
async function tabTo(page, id, max = 120) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const a = await activeId(page);
    if (a === id) return seen;
    seen.push(a);
  }
  throw new Error(`Tab never reached #${id}; it went ${seen.join(' → ')}`);
}
// The focused element's box and whether it is shown (not clipped away) to the eye.
const focusedBox = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const b = a.getBoundingClientRect();
  const layer = a.closest('.ca-layer');
  const cs = layer ? getComputedStyle(layer) : null;
  return { x: b.x, y: b.y, w: b.width, h: b.height, shown: !cs || cs.clipPath === 'none' };
});
const spoken = (iso) => {
  const m = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, mo, d] = iso.split('-').map(Number);
  return `${d} ${m[mo - 1]} ${y}`;
};

test('keyboard only: region, filter, date slider, play, mode, search and details, About', { timeout: 240000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  // Region preset: a button; Enter flies there (reduced motion: at once).
  await tabTo(page, 'ctl-region-korea');
  const box = await focusedBox(page);
  assert.ok(box.shown && box.w > 20 && box.x >= 0 && box.y >= 0 && box.y + box.h <= DESKTOP.height,
    `the focused preset is shown on screen (${JSON.stringify(box)})`);
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.camera.lat > 33 && s.camera.lon > 124 && s.camera.lon < 132, 'Korea preset flies to Korea');

  // Date slider: arrows move a month; the state and aria-valuetext follow.
  await tabTo(page, 'ctl-date');
  assert.equal(await page.locator('#ctl-date').getAttribute('aria-valuetext'), '30 August 2023');
  await page.keyboard.press('ArrowRight');
  const s1 = await waitState(page, (s) => s.t === '2023-09-30', 'ArrowRight on the slider: a month later');
  await page.waitForFunction((v) => document.getElementById('ctl-date').getAttribute('aria-valuetext') === v, spoken(s1.t), { timeout: 10000 });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await waitState(page, (s) => s.t === '2023-07-30', 'ArrowLeft twice: two months earlier');
  await page.waitForFunction(() => document.getElementById('ctl-date').getAttribute('aria-valuetext') === '30 July 2023', null, { timeout: 10000 });

  // Step and play/pause.
  await tabTo(page, 'ctl-next');
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.t > '2023-07-30', 'Next event moves the date on');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await activeId(page), 'ctl-play');
  await page.keyboard.press('Space');
  await waitState(page, (s) => s.playing, 'Play plays');
  // The button follows the state event (a frame after the command).
  await page.waitForFunction(() => document.getElementById('ctl-play').getAttribute('aria-pressed') === 'true', null, { timeout: 10000 });
  await page.keyboard.press('Space');
  await waitState(page, (s) => !s.playing, 'Play again pauses');
  await page.waitForFunction(() => document.getElementById('ctl-play').getAttribute('aria-pressed') === 'false', null, { timeout: 10000 });

  // Mode: a radio group; Tab lands on the checked radio, arrows change it.
  await tabTo(page, 'ctl-mode-cumulative');
  await page.keyboard.press('ArrowUp');
  await waitState(page, (s) => s.mode === 'window', 'ArrowUp in the mode group: window');

  // A legend filter: a checkbox with its counts; Space hides the kind.
  const first = await page.locator('#ctl-kinds input').first().getAttribute('id');
  const kind = await page.locator('#ctl-kinds input').first().getAttribute('value');
  const label = await page.locator('#ctl-kinds label').first().textContent();
  assert.match(label, /\(\d+ shown of \d+\)/, `the filter's label gives its counts (${label})`);
  await tabTo(page, first);
  await page.keyboard.press('Space');
  await waitState(page, (s) => s.hiddenKinds.includes(kind), `Space on ${kind}'s box hides it`);
  await page.waitForFunction((id) => !document.getElementById(id).checked, first, { timeout: 10000 });
  await page.keyboard.press('Space');
  await waitState(page, (s) => !s.hiddenKinds.includes(kind), 'Space again shows it');

  // Search, then read the details region.
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 80 && (await activeId(page)) !== 'search'; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await activeId(page), 'search', 'Shift+Tab goes back to the search box');
  await page.keyboard.type('ASTRI', { delay: 20 });
  await page.locator('#search-results [role="option"][data-id="astri"]').waitFor({ state: 'visible', timeout: 10000 });
  const ids = await page.locator('#search-results [role="option"]').evaluateAll((els) => els.map((e) => e.dataset.id));
  for (let i = 0; i <= ids.indexOf('astri'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.selected === 'astri', 'search selects ASTRI');
  const region = page.getByRole('region', { name: /Applied Science and Technology Research Institute/ });
  await region.waitFor({ state: 'attached', timeout: 10000 });
  const text = await region.textContent();
  assert.match(text, /Research institute/);
  assert.match(text, /Collaborations/);
  assert.ok(await region.locator('a[href^="http"]').count() >= 1, 'the details region links the sources');
  // Its first collaboration is a button that selects it.
  const collab = region.locator('button[data-id]').first();
  const collabId = await collab.getAttribute('data-id');
  await tabTo(page, await collab.evaluate((b) => { b.id = 'first-collab'; return b.id; }));
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.selected === collabId, 'a collaboration in the details selects it');
  await page.waitForFunction(() => /Participants/.test(document.getElementById('details').textContent));
  assert.match(await page.locator('#details').textContent(), /Quotes/);

  // About: opens as a dialog with focus inside; Escape closes both cards and gives focus back.
  await tabTo(page, 'ctl-about');
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.about === true, 'About opens the map\'s card too');
  const dialog = page.getByRole('dialog', { name: 'About chipatlas' });
  await dialog.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await page.evaluate(() => document.getElementById('about').contains(document.activeElement)), true, 'focus is in the dialog');
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.getElementById('about').contains(document.activeElement)), true, 'Tab stays in the dialog');
  await page.keyboard.press('Escape');
  await waitState(page, (s) => s.about === false, 'Escape closes the map\'s card');
  await page.waitForFunction(() => document.getElementById('about').hidden, null, { timeout: 10000 });
  assert.equal(await activeId(page), 'ctl-about', 'focus is back on the About button');
  assertClean(log, 'keyboard walk');
});

test('the DOM controls follow the map: state set by command shows in every control', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await page.evaluate(() => window.chipatlas.command('setState', {
    state: { t: '2020-01-01', mode: 'snapshot', hiddenKinds: ['mou'], hiddenRegions: ['korea'], speed: 2, lang: 'both', theme: 'dark', loop: false },
  }));
  await page.waitForFunction(() => document.getElementById('ctl-date').getAttribute('aria-valuetext') === '1 January 2020');
  assert.equal(await page.locator('#ctl-mode-snapshot').isChecked(), true);
  assert.equal(await page.locator('#ctl-kinds-mou').isChecked(), false);
  assert.equal(await page.locator('#ctl-kinds-consortium').isChecked(), true);
  assert.equal(await page.locator('#ctl-regions-korea').isChecked(), false);
  assert.equal(await page.locator('#ctl-speed').inputValue(), '2');
  assert.equal(await page.locator('#ctl-lang').inputValue(), 'both');
  assert.equal(await page.locator('#ctl-theme').inputValue(), 'dark');
  assert.equal(await page.locator('#ctl-loop').isChecked(), false);
  // The counts are the legend's at the new date.
  const legend = await page.evaluate(() => window.chipatlas.command('legend'));
  const c = legend.kinds.find((k) => k.id === 'consortium');
  assert.match(await page.locator('label:has(#ctl-kinds-consortium)').textContent(), new RegExp(`\\(${c.count} shown of ${c.total}\\)`));
  // The map's About card opened by command opens the dialog; closed, it goes.
  await page.evaluate(() => window.chipatlas.command('setState', { state: { about: true } }));
  await page.waitForFunction(() => !document.getElementById('about').hidden);
  await page.evaluate(() => window.chipatlas.command('setState', { state: { about: false } }));
  await page.waitForFunction(() => document.getElementById('about').hidden);
  assertClean(log, 'canvas to DOM');
});

// The legend's "Most connected" quick-select (ImGui) has a DOM twin: a button per organisation
// with the legend's count, reached by Tab and pressed by Enter; it selects and flies there, and
// follows the date.
test('keyboard only: the "Most connected" buttons list the legend\'s organisations and counts and select', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await waitState(page, (s) => s.t === '2023-08-30', 'the start state');
  const texts = () => page.locator('#ctl-top button').evaluateAll((bs) => bs.map((b) => b.textContent));
  const wanted = async () => (await page.evaluate(() => window.chipatlas.command('legend'))).top;
  const top = await wanted();
  assert.ok(top.length >= 1 && top.length <= 3, `the legend lists its most connected (${JSON.stringify(top)})`);
  await page.waitForFunction((w) => JSON.stringify([...document.querySelectorAll('#ctl-top button')].map((b) => b.textContent)) === w,
    JSON.stringify(top.map((t) => `${t.label} (${t.count})`)), { timeout: 10000 });
  assert.equal(await page.getByRole('group', { name: 'Most connected' }).count(), 1);
  // Away from it first, so that the press has somewhere to fly.
  await page.evaluate(() => window.chipatlas.command('flyTo', { region: 'japan' }));
  const japan = await waitState(page, (s) => s.camera.lon > 130, 'the Japan preset');
  const pick = top[top.length - 1];
  const id = await page.locator('#ctl-top button').last().evaluate((b) => { b.id = 'top-last'; return b.id; });
  await tabTo(page, id);
  assert.ok((await focusedBox(page)).shown, 'the focused button is shown');
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.selected === pick.id, `Enter on "${pick.label}" selects it`);
  // It flew there from Japan: its geographic point is on the map.
  await waitState(page, (s) => Math.abs(s.camera.lon - japan.camera.lon) > 0.01, 'the camera flies to it');
  const at = await page.evaluate((o) => window.chipatlas.command('locate', { id: o }), pick.id);
  assert.ok(at.projected.x >= 0 && at.projected.x <= DESKTOP.width && at.projected.y >= 0 && at.projected.y <= DESKTOP.height,
    `${pick.id} is on the map after the press (${JSON.stringify(at)})`);
  // Another date: the buttons follow the legend's new list and counts.
  await page.evaluate(() => window.chipatlas.command('setState', { state: { t: '2019-06-01', mode: 'snapshot' } }));
  await waitState(page, (s) => s.t === '2019-06-01', 'the new date');
  const later = await wanted();
  assert.notDeepEqual(later, top, 'the list or its counts differ at the other date');
  await page.waitForFunction((w) => JSON.stringify([...document.querySelectorAll('#ctl-top button')].map((b) => b.textContent)) === w,
    JSON.stringify(later.map((t) => `${t.label} (${t.count})`)), { timeout: 10000 });
  assert.deepEqual(await texts(), later.map((t) => `${t.label} (${t.count})`));
  assertClean(log, 'most connected');
});

// A sighted keyboard visitor sees the controls layer once focus is in it; one who then takes the
// mouse (or a finger) to a control shown there must get that control: pressing on it hid the layer
// before the click landed, so the click went to the map under it (session 18).
test('a control of the shown layer works with the mouse too; a press on the map hides the layer', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await tabTo(page, 'ctl-region-korea');
  const korea = page.locator('#ctl-region-korea');
  const box = await korea.boundingBox();
  assert.ok(box && box.width > 20 && box.height > 10, `the layer shows its buttons to the eye (${JSON.stringify(box)})`);
  const before = (await state(page)).camera;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const s = await waitState(page, (x) => x.camera.lon > 124 && x.camera.lon < 132 && x.camera.lat > 33 && x.camera.lat < 39,
    `a click on Korea (from ${JSON.stringify(before)}) flies there`);
  assert.ok(s.camera.zoom > before.zoom, 'zoomed in on Korea');
  assert.equal(await activeId(page), 'ctl-region-korea', 'the clicked control keeps focus, and the layer stays shown');
  const layerShown = () => korea.evaluate((b) => getComputedStyle(b.closest('.ca-layer')).clipPath === 'none');
  assert.equal(await layerShown(), true, 'the layer is still shown');
  // A press on the map is the map's, and the map's own chrome is shown again.
  await page.mouse.click(640, 400);
  await page.waitForFunction(() => !document.documentElement.dataset.keys, null, { timeout: 5000 });
  assert.equal(await layerShown(), false, 'the layer is hidden again');
  assertClean(log, 'layer by mouse');
});

test('Tab after a click on the map: focus moves into the controls layer, which shows', { timeout: 120000 }, async () => {
  const { page, log } = await h.open(START, { viewport: DESKTOP });
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  // A mouse visitor clicks the map (the map takes the keyboard: finding 1), then goes on by keyboard.
  await page.mouse.click(640, 400);
  assert.equal(await activeId(page), 'canvas');
  await page.keyboard.press('Tab');
  const a = await activeId(page);
  assert.match(a, /^ctl-/, 'Tab leaves the map for the controls layer');
  const box = await focusedBox(page);
  assert.ok(box.shown && box.w > 10 && box.h > 10, `the focused control is shown to the eye (WCAG 2.4.7): ${JSON.stringify(box)}`);
  assertClean(log, 'Tab after a click');
});

test('the first visit\'s About card at 320x568: Tab reaches its buttons and Escape closes it', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { viewport: { width: 320, height: 568 } });
  await waitState(page, (s) => s.about === true, 'a first visit opens the About card');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  assert.equal(await activeId(page), 'body');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.getElementById('about').contains(document.activeElement)), true,
    `Tab from the page reaches the dialog (${await activeId(page)})`);
  const box = await focusedBox(page);
  assert.ok(box.shown && box.y >= 0 && box.y + box.h <= 568, `its focused button is on screen (${JSON.stringify(box)})`);
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Escape');
  await waitState(page, (s) => s.about === false, 'Escape with focus on the page closes the card');
  assert.equal(await page.locator('#about').isHidden(), true);
  assertClean(log, 'intro 320x568');
});

// Opened or closed from the page (a host's setState; the dialog's Escape or its buttons by
// keyboard; no input on the map), the map's own card must come and go on the screen at once,
// not wait for the next input on the map: after Escape, a keyboard-only visitor still saw the
// card over the map, and one opened by the page appeared only with the next input; once it went,
// the labels it had covered came back only with the next input (session 18).
test('opening and closing the About dialog from the page shows and hides the map\'s card at once', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { viewport: { width: 1024, height: 700 } });
  const drawn = async () => (await page.evaluate(() => window.chipatlas.command('audit'))).panels.map((p) => p.name);
  const frames = () => page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const step = () => (++n === 8 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }));
  for (const how of ['Escape', 'Start exploring', '×']) {
    await page.evaluate(() => window.chipatlas.setState({ about: true }));
    await page.getByRole('dialog', { name: 'About chipatlas' }).waitFor({ state: 'visible', timeout: 5000 });
    await frames();
    assert.ok((await drawn()).some((n) => /About chipatlas/.test(n)), `the map draws its card (${(await drawn()).join(', ')})`);
    if (how !== 'Escape') await page.locator(how === '×' ? '#about-x' : '#about-close').focus();
    await page.keyboard.press(how === 'Escape' ? 'Escape' : 'Enter');
    await waitState(page, (s) => s.about === false, `${how} closes the card`);
    await frames();
    assert.ok(!(await drawn()).some((n) => /About chipatlas/.test(n)), `${how}: the map no longer draws its card (${(await drawn()).join(', ')})`);
    // Nothing else waits for an input either: the labels the card covered are back (the pointer
    // moved over empty sea makes the map draw again; the picture must not change).
    const before = await page.locator('#canvas').screenshot();
    await page.mouse.move(990, 420 + (how.length % 3) * 10);
    await frames();
    await sleep(300);
    await frames();
    assert.ok(before.equals(await page.locator('#canvas').screenshot()), `${how}: the map was up to date before the next input`);
  }
  assertClean(log, 'About closed from the page');
});

// ------------------------------------------------------------------ axe-core
for (const [name, viewport, path] of [
  ['desktop 1280x800', DESKTOP, START],
  ['phone 390x844', { width: 390, height: 844 }, START],
  ['phone 320x568', { width: 320, height: 568 }, START],
  ['embed 320x240', { width: 320, height: 240 }, 'index.html?embed=1' + START.slice('index.html'.length)],
]) {
  test(`axe-core with the controls shown and the About dialog open: ${name}`, { timeout: 120000 }, async () => {
    const { page, log } = await h.open(path, { viewport });
    await page.evaluate(() => window.chipatlas.command('select', { id: 'astri' }));
    await tabTo(page, 'ctl-date');
    assert.ok((await focusedBox(page)).shown, 'the controls layer shows while focused');
    assert.deepEqual(await axeSerious(page), [], `axe-core at ${name}, controls focused`);
    await page.evaluate(() => window.chipatlas.command('setState', { state: { about: true } }));
    await page.waitForFunction(() => !document.getElementById('about').hidden);
    await page.keyboard.press('Tab');
    assert.deepEqual(await axeSerious(page), [], `axe-core at ${name}, About open`);
    assertClean(log, `axe ${name}`);
  });
}
