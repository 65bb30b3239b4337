// Where the wasm's time goes (issue 17): a CPU profile of playback in headless Chromium through
// CDP (Profiler.start/stop), self time summed by function name, top functions and shares by part
// (ImGui's vertex generation, the rest of ImGui, the scene, allocation, GL/JS glue). Needs the
// profiling build, whose wasm keeps function names:
//   cmake --preset web-profile && cmake --build --preset web-profile
//   node tools/bench/profile_web.mjs [--data FILE] [--seconds 6] [--size 1280x800] [--top 30]
//     [--speed 16] [--bench [--frames 300]]
// Without --bench: the page playing at --speed for --seconds. With --bench: the benchmark mode's
// frames (`?bench=1&frames=N`, the same frames as native `--bench`): the profiler runs from
// before the page loads, and only the samples inside the bench's call (`ca_bench`) count.
// Env: CHIPATLAS_WEB_DIR (default build/web-profile/dist). Prints figures; pass/fails nothing.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: { data: { type: 'string' }, seconds: { type: 'string', default: '6' },
    size: { type: 'string', default: '1280x800' }, top: { type: 'string', default: '30' },
    speed: { type: 'string', default: '16' }, bench: { type: 'boolean', default: false },
    frames: { type: 'string', default: '300' } },
});
process.env.CHIPATLAS_WEB_DIR ||= 'build/web-profile/dist';
const { startHarness, waitReady, TESTDATA_OUT } = await import('../../tests/browser/harness.mjs');
const [width, height] = opt.size.split('x').map(Number);

// The part a function belongs to, by its name (wasm names are demangled C++ with --profiling-funcs).
// In bench mode the wait for the GPU after each frame (readPixels, finish) is left out of the
// CPU figure, so it is set apart here too.
const GPU_WAIT = '(GPU wait: readPixels, finish; not in the CPU figure)';
function part(name) {
  if (/^(\(idle\)|\(program\)|\(garbage collector\))$/.test(name)) return name;
  if (opt.bench && /^_gl(ReadPixels|Finish)$/.test(name)) return GPU_WAIT;
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
  const params = [];
  if (opt.data) { copyFileSync(opt.data, join(TESTDATA_OUT, 'profile-data.json')); params.push('data=testdata/profile-data.json'); }
  if (opt.bench) params.push('bench=1', `frames=${Number(opt.frames)}`);
  const url = `${h.origin}/index.html${params.length ? '?' + params.join('&') : ''}`;
  const context = await h.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  let profile, state, bench = null;
  if (opt.bench) {
    // The bench runs right after `ready`: the profiler must already run. A page of the same
    // origin first, so that the navigation keeps the renderer (and its profiler).
    await page.goto(`${h.origin}/favicon.svg`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 300000 });
    await page.waitForFunction(() => document.documentElement.dataset.bench === 'done', null, { timeout: 300000, polling: 200 });
    ({ profile } = await cdp.send('Profiler.stop'));
    bench = await page.evaluate(() => window.chipatlas.bench);
  } else {
    await page.goto(url, { waitUntil: 'load' });
    await waitReady(page, null, 300000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.evaluate((speed) => window.chipatlas.setState({ playing: true, speed }), Number(opt.speed));
    await new Promise((r) => setTimeout(r, 1000));  // past the first frames
    await cdp.send('Profiler.start');
    await new Promise((r) => setTimeout(r, Number(opt.seconds) * 1000));
    ({ profile } = await cdp.send('Profiler.stop'));
    state = await page.evaluate(() => window.chipatlas.getState().catch(() => null));
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const byPart = new Map();
  let total = 0;
  // With --bench only the samples inside the bench's call (a node under `ca_bench`): its frames.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const inBench = new Map();
  const underBench = (id) => {
    if (inBench.has(id)) return inBench.get(id);
    const n = byId.get(id);
    const v = /ca_bench/.test(n.callFrame.functionName) || (parent.has(id) && underBench(parent.get(id)));
    inBench.set(id, v);
    return v;
  };
  profile.samples.forEach((id, i) => {
    if (opt.bench && !underBench(id)) return;
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) || 0) + dt);
    byPart.set(part(name), (byPart.get(part(name)) || 0) + dt);
    total += dt;
  });
  const gpuWait = byPart.get(GPU_WAIT) || 0;
  const busy = total - (byPart.get('(idle)') || 0) - gpuWait;
  const idle = (p) => p === '(idle)' || p === GPU_WAIT;
  const perFrame = (ms) => (opt.bench ? `  ${(ms / Number(opt.frames)).toFixed(3).padStart(6)} ms/frame` : '');
  const pct = (ms, of) => (100 * ms / of).toFixed(1).padStart(5) + '%';
  const what = opt.bench
    ? `bench mode, ${opt.frames} frames; bench frame_ms_median ${bench && bench.frame_ms_median}, map_ms_median ${bench && bench.map_ms_median}`
    : `playing x${opt.speed}; frameMs (median of the last 120) ${state && state.frameMs}`;
  console.log(`profile: ${opt.data || 'bundled data'}, ${width}x${height}, ${what}, ${(total / 1000).toFixed(1)} s sampled, ` +
    `${(busy / 1000).toFixed(1)} s not idle${opt.bench ? ` (${(gpuWait / 1000).toFixed(1)} s more waiting for the GPU)` : ''}`);
  console.log('\nby part (share of the time not idle):');
  for (const [p, ms] of [...byPart].sort((a, b) => b[1] - a[1])) if (!idle(p)) console.log(`${pct(ms, busy)}${perFrame(ms)}  ${p}`);
  console.log(`\ntop ${opt.top} functions by self time (share of the time not idle):`);
  for (const [name, ms] of [...self].filter(([n]) => !idle(part(n))).sort((a, b) => b[1] - a[1]).slice(0, Number(opt.top)))
    console.log(`${pct(ms, busy)}  ${ms.toFixed(0).padStart(6)} ms${perFrame(ms)}  ${name.slice(0, 110)}`);
  await context.close();
} finally {
  await h.close();
}
