// Input readiness after the first frame (issue 15's first second; not a test): how long a visitor's
// first click or key may wait once the map is on the screen, as the main thread's long tasks.
//   node tools/bench/after_first_frame.mjs [--rounds 10] [--window 1500] [--site NAME=DIR]...
// Each load is a fresh browser context at 1280x800 (a first visit: the About card opens), sites
// interleaved (order reversed on odd rounds), served by tools/serve.py. For each site it prints
// the medians over loads of: the longest main-thread task that starts after `ca:first-frame` and
// within --window ms of it (an input arriving then waits for it to end), and the blocking time
// (the sum over those tasks of their length past 50 ms, as Lighthouse's total blocking time).
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { startServer, loadPlaywright, addDoneSignal, doneSignal, CHROMIUM, LAUNCH_ARGS, ROOT } from '../../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
let rounds = 10, windowMs = 1500;
const sites = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--rounds') rounds = Number(argv[++i]);
  else if (a === '--window') windowMs = Number(argv[++i]);
  else if (a === '--site') {
    const v = argv[++i] || '';
    const eq = v.indexOf('=');
    sites.push(eq > 0 ? { name: v.slice(0, eq), dir: v.slice(eq + 1) } : { name: v, dir: v });
  } else {
    console.error('usage: node tools/bench/after_first_frame.mjs [--rounds N] [--window MS] [--site NAME=DIR]...');
    process.exit(2);
  }
}
if (!sites.length) sites.push({ name: 'chipatlas', dir: join(ROOT, 'dist') });
if (!(rounds >= 1) || !(windowMs > 0)) { console.error('--rounds and --window must be positive numbers'); process.exit(2); }
for (const s of sites) if (!existsSync(join(s.dir, 'index.html'))) { console.error(`no index.html in ${s.dir}`); process.exit(2); }

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { chromium } = await loadPlaywright();
if (!existsSync(CHROMIUM)) { console.error(`no browser at ${CHROMIUM}`); process.exit(2); }
for (const s of sites) {
  s.server = await startServer({ dir: s.dir });
  s.longest = [];
  s.blocking = [];
  s.tasks = [];
}
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });

async function loadOnce(s) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    // Not waitForFunction: Playwright's own script would run in the page, in the window measured.
    await addDoneSignal(context, String(() => performance.getEntriesByName('ca:first-frame').length > 0 ||
      document.documentElement.dataset.error === '1'));
    const page = await context.newPage();
    const done = doneSignal(page, 120000, s.name);
    await page.goto(`${s.server.origin}/index.html`, { timeout: 60000 });
    await done;
    await page.waitForTimeout(windowMs + 300);
    const r = await page.evaluate(() => ({
      ff: (performance.getEntriesByName('ca:first-frame')[0] || {}).startTime, tasks: window.__longTasks,
      error: document.documentElement.dataset.error === '1' }));
    if (r.error || r.ff === undefined) throw new Error(`${s.name}: the page failed to start`);
    const after = r.tasks.filter(([at]) => at > r.ff && at < r.ff + windowMs);
    s.longest.push(Math.max(0, ...after.map((x) => x[1])));
    s.blocking.push(after.reduce((sum, x) => sum + Math.max(0, x[1] - 50), 0));
    s.tasks.push(after.length);
  } finally {
    await context.close();
  }
}

try {
  for (let i = 0; i < rounds; i++) {
    for (const s of i % 2 ? [...sites].reverse() : sites) await loadOnce(s);
  }
} finally {
  await browser.close();
  for (const s of sites) await s.server.close();
}
console.log(`After the first frame, ${windowMs} ms, medians of ${rounds} interleaved cold loads (ms):`);
for (const s of sites) {
  console.log(`  ${s.name.padEnd(14)} longest task ${Math.round(median(s.longest))}  blocking ${Math.round(median(s.blocking))}  ` +
    `long tasks ${median(s.tasks)}  longest per load [${s.longest.map(Math.round).join(', ')}]`);
}
