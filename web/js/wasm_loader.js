// chipatlas.wasm, fetched and compiled from the moment the page's modules run (js/gl_early.js
// preloads it), beside chipatlas.js and the chrome; Emscripten's Module.instantiateWasm uses it.
//
// Start-up phases are marked with performance.mark (docs/benchmarks.md, "First frame"):
// ca:fetch (the wasm's last byte arrived), ca:compile (compiled), ca:instantiate; the wasm
// marks ca:main, ca:basemap, ca:data, ca:fonts and ca:first-frame itself.
// #edit=1 (never in embed mode) loads the build with the editor, chipatlas_edit.{js,wasm}: the
// first visit's wasm has none, so it stays under its size cap (README "Editing"); gl_early.js
// chooses, and preloads only that build's files.
import { EDIT_BUILD, GLUE, WASM } from './gl_early.js';

export { EDIT_BUILD, GLUE };
let compiled = null;

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

// The compiled module (a promise, started once). Streaming compilation when the server says
// application/wasm, else from the whole bytes (a static host with another type still works).
export function compileWasm() {
  if (compiled) return compiled;
  if (typeof WebAssembly !== 'object' || typeof fetch !== 'function') {
    compiled = Promise.reject(new Error('this browser has no WebAssembly'));
  } else {
    compiled = fetch(WASM, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const type = (r.headers.get('content-type') || '').split(';')[0].trim();
      if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
        return WebAssembly.compileStreaming(r);
      }
      return r.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
    }).then(function (m) {
      markFetched();
      mark('ca:compile');
      return m;
    });
  }
  compiled.catch(function () { /* reported by instantiateWasm, when the runtime asks */ });
  return compiled;
}

// Emscripten's Module.instantiateWasm(imports, receive): instantiates the module compiled above
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
