// The first second (issue 15, finding 9): the page requests the runtime beside its (bundled)
// modules, not after them, creates one WebGL context, and marks its start-up phases in order (no timings
// are asserted: tools/bench/first_frame.mjs measures them, docs/benchmarks.md records them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, assertNotBlank, canvasScreenshot } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

// Every getContext call on a canvas, and whether it returned a context seen before.
const COUNT_CONTEXTS = () => {
  window.__contexts = [];
  const seen = new Set();
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const at = performance.now();
    const c = getContext.call(this, type, ...rest);
    window.__contexts.push({ type, canvas: this.id || '(no id)', fresh: !!c && !seen.has(c) });
    if (window.__firstContextAt === undefined) window.__firstContextAt = at;
    if (c) seen.add(c);
    return c;
  };
};

test('chipatlas.wasm and chipatlas.js are requested with the bundled modules, each once', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  assertClean(log, 'index.html');
  const files = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((e) => [new URL(e.name).pathname, { start: e.startTime, end: e.responseEnd }])));
  const boot = await page.evaluate(() => performance.getEntriesByName('ca:boot')[0].startTime);
  for (const f of ['/chipatlas.wasm', '/chipatlas.js']) {
    assert.ok(files[f], `${f} fetched`);
    // gl_early.js (a classic script before the modules run) preloads them: requested before boot.js runs.
    assert.ok(files[f].start < boot, `${f} is requested before boot.js runs, not after the modules: ${files[f].start} vs ${boot}`);
    assert.equal(log.requests.filter((u) => new URL(u).pathname === f).length, 1, `${f} fetched once (the preload is used)`);
  }
  // js/gl_early.js is preloaded from the head (with the style sheet) and run after the canvas: once.
  for (const f of ['/js/gl_early.js', '/js/boot.js']) {
    assert.equal(log.requests.filter((u) => new URL(u).pathname === f).length, 1, `${f} fetched once`);
  }
  // The scripts come bundled (tools/web/bundle.mjs): the page's module and classic script, nothing else.
  assert.deepEqual(Object.keys(files).filter((f) => f.startsWith('/js/')).sort(), ['/js/boot.js', '/js/gl_early.js']);
});

// The context is made by js/gl_early.js, a classic script after the <canvas>, as soon as it runs:
// after the wasm's fetch has started and before the modules run (docs/benchmarks.md, "First
// frame, seventh pass"), so software GL's set-up overlaps the modules' and the wasm's download.
test('one WebGL 2 context, made once the wasm is requested and before the modules run: the probe is the map\'s own, which the wasm reuses', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { initScript: COUNT_CONTEXTS });
  assertClean(log, 'index.html');
  const calls = await page.evaluate(() => window.__contexts);
  assert.deepEqual(calls.filter((c) => c.fresh), [{ type: 'webgl2', canvas: 'canvas', fresh: true }], JSON.stringify(calls));
  const t = await page.evaluate(() => ({ context: window.__firstContextAt, boot: performance.getEntriesByName('ca:boot')[0].startTime,
    runtime: performance.getEntriesByName('ca:runtime')[0].startTime,
    wasm: performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/chipatlas.wasm').startTime }));
  assert.ok(t.wasm <= t.context, `the wasm is requested before the context is made: ${JSON.stringify(t)}`);
  assert.ok(t.context < t.boot, `the context is made before boot.js runs: ${JSON.stringify(t)}`);
  assert.ok(t.context < t.runtime, `the context is made before chipatlas.js is loaded: ${JSON.stringify(t)}`);
  const attrs = await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getContextAttributes());
  assert.equal(attrs.alpha, true, 'alpha, so an embed can be transparent');
  assert.equal(attrs.depth, false);
  assert.equal(attrs.antialias, false);
});

