// Shared helper for the real-browser tests (node --test tests/browser/) and bench.mjs.
//
// Starts tools/serve.py on a free port (and, on request, a second one: a "foreign" origin
// for host pages), launches Debian's Chromium through playwright-core with software WebGL,
// and records, per page: page errors, console errors/warnings, failed requests, requests to
// any host other than 127.0.0.1 and CSP violations. Everything is closed by close().
//
// The server serves the site (dist/) and, under /testdata/, the tests' datasets: first
// tests/browser/testdata/ (committed), then TESTDATA_OUT (build/testdata/, datasets the tests
// write, such as small.json); the site itself never holds them.
//
// Env: CHIPATLAS_WEB_DIR (default dist, the site the web build writes),
//      CHIPATLAS_CHROMIUM (default /usr/bin/chromium), CHIPATLAS_HEADED=1 to watch.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import assert from 'node:assert/strict';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIR = resolve(ROOT, process.env.CHIPATLAS_WEB_DIR || 'dist');
export const TESTDATA_DIR = join(ROOT, 'tests', 'browser', 'testdata');
export const TESTDATA_OUT = join(ROOT, 'build', 'testdata');
mkdirSync(TESTDATA_OUT, { recursive: true });
export const CHROMIUM = process.env.CHIPATLAS_CHROMIUM || '/usr/bin/chromium';
export const READY_TIMEOUT = Number(process.env.CHIPATLAS_READY_TIMEOUT || 60000);
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'";
export const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  // Chromium 14x+ blocks a page on 127.0.0.1:A from framing or fetching 127.0.0.1:B ("local
  // network access"): the tests' two servers stand for two public sites, so turn it off.
  '--disable-features=LocalNetworkAccessChecks',
  // CA_JSFLAGS: V8 flags for a measurement (e.g. --trace-wasm-compilation-times with
  // DEBUG=pw:browser to see them; docs/benchmarks.md, "Session 12"); never set by the tests.
  ...(process.env.CA_JSFLAGS ? ['--js-flags=' + process.env.CA_JSFLAGS] : []),
];

// Fails (never skips) when the web build is missing.
export function requireBuild() {
  const missing = ['chipatlas.wasm', 'chipatlas.js', 'index.html', 'js/boot.js', 'style.css']
    .filter((f) => !existsSync(join(WEB_DIR, f)));
  if (missing.length) {
    throw new Error(`chipatlas web build incomplete: ${missing.join(', ')} missing in ${WEB_DIR}. ` +
      'Build it with: cmake --preset web && cmake --build --preset web (or point CHIPATLAS_WEB_DIR at a build).');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM} (apt-get install chromium, or set CHIPATLAS_CHROMIUM)`);
}

export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new Error('playwright-core is not installed: run npm install (' + e.message + ')');
  }
}

// Starts tools/serve.py; resolves to { origin, port, served(), close() }.
export function startServer({ dir = WEB_DIR, csp = STRICT_CSP, quiet = true } = {}) {
  return new Promise((resolvePromise, reject) => {
    const args = [join(ROOT, 'tools', 'serve.py'), '--dir', dir, '--port', '0', '--host', '127.0.0.1', '--csp', csp,
      '--mount', `testdata=${TESTDATA_DIR}`, '--mount', `testdata=${TESTDATA_OUT}`];
    if (quiet) args.push('--quiet');
    const proc = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { proc.kill('SIGTERM'); reject(new Error('serve.py did not start: ' + err)); }, 15000);
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:(\d+))\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({
          origin: m[1],
          port: Number(m[2]),
          served: () => err,  // serve.py's request log (stderr), when started with quiet: false
          close: () => new Promise((r) => {
            if (proc.exitCode !== null) return r();
            proc.once('exit', () => r());
            proc.kill('SIGTERM');
            setTimeout(() => { if (proc.exitCode === null) proc.kill('SIGKILL'); }, 3000).unref();
          }),
        });
      }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}): ${err}`)); });
  });
}

const INIT_SCRIPT = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  });
};

