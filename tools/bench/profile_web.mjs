// Where the wasm's time goes (issue 17): a CPU profile of playback in headless Chromium through
// CDP (Profiler.start/stop), self time summed by function name, top functions and shares by part
// (ImGui's vertex generation, the rest of ImGui, the scene, allocation, GL/JS glue). Needs the
// profiling build, whose wasm keeps function names:
//   cmake --preset web-profile && cmake --build --preset web-profile
//   node tools/bench/profile_web.mjs [--data FILE] [--seconds 6] [--size 1280x800] [--top 30]
// Env: CHIPATLAS_WEB_DIR (default build/web-profile/dist). Prints figures; pass/fails nothing.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: { data: { type: 'string' }, seconds: { type: 'string', default: '6' },
    size: { type: 'string', default: '1280x800' }, top: { type: 'string', default: '30' } },
});
process.env.CHIPATLAS_WEB_DIR ||= 'build/web-profile/dist';
const { startHarness, waitReady, TESTDATA_OUT } = await import('../../tests/browser/harness.mjs');
const [width, height] = opt.size.split('x').map(Number);

// The part a function belongs to, by its name (wasm names are demangled C++ with --profiling-funcs).
function part(name) {
  if (/^(\(idle\)|\(program\)|\(garbage collector\))$/.test(name)) return name;
  if (/malloc|free|emmalloc|operator new|operator delete|sbrk|memcpy|memset|memmove/.test(name)) return 'allocation, memcpy/memset';
  if (/ImDrawList|ImFont|ImTriangulator|PathStroke|AddPolyline|AddConvexPolyFilled|PrimReserve|PrimRect|AddText|RenderText|CalcTextSize/.test(name)) return 'ImGui vertex generation (ImDrawList, text)';
  if (/^Im|ImGui/.test(name)) return 'ImGui (other)';
  if (/^ca::|^ca_/.test(name)) return 'chipatlas (scene, model, ui)';
  if (/^_?gl|^emscripten|^_emscripten|^\$/.test(name)) return 'GL / Emscripten glue';
  if (/^wasm-function\[/.test(name)) return 'unnamed wasm (not the profiling build?)';
  return 'other JS / native';
}

const h = await startHarness();
try {
  let query = '';
  if (opt.data) { copyFileSync(opt.data, join(TESTDATA_OUT, 'profile-data.json')); query = '?data=testdata/profile-data.json'; }
  const context = await h.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${h.origin}/index.html${query}`, { waitUntil: 'load' });
  await waitReady(page, null, 300000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => window.chipatlas.setState({ playing: true, speed: 16 }));
  await new Promise((r) => setTimeout(r, 1000));  // past the first frames
  await cdp.send('Profiler.start');
  await new Promise((r) => setTimeout(r, Number(opt.seconds) * 1000));
  const { profile } = await cdp.send('Profiler.stop');
  const state = await page.evaluate(() => window.chipatlas.getState().catch(() => null));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const byPart = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) || 0) + dt);
    byPart.set(part(name), (byPart.get(part(name)) || 0) + dt);
    total += dt;
  });
  const busy = total - (byPart.get('(idle)') || 0);
  const pct = (ms, of) => (100 * ms / of).toFixed(1).padStart(5) + '%';
  console.log(`profile: ${opt.data || 'bundled data'}, ${width}x${height}, playing x16, ${(total / 1000).toFixed(1)} s sampled, ` +
    `${(busy / 1000).toFixed(1)} s not idle; frameMs (median of the last 120) ${state && state.frameMs}`);
  console.log('\nby part (share of the time not idle):');
  for (const [p, ms] of [...byPart].sort((a, b) => b[1] - a[1])) if (p !== '(idle)') console.log(`${pct(ms, busy)}  ${p}`);
  console.log(`\ntop ${opt.top} functions by self time (share of the time not idle):`);
  for (const [name, ms] of [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(opt.top)))
    console.log(`${pct(ms, busy)}  ${ms.toFixed(0).padStart(6)} ms  ${name.slice(0, 110)}`);
  await context.close();
} finally {
  await h.close();
}
