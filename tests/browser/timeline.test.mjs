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
  await page.waitForFunction(() => /[#&]play=1/.test(location.hash), null, { timeout: 5000 })
    .catch(() => { throw new Error('the hash does not say play=1 while playing'); });
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

test('playing rewrites the URL at most once a second, and the last state lands', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2005-01-01&mode=cumulative');
  await recordEvents(page);
  // Count the bridge's URL writes (it looks history.replaceState up on each call).
  await page.evaluate(() => {
    window.__urlWrites = [];
    const orig = history.replaceState.bind(history);
    history.replaceState = (s, title, url) => { window.__urlWrites.push(Date.now()); return orig(s, title, url); };
  });
  await page.evaluate(() => window.chipatlas.setState({ playing: true, speed: 16 }));
  await sleep(5000);
  await page.evaluate(() => window.chipatlas.command('pause'));
  const r = await page.evaluate(() => ({
    writes: window.__urlWrites.slice(),
    states: window.__events.filter((e) => e.name === 'state').length,
  }));
  const gaps = r.writes.slice(1).map((t, i) => t - r.writes[i]);
  console.log(`# ${r.states} state events, ${r.writes.length} URL writes, smallest gap ${Math.min(...gaps)} ms`);
  assert.ok(r.states >= 10, `playback sent state events (${r.states})`);
  assert.ok(r.writes.length >= 2, `the URL followed playback (${r.writes.length} writes)`);
  assert.ok(r.writes.length < r.states, 'fewer URL writes than state events');
  assert.ok(gaps.every((g) => g >= 950), `URL writes at least a second apart: ${gaps.join(', ')} ms`);
  // After the pause, the URL catches up with the final state within the second.
  const final = await page.evaluate(() => window.chipatlas.getState());
  await page.waitForFunction((t) => new RegExp('[#&]t=' + t + '(&|$)').test(location.hash) && !/[#&]play=1/.test(location.hash),
    final.t, { timeout: 3000 })
    .catch(async () => { throw new Error(`the URL did not settle on t=${final.t}: ${await page.evaluate(() => location.hash)}`); });
  assertClean(log, 'url throttle');
});

test('step jumps to the next event', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2012-01-01&mode=cumulative');
  const r = await page.evaluate(() => window.chipatlas.command('step', { dir: 1 }));
  assert.equal(typeof r.moved, 'boolean');
  if (r.moved) assert.ok(r.t > '2012-01-01', `stepped forward to ${r.t}`);
  assertClean(log, 'step');
});
