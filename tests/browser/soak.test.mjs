// Memory stays flat while the timeline plays in a loop and the page is resized again and
// again. SOAK_SECONDS (default 20) sets the length; `SOAK_SECONDS=300 node --test
// tests/browser/soak.test.mjs` is the several-minute run. Prints the figures it measured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, sleep } from './harness.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS || 20);
let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => Module.HEAPU8.length);
  const t = await page.evaluate(() => window.chipatlas.getState().then((s) => s.t));
  return { js: usedSize, wasm, t };
}

test(`memory stays flat over ${SECONDS} s of looped playback and resizing`, { timeout: (SECONDS + 120) * 1000 }, async () => {
  const { page, log } = await h.open('index.html#play=1&speed=16&rm=0', { viewport: { width: 900, height: 600 } });
  const cdp = await page.context().newCDPSession(page);
  const sizes = [[900, 600], [420, 300], [1200, 760], [320, 240], [800, 800]];
  const resizeFor = async (ms) => {
    const end = Date.now() + ms;
    let i = 0;
    while (Date.now() < end) {
      const [w, hgt] = sizes[i++ % sizes.length];
      await page.setViewportSize({ width: w, height: hgt });
      await sleep(400);
    }
  };
  await resizeFor(4000);  // warm-up: fonts, buffers, first loop
  const a = await measure(page, cdp);
  await resizeFor(SECONDS * 1000);
  const b = await measure(page, cdp);
  const state = await page.evaluate(() => window.chipatlas.getState());
  console.log(`soak ${SECONDS}s: js heap ${(a.js / 1e6).toFixed(2)} -> ${(b.js / 1e6).toFixed(2)} MB, ` +
              `wasm memory ${(a.wasm / 1e6).toFixed(1)} -> ${(b.wasm / 1e6).toFixed(1)} MB, playing=${state.playing}`);
  assert.equal(state.playing, true, 'still playing (looping)');
  assert.notEqual(a.t, b.t, 'time moved');
  assert.equal(b.wasm, a.wasm, 'the wasm heap did not grow');
  assert.ok(b.js - a.js < 3e6, `JS heap grew by ${((b.js - a.js) / 1e6).toFixed(2)} MB`);
  assertClean(log, 'soak');
});
