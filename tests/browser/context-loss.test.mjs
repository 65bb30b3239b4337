// WebGL context loss (TOOLCHAIN.md): after WEBGL_lose_context + restore the map is drawn again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, canvasScreenshot, assertNotBlank, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('the map comes back after a lost WebGL context is restored', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  const ok = await page.evaluate(async () => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    const ext = gl && gl.getExtension('WEBGL_lose_context');
    if (!ext) return false;
    ext.loseContext();
    await new Promise((r) => setTimeout(r, 500));
    ext.restoreContext();
    return true;
  });
  assert.ok(ok, 'WEBGL_lose_context available');
  await sleep(2000);
  // Nudge a redraw the way a user would (a state change), then look.
  await page.evaluate(() => window.chipatlas.command('setTime', { t: '2021-01-01' }));
  await sleep(1500);
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.error || ''), '', 'not aborted');
  assertNotBlank(await canvasScreenshot(page), 'canvas after context restore');
});
