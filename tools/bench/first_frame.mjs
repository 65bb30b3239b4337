// First-frame benchmark (issue 15; not a test): chipatlas against the bare Dear ImGui 1.86 demo,
// both served by tools/serve.py, loaded interleaved in Debian's Chromium; prints the medians.
//   node tools/bench/first_frame.mjs [--rounds 5] [--site NAME=DIR]... [--demo DIR] [--gap 1000] [--json]
// --site: a chipatlas site folder (default chipatlas=dist); several are interleaved with the
// demo in the same run (e.g. before=/tmp/old-dist after=dist). --demo: default
// ../shared/bench/imgui-1.86-demo (beside the checkout), or $CHIPATLAS_DEMO_DIR.
//
// Every load is a fresh browser context (empty HTTP and code caches) at 1280x800, one page
// after another, each round in another order (every order in turn: orders() below), with --gap
// milliseconds of quiet after each page is closed (default 1000). Both kinds of
// page are served by the same serve.py with the same headers, except that the demo's page,
// which has an inline script, gets no Content-Security-Policy.
//
// "First frame" is the time from navigation start (performance.timeOrigin) until the end of the
// first animation frame in which the program drew with its data:
// - chipatlas: the page's performance.mark('ca:first-frame'), set at the end of the first
//   frame after the dataset is loaded (src/app/app.cpp, after_render);
// - the demo: an init script wraps requestAnimationFrame and notes the end of the first
//   callback that runs after Module.calledRun (Emscripten's main loop, demo window drawn).
// The same init script records that point for chipatlas too ("raf" in --json), as a check.
// "Shown" is when the browser has committed that frame to the screen: the end of the rendering
// update (the animation frame's callbacks, style, layout, paint and commit) that first follows it,
// the time a message posted from it arrives: for the demo, posted at the end of its first frame's
// callback (that update commits it); for chipatlas, whose first frame is drawn in the task that
// runs main, posted from the next animation frame's callback. A canvas is shown only after the
// task that drew it and the next update, so what the page does after drawing counts here.
// Phases are the page's ca:* marks (docs/benchmarks.md, "First frame"). Also printed: each
// site's paired ratio (the median over rounds of its load / the demo's in that round) and, as
// the issue measures five loads each, every block of five rounds' ratio of medians.
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startServer, loadPlaywright, addDoneSignal, doneSignal, CHROMIUM, LAUNCH_ARGS, ROOT } from '../../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
let rounds = 5, json = false, gapMs = 1000;
let demoDir = process.env.CHIPATLAS_DEMO_DIR || resolve(ROOT, '..', 'shared', 'bench', 'imgui-1.86-demo');
const sites = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--rounds') rounds = Number(argv[++i]);
  else if (a === '--demo') demoDir = resolve(argv[++i]);
  else if (a === '--json') json = true;
  else if (a === '--gap') gapMs = Number(argv[++i]);
  else if (a === '--site') {
    const v = argv[++i] || '';
    const eq = v.indexOf('=');
    sites.push(eq > 0 ? { name: v.slice(0, eq), dir: resolve(v.slice(eq + 1)) } : { name: v, dir: resolve(v) });
  } else {
    console.error('usage: node tools/bench/first_frame.mjs [--rounds N] [--site NAME=DIR]... [--demo DIR] [--gap MS] [--json]');
    process.exit(2);
  }
}
if (!sites.length) sites.push({ name: 'chipatlas', dir: join(ROOT, 'dist') });
if (!(rounds >= 1)) { console.error('--rounds must be a positive number'); process.exit(2); }
if (!(gapMs >= 0)) { console.error('--gap must be a number of milliseconds'); process.exit(2); }
for (const d of [demoDir, ...sites.map((s) => s.dir)]) {
  if (!existsSync(join(d, 'index.html'))) { console.error(`no index.html in ${d}`); process.exit(2); }
}