test('the start-up phases are marked, in order', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  assertClean(log, 'index.html');
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('ca:')).map((m) => [m.name, m.startTime])));
  const order = ['ca:fetch', 'ca:compile', 'ca:instantiate', 'ca:main', 'ca:basemap', 'ca:data', 'ca:gl', 'ca:fonts', 'ca:first-frame'];
  for (const m of [...order, 'ca:boot', 'ca:runtime']) assert.equal(typeof marks[m], 'number', `${m} marked; got ${JSON.stringify(marks)}`);
  for (let i = 1; i < order.length; i++) assert.ok(marks[order[i - 1]] <= marks[order[i]], `${order[i - 1]} before ${order[i]}: ${JSON.stringify(marks)}`);
});

// The wasm compiles as it downloads (WebAssembly.compileStreaming) when the server says
// application/wasm; a server that gives another type still gets the map (the whole bytes, then
// WebAssembly.compile), where streaming alone would refuse it.
test('the wasm compiles while it downloads, and a server without application/wasm still gets the map', { timeout: 120000 }, async () => {
  const WATCH = () => {
    window.__compiled = [];
    for (const k of ['compile', 'compileStreaming']) {
      const f = WebAssembly[k];
      WebAssembly[k] = function (...a) { window.__compiled.push(k); return f.apply(this, a); };
    }
  };
  const plain = await h.open('index.html', { initScript: WATCH });
  assertClean(plain.log, 'index.html');
  assert.deepEqual(await plain.page.evaluate(() => window.__compiled), ['compileStreaming']);
  const other = await h.open('index.html', {
    initScript: WATCH,
    route: (p) => p.route('**/chipatlas.wasm', async (r) => {
      const res = await r.fetch();
      await r.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } });
    }),
  });
  assertClean(other.log, 'index.html, wasm as application/octet-stream');
  assert.deepEqual(await other.page.evaluate(() => window.__compiled), ['compile']);
  assertNotBlank(await canvasScreenshot(other.page), 'the map is drawn');
});

// The page's DOM chrome (search, share/export, controls layer, details, About) is built after the
// map's first frame: building and laying it out first held that frame back (docs/benchmarks.md,
// "First frame, seventh pass"). It is there by the time the page says it is ready.
test('the page chrome is built after the map\'s first frame, and is there once the page is ready', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  assertClean(log, 'index.html');
  const m = await page.evaluate(() => ({ chrome: performance.getEntriesByName('ca:chrome')[0].startTime,
    first: performance.getEntriesByName('ca:first-frame')[0].startTime }));
  assert.ok(m.first <= m.chrome, `ca:first-frame before ca:chrome: ${JSON.stringify(m)}`);
  for (const sel of ['#search', '#copy-link', '#error', '#dataset-bar', '#controls', '#details']) {
    assert.equal(await page.locator(sel).count(), 1, `${sel} exists once the page is ready`);
  }
  assert.equal(await page.locator('#loading').count(), 0, 'the loading note is gone');
});

// The wasm draws the first frame in the task that runs main; the browser shows a canvas with the
// rendering update after that task. That update must show the first frame as it is: the page's
// chrome and the first events wait until it is done, and the wasm's main loop draws nothing in
// it (a second frame, with the whole atlas, held the shown frame back ~0.1-0.2 s: docs/benchmarks.md,
// "Session 17").
const WATCH_SHOWN = () => {
  let draws = 0;
  const drawElements = WebGL2RenderingContext.prototype.drawElements;
  WebGL2RenderingContext.prototype.drawElements = function (...a) { draws++; return drawElements.apply(this, a); };
  const raf = window.requestAnimationFrame.bind(window);
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, ...rest) {
    const r = mark(name, ...rest);
    if (name === 'ca:first-frame' && !window.__shown) {
      const at = draws;
      window.__shown = { pending: true, drawsInFirst: at };
      // Registered after the wasm's main loop's callback: it runs after it, in the same update.
      raf(() => {
        window.__shown = { drawsInFirst: at, drawsBefore: draws - at, chrome: !!document.getElementById('search'),
          chromeMark: performance.getEntriesByName('ca:chrome').length, ready: document.documentElement.dataset.ready === '1',
          loading: !!document.getElementById('loading') };
      });
    }
    return r;
  };
};

