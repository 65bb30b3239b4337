// (h) timeline: play moves the playhead (state events), pause stops it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, recordEvents, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('play advances t, pause stops', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2012-01-01&mode=cumulative');
  await recordEvents(page);
  const t0 = (await page.evaluate(() => window.chipatlas.getState())).t;
  await page.evaluate(() => window.chipatlas.command('play'));
  await page.waitForFunction((t) => window.chipatlas.state && window.chipatlas.state.t > t, t0, { timeout: 30000 })
    .catch(() => { throw new Error(`t did not move from ${t0} within 30 s after play`); });
  const playing = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(playing.playing, true);
  assert.ok(/[#&]play=1/.test(await page.evaluate(() => location.hash)), 'the hash says play=1 while playing');
  await page.evaluate(() => window.chipatlas.command('pause'));
  const p1 = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(p1.playing, false);
  await sleep(1500);
  const p2 = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(p2.t, p1.t, 'paused: t stays');
  const ev = await page.evaluate(() => ({
    states: window.__events.filter((e) => e.name === 'state').length,
    active: window.__events.filter((e) => e.name === 'active').length,
  }));
  assert.ok(ev.states >= 2, `state events while playing (${ev.states})`);
  console.log(`# ${t0} → ${p1.t}; ${ev.states} state events, ${ev.active} active events`);
  assert.match(await page.locator('#sr-date').textContent(), new RegExp(p1.t.slice(0, 4)), 'mirror shows the date');
  assertClean(log, 'timeline');
});

test('step jumps to the next event', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2012-01-01&mode=cumulative');
  const r = await page.evaluate(() => window.chipatlas.command('step', { dir: 1 }));
  assert.equal(typeof r.moved, 'boolean');
  if (r.moved) assert.ok(r.t > '2012-01-01', `stepped forward to ${r.t}`);
  assertClean(log, 'step');
});
