// Organisations at one point separate (issue 15, finding 6): TSMC, AUO Digitech and NYCU share
// a cluster ("TSMC +2") over Taiwan; clicking it (zooming, then spreading) gives each its own
// point on screen (`locate` reports where each is drawn), and each one is selectable there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, recordEvents, waitEvent, sleep, slowClick } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const IDS = ['tsmc', 'auo_digitech', 'nycu'];
const locate = (page, id) => page.evaluate((i) => window.chipatlas.command('locate', { id: i }), id);
const apart = (a, b) => Math.hypot(a.x - b.x, a.y - b.y) > 10;

for (const [w, hgt] of [[1280, 800], [390, 844]]) {
  test(`clicking the TSMC cluster at ${w}x${hgt} separates its three organisations, each selectable`, { timeout: 180000 }, async () => {
    const { page, log } = await h.open('index.html#t=2023-08-30&mode=cumulative&rm=1', { viewport: { width: w, height: hgt } });
    await recordEvents(page);
    await page.evaluate(() => window.chipatlas.command('flyTo', { region: 'taiwan' }));
    await sleep(1500);
    let at = await Promise.all(IDS.map((id) => locate(page, id)));
    assert.ok(!apart(at[0], at[1]) && !apart(at[0], at[2]), `one cluster before the click: ${JSON.stringify(at)}`);
    // Click the cluster until its members are drawn apart: a click zooms to them or spreads them.
    for (let clicks = 0; clicks < 3 && !(apart(at[0], at[1]) && apart(at[0], at[2]) && apart(at[1], at[2])); ++clicks) {
      await slowClick(page, at[0].x, at[0].y);
      await sleep(1200);
      at = await Promise.all(IDS.map((id) => locate(page, id)));
    }
    assert.ok(apart(at[0], at[1]) && apart(at[0], at[2]) && apart(at[1], at[2]), `separate points: ${JSON.stringify(at)}`);
    for (const id of IDS) {
      // Clear the previous selection (its details or sheet may cover the next one).
      await page.evaluate(() => window.chipatlas.command('select', { id: '' }));
      await sleep(600);
      const p = await locate(page, id);
      assert.ok(p.onScreen && !p.covered, `${id} on screen and uncovered at ${p.x},${p.y}`);
      await slowClick(page, p.x, p.y);
      const sel = await waitEvent(page, 'selection', { id });
      assert.equal(sel.type, 'organisation');
      await sleep(800);  // the selection may be moved clear of the details
    }
    at = await Promise.all(IDS.map((id) => locate(page, id)));
    assert.ok(apart(at[0], at[1]) && apart(at[0], at[2]) && apart(at[1], at[2]), `still apart after selecting: ${JSON.stringify(at)}`);
    assertClean(log, `overlaps ${w}x${hgt}`);
  });
}
