// The running wasm: window.Module, every call into it (through malloc, never ccall/cwrap),
// the command queue before `ready`, and stopping the app for good (fatalError) after a trap.
import { root } from './dom.js';
import { app } from './state.js';
import { LIMITS } from './limits.js';
import { encodeCommand, translate } from './commands.js';
import { ui, showError, removeLoading, ensureChrome } from './ui_chrome.js';
import { postToHost } from './host_events.js';
import { t } from './i18n.js';
import { fetchOwnFile } from './dataset.js';
import { needsStories, loadBundledStories } from './story_files.js';
import { mark } from './early.js';

// Emscripten's Module object; boot.js fills it in and sets window.Module before chipatlas.js.
export const Module = {};
const utf8enc = new TextEncoder();
const utf8dec = new TextDecoder();

// ------------------------------------------------------------------ stopping the app
// The app cannot go on: the error panel (with Reload), the host's `error` event, queued
// commands rejected, no more frames or commands (its memory may be corrupt after a trap).
export function fatalError(title, message) {
  if (app.fatal) return;
  app.fatal = true;
  root.dataset.error = '1';
  Module.preMainLoop = function () { return false; };  // Emscripten skips the frame
  ensureChrome();
  removeLoading();
  if (ui.error) {
    showError(title, message);
    ui.errReload.hidden = false;
    // The stopped map still holds SDL's key handlers, which swallow Tab: a keyboard user on the
    // map (or nowhere) gets the way out.
    const active = document.activeElement;
    if (!active || active === document.body || active === ui.canvas) ui.errReload.focus({ preventScroll: true });
  } else {
    console.error(title + ': ' + message);
  }
  rejectQueue(title);
  postToHost('error', { kind: 'fatal', message: title + (message ? ': ' + message : '') });
}
function trapMessage(e) {
  const what = e && e.message ? e.message : String(e);
  return t('The app hit an internal error ({what}) and has stopped to protect your view. Reload the page to start again.',
    { what: what.slice(0, 300) });
}
export function onTrap(e) { fatalError(t('chipatlas stopped'), trapMessage(e)); }

// ------------------------------------------------------------------ calls into the wasm
// Every string goes into the wasm through malloc (never Emscripten's ccall/cwrap, which copy
// strings onto the 5 MB wasm stack unchecked), after a size check; a failed allocation is an
// error, and an exception out of the wasm is a trap: the app stops (fatalError).
export function exportsReady() {
  return typeof Module._ca_command === 'function' && typeof Module._malloc === 'function' &&
    typeof Module._free === 'function' && !!Module.HEAPU8;
}
// Copies bytes (+ a NUL) into the wasm heap; returns the pointer, or throws when out of memory.
function heapBytes(bytes) {
  const p = Module._malloc(bytes.length + 1);
  if (!p) throw new RangeError('out of memory (' + bytes.length + ' bytes)');
  Module.HEAPU8.set(bytes, p);
  Module.HEAPU8[p + bytes.length] = 0;
  return p;
}
function readCString(p) {
  if (!p) return '';
  const heap = Module.HEAPU8;
  let end = heap.indexOf(0, p);
  if (end < 0) end = heap.length;
  return utf8dec.decode(heap.subarray(p, end));
}

// One command (the wasm's own form), synchronously. Always returns an object with ok.
export function call(msg) {
  if (app.fatal) return { ok: false, error: 'chipatlas has stopped' };
  if (!exportsReady()) return { ok: false, error: 'chipatlas is not running yet' };
  let enc;
  try { enc = encodeCommand(msg); } catch (e) { return { ok: false, error: 'cannot send this command: ' + (e && e.message || e) }; }
  if (enc.error) return { ok: false, error: enc.error };
  let p = 0, text;
  try {
    p = heapBytes(enc.bytes);
  } catch (e) {
    return { ok: false, error: 'cannot send this command: ' + (e && e.message || e) };
  }
  try {
    text = readCString(Module._ca_command(p));
  } catch (e) {
    onTrap(e);
    return { ok: false, error: 'chipatlas has stopped' };
  } finally {
    if (!app.fatal) Module._free(p);
  }
  try {
    const r = JSON.parse(text);
    if (r && typeof r === 'object') return r;
  } catch (e) { /* fall through */ }
  return { ok: false, error: 'unreadable reply from ca_command' };
}

