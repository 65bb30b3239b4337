// ?bench=1 (issue 17): the web build runs native --bench's frames and reports the same JSON
// fields (window.chipatlas.bench, a `chipatlas-bench` event, the console). Fields, not timings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

// The fields native --bench prints (src/app/drive.cpp), in its order.
const FIELDS = ['dataset', 'organisations', 'collaborations', 'size', 'frames', 'load_validate_ms', 'frame_ms_median',
  'frame_ms_p95', 'map_ms_median', 'visibility_ms_median', 'gl_submit_ms_median', 'draw_calls_avg', 'draw_calls_max',
  'vertices_avg', 'vertices_max'];

test('?bench=1&frames=20 reports native --bench\'s fields', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?bench=1&frames=20', {
    viewport: { width: 640, height: 400 },
    initScript: () => {
      window.addEventListener('chipatlas-bench', (e) => { window.__benchEvent = e.detail; });
    },
  });
  await page.waitForFunction(() => document.documentElement.dataset.bench === 'done', null, { timeout: 60000 });
  const { result, event } = await page.evaluate(() => ({ result: window.chipatlas.bench, event: window.__benchEvent }));
  assert.deepEqual(Object.keys(result), FIELDS);
  assert.deepEqual(event, result, 'the event carries the same result');
  assert.equal(result.frames, 15, '20 frames less the 5 warm-up frames, as natively');
  assert.equal(result.size, '640x400', 'the canvas in pixels');
  assert.ok(result.organisations > 0 && result.collaborations > 0, 'the bundled dataset');
  for (const f of FIELDS.slice(5)) assert.equal(typeof result[f], 'number', f);
  assert.ok(result.vertices_max > 0 && result.draw_calls_max > 0, 'frames were drawn');
  const line = log.console.find((l) => l.includes('"frame_ms_median"'));
  assert.ok(line, 'the JSON line is in the console');
  assert.deepEqual(JSON.parse(line.slice(line.indexOf('{'))), result);
  assertClean(log, 'index.html?bench=1');
});

test('without ?bench=1 no benchmark runs', { timeout: 60000 }, async () => {
  const { page } = await h.open('index.html');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.bench), undefined);
  assert.equal(await page.evaluate(() => window.chipatlas.bench), undefined);
});