test('the first frame is shown by the next rendering update as drawn, uncovered: no loading note, chrome, event handled or second frame before it', { timeout: 120000 }, async () => {
  for (const path of ['index.html', 'index.html?embed=1']) {
    const { page, log } = await h.open(path, { initScript: WATCH_SHOWN });
    assertClean(log, path);
    const s = await page.evaluate(() => window.__shown);
    assert.ok(s && !s.pending, `${path}: an animation frame followed the first frame: ${JSON.stringify(s)}`);
    assert.ok(s.drawsInFirst > 0, `${path}: the first frame drew: ${JSON.stringify(s)}`);
    assert.equal(s.drawsBefore, 0, `${path}: the wasm drew nothing more before that update's end: ${JSON.stringify(s)}`);
    assert.equal(s.chrome, false, `${path}: the chrome waits for that update: ${JSON.stringify(s)}`);
    assert.equal(s.chromeMark, 0, `${path}: ca:chrome after it: ${JSON.stringify(s)}`);
    assert.equal(s.ready, false, `${path}: the page says ready after it: ${JSON.stringify(s)}`);
    // What that update shows is the map: the loading note over the canvas is gone by then.
    assert.equal(s.loading, false, `${path}: the loading note does not cover the shown frame: ${JSON.stringify(s)}`);
    // And then all of it: the chrome, ready, the next frame with the whole atlas.
    assert.equal(await page.locator('#search').count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), '1');
    assertNotBlank(await canvasScreenshot(page), `${path}: the map is drawn`);
  }
});

// After the first frame, what a first click or key would wait for is spread over tasks
// (docs/benchmarks.md, "Session 29"): the shown chrome (search, tools) is built and laid out in a
// task before the one that adds the keyboard and screen-reader layers; `ready` once both are there.
// A mutation observer's callback runs at the end of each task that changed the page: one that
// finds the search box without the controls layer saw the first step's task end alone.
const WATCH_STEPS = () => {
  const st = window.__steps = { seen: [] };
  const seen = () => ({ search: !!document.getElementById('search'), controls: !!document.getElementById('controls'),
    ready: document.documentElement.dataset.ready === '1' });
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(() => {
      const s = seen();
      const last = st.seen[st.seen.length - 1];
      if (!last || last.search !== s.search || last.controls !== s.controls || last.ready !== s.ready) st.seen.push(s);
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
};

test('after the first frame: the shown chrome, then the layers, each built in a task of its own, then ready', { timeout: 120000 }, async () => {
  for (const path of ['index.html', 'index.html?embed=1']) {
    const { page, log } = await h.open(path, { initScript: WATCH_STEPS });
    assertClean(log, path);
    const s = await page.evaluate(() => window.__steps.seen);
    assert.ok(s.some((u) => u.search && !u.controls && !u.ready),
      `${path}: a task ends with the shown chrome built and the layers not yet: ${JSON.stringify(s)}`);
    assert.ok(s.every((u) => !u.ready || (u.search && u.controls)), `${path}: ready once both are built: ${JSON.stringify(s)}`);
    assert.deepEqual(s[s.length - 1], { search: true, controls: true, ready: true }, `${path}: ${JSON.stringify(s)}`);
  }
});

// An error found before the map's first frame still shows in the page: the chrome is built for it.
test('a link whose view is too long shows its error before the map is ready, and the map still loads', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html#sel=' + 'a'.repeat(9000));
  await page.locator('#error').waitFor({ state: 'visible', timeout: 20000 });
  assert.match(await page.locator('#error').innerText(), /view cannot be read/);
  const m = await page.evaluate(() => ({ chrome: performance.getEntriesByName('ca:chrome')[0].startTime,
    first: performance.getEntriesByName('ca:first-frame')[0].startTime }));
  assert.ok(m.chrome < m.first, `the chrome is built for the error, before the first frame: ${JSON.stringify(m)}`);
  assert.equal(await page.locator('#search').count(), 1);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.error || ''), '');
});