// A dataset can be large: its bytes go through malloc as they came (no UTF-16 round trip, and
// bad UTF-8 reaches the validator instead of being replaced), and are parsed there in place.
// files: [{ name, bytes }], loaded together in one call (all or nothing); an empty list loads
// the bundled data again. hash: a view state to apply afterwards (a link's), or null. Returns
// true when the wasm took the files (errors come back as a dataerror event); the caller says
// why not otherwise.
export function loadDatasets(files, hash) {
  if (app.fatal) return false;
  if (typeof Module._ca_load_datasets !== 'function' || !exportsReady()) {
    showError(() => t('Cannot load the dataset'), 'this build does not export ca_load_datasets');
    return false;
  }
  const n = files.length, ptrs = [];
  let table = 0, ph = 0, ok = false;
  function setU32(at, v) { new DataView(Module.HEAPU8.buffer).setUint32(at, v, true); }
  function freeAll() {
    ptrs.forEach(function (p) { Module._free(p); });
    if (table) Module._free(table);
    if (ph) Module._free(ph);
  }
  try {
    // names[n], datas[n], sizes[n] (wasm32: 4 bytes each), then the strings and the bytes.
    table = n ? Module._malloc(12 * n) : 0;
    if (n && !table) throw new RangeError('out of memory');
    files.forEach(function (f, i) {
      const pn = heapBytes(utf8enc.encode(f.name));
      ptrs.push(pn);
      const pd = heapBytes(f.bytes);
      ptrs.push(pd);
      setU32(table + 4 * i, pn);
      setU32(table + 4 * (n + i), pd);
      setU32(table + 4 * (2 * n + i), f.bytes.length);
    });
    if (hash !== null && hash !== undefined) ph = heapBytes(utf8enc.encode(hash));
  } catch (e) {
    freeAll();
    showError(() => t('Cannot load the dataset'), () => t('{why}. The data shown before stays.', { why: e && e.message || e }));
    return false;
  }
  mark('ca:data-copied');  // the files are in the wasm's memory; the loader's phases follow (app.cpp)
  try {
    // In place first: the wasm parses these copies without copying them again (a 31 MB file: 31 MB
    // less memory). 2: it had something to report, which needs the bytes as given: copied again.
    let r = Module._ca_load_datasets(n, table, table + 4 * n, table + 8 * n, ph, 1);
    if (r === 2) {
      files.forEach(function (f, i) { Module.HEAPU8.set(f.bytes, ptrs[2 * i + 1]); });
      r = Module._ca_load_datasets(n, table, table + 4 * n, table + 8 * n, ph, 0);
    }
    ok = r === 1;
  } catch (e) {
    onTrap(e);
    return false;
  }
  freeAll();
  return ok;
}

// A font slice's bytes (web/js/glyphs.js) into the wasm; true when it took them.
export function addFont(bytes) {
  if (typeof Module._ca_add_font !== 'function' || !exportsReady() || app.fatal) return false;
  let p = 0;
  try {
    p = heapBytes(bytes);
  } catch (e) {
    return false;
  }
  let ok = false;
  try {
    ok = Module._ca_add_font(p, bytes.length) === 1;
  } catch (e) {
    onTrap(e);
    return false;
  }
  Module._free(p);
  return ok;
}

// A message catalogue's bytes (web/js/catalogues.js) for a locale id into the wasm; true when it took them.
export function addCatalogue(locale, bytes) {
  if (typeof Module._ca_add_catalogue !== 'function' || !exportsReady() || app.fatal) return false;
  let pl = 0, p = 0;
  try {
    pl = heapBytes(utf8enc.encode(locale));
    p = heapBytes(bytes);
  } catch (e) {
    if (pl) Module._free(pl);
    return false;
  }
  let ok = false;
  try {
    ok = Module._ca_add_catalogue(pl, p, bytes.length) === 1;
  } catch (e) {
    onTrap(e);
    return false;
  }
  Module._free(pl);
  Module._free(p);
  return ok;
}

// ------------------------------------------------------------------ API commands
// The API's commands (translated, commands.js) run at once when ready, else wait in a queue.
let queue = [];
function runJob(job) {
  const r = call(job.msg);
  if (r.ok) {
    const result = {};
    Object.keys(r).forEach(function (k) { if (k !== 'ok') result[k] = r[k]; });
    if (r.warnings && r.warnings.length) console.warn('chipatlas: ' + job.msg.cmd + ': ' + r.warnings.join('; '));
    job.resolve(result);
  } else {
    job.reject(new Error(r.error || 'command failed'));
  }
}
function enqueue(job) {
  if (app.fatal) job.reject(new Error('chipatlas has stopped'));
  else if (app.ready) Promise.resolve().then(function () { runJob(job); });
  else if (queue.length >= LIMITS.queuedCommands) job.reject(new Error('too many commands queued before start-up'));
  else queue.push(job);
}
// One API command; resolves with its result (the reply less `ok`), rejects with its error. A
// command about a story waits for the bundled stories (fetched the first time: story_files.js).
export function command(cmd, args) {
  let msg;
  try { msg = translate(cmd, args); } catch (e) { return Promise.reject(e); }
  return new Promise(function (resolve, reject) {
    const job = { msg: msg, resolve: resolve, reject: reject };
    if (needsStories(msg)) bundledStories().then(function () { enqueue(job); });
    else enqueue(job);
  });
}

// The bundled stories from the site's stories/ (same origin, each capped as ?story= is), loaded
// into the wasm once it runs, checked against the data shown (and again by the wasm when
// another dataset loads). Fetched at most once; resolves (never rejects) when done.
let storiesLoaded = null;
export function bundledStories() {
  if (storiesLoaded) return storiesLoaded;
  const base = document.baseURI;
  function fetchText(path) {
    return fetchOwnFile(new URL(path, base).href, { maxBytes: LIMITS.storyBytes, credentials: 'same-origin', what: 'stories' })
      .then(function (bytes) { return utf8dec.decode(bytes); });
  }
  function load(name, text) {
    const r = call({ cmd: 'loadStory', name: name, text: text });
    return r.ok ? '' : (r.error || 'not loaded') + (typeof r.text === 'string' ? ': ' + r.text.split('\n')[0] : '');
  }
  // The wasm must run before a story can be loaded: getState waits for `ready`.
  storiesLoaded = command('getState').then(function () {
    return loadBundledStories(fetchText, load, LIMITS.bundledStories);
  }).then(function (problems) {
    if (problems.length) console.warn('chipatlas: bundled stories left out: ' + problems.join('; '));
  }, function (e) { console.warn('chipatlas: bundled stories: ' + (e && e.message || e)); });
  return storiesLoaded;
}
export function flushQueue() {
  const jobs = queue;
  queue = [];
  jobs.forEach(runJob);
}
function rejectQueue(why) {
  const jobs = queue;
  queue = [];
  jobs.forEach(function (j) { j.reject(new Error(why)); });
}
