// The wasm's fetch and compile, then WebGL 2 on the map's canvas: an async module at the end of
// <body>, so software GL's slow context set-up overlaps the compile (docs/benchmarks.md, "First frame").
//
// The attributes are the ones the wasm asks for (SDL through Emscripten's EGL: alpha, no depth,
// stencil or antialiasing): its getContext('webgl2') gets this context back, so one is created.
// Emscripten enables no extension on it (-sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0): the map
// uses none, and enabling them all cost software GL 35–190 ms before the first frame.
//
// Before that it requests the runtime (what a static <link> preload cannot choose): the plain
// chipatlas.{wasm,js} for a visit, chipatlas_edit.{wasm,js} for #edit=1 (never embedded), so an
// editing visit never downloads the plain wasm and a visitor's never the editor (README "Editing");
// the wasm's fetch and compile start here, before the context is made.
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
// download and the compile run while software GL makes the context: docs/benchmarks.md, "First
// frame, fourth pass"). The whole bytes, then WebAssembly.compile (any content type works; "…,
// fifth pass" says why not a streaming compile). js/wasm_loader.js uses it.
let compiled = null, arrived;
const wasmIn = new Promise(function (resolve) { arrived = resolve; });  // its last byte (or a failure)
export function compileWasm() {
  if (compiled) return compiled;
  if (typeof WebAssembly !== 'object' || typeof fetch !== 'function') {
    compiled = Promise.reject(new Error('this browser has no WebAssembly'));
  } else {
    compiled = fetch(WASM, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      // The whole bytes, then the compile: the context is made as soon as they are in, while the
      // compile runs on the engine's threads (a streaming compile kept its last byte, and so the
      // context, waiting until the compile had finished: docs/benchmarks.md, "First frame, fifth pass").
      return r.arrayBuffer().then(function (b) { arrived(); return WebAssembly.compile(b); });
    }).then(function (m) {
      markFetched();
      mark('ca:compile');
      return m;
    });
  }
  compiled.then(arrived, arrived);  // reported by instantiateWasm, when the runtime asks
  return compiled;
}
compileWasm();

export const GL_ATTRIBUTES = { alpha: true, depth: false, stencil: false, antialias: false };

let context = null;

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
      warmShaders(context);  // ImGui's program compiled while the page loads (js/gl_warm.js)
    }
  } catch (e) {
    context = null;
  }
  return context;
}

// Made once style.css has loaded (which sizes the canvas) and the wasm's bytes are in: the page
// stops reading the wasm's stream while getContext holds it (~0.1 s on software GL), so a context
// made before held back the download and the compile with it; made after, the compile
// runs on other threads meanwhile (docs/benchmarks.md, "First frame, fourth pass").
// mapReady: the context (null: no WebGL 2), which boot.js waits for before loading the glue.
const sheet = document.querySelector('link[rel="stylesheet"]');
const styled = new Promise(function (resolve) {
  if (!sheet || sheet.sheet) return resolve();
  sheet.addEventListener('load', resolve, { once: true });
  sheet.addEventListener('error', resolve, { once: true });
});
export const mapReady = Promise.all([styled, wasmIn]).then(function () {
  return mapContext(document.getElementById('canvas'));
});
