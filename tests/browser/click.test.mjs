// Clicking a known organisation on the map (not through search) selects it and its details
// reach the page (selection event, screen-reader mirror).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, recordEvents, waitEvent, sleep, slowClick } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('clicking ASTRI on the map opens its details', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-30&mode=cumulative&rm=1');
  await recordEvents(page);
  // Close the intro card if it is up (it sits over the map centre).
  await page.evaluate(() => window.chipatlas.command('flyTo', { region: 'gba' }));
  await sleep(1500);
  const at = await page.evaluate(() => window.chipatlas.command('locate', { id: 'astri' }));
  assert.ok(at.onScreen, `ASTRI is on screen at ${at.x},${at.y}`);
  await slowClick(page, at.x, at.y);
  const sel = await waitEvent(page, 'selection', { id: 'astri' });
  assert.equal(sel.type, 'organisation');
  assert.match(sel.label, /Applied Science and Technology Research Institute/);
  assert.match(sel.details, /Research institute/);
  assert.match(sel.details, /collaboration/);
  assert.equal(await page.locator('#sr-selection').getAttribute('data-id'), 'astri');
  assertClean(log, 'click');
});
