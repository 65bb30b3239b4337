// Runtime datasets against the bundled one (issue 17; not a test): for each site, the first frame
// of the bundled data (index.html) and of DATA.json through ?data=, in fresh browser contexts,
// interleaved round by round (site order reversed on odd rounds), and their ratio per site.
//   node tools/bench/data_ready.mjs [--rounds 5] [--data FILE] [--site NAME=DIR]... [--phases] [--gzip]
// --gzip: also ?data= of the same file compressed with gzip -6 (web/js/gzip.js decompresses it),
// served as it is (no Content-Encoding), in the same rounds. --throttle MBPS: every load through
// Chromium's network emulation at MBPS megabits a second down (and 20 ms latency), a visitor's
// network rather than this machine's loopback.
// --data: default build/bench/synthetic_10000.json (tools/bench/gen_synthetic.py 10000 FILE).
// --site: a site folder (default chipatlas=dist); several are interleaved in the same run.
// "First frame" is the page's performance.mark('ca:first-frame') (src/app/app.cpp): the end of
// the first frame drawn with data, with ?data= the link's dataset (loaded before that frame).
// Also printed: the wasm's memory then (Module.HEAPU8.length; it never shrinks: the load's peak).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness, startServer, addDoneSignal, doneSignal, ROOT, TESTDATA_OUT } from '../../tests/browser/harness.mjs';

const { values: opt } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, data: { type: 'string', default: join(ROOT, 'build', 'bench', 'synthetic_10000.json') },
    site: { type: 'string', multiple: true, default: [] }, phases: { type: 'boolean', default: false },
    gzip: { type: 'boolean', default: false }, throttle: { type: 'string', default: '' } },
});
const rounds = Number(opt.rounds);
if (!(rounds >= 1) || !existsSync(opt.data)) throw new Error('--rounds N (N >= 1) and an existing --data FILE expected');
const sites = (opt.site.length ? opt.site : ['chipatlas=dist']).map((v) => {
  const eq = v.indexOf('=');
  return eq > 0 ? { name: v.slice(0, eq), dir: resolve(v.slice(eq + 1)) } : { name: v, dir: resolve(v) };
});
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : null; };

copyFileSync(opt.data, join(TESTDATA_OUT, 'bench-data.json'));  // served as testdata/ beside each site
if (opt.gzip) writeFileSync(join(TESTDATA_OUT, 'bench-data.json.gz'), gzipSync(readFileSync(opt.data), { level: 6 }));
const KINDS = [['bundled', ''], ['data', '?data=testdata/bench-data.json']].concat(opt.gzip ? [['gz', '?data=testdata/bench-data.json.gz']] : []);
const h = await startHarness();
for (const s of sites) Object.assign(s, { server: await startServer({ dir: s.dir }), bundled: [], data: [], gz: [], marks: {}, heap: { bundled: [], data: [], gz: [] } });

// Milliseconds from navigation to the end of the first frame drawn with data.
async function firstFrame(s, kind, query) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    await addDoneSignal(context, String(() => (document.documentElement.dataset.ready === '1' &&
      performance.getEntriesByName('ca:first-frame').length > 0) || document.documentElement.dataset.error === '1'));
    const page = await context.newPage();
    if (opt.throttle) {
      const cdp = await context.newCDPSession(page);
      const bytesPerSecond = Number(opt.throttle) * 1e6 / 8;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    }
    const done = doneSignal(page, 300000, s.name);
    await page.goto(`${s.server.origin}/index.html${query}`, { waitUntil: 'load' });
    await done;  // not waitForFunction: Playwright's own script would run in the page as it loads
    const error = await page.evaluate(() => document.documentElement.dataset.error === '1' &&
      (document.getElementById('error') ? document.getElementById('error').innerText : '(no error panel)'));
    if (error) throw new Error(`${s.name}: the page showed a fatal error instead of starting: ${error}`);
    const marks = await page.evaluate(() => {
      const m = {};
      for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('ca:') && !(e.name in m)) m[e.name] = e.startTime;
      // The wasm's memory once the first frame is drawn (it never shrinks: the load's peak).
      m.heapBytes = window.Module && Module.HEAPU8 ? Module.HEAPU8.length : null;
      return m;
    });
    s.heap[kind].push(marks.heapBytes);
    delete marks.heapBytes;
    (s.marks[kind] ||= []).push(marks);
    return Math.round(marks['ca:first-frame']);
  } finally {
    await context.close();
  }
}

