// chipatlas.wasm, fetched and compiled from the moment js/gl_early.js runs (before the WebGL
// context and the page's other modules); Emscripten's Module.instantiateWasm uses it.
//
// Start-up phases are marked with performance.mark (docs/benchmarks.md, "First frame"):
// ca:fetch (the wasm's last byte arrived), ca:compile (compiled), ca:instantiate; the wasm
// marks ca:main, ca:basemap, ca:data, ca:fonts and ca:first-frame itself.
// #edit=1 (never in embed mode) loads the build with the editor, chipatlas_edit.{js,wasm}: the
// first visit's wasm has none, so it stays under its size cap (README "Editing"); gl_early.js
// chooses, and preloads only that build's files.
import { EDIT_BUILD, GLUE, compileWasm, mark } from './early.js';

export { EDIT_BUILD, GLUE, compileWasm, mark };

// Emscripten's Module.instantiateWasm(imports, receive): instantiates the module gl_early.js compiles
// and hands it over; fail(message) when it cannot be had. `before` (optional): a promise that
// must settle first, since handing the instance over runs main (a ?data= dataset fetched while
// the wasm compiles; it never rejects).
export function instantiateWith(fail, before) {
  return function (imports, receive) {
    compileWasm().then(function (m) {
      return WebAssembly.instantiate(m, imports).then(function (instance) { return { instance: instance, module: m }; });
    }).then(function (r) {
      mark('ca:instantiate');
      return Promise.resolve(before).then(function () {
        receive(r.instance, r.module);  // runs main: what it throws is not a loading error
      });
    }, function (e) {
      fail(String(e && e.message || e).slice(0, 300));
    });
    return {};  // the exports arrive through receive
  };
}
