// The screen-reader mirror's list of collaborations on the map (#sr-active) is updated in place:
// when the date moves, a collaboration still listed keeps its element (the page re-creating
// up to 200 items every 0.2 s while playing was its per-state work), and the list matches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('the mirror keeps the elements of collaborations still on the map', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2016-01-01&mode=cumulative');
  await page.waitForFunction(() => document.querySelectorAll('#sr-active li').length > 0, null, { timeout: 60000 });
  const before = await page.evaluate(() => {
    const els = [...document.querySelectorAll('#sr-active li')];
    for (const e of els) e.caKept = true;
    return els.map((e) => e.dataset.id);
  });
  await page.evaluate(() => window.chipatlas.command('setTime', { t: '2024-06-01' }));
  await page.waitForFunction((n) => document.querySelectorAll('#sr-active li').length > n, before.length, { timeout: 60000 })
    .catch(() => { throw new Error(`no more collaborations listed after moving to 2024 (${before.length} before)`); });
  const after = await page.evaluate(() => [...document.querySelectorAll('#sr-active li')].map((e) => ({ id: e.dataset.id, kept: e.caKept === true })));
  const stillListed = after.filter((e) => before.includes(e.id));
  assert.ok(stillListed.length > 0, 'some collaborations of 2016 are still on the map in cumulative mode');
  assert.deepEqual(stillListed.filter((e) => !e.kept).map((e) => e.id), [], 'their elements were kept');
  assert.ok(after.some((e) => !e.kept), 'the new ones got elements');
  assert.equal(new Set(after.map((e) => e.id)).size, after.length, 'each listed once');
  // The list is the wasm's: the same ids in the same order as the collaborations export lists.
  const exported = await page.evaluate(() => window.chipatlas.command('export', { format: 'json' }));
  const ids = JSON.parse(exported.text).collaborations.map((c) => c.id);
  assert.deepEqual(after.map((e) => e.id), ids.slice(0, 200));
  assertClean(log);
});