// Every texture made or deleted and every texImage2D upload (its size, and whether the first
// frame was drawn by then).
const COUNT_TEXTURES = () => {
  window.__textures = { created: 0, deleted: 0, uploads: [] };
  const proto = WebGL2RenderingContext.prototype;
  const createTexture = proto.createTexture, deleteTexture = proto.deleteTexture, texImage2D = proto.texImage2D;
  proto.createTexture = function (...a) { window.__textures.created++; return createTexture.apply(this, a); };
  proto.deleteTexture = function (...a) { window.__textures.deleted++; return deleteTexture.apply(this, a); };
  proto.texImage2D = function (...a) {
    const first = performance.getEntriesByName('ca:first-frame').length > 0;
    window.__textures.uploads.push({ size: a[3] + 'x' + a[4], area: a[3] * a[4], first });
    return texImage2D.apply(this, a);
  };
};

// The first frame's atlas holds only its own glyphs (ui::FontScope); the next frame's is whole
// and replaces it: one texture alive, never a leaked copy.
test('the first frame uploads one font atlas, the next frame the whole one in its place (no leaked copy)', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { initScript: COUNT_TEXTURES });
  assertClean(log, 'index.html');
  await page.evaluate(() => new Promise((r) => { let n = 0; const f = () => (++n >= 5 ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); }));
  const t = await page.evaluate(() => window.__textures);
  const before = t.uploads.filter((u) => !u.first), after = t.uploads.filter((u) => u.first);
  assert.equal(before.length, 1, `one texImage2D for the first frame: ${JSON.stringify(t)}`);
  assert.equal(after.length, 1, `one more for the whole atlas: ${JSON.stringify(t)}`);
  assert.ok(after[0].area >= before[0].area, `the whole atlas is not the smaller: ${JSON.stringify(t)}`);
  assert.equal(t.created - t.deleted, 1, `one texture alive: ${JSON.stringify(t)}`);
});

// WebGL round trips for the scissor box and blend state (ImGui saves them every frame).
const COUNT_STATE_QUERIES = () => {
  window.__stateQueries = 0;
  const tracked = [0x0C10, 0x80C9, 0x80C8, 0x80CB, 0x80CA, 0x8009, 0x883D];
  const getParameter = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function (p) {
    if (tracked.includes(p)) window.__stateQueries++;
    return getParameter.call(this, p);
  };
};

test('frames ask WebGL nothing for the scissor box and blend state (js/gl_state.js), and its answers are WebGL\'s', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { initScript: COUNT_STATE_QUERIES });
  assertClean(log, 'index.html');
  assert.equal(await page.evaluate(() => window.__stateQueries), 0, 'round trips to the GPU before ready');
  const r = await page.evaluate(() => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    const own = WebGL2RenderingContext.prototype.getParameter;
    const v = (x) => (x instanceof Int32Array ? [...x] : x);
    return [0x0C10, 0x80C9, 0x80C8, 0x80CB, 0x80CA, 0x8009, 0x883D].map((p) => [v(gl.getParameter(p)), v(own.call(gl, p))]);
  });
  for (const [copy, webgl] of r) assert.deepEqual(copy, webgl);
});

// Each change of #canvas's size (width or height set to a new value), and whether a WebGL
// context existed then.
const COUNT_RESIZES = () => {
  window.__resizes = [];
  for (const dim of ['width', 'height']) {
    const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, dim);
    Object.defineProperty(HTMLCanvasElement.prototype, dim, {
      configurable: true, enumerable: d.enumerable, get: d.get,
      set(v) {
        if (this.id === 'canvas' && d.get.call(this) !== v) window.__resizes.push({ dim, v, withContext: !!window.__hasContext });
        d.set.call(this, v);
      },
    });
  }
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...a) {
    const c = getContext.apply(this, a);
    if (this.id === 'canvas' && c) window.__hasContext = true;
    return c;
  };
};

