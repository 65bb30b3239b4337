// Web against native, same work (issue 17): native `chipatlas --bench` (under xvfb-run) and the
// web build's ?bench=1 (headless Chromium, SwiftShader WebGL2) run the same frames (same dataset,
// size, frame count, playback) and report the same JSON fields; prints both lines and, per
// dataset, both medians and their ratio. Not a test: it prints figures and pass/fails nothing.
// Usage: node tools/bench/web_vs_native.mjs [--size 1280x800] [--frames 300] [--sizes 10000]
//          [--build NAME=NATIVE_BINARY,WEB_SITE_DIR]... [--rounds 1]
//   Datasets: the bundled one, then tools/bench/gen_synthetic.py N (N organisations, 10N
//   collaborations; build/bench/synthetic_N.json, made when missing) for each N in --sizes.
//   --build: builds to compare (e.g. before=/tmp/old/chipatlas,/tmp/old/dist); they run
//   interleaved, round by round (order reversed on odd rounds), and the medians are over rounds.
// Env (without --build): CHIPATLAS_NATIVE (default build/native/chipatlas), CHIPATLAS_WEB_DIR (default dist).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness, startServer, ROOT, TESTDATA_OUT } from '../../tests/browser/harness.mjs';

const { values: opt } = parseArgs({
  options: { size: { type: 'string', default: '1280x800' }, frames: { type: 'string', default: '300' },
    sizes: { type: 'string', default: '10000' }, build: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '1' } },
});
const [width, height] = opt.size.split('x').map(Number);
const frames = Number(opt.frames);
const rounds = Number(opt.rounds);
if (!(width > 0 && height > 0 && frames >= 10 && rounds >= 1)) throw new Error('--size WxH, --frames N (N >= 10), --rounds N (N >= 1) expected');
const builds = opt.build.length
  ? opt.build.map((v) => {
    const m = /^([^=]+)=([^,]+),(.+)$/.exec(v);
    if (!m) throw new Error('--build NAME=NATIVE_BINARY,WEB_SITE_DIR expected');
    return { name: m[1], native: resolve(m[2]), web: resolve(m[3]) };
  })
  : [{ name: '', native: process.env.CHIPATLAS_NATIVE || join(ROOT, 'build', 'native', 'chipatlas'), web: null }];
for (const b of builds) {
  if (!existsSync(b.native)) throw new Error(`no native build at ${b.native} (cmake --preset native && cmake --build --preset native)`);
}

const datasets = [{ name: 'bundled', file: null }];
for (const n of opt.sizes.split(',').filter(Boolean)) {
  const dir = join(ROOT, 'build', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `synthetic_${n}.json`);
  if (!existsSync(file)) execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), n, file], { stdio: 'inherit' });
  datasets.push({ name: `synthetic ${n}`, file });
}

function nativeBench(native, file) {
  const args = ['-a', '-s', `-screen 0 ${width}x${height}x24`, native, '--bench', '--size', `${width}x${height}`,
    '--frames', String(frames)];
  if (file) args.push('--data', file);
  const out = execFileSync('xvfb-run', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop());
}

async function webBench(h, origin, file) {
  let query = `bench=1&frames=${frames}`;
  if (file) {
    copyFileSync(file, join(TESTDATA_OUT, 'bench-data.json'));
    query += '&data=testdata/bench-data.json';
  }
  const context = await h.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/index.html?${query}`, { waitUntil: 'load', timeout: 300000 });
    await page.waitForFunction(() => document.documentElement.dataset.bench === 'done', null,
      { timeout: 300000, polling: 500 });
    return await page.evaluate(() => window.chipatlas.bench);
  } finally {
    await context.close();
  }
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const h = await startHarness();
for (const b of builds) b.origin = b.web ? (b.server = await startServer({ dir: b.web })).origin : h.origin;
const rows = [];
try {
  for (const d of datasets) {
    const runs = builds.map(() => []);
    for (let r = 0; r < rounds; r++) {
      const order = builds.map((b, i) => i);
      if (r % 2) order.reverse();
      for (const i of order) {
        const b = builds[i];
        const n = nativeBench(b.native, d.file);
        const w = await webBench(h, b.origin, d.file);
        console.log(`# ${d.name}${b.name ? ' ' + b.name : ''}\nnative ${JSON.stringify(n)}\nweb    ${JSON.stringify(w)}`);
        runs[i].push({ n, w });
      }
    }
    builds.forEach((b, i) => rows.push({ d, b, runs: runs[i] }));
  }
} finally {
  for (const b of builds) if (b.server) await b.server.close();
  await h.close();
}
console.log(`\nCPU frame, median ms (${width}x${height}, ${frames} frames, playing; GPU work out of the figure;` +
  ` median over ${rounds} round(s))`);
console.log('dataset'.padEnd(18) + 'build'.padEnd(10) + 'orgs'.padStart(7) + 'native'.padStart(9) + 'web'.padStart(9) +
  'ratio'.padStart(8) + '   p95 native/web   vertices native/web   web map ms');
for (const { d, b, runs } of rows) {
  const nm = median(runs.map((x) => x.n.frame_ms_median)), wm = median(runs.map((x) => x.w.frame_ms_median));
  const np = median(runs.map((x) => x.n.frame_ms_p95)), wp = median(runs.map((x) => x.w.frame_ms_p95));
  const { n, w } = runs[0];
  console.log(d.name.padEnd(18) + b.name.padEnd(10) + String(n.organisations).padStart(7) + nm.toFixed(3).padStart(9) +
    wm.toFixed(3).padStart(9) + (wm / nm).toFixed(2).padStart(7) + 'x' +
    `   ${np.toFixed(2)}/${wp.toFixed(2)}   ${n.vertices_avg}/${w.vertices_avg}   ${median(runs.map((x) => x.w.map_ms_median)).toFixed(2)}` +
    (rounds > 1 ? `   native [${runs.map((x) => x.n.frame_ms_median).join(', ')}] web [${runs.map((x) => x.w.frame_ms_median).join(', ')}]` : ''));
}
