// What js/gl_early.js (a classic script after the <canvas>, run before any module) started: the
// map's WebGL context, the wasm's fetch and compile, and which build the visit runs.
//
// The pages load gl_early.js as a classic script so that the context is made while the modules
// are still on their way (docs/benchmarks.md, "First frame, seventh pass"); the modules get its one
// instance here, never a second copy of it (tools/web/bundle.mjs refuses a bundle that has one).
const early = globalThis.__chipatlasEarly || missing();

// A page without the classic script: nothing loads, and the page says why in the console.
function missing() {
  const why = new Error('js/gl_early.js did not run: load it with <script src="js/gl_early.js"> after the <canvas>');
  console.error('chipatlas: ' + why.message);
  return { mapReady: Promise.resolve(null), EDIT_BUILD: false, GLUE: 'chipatlas.js', WASM: 'chipatlas.wasm',
    compileWasm: function () { return Promise.reject(why); }, mark: function () {},
    checkWarmShaders: function () { return Promise.resolve(null); } };
}

export const mapReady = early.mapReady;
export const EDIT_BUILD = early.EDIT_BUILD;
export const GLUE = early.GLUE;
export const WASM = early.WASM;
export const compileWasm = early.compileWasm;
export const mark = early.mark;
export const checkWarmShaders = early.checkWarmShaders;
