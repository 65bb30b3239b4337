// The wasm's fetch and compile, then WebGL 2 on the map's canvas at once: a classic script right
// after the <canvas> (index.html, csp.html), so software GL's slow context set-up starts while the
// page's modules are still on their way (docs/benchmarks.md, "First frame, seventh pass").
//
// The attributes are the ones the wasm asks for (SDL through Emscripten's EGL: alpha, no depth,
// stencil or antialiasing): its getContext('webgl2') gets this context back, so one is created.
// Emscripten enables no extension on it (-sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0): the map
// uses none, and enabling them all cost software GL 35–190 ms before the first frame.
//
// Before that it requests the runtime (what a static <link> preload cannot choose): the plain
// chipatlas.{wasm,js} for a visit, chipatlas_edit.{wasm,js} for #edit=1 (never embedded), so an
// editing visit never downloads the plain wasm and a visitor's never the editor (README "Editing").
// The wasm's fetch starts first; getContext then holds the page (~0.1 s on software GL) while the
// bytes arrive and the modules load, and the wasm compiles as the page takes its bytes in.
//
// The source is an ES module (tests import it); tools/web/bundle.mjs makes the site's js/gl_early.js
// a classic script of it, which hands its exports to the modules through js/early.js.
import { shadowGlState } from './gl_state.js';
import { warmShaders } from './gl_warm.js';

const params = (s) => new URLSearchParams(String(s).slice(1));
const hashParams = params(location.hash);
export const EDIT_BUILD = hashParams.get('edit') === '1' && hashParams.get('embed') !== '1' && params(location.search).get('embed') !== '1';
const BUILD = EDIT_BUILD ? 'chipatlas_edit' : 'chipatlas';
export const GLUE = BUILD + '.js';
export const WASM = BUILD + '.wasm';
// The glue as a classic script; the wasm is fetched and compiled at once, below.
const glue = document.createElement('link');
glue.rel = 'preload';
glue.as = 'script';
glue.href = GLUE;
document.head.append(glue);

// performance.mark without ever throwing (an old browser, a name marked twice is fine).
export function mark(name, startTime) {
  try {
    if (typeof performance === 'object' && performance.mark) {
      performance.mark(name, startTime === undefined ? undefined : { startTime: startTime });
    }
  } catch (e) { /* measurements are optional */ }
}

// ca:fetch at the time the wasm's download ended (resource timing), once it is compiled.
function markFetched() {
  let at;
  try {
    const url = new URL(WASM, document.baseURI).href;
    const e = performance.getEntriesByName(url).filter(function (x) { return x.responseEnd > 0; })[0];
    if (e) at = e.responseEnd;
  } catch (e) { /* no resource timing */ }
  mark('ca:fetch', at);
}

// The compiled wasm module (a promise, started once, here before the WebGL context, so that the
// download runs while software GL makes the context: docs/benchmarks.md, "First frame, seventh
// pass"), compiled as it arrives. js/wasm_loader.js uses it.
let compiled = null;
export function compileWasm() {
  if (compiled) return compiled;
  if (typeof WebAssembly !== 'object' || typeof fetch !== 'function') {
    compiled = Promise.reject(new Error('this browser has no WebAssembly'));
  } else {
    compiled = fetch(WASM, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      // Compiled while it downloads, on the engine's threads (done ~60 ms sooner than the whole
      // bytes then WebAssembly.compile: docs/benchmarks.md, "First frame, seventh pass"); a server
      // that does not say application/wasm gets that way instead (streaming refuses other types).
      const type = (r.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
      if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(r);
      return r.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
    }).then(function (m) {
      markFetched();
      mark('ca:compile');
      return m;
    });
  }
  compiled.then(null, function () {});  // reported by instantiateWasm, when the runtime asks
  return compiled;
}
compileWasm();

export const GL_ATTRIBUTES = { alpha: true, depth: false, stencil: false, antialias: false };

let context = null;
let warmed = null;  // what warmShaders returned (its check())

// The canvas at the size SDL will give it (its CSS size times the pixel ratio, rounded down as
// SDL does), so that the context is made at that size and SDL's resize changes nothing
// (src/platform/run_web.js): a WebGL canvas's resize waits for the GPU process.
function presize(canvas) {
  const r = canvas.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  if (!(r.width > 1 && r.height > 1)) return;  // not laid out yet: SDL sizes it
  canvas.width = Math.floor(r.width * dpr);
  canvas.height = Math.floor(r.height * dpr);
}

// The map's WebGL 2 context (created once, on the first call), or null when there is none.
export function mapContext(canvas) {
  if (context) return context;
  try {
    if (!canvas || !window.WebGL2RenderingContext) return null;
    presize(canvas);
    context = canvas.getContext('webgl2', GL_ATTRIBUTES) || null;
    if (context) {
      shadowGlState(context);  // no GPU round trip for ImGui's per-frame state saves
      warmed = warmShaders(context);  // ImGui's program compiled while the page loads (js/gl_warm.js)
    }
  } catch (e) {
    context = null;
  }
  return context;
}

// The context at once: a classic script after the <canvas> runs once the style sheets before it
// have loaded (they size the canvas), and the wasm's fetch has started above. (Made only once the
// bytes were in, it waited ~0.1 s behind the modules' evaluation and the chrome's layout, which
// held the page's reading of the wasm's stream: docs/benchmarks.md, "First frame, seventh pass".)
// mapReady: the context (null: no WebGL 2), which boot.js waits for before loading the glue.
const canvas = typeof document === 'object' ? document.getElementById('canvas') : null;
export const mapReady = canvas ? Promise.resolve(contextNow(canvas)) : new Promise(function (resolve) {
  // Run before the <canvas> exists (not how the pages load it): once the document is parsed.
  document.addEventListener('DOMContentLoaded', function () { resolve(contextNow(document.getElementById('canvas'))); }, { once: true });
});
function contextNow(c) {
  const gl = mapContext(c);
  mark('ca:context');
  return gl;
}

// After the first frame: WebGL's own word on the warm program ImGui was handed with assumed
// answers (js/gl_warm.js): resolves with null, or { ok, lines } for the page to report.
export function checkWarmShaders() {
  return warmed ? warmed.check() : Promise.resolve(null);
}

// For the page's modules (js/early.js): this script's one instance, whatever loads it.
globalThis.__chipatlasEarly = Object.freeze({ mapReady, EDIT_BUILD, GLUE, WASM, compileWasm, mark, checkWarmShaders });