for (const [w, ht, dpr] of [[1280, 800, 1], [390, 844, 2]]) {
  test(`the context is made at the canvas's final size, never resized before ready (${w}x${ht}@${dpr}; SDL's resize waited ~0.3 s for the GPU)`, { timeout: 120000 }, async () => {
    const { page, log } = await h.open('index.html', { initScript: COUNT_RESIZES, viewport: { width: w, height: ht },
      contextOptions: { deviceScaleFactor: dpr } });
    assertClean(log, 'index.html');
    const r = await page.evaluate(() => {
      const c = document.getElementById('canvas'), b = c.getBoundingClientRect();
      return { resizes: window.__resizes, size: [c.width, c.height], want: [Math.floor(b.width * devicePixelRatio), Math.floor(b.height * devicePixelRatio)] };
    });
    assert.deepEqual(r.resizes.filter((x) => x.withContext), [], JSON.stringify(r.resizes));
    assert.deepEqual(r.size, r.want, 'the drawing buffer is the CSS size times the pixel ratio');
  });
}

// Every shader compile and program link WebGL is asked for, with the time (ms since navigation).
const COUNT_PROGRAMS = () => {
  window.__programs = { compiles: [], links: [], questions: [] };
  const proto = WebGL2RenderingContext.prototype;
  const compileShader = proto.compileShader, linkProgram = proto.linkProgram;
  const getShaderParameter = proto.getShaderParameter, getProgramParameter = proto.getProgramParameter;
  proto.compileShader = function (...a) { window.__programs.compiles.push(performance.now()); return compileShader.apply(this, a); };
  proto.linkProgram = function (...a) { window.__programs.links.push(performance.now()); return linkProgram.apply(this, a); };
  // A compile or link status asked of WebGL (each waits for the GPU process).
  proto.getShaderParameter = function (s, p) {
    if (p === 0x8B81) window.__programs.questions.push(performance.now());
    return getShaderParameter.call(this, s, p);
  };
  proto.getProgramParameter = function (q, p) {
    if (p === 0x8B82) window.__programs.questions.push(performance.now());
    return getProgramParameter.call(this, q, p);
  };
};

test('ImGui\'s shaders are compiled and linked once, before main runs: the wasm gets that program (js/gl_warm.js)', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { initScript: COUNT_PROGRAMS });
  assertClean(log, 'index.html');
  await page.waitForFunction(() => performance.getEntriesByName('ca:warm').length > 0, null, { timeout: 30000 });
  const r = await page.evaluate(() => ({ ...window.__programs,
    main: performance.getEntriesByName('ca:main')[0].startTime, boot: performance.getEntriesByName('ca:boot')[0].startTime,
    firstFrame: performance.getEntriesByName('ca:first-frame')[0].startTime, warm: performance.getEntriesByName('ca:warm')[0].startTime }));
  // Two shaders and one program in all: a source that differs from the wasm's would be compiled again.
  assert.equal(r.compiles.length, 2, JSON.stringify(r));
  assert.equal(r.links.length, 1, JSON.stringify(r));
  for (const t of [...r.compiles, ...r.links]) assert.ok(t < r.main, `compiled and linked before main (not in the first frame): ${JSON.stringify(r)}`);
  // No compile or link status is asked before the first frame is drawn (each question waited for
  // the GPU process): once after it, the program's.
  assert.ok(r.questions.length >= 1, JSON.stringify(r));
  for (const t of r.questions) assert.ok(t > r.firstFrame, `a status asked after the first frame, not before: ${JSON.stringify(r)}`);
  assert.ok(r.warm > r.firstFrame, JSON.stringify(r));
  // The program is ImGui's: the map is drawn with it (the canvas is not blank).
  assertNotBlank(await canvasScreenshot(page), 'the map');
  assert.equal(await page.locator('#error').isVisible(), false, 'no error: the program linked');
});

// A GPU that does not link the map's program: ImGui was told it linked (js/gl_warm.js); the check
// after the first frame says otherwise, and the page shows it with WebGL's log.
const REFUSE_LINK = () => {
  const proto = WebGL2RenderingContext.prototype;
  const getProgramParameter = proto.getProgramParameter, getProgramInfoLog = proto.getProgramInfoLog;
  proto.getProgramParameter = function (q, p) { return p === 0x8B82 ? false : getProgramParameter.call(this, q, p); };
  proto.getProgramInfoLog = function () { return 'L0001: simulated link failure\n'; };
};