try {
  for (let r = 0; r < rounds; r++) {
    for (const s of (r % 2 ? [...sites].reverse() : sites)) {
      for (const [kind, query] of KINDS) s[kind].push(await firstFrame(s, kind, query));
    }
  }
} finally {
  for (const s of sites) await s.server.close();
  await h.close();
}
console.log(`first frame, ms since navigation (median of ${rounds}; ?data= ${opt.data}${opt.throttle ? `; network ${opt.throttle} Mbit/s, 20 ms` : ''})`);
for (const s of sites) {
  const b = median(s.bundled), d = median(s.data);
  console.log(`${s.name.padEnd(12)} bundled ${String(b).padStart(6)}  ?data= ${String(d).padStart(6)}  ratio ${(d / b).toFixed(2)}` +
    `   bundled [${s.bundled.join(', ')}]  ?data= [${s.data.join(', ')}]`);
  if (opt.gzip) {
    const g = median(s.gz);
    console.log(`${s.name.padEnd(12)} ?data= .json.gz ${String(g).padStart(6)}  ratio ${(g / b).toFixed(2)}  (against ?data= ${(g / d).toFixed(2)})   [${s.gz.join(', ')}]`);
  }
}
const mb = (a) => { const m = median(a.filter((x) => typeof x === 'number')); return m === null ? '?' : (m / 1048576).toFixed(1); };
for (const s of sites) console.log(`${s.name.padEnd(12)} wasm memory after the first frame (median MB): bundled ${mb(s.heap.bundled)}  ?data= ${mb(s.heap.data)}` +
  (opt.gzip ? `  .json.gz ${mb(s.heap.gz)}` : ''));
// The phases (--phases): each ca:* mark's median time since navigation, per site and kind of load,
// in the order they came (the ?data= load's own: ca:data-fetch … ca:data-model, then ca:fonts).
if (opt.phases) {
  for (const s of sites) {
    for (const kind of KINDS.map((k) => k[0])) {
      const runs = s.marks[kind] || [];
      const names = [...new Set(runs.flatMap((m) => Object.keys(m)))];
      const rows = names.map((n) => [n, median(runs.map((m) => m[n]).filter((x) => typeof x === 'number'))]).sort((a, b) => a[1] - b[1]);
      console.log(`${s.name} ${{ bundled: 'bundled', data: '?data=', gz: '?data= .json.gz' }[kind]} phases (median ms since navigation):`);
      let prev = 0;
      for (const [n, t] of rows) {
        console.log(`  ${n.padEnd(20)} ${String(Math.round(t)).padStart(6)}  (+${Math.round(t - prev)})`);
        prev = t;
      }
    }
    // The ?data= load's steps, each run's own (the medians above mix runs): min and median over runs.
    const steps = [['download', 'ca:data-fetch', 'ca:data-fetched'], ['copy', 'ca:data-fetched', 'ca:data-copied'],
      ['parse', 'ca:data-copied', 'ca:data-parsed'], ['walk', 'ca:data-parsed', 'ca:data-walked'],
      ['finalise', 'ca:data-walked', 'ca:data-loaded'], ['fonts', 'ca:data-model', 'ca:fonts'],
      ['first frame', 'ca:fonts', 'ca:first-frame'], ['after the data', 'ca:data-fetched', 'ca:first-frame']];
    for (const kind of ['data', 'gz']) {
      const runs = s.marks[kind] || [];
      const line = steps.map(([name, a, b]) => {
        const d = runs.map((m) => m[b] - m[a]).filter((x) => Number.isFinite(x));
        return d.length ? `${name} ${Math.round(Math.min(...d))}/${Math.round(median(d))}` : null;
      }).filter(Boolean);
      if (line.length) console.log(`${s.name} ?data= ${kind === 'gz' ? '.json.gz ' : ''}steps, min/median ms over runs: ${line.join(', ')}`);
    }
  }
}
