// Start-up benchmark (not a test): [BENCH_DATA=FILE] node tests/browser/bench.mjs
// Prints one JSON line: ms from navigation to ready, bytes per resource type, the gzip size
// of everything fetched (node:zlib, level 9), and the wasm's CPU frame time (`frameMs` of
// getState: the median of the last 120 frames) after start-up and while the timeline plays.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startHarness, waitReady, TESTDATA_OUT } from './harness.mjs';

// BENCH_DATA=FILE: load that dataset with ?data= (copied to build/testdata/bench-data.json, served as testdata/).
const dataFile = process.env.BENCH_DATA;
if (dataFile) copyFileSync(dataFile, join(TESTDATA_OUT, 'bench-data.json'));

const h = await startHarness();
let exitCode = 0;
try {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.documentElement.dataset.ready === '1') { window.__readyAt = performance.now(); obs.disconnect(); }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
  });
  const page = await context.newPage();
  const pending = [];
  page.on('response', (r) => {
    pending.push((async () => {
      const url = new URL(r.url());
      let body = Buffer.alloc(0);
      try { body = await r.body(); } catch { /* redirects, aborted */ }
      let transfer = null;
      try { const s = await r.request().sizes(); transfer = s.responseBodySize + s.responseHeadersSize; } catch { /* n/a */ }
      return { path: url.pathname + url.search, type: r.request().resourceType(), status: r.status(), bytes: body.length,
        transfer, gzip: body.length ? gzipSync(body, { level: 9 }).length : 0 };
    })());
  });
  const t0 = Date.now();
  await page.goto(`${h.origin}/index.html${dataFile ? '?data=testdata/bench-data.json' : ''}`, { waitUntil: 'load' });
  await waitReady(page, null, 120000);
  const wall = Date.now() - t0;
  const readyMs = await page.evaluate(() => window.__readyAt);
  // The page draws on demand: play the timeline (16x) so frames run steadily, and let
  // the 120-frame ring behind `frameMs` fill with them rather than with the first frames.
  const idle = await page.evaluate(() => window.chipatlas.getState().catch(() => null));
  await page.evaluate(() => window.chipatlas.setState({ playing: true, speed: 16 }));
  await new Promise((r) => setTimeout(r, 4000));
  const state = await page.evaluate(() => window.chipatlas.getState().catch(() => null));
  const files = await Promise.all(pending);
  const byType = {};
  for (const f of files) {
    const t = byType[f.type] || (byType[f.type] = { count: 0, bytes: 0, transfer: 0, gzip: 0 });
    t.count++; t.bytes += f.bytes; t.transfer += f.transfer || 0; t.gzip += f.gzip;
  }
  const out = {
    data: dataFile || 'bundled',
    navToReadyMs: readyMs != null ? Math.round(readyMs) : null,
    wallToReadyMs: wall,
    bytesByType: byType,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    totalGzipBytes: files.reduce((s, f) => s + f.gzip, 0),
    files: files.map((f) => ({ path: f.path, type: f.type, bytes: f.bytes, gzip: f.gzip })),
    frameMsStartup: idle && typeof idle.frameMs === 'number' ? idle.frameMs : null,
    frameMs: state && typeof state.frameMs === 'number' ? state.frameMs : null,
    gl: 'swiftshader',
  };
  process.stdout.write(JSON.stringify(out) + '\n');
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await h.close();
}
process.exit(exitCode);