test('a shader program the GPU does not link is reported in the page, with its log', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html', { initScript: REFUSE_LINK });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.equal(await page.locator('#error-title').textContent(), 'The map cannot be drawn');
  assert.match(await page.locator('#error').textContent(), /L0001: simulated link failure/);
});

// The loading note is neither laid out nor painted in the page's first second (on software GL
// its text and ring cost the first frame 25-50 ms: docs/benchmarks.md, "Session 28"), stays in
// the page for screen readers, and shows, its spinner turning, when the map takes longer.
const LOADING_AT_START = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const kids = [...document.querySelectorAll('#loading > *')];
    window.__loadingAtStart = { now: performance.now(), kids: kids.map((k) => ({
      visibility: getComputedStyle(k).visibility, display: getComputedStyle(k).display,
      style: ['animationName', 'animationDelay', 'animationDuration'].map((p) => getComputedStyle(k)[p]),
      animations: k.getAnimations().map((a) => ({ name: a.animationName, delay: a.effect.getTiming().delay,
        duration: a.effect.getTiming().duration })) })) };
  });
};
const loadingKids = (page) => page.evaluate(() => [...document.querySelectorAll('#loading > *')].map((k) => ({
  visibility: getComputedStyle(k).visibility,
  animations: k.getAnimations().map((a) => ({ name: a.animationName, state: a.playState, duration: a.effect.getTiming().duration })) })));

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`the loading note shows only after a second, and then its spinner turns (${reducedMotion} motion)`, { timeout: 120000 }, async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const { page, log } = await h.open('index.html', { ready: false, waitUntil: 'domcontentloaded', reducedMotion, initScript: LOADING_AT_START,
      route: (p) => p.route('**/chipatlas.wasm', async (r) => { await held; await r.continue(); }) });
    await page.waitForFunction(() => window.__loadingAtStart, null, { timeout: 30000 });
    const start = await page.evaluate(() => window.__loadingAtStart);
    assert.equal(start.kids.length, 2, JSON.stringify(start));
    assert.equal(await page.locator('#loading[role=status]').textContent(), 'Loading chipatlas…', 'in the page for screen readers from the start');
    for (const k of start.kids) {
      const late = k.animations.find((a) => a.name === 'ca-late');
      // Its style, whenever this ran: hidden by an animation's fill for the first second.
      const [names, delays, durations] = k.style.map((v) => v.split(', '));
      const i = names.indexOf('ca-late');
      assert.ok(i >= 0 && delays[i] === '1s' && durations[i] === '0s', `the note waits a second: ${JSON.stringify(start)}`);
      // What it paints, unless the page's script ran after a second (a cold browser on a slow machine).
      if (start.now < 900) {
        assert.ok(late, `the note waits a second: ${JSON.stringify(start)}`);
        assert.equal(k.visibility, 'hidden', `nothing painted at ${Math.round(start.now)} ms: ${JSON.stringify(start)}`);
        assert.equal(k.display, 'none', `nothing laid out at ${Math.round(start.now)} ms: ${JSON.stringify(start)}`);
      }
      if (late) assert.deepEqual([late.delay, late.duration], [1000, 0], JSON.stringify(start));
    }
    // Still loading a second later: the note and its turning spinner show.
    await page.waitForFunction(() => [...document.querySelectorAll('#loading > *')].every((k) => getComputedStyle(k).visibility === 'visible' &&
      getComputedStyle(k).display !== 'none' && k.getBoundingClientRect().width > 0), null, { timeout: 10000 });
    const later = await loadingKids(page);
    const spin = later[0].animations.find((a) => a.name === 'ca-spin');
    assert.ok(spin && spin.state === 'running', `the spinner turns: ${JSON.stringify(later)}`);
    assert.equal(spin.duration, reducedMotion === 'reduce' ? 3000 : 900, 'slower for reduced motion');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'not ready: the wasm is held');
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 60000 });
    assert.equal(await page.locator('#loading').count(), 0, 'the note is gone once the map is ready');
    assertClean(log, 'held wasm');
  });
}