// Per-page log of everything that should not happen (plus console text for diagnostics).
function attachLog(page) {
  const log = { pageErrors: [], consoleErrors: [], consoleWarnings: [], console: [], failedRequests: [], foreignRequests: [], cspViolations: [], requests: [] };
  page.on('pageerror', (e) => log.pageErrors.push(String(e && e.stack || e)));
  page.on('console', (m) => {
    const text = m.text();
    log.console.push(`[${m.type()}] ${text}`);
    if (m.type() === 'error') log.consoleErrors.push(text);
    if (m.type() === 'warning') log.consoleWarnings.push(text);
    if (/^CSP violation|Content Security Policy/i.test(text)) log.cspViolations.push(text);
  });
  page.on('request', (r) => {
    const u = r.url();
    log.requests.push(u);
    if (!/^https?:|^wss?:/.test(u)) return; // data:, blob:, about:
    const host = new URL(u).hostname;
    if (host !== '127.0.0.1') log.foreignRequests.push(u);
  });
  page.on('requestfailed', (r) => {
    const f = r.failure();
    const why = f && f.errorText || 'failed';
    if (why === 'net::ERR_ABORTED' && r.resourceType() === 'other') return; // a navigation cut short
    log.failedRequests.push(`${r.url()} (${why})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) log.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  return log;
}

export function describeLog(log) {
  const tail = log.console.slice(-25).join('\n    ');
  return `page errors: ${JSON.stringify(log.pageErrors)}\n  failed requests: ${JSON.stringify(log.failedRequests)}\n` +
    `  foreign requests: ${JSON.stringify(log.foreignRequests)}\n  CSP: ${JSON.stringify(log.cspViolations)}\n  console (last 25):\n    ${tail}`;
}

export function assertClean(log, what = 'page') {
  assert.deepEqual(log.pageErrors, [], `${what}: page errors\n  ${describeLog(log)}`);
  assert.deepEqual(log.failedRequests, [], `${what}: failed requests\n  ${describeLog(log)}`);
  assert.deepEqual(log.foreignRequests, [], `${what}: requests to hosts other than 127.0.0.1`);
  assert.deepEqual(log.cspViolations, [], `${what}: CSP violations\n  ${describeLog(log)}`);
}

// Waits for html[data-ready="1"] in page (or a frame); fails fast on the page's error panel.
export async function waitReady(target, log, timeout = READY_TIMEOUT) {
  try {
    await target.waitForFunction(() => {
      const d = document.documentElement.dataset;
      return d.ready === '1' || d.error === '1';
    }, null, { timeout, polling: 100 });
  } catch (e) {
    throw new Error(`html[data-ready="1"] not reached in ${timeout} ms\n  ${log ? describeLog(log) : ''}`);
  }
  const state = await target.evaluate(() => ({
    error: document.documentElement.dataset.error === '1',
    text: document.getElementById('error') ? document.getElementById('error').innerText : '',
  }));
  if (state.error) throw new Error(`the page showed a fatal error instead of starting: ${state.text}\n  ${log ? describeLog(log) : ''}`);
}

// For the benchmarks: waits for a condition in a loading page without running Playwright's own
// script there. waitForFunction first evaluates Playwright's injected script (~330 KB) in the page:
// a task of ~90 ms on its main thread while it loads (Chromium traces; docs/benchmarks.md,
// "Session 29"). Instead an init script (on every page of `context`) evaluates `condition` (a
// function's source) every 50 ms and, once it holds, logs DONE_SIGNAL, which doneSignal(page)
// waits for: register it before the navigation.
export const DONE_SIGNAL = 'chipatlas-bench:done';
export async function addDoneSignal(context, condition) {
  await context.addInitScript({ content: `(() => { const c = (${condition}); const t = setInterval(() => {
    let ok = false; try { ok = !!c(); } catch (e) { /* no document yet */ }
    if (ok) { clearInterval(t); console.debug(${JSON.stringify(DONE_SIGNAL)}); } }, 50); })();` });
}
export function doneSignal(page, timeout, what = 'the page') {
  const p = page.waitForEvent('console', { predicate: (m) => m.text() === DONE_SIGNAL, timeout })
    .catch((e) => { throw new Error(`${what}: not done in ${timeout} ms: ${e.message}`); });
  p.catch(() => {});  // awaited by the caller after its navigation; a failed navigation throws first
  return p;
}

// Harness: servers + browser. { origin, foreignOrigin?, browser, open(), close() }.
export async function startHarness({ foreign = false, foreignCsp } = {}) {
  requireBuild();
  const { chromium } = await loadPlaywright();
  const servers = [];
  const h = { servers };
  try {
    const main = await startServer();
    servers.push(main);
    h.origin = main.origin;
    if (foreign) {
      const csp = foreignCsp ?? `${STRICT_CSP}; frame-src 'self' ${main.origin}`;
      const second = await startServer({ csp });
      servers.push(second);
      h.foreignOrigin = second.origin;
    }
    h.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: process.env.CHIPATLAS_HEADED !== '1',
      args: LAUNCH_ARGS,
    });
  } catch (e) {
    await Promise.all(servers.map((s) => s.close()));
    throw e;
  }
  const contexts = new Set();
  // open(path, opts): a fresh context + page, logging attached; waits for ready unless told not to.
  h.open = async (path, { origin = h.origin, viewport = { width: 1024, height: 700 }, ready = true,
    colorScheme = 'light', reducedMotion, initScript, route, waitUntil = 'load', contextOptions = {} } = {}) => {
    const context = await h.browser.newContext({ viewport, colorScheme, reducedMotion, acceptDownloads: true, ...contextOptions });
    contexts.add(context);
    await context.addInitScript(INIT_SCRIPT);
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    const log = attachLog(page);
    if (route) await route(page);
    const url = /^https?:/.test(path) ? path : `${origin}/${path.replace(/^\//, '')}`;
    const response = await page.goto(url, { waitUntil, timeout: 30000 });
    if (ready) await waitReady(page, log);
    return { page, context, log, response, url };
  };
  h.close = async () => {
    for (const c of contexts) await c.close().catch(() => {});
    if (h.browser) await h.browser.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
  };
  return h;
}

// ------------------------------------------------------------------ PNG decoding (no deps)
export function decodePng(buf) {
  buf = Buffer.from(buf);
  const sig = '89504e470d0a1a0a';
  assert.equal(buf.subarray(0, 8).toString('hex'), sig, 'not a PNG (bad signature)');
  let pos = 8;
  let width = 0; let height = 0; let depth = 0; let ctype = 0; let interlace = 0;
  const idat = [];
  let sawEnd = false;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.subarray(pos + 4, pos + 8).toString('latin1');
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      depth = data[8]; ctype = data[9]; interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') { sawEnd = true; break; }
    pos += 12 + len;
  }
  assert.ok(sawEnd, 'PNG has no IEND chunk');
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[ctype];
  assert.ok(depth === 8 && channels && !interlace, `unsupported PNG (depth ${depth}, colour type ${ctype}, interlace ${interlace})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const o = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[o + x - channels] : 0;
      const b = y > 0 ? out[o - stride + x] : 0;
      const c = x >= channels && y > 0 ? out[o - stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c; const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[o + x] = v & 255;
    }
  }
  return { width, height, channels, data: out };
}

// Colour statistics of a rectangle of a decoded PNG (fractions of width/height).
export function colourStats(img, { x0 = 0, y0 = 0, x1 = 1, y1 = 1 } = {}) {
  const counts = new Map();
  const X0 = Math.floor(img.width * x0); const X1 = Math.ceil(img.width * x1);
  const Y0 = Math.floor(img.height * y0); const Y1 = Math.ceil(img.height * y1);
  let n = 0;
  for (let y = Y0; y < Y1; y++) {
    for (let x = X0; x < X1; x++) {
      const i = (y * img.width + x) * img.channels;
      const key = img.channels >= 3 ? (img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2] : img.data[i];
      counts.set(key, (counts.get(key) || 0) + 1);
      n++;
    }
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return { distinct: counts.size, dominant: n ? top / n : 1, pixels: n };
}

export function assertNotBlank(img, what) {
  const all = colourStats(img);
  const centre = colourStats(img, { x0: 0.25, y0: 0.25, x1: 0.75, y1: 0.75 });
  assert.ok(all.distinct >= 32, `${what}: only ${all.distinct} distinct colours: blank?`);
  assert.ok(all.dominant < 0.97, `${what}: one colour covers ${(all.dominant * 100).toFixed(1)}% of the image`);
  assert.ok(centre.distinct >= 8 && centre.dominant < 0.995,
    `${what}: the centre of the map is (nearly) one colour (${centre.distinct} colours, dominant ${(centre.dominant * 100).toFixed(1)}%): map not drawn?`);
  return { all, centre };
}

// Screenshot of the canvas alone (the DOM chrome hidden through CSSOM, which the CSP allows).
export async function canvasScreenshot(page) {
  await page.evaluate(() => {
    for (const id of ['chrome', 'toast', 'error']) {
      const el = document.getElementById(id);
      if (el) el.style.visibility = 'hidden';
    }
  });
  const png = await page.locator('#canvas').screenshot({ timeout: 30000 });
  await page.evaluate(() => {
    for (const id of ['chrome', 'toast', 'error']) {
      const el = document.getElementById(id);
      if (el) el.style.visibility = '';
    }
  });
  return decodePng(png);
}

export function readText(path) { return readFileSync(path, 'utf8'); }

// In-page helper: resolves with the next wasm/bridge event of that name (via window.chipatlas).
export function nextEvent(page, name, timeout = 20000) {
  return page.evaluate(([n, t]) => new Promise((res, rej) => {
    const timer = setTimeout(() => { window.chipatlas.off(n, fn); rej(new Error(`no ${n} event in ${t} ms`)); }, t);
    function fn(d) { clearTimeout(timer); window.chipatlas.off(n, fn); res(d); }
    window.chipatlas.on(n, fn);
  }), [name, timeout]);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Records every in-page API event into window.__events ({name, data, at}) from now on.
export async function recordEvents(page, names = ['ready', 'state', 'selection', 'active', 'dataerror', 'height', 'png']) {
  await page.evaluate((ns) => {
    if (window.__events) return;
    window.__events = [];
    for (const n of ns) window.chipatlas.on(n, (d) => window.__events.push({ name: n, data: d, at: performance.now() }));
  }, names);
}
// Waits until window.__events holds an event `name` whose data matches `match`: an object of
// dotted paths to expected values ({'state.t': '2023-08-30'}). No eval: the page runs under CSP.
export async function waitEvent(page, name, match = {}, timeout = 20000) {
  const handle = await page.waitForFunction(([n, m]) => {
    const get = (o, path) => path.split('.').reduce((x, k) => (x == null ? x : x[k]), o);
    return (window.__events || []).find((e) => e.name === n &&
      Object.keys(m).every((k) => JSON.stringify(get(e.data, k)) === JSON.stringify(m[k]))) || null;
  }, [name, match], { timeout, polling: 100 });
  return (await handle.jsonValue()).data;
}

// A click as a hand makes it: move, rest, press, hold, release (ImGui reads the button once a
// frame, so an instant click can fall between frames).
export async function slowClick(page, x, y) {
  await page.mouse.move(x, y);
  await sleep(150);
  await waitFrames(page, 2);
  await page.mouse.down();
  await sleep(50);
  await waitFrames(page, 2);
  await page.mouse.up();
}

// Waits for n animation frames of the page (the app draws one frame per animation frame).
export async function waitFrames(page, n = 2) {
  await page.evaluate((k) => new Promise((resolve) => {
    const step = (left) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(k);
  }), n);
}

// A click the app sees whatever the machine's load: the button goes down and up in different
// app frames (a press and release inside one frame is lost), paced by the page's own frames.
export async function frameClick(page, x, y) {
  await page.mouse.move(x, y);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 2);
}

// axe-core's serious and critical violations on the page, one line each. page.evaluate runs its
// source as a script through the DevTools protocol, which the page's CSP (script-src 'self') does
// not govern: the tests run under the real policy.
let axeSource = null;
export async function axeSerious(page) {
  if (axeSource === null) {
    const { createRequire } = await import('node:module');
    axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  }
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Every "editstate" event from the first frame on (the API exists before the wasm runs).
// An init script (page.addInitScript): window.__edit collects them.
// It listens the moment boot.js defines window.chipatlas: the wasm may emit its first editstate
// in the same run of tasks (the page's chrome now comes after the first frame), before a timer
// polling for window.chipatlas would fire.
export const RECORD_EDITSTATE = () => {
  window.__edit = [];
  let listening = false;
  const listen = (api) => {
    if (listening || !api || typeof api.on !== 'function') return;
    listening = true;
    api.on('editstate', (d) => window.__edit.push(d));
  };
  const define = Object.defineProperty;
  Object.defineProperty = function (o, k, d) {
    const r = define.call(Object, o, k, d);
    if (o === window && k === 'chipatlas') {
      Object.defineProperty = define;
      listen(d && d.value);
    }
    return r;
  };
  const t = setInterval(() => {  // window.chipatlas assigned, not defined (host_api.js's fallback)
    if (listening || !window.chipatlas) return;
    clearInterval(t);
    listen(window.chipatlas);
  }, 5);
};
