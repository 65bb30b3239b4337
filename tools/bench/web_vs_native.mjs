// Web against native, same work (issue 17): native `chipatlas --bench` (under xvfb-run) and the
// web build's ?bench=1 (headless Chromium, SwiftShader WebGL2) run the same frames (same dataset,
// size, frame count, playback) and report the same JSON fields; prints both lines and, per
// dataset, both medians and their ratio. Not a test: it prints figures and pass/fails nothing.
// Usage: node tools/bench/web_vs_native.mjs [--size 1280x800] [--frames 300] [--sizes 10000]
//   Datasets: the bundled one, then tools/bench/gen_synthetic.py N (N organisations, 10N
//   collaborations; build/bench/synthetic_N.json, made when missing) for each N in --sizes.
// Env: CHIPATLAS_NATIVE (default build/native/chipatlas), CHIPATLAS_WEB_DIR (default dist).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness, ROOT, TESTDATA_OUT } from '../../tests/browser/harness.mjs';

const { values: opt } = parseArgs({
  options: { size: { type: 'string', default: '1280x800' }, frames: { type: 'string', default: '300' },
    sizes: { type: 'string', default: '10000' } },
});
const [width, height] = opt.size.split('x').map(Number);
const frames = Number(opt.frames);
if (!(width > 0 && height > 0 && frames >= 10)) throw new Error('--size WxH and --frames N (N >= 10) expected');
const native = process.env.CHIPATLAS_NATIVE || join(ROOT, 'build', 'native', 'chipatlas');
if (!existsSync(native)) throw new Error(`no native build at ${native} (cmake --preset native && cmake --build --preset native)`);

const datasets = [{ name: 'bundled', file: null }];
for (const n of opt.sizes.split(',').filter(Boolean)) {
  const dir = join(ROOT, 'build', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `synthetic_${n}.json`);
  if (!existsSync(file)) execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), n, file], { stdio: 'inherit' });
  datasets.push({ name: `synthetic ${n}`, file });
}

function nativeBench(file) {
  const args = ['-a', '-s', `-screen 0 ${width}x${height}x24`, native, '--bench', '--size', `${width}x${height}`,
    '--frames', String(frames)];
  if (file) args.push('--data', file);
  const out = execFileSync('xvfb-run', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop());
}

async function webBench(h, file) {
  let query = `bench=1&frames=${frames}`;
  if (file) {
    copyFileSync(file, join(TESTDATA_OUT, 'bench-data.json'));
    query += '&data=testdata/bench-data.json';
  }
  const context = await h.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`${h.origin}/index.html?${query}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.bench === 'done', null,
      { timeout: 300000, polling: 500 });
    return await page.evaluate(() => window.chipatlas.bench);
  } finally {
    await context.close();
  }
}

const h = await startHarness();
const rows = [];
try {
  for (const d of datasets) {
    const n = nativeBench(d.file);
    const w = await webBench(h, d.file);
    console.log(`# ${d.name}\nnative ${JSON.stringify(n)}\nweb    ${JSON.stringify(w)}`);
    rows.push({ d, n, w });
  }
} finally {
  await h.close();
}
console.log(`\nCPU frame, median ms (${width}x${height}, ${frames} frames, playing; GPU work out of the figure)`);
console.log('dataset'.padEnd(18) + 'orgs'.padStart(7) + 'native'.padStart(9) + 'web'.padStart(9) + 'ratio'.padStart(8) +
  '   p95 native/web   vertices native/web');
for (const { d, n, w } of rows) {
  console.log(d.name.padEnd(18) + String(n.organisations).padStart(7) + n.frame_ms_median.toFixed(3).padStart(9) +
    w.frame_ms_median.toFixed(3).padStart(9) + (w.frame_ms_median / n.frame_ms_median).toFixed(2).padStart(7) + 'x' +
    `   ${n.frame_ms_p95.toFixed(2)}/${w.frame_ms_p95.toFixed(2)}   ${n.vertices_avg}/${w.vertices_avg}`);
}
