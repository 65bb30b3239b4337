// A/B start-up benchmark of two web builds in one run (not a test):
//   node tools/bench/web_ab.mjs SITE_A SITE_B DATA.json [ROUNDS]
// Alternates A and B for ROUNDS rounds (default 5): each opens index.html?data=(DATA.json) in a
// fresh browser context and records the time to ready, then times the wasm's own loader by
// calling ca_load_dataset on the same bytes three more times in the page. Prints one JSON line
// per site with the medians, so noise from the machine falls on both sides alike.
// SITE_A and SITE_B are site folders: dist/ of one build, and another build's own, configured
// with -DCHIPATLAS_DIST_DIR=DIR (each web build otherwise writes the repository's dist/).
// DATA.json is copied to build/testdata/ and loaded as testdata/bench-data.json.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, startServer, waitReady, TESTDATA_OUT } from '../../tests/browser/harness.mjs';

const [siteA, siteB, data, roundsArg] = process.argv.slice(2);
if (!siteA || !siteB || !data) {
  console.error('usage: node tools/bench/web_ab.mjs SITE_A SITE_B DATA.json [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg || 5);
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : null; };

copyFileSync(data, join(TESTDATA_OUT, 'bench-data.json'));  // served as testdata/ beside each site
const h = await startHarness();
const sites = [];
for (const dir of [siteA, siteB]) {
  sites.push({ dir, server: await startServer({ dir }), ready: [], load: [], frame: [] });
}
try {
  for (let r = 0; r < rounds; r++) {
    for (const s of (r % 2 ? [...sites].reverse() : sites)) {
      const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${s.server.origin}/index.html?data=testdata/bench-data.json`, { waitUntil: 'load' });
      await waitReady(page, null, 180000);
      s.ready.push(Date.now() - t0);
      const loads = await page.evaluate(async () => {
        const bytes = new Uint8Array(await (await fetch('testdata/bench-data.json')).arrayBuffer());
        const M = window.Module, out = [];
        for (let i = 0; i < 3; i++) {
          const name = M._malloc(2); M.HEAPU8[name] = 120; M.HEAPU8[name + 1] = 0;
          const p = M._malloc(bytes.length); M.HEAPU8.set(bytes, p);
          const t = performance.now();
          const ok = M._ca_load_dataset(name, p, bytes.length);
          out.push(ok ? performance.now() - t : -1);
          M._free(p); M._free(name);
        }
        return out;
      });
      s.load.push(...loads);
      await page.evaluate(() => window.chipatlas.setState({ playing: true, speed: 16 }));
      await new Promise((res) => setTimeout(res, 3000));
      const st = await page.evaluate(() => window.chipatlas.getState());
      s.frame.push(st.frameMs);
      await context.close();
    }
  }
  for (const s of sites) {
    process.stdout.write(JSON.stringify({ site: s.dir, data, rounds, readyMsMedian: median(s.ready), readyMs: s.ready,
      loaderMsMedian: median(s.load), loaderMs: s.load.map((x) => Math.round(x)), frameMsMedian: median(s.frame) }) + '\n');
  }
} finally {
  for (const s of sites) await s.server.close();
  await h.close();
}