const PHASES = ['ca:context', 'ca:warm', 'ca:boot', 'ca:chrome', 'ca:webgl', 'ca:runtime', 'ca:fetch', 'ca:compile', 'ca:instantiate', 'ca:main', 'ca:basemap', 'ca:data', 'ca:gl-sdl', 'ca:gl-window', 'ca:gl-context', 'ca:gl', 'ca:fonts', 'ca:frame-atlas', 'ca:frame-ui', 'ca:frame-shaders', 'ca:frame-gl', 'ca:first-frame'];
const median = (a) => {
  const s = a.filter((x) => typeof x === 'number').sort((x, y) => x - y);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const SETTLE_MS = 500;  // after a load, before its context is closed (loadOnce)
// The orders the pages load in, round after round: every order of them in turn (for up to four
// pages; more alternate forward and reversed), so that each page comes first, in the middle and
// last, and after each other page, equally often over a multiple of their count's factorial of
// rounds (with demo, start and end: 6). In a fixed order the page loaded last in a round came out
// ahead, whichever it was (docs/benchmarks.md, "Session 28").
function orders(list) {
  if (list.length > 4) return [list, [...list].reverse()];
  if (list.length <= 1) return [list];
  return list.flatMap((x, i) => orders(list.filter((_, j) => j !== i)).map((rest) => [x, ...rest]));
}
// A 95 % interval for the median of `xs` (bootstrap: 4000 resamples of the rounds, a fixed seed,
// so a run's figures print the same from its samples): whether a paired ratio under or over 1 is
// more than the run's noise.
function medianInterval(xs) {
  let seed = 0x9e3779b9;
  const rand = () => {  // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const meds = [];
  for (let k = 0; k < 4000; k++) meds.push(median(xs.map(() => xs[Math.floor(rand() * xs.length)])));
  meds.sort((a, b) => a - b);
  return [meds[Math.floor(0.025 * meds.length)], meds[Math.ceil(0.975 * meds.length) - 1]];
}
const r0 = (x) => (x === null || x === undefined ? null : Math.round(x));

// Runs in every page before its scripts: notes the end of the first animation-frame callback
// that runs once Emscripten's runtime has started (Module.calledRun).
// It also times every canvas getContext call (creating a WebGL context is slow on software GL).
const HOOK = () => {
  window.__benchContexts = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const t = performance.now();
    const c = getContext.call(this, type, ...rest);
    window.__benchContexts.push({ type, at: Math.round(t), ms: Math.round(performance.now() - t) });
    return c;
  };
  const raf = window.requestAnimationFrame.bind(window);
  // The end of the current rendering update: a message posted now arrives after it.
  const noteShown = () => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { if (window.__benchShown === undefined) window.__benchShown = performance.now(); };
    ch.port2.postMessage(0);
  };
  window.requestAnimationFrame = function (cb) {
    return raf(function (t) {
      const r = cb(t);
      if (window.__benchFirstFrame === undefined && window.Module && window.Module.calledRun) {
        window.__benchFirstFrame = performance.now();
        if (!window.__benchMarked) noteShown();  // the demo: this update commits its first frame
      }
      return r;
    });
  };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, ...rest) {
    const r = mark(name, ...rest);
    if (name === 'ca:first-frame' && !window.__benchMarked) {
      window.__benchMarked = true;
      raf(noteShown);  // chipatlas: drawn in a task; the next update commits it
    }
    return r;
  };
};

const SITE_DONE = String(() => (document.documentElement.dataset.ready === '1' && window.__benchShown !== undefined) ||
  document.documentElement.dataset.error === '1');
const DEMO_DONE = String(() => window.__benchFirstFrame !== undefined && window.__benchShown !== undefined);

const { chromium } = await loadPlaywright();
if (!existsSync(CHROMIUM)) { console.error(`no browser at ${CHROMIUM}`); process.exit(2); }
const runs = [{ name: 'imgui-demo', dir: demoDir, demo: true }, ...sites];
for (const r of runs) {
  r.server = await startServer({ dir: r.dir, csp: r.demo ? '' : undefined });
  r.samples = [];
}
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });

async function loadOnce(r) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(HOOK);
    // The load is measured once the first frame is shown (and, for chipatlas, "ready" has come: its
    // html[data-ready] is set from that event, sent after the first frame), or the page failed.
    // Not with waitForFunction, which ran Playwright's own script in the page while it loaded.
    await addDoneSignal(context, r.demo ? DEMO_DONE : SITE_DONE);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const done = doneSignal(page, 120000, `${r.name}: no first frame`);
    await page.goto(`${r.server.origin}/index.html`, { waitUntil: 'commit', timeout: 60000 });
    await done;
    const got = await page.evaluate(() => {
      const marks = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('ca:') && !(m.name in marks)) marks[m.name] = m.startTime;
      const res = performance.getEntriesByType('resource').map((e) => ({
        name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
      return { marks, raf: window.__benchFirstFrame, shown: window.__benchShown, res, contexts: window.__benchContexts,
        error: document.documentElement.dataset.error === '1' };
    });
    if (got.error || errors.length) throw new Error(`${r.name}: the page failed: ${errors.join('; ')}`);
    got.firstFrame = got.marks['ca:first-frame'] ?? got.raf;  // a build without the marks: the hook
    // The page's work after its first frame (the next frames, the chrome) is left to finish before
    // it is closed: closed at once, its GPU work still queued slowed the next load's getContext
    // (the shared GPU process), and a page that shows its first frame sooner did more of it later.
    await page.waitForTimeout(SETTLE_MS);
    return got;
  } finally {
    await context.close();
    // Then the browser is left alone a while, so that the next load starts on a GPU process that
    // has done the last page's work: the demo draws a frame every animation frame until it is
    // closed, chipatlas only when something changes (--gap; docs/benchmarks.md, "Session 28":
    // with a gap, the ratio to the demo came out lower).
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
}

try {
  // A load not counted first: the browser's first page (its GPU process's own start) took
  // twice as long as any other, and would always have been the demo's.
  await loadOnce(runs[runs.length - 1]);
  const perms = orders(runs);
  for (let i = 0; i < rounds; i++) {
    for (const r of perms[i % perms.length]) r.samples.push(await loadOnce(r));
  }
  const demoMedian = median(runs[0].samples.map((s) => s.firstFrame));
  const demoShownMedian = median(runs[0].samples.map((s) => s.shown));
  const out = [];
  for (const r of runs) {
    const row = {
      name: r.name, dir: r.dir, rounds,
      firstFrameMsMedian: r0(median(r.samples.map((s) => s.firstFrame))),
      firstFrameMs: r.samples.map((s) => r0(s.firstFrame)),
      shownMsMedian: r0(median(r.samples.map((s) => s.shown))),
      shownMs: r.samples.map((s) => r0(s.shown)),
      rafMsMedian: r0(median(r.samples.map((s) => s.raf))),
      // getContext calls: their median duration, in call order
      getContextMsMedian: (r.samples[0].contexts || []).map((c, i) => `${c.type} ${r0(median(r.samples.map((s) => s.contexts[i] && s.contexts[i].ms)))} at ${r0(median(r.samples.map((s) => s.contexts[i] && s.contexts[i].at)))}`),
    };
    if (!r.demo) {
      row.ratio = Number((median(r.samples.map((s) => s.firstFrame)) / demoMedian).toFixed(2));
      row.shownRatio = Number((median(r.samples.map((s) => s.shown)) / demoShownMedian).toFixed(2));
      // Within each round (loads next to each other in time): the median of site / demo.
      const demoRounds = runs[0].samples;
      const paired = r.samples.map((s, i) => s.firstFrame / demoRounds[i].firstFrame);
      const pairedShown = r.samples.map((s, i) => s.shown / demoRounds[i].shown);
      row.pairedRatio = Number(median(paired).toFixed(3));
      row.pairedShownRatio = Number(median(pairedShown).toFixed(3));
      row.pairedInterval = medianInterval(paired).map((x) => Number(x.toFixed(3)));
      row.pairedShownInterval = medianInterval(pairedShown).map((x) => Number(x.toFixed(3)));
      // Rounds in which the site's frame came first (a sign test's count: at parity, half).
      row.roundsUnder = paired.filter((x) => x < 1).length;
      row.roundsShownUnder = pairedShown.filter((x) => x < 1).length;
      // The measure is five loads each: every block of five rounds in turn, its ratio of
      // medians, and how many blocks are at or under the demo.
      row.fiveLoadRatios = [];
      for (let i = 0; i + 5 <= rounds; i += 5) {
        const part = (x) => x.slice(i, i + 5).map((s) => s.firstFrame);
        row.fiveLoadRatios.push(Number((median(part(r.samples)) / median(part(demoRounds))).toFixed(2)));
      }
      row.phasesMsMedian = Object.fromEntries(PHASES.map((p) => [p, r0(median(r.samples.map((s) => s.marks[p])))]));
      // Each phase's own length, the median over loads of (its mark - the mark just before it in
      // time, whichever phase that is; at the same time, the one listed first): steadier than
      // differences of the medians above when loads vary. (In list order, `chrome`, built after the
      // first frame, was reported from `boot`.)
      row.phaseLengthsMsMedian = Object.fromEntries(PHASES.map((p, i) => [p, r0(median(r.samples.map((s) => {
        const at = s.marks[p];
        if (at === undefined) return null;
        const before = PHASES.filter((q, j) => j !== i && s.marks[q] !== undefined && (s.marks[q] < at || (s.marks[q] === at && j < i)))
          .map((q) => s.marks[q]);
        return before.length ? at - Math.max(...before) : at;
      })))]));
    }
    // The median start and end of each file's download (ms since navigation).
    const files = {};
    for (const s of r.samples) for (const e of s.res) (files[e.name] ||= { start: [], end: [] }).start.push(e.start), files[e.name].end.push(e.end);
    row.filesMsMedian = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [r0(median(v.start)), r0(median(v.end))]]));
    out.push(row);
  }
  if (json) {
    for (const row of out) process.stdout.write(JSON.stringify(row) + '\n');
  } else {
    console.log(`first frame, median of ${rounds} interleaved cold loads (ms since navigation):`);
    for (const row of out) {
      console.log(`  ${row.name.padEnd(12)} ${String(row.firstFrameMsMedian).padStart(6)}  [${row.firstFrameMs.join(', ')}]` +
        (row.ratio !== undefined ? `  ratio to the demo ${row.ratio.toFixed(2)}` : ''));
    }
    console.log(`first frame shown (the rendering update that commits it has ended), median, ms since navigation:`);
    for (const row of out) {
      console.log(`  ${row.name.padEnd(12)} ${String(row.shownMsMedian).padStart(6)}  [${row.shownMs.join(', ')}]` +
        (row.shownRatio !== undefined ? `  ratio to the demo ${row.shownRatio.toFixed(2)}` : ''));
    }
    for (const row of out.filter((x) => x.pairedRatio !== undefined)) {
      const blocks = row.fiveLoadRatios;
      console.log(`  ${row.name}: paired (median of each round's ratio) ${row.pairedRatio.toFixed(3)} ` +
        `(95 % interval ${row.pairedInterval.join('-')}; under the demo in ${row.roundsUnder} of ${rounds} rounds), ` +
        `shown ${row.pairedShownRatio.toFixed(3)} (${row.pairedShownInterval.join('-')}; ${row.roundsShownUnder} of ${rounds})` +
        (blocks.length ? `; five-load blocks at or under the demo: ${blocks.filter((x) => x <= 1).length} of ${blocks.length} [${blocks.join(', ')}]` : ''));
    }
    for (const row of out.filter((x) => x.phasesMsMedian)) {
      console.log(`  ${row.name} phases: ` + PHASES.map((p) => `${p.slice(3)} ${row.phasesMsMedian[p] ?? '-'}`).join(', '));
      console.log(`  ${row.name} phase lengths (median of each load's): ` +
        PHASES.map((p) => `${p.slice(3)} ${row.phaseLengthsMsMedian[p] ?? '-'}`).join(', '));
      console.log(`  ${row.name} getContext (ms): ${row.getContextMsMedian.join(', ')}`);
      console.log(`  ${row.name} files (start-end): ` +
        Object.entries(row.filesMsMedian)
          .map(([k, v]) => `${k.replace(/^\//, '')} ${v[0]}-${v[1]}`).join(', '));
    }
  }
} finally {
  await browser.close().catch(() => {});
  for (const r of runs) await r.server.close();
}
