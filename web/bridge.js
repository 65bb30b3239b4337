/* chipatlas page bridge.
 *
 * Sets up window.Module for the Emscripten build (chipatlas.js + chipatlas.wasm) following
 * docs/web_bridge.md, builds the DOM chrome around the canvas (search box, share/export,
 * loading indicator, error panel, screen-reader mirror), keeps the URL hash in sync with the
 * view state, and exposes the host-page API (window.chipatlas and postMessage, see API.md).
 *
 * Works under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`: no inline scripts,
 * no eval, no inline style attributes (only CSSOM writes).
 */
(function () {
  'use strict';

  var API_VERSION = 1;
  // Limits on what crosses into the page and the wasm (docs/web_bridge.md, API.md). Commands
  // must match src/core/commands.h (kCommandMaxBytes, kCommandMaxDepth): the wasm checks again.
  var LIMITS = {
    commandBytes: 64 * 1024,   // one command as UTF-8 JSON
    commandDepth: 32,          // nesting of arrays and objects in one command
    hashChars: 8 * 1024,       // the URL hash (view state)
    datasetBytes: 64 * 1024 * 1024,  // a ?data= file
    dataNameChars: 1024,       // the ?data= path
    originsChars: 4096,        // ?origins= / #origins=
    messageIdChars: 256        // the id a host puts on a postMessage command
  };
  var doc = document;
  var root = doc.documentElement;

  // ------------------------------------------------------------------ URL and configuration
  var pageUrl = new URL(location.href);
  var query = pageUrl.searchParams;

  function parseHash(hash) {
    var out = new Map();
    String(hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      if (!part) return;
      var i = part.indexOf('=');
      var k = i < 0 ? part : part.slice(0, i);
      var v = i < 0 ? '' : part.slice(i + 1);
      try { v = decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { /* keep raw */ }
      out.set(k, v);
    });
    return out;
  }
  // Removes page-only keys (origins) from a hash before it goes to the wasm.
  var PAGE_ONLY_HASH_KEYS = ['origins'];
  function wasmHash(hash) {
    var parts = String(hash || '').replace(/^#/, '').split('&').filter(function (p) {
      return p && PAGE_ONLY_HASH_KEYS.indexOf(p.split('=')[0]) < 0;
    });
    return parts.length ? '#' + parts.join('&') : '';
  }

  var startHash = parseHash(location.hash);
  var embed = query.get('embed') === '1' || startHash.get('embed') === '1';
  var queryEmbed = query.get('embed') === '1';
  if (embed) root.classList.add('embed');

  // Origins allowed to drive the page over postMessage. `*` (any origin) and `null` (opaque
  // origins: sandboxed pages, file: URLs) are accepted only from the deployer's own
  // <meta name="chipatlas-origins">, never from ?origins= / #origins=, which anyone who links
  // to or frames the page controls (API.md, "Who may drive the page").
  function normaliseOrigin(s, trusted) {
    s = String(s || '').trim();
    if (!s) return null;
    if (s === '*' || s === 'null') return trusted ? s : null;
    try {
      var u = new URL(s);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
      return u.origin === 'null' ? null : u.origin;
    } catch (e) {
      return null;
    }
  }
  function parseOrigins(list, trusted, refused) {
    var out = [];
    String(list || '').slice(0, LIMITS.originsChars).split(/[\s,]+/).forEach(function (s) {
      if (!s) return;
      var o = normaliseOrigin(s, trusted);
      if (!o) { if (refused) refused.push(s); return; }
      if (out.indexOf(o) < 0) out.push(o);
    });
    return out;
  }
  var refusedOrigins = [];
  var allowedOrigins = (function () {
    var list = null;
    if (query.has('origins')) list = parseOrigins(query.get('origins'), false, refusedOrigins);
    else if (startHash.has('origins')) list = parseOrigins(startHash.get('origins'), false, refusedOrigins);
    else {
      var meta = doc.querySelector('meta[name="chipatlas-origins"]');
      if (meta) list = parseOrigins(meta.getAttribute('content'), true, refusedOrigins);
    }
    return list && list.length ? list : [location.origin];
  })();
  if (refusedOrigins.length) {
    console.warn('chipatlas: ignoring origins ' + refusedOrigins.slice(0, 5).map(function (o) { return JSON.stringify(o.slice(0, 80)); }).join(', ') +
      ': the URL may name only http(s) origins; "*" and "null" are for the page\'s own <meta name="chipatlas-origins"> (see API.md)');
  }
  function originAllowed(origin) {
    return allowedOrigins.indexOf('*') >= 0 || allowedOrigins.indexOf(origin) >= 0;
  }

  // The URL to share / open outside an embed: no embed flag, no origins allow-list.
  function shareUrl() {
    var u = new URL(location.href);
    u.searchParams.delete('embed');
    u.searchParams.delete('origins');
    var parts = u.hash.replace(/^#/, '').split('&').filter(function (p) {
      var k = p.split('=')[0];
      return p && k !== 'embed' && k !== 'origins';
    });
    u.hash = parts.length ? '#' + parts.join('&') : '';
    return u.href;
  }

  var mqDark = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
  var mqReduce = window.matchMedia ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  function systemTheme() { return mqDark && mqDark.matches ? 'dark' : 'light'; }

  // ------------------------------------------------------------------ small DOM helper
  function h(tag, props) {
    var node = doc.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'text') node.textContent = v;
        else if (k === 'className') node.className = v;
        else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
        else if (k === 'hidden') node.hidden = true;
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
    }
    return node;
  }

  // ------------------------------------------------------------------ UI
  var ui = {};

  function buildUi() {
    ui.canvas = doc.getElementById('canvas');
    if (!ui.canvas) {
      ui.canvas = h('canvas', { id: 'canvas', tabindex: '0' });
      doc.body.insertBefore(ui.canvas, doc.body.firstChild);
    }
    ui.loading = doc.getElementById('loading');

    // Search combobox (ARIA 1.2 "list autocomplete" pattern).
    ui.search = h('input', {
      type: 'search', id: 'search', role: 'combobox', 'aria-autocomplete': 'list',
      'aria-expanded': 'false', 'aria-controls': 'search-results', autocomplete: 'off',
      spellcheck: 'false', enterkeyhint: 'search', placeholder: 'Search organisations, collaborations',
      'aria-label': 'Search organisations and collaborations'
    });
    ui.results = h('ul', { id: 'search-results', role: 'listbox', 'aria-label': 'Search results', hidden: true });
    ui.searchStatus = h('span', { id: 'search-status', className: 'visually-hidden', role: 'status' });
    var searchBox = h('div', { className: 'ca-search', role: 'search' }, ui.search, ui.results, ui.searchStatus);

    // Share / export.
    ui.copy = h('button', { type: 'button', id: 'copy-link', className: 'ca-btn', title: 'Copy a link to this view', text: 'Copy link' });
    ui.png = h('button', { type: 'button', id: 'export-png', className: 'ca-btn', title: 'Download the map as an image (PNG)', 'aria-label': 'Download image (PNG)', text: 'PNG' });
    ui.csv = h('button', { type: 'button', id: 'export-csv', className: 'ca-btn', title: 'Download the visible collaborations as CSV', 'aria-label': 'Download visible collaborations (CSV)', text: 'CSV' });
    ui.json = h('button', { type: 'button', id: 'export-json', className: 'ca-btn', title: 'Download the visible collaborations as JSON', 'aria-label': 'Download visible collaborations (JSON)', text: 'JSON' });
    ui.tools = h('div', { id: 'tools', role: 'group', 'aria-label': 'Share and export' }, ui.copy, ui.png, ui.csv, ui.json);
    ui.menuToggle = h('button', {
      type: 'button', id: 'menu-toggle', className: 'ca-btn', 'aria-label': 'Share and export',
      title: 'Share and export', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'tools', text: '⋯'
    });
    ui.openFull = h('a', {
      id: 'open-full', className: 'ca-link', href: shareUrl(), target: '_blank', rel: 'noopener',
      title: 'Open the full atlas in a new tab'
    }, h('span', { className: 'ca-long', text: 'Open full view ' }), h('span', { 'aria-hidden': 'true', text: '↗' }),
      h('span', { className: 'visually-hidden', text: ' (opens in a new tab)' }));
    var menu = h('div', { className: 'ca-menu' }, ui.menuToggle, ui.tools);

    ui.chrome = h('div', { id: 'chrome' }, searchBox, menu, ui.openFull);
    // Keys typed into the chrome belong to the DOM, never to SDL (which may listen on window).
    ['keydown', 'keyup', 'keypress'].forEach(function (t) {
      ui.chrome.addEventListener(t, function (e) { e.stopPropagation(); });
    });
    doc.body.insertBefore(ui.chrome, ui.canvas); // tab order: search, tools, then the map

    // Error panel.
    ui.errTitle = h('h2', { id: 'error-title' });
    ui.errDismiss = h('button', { type: 'button', id: 'error-dismiss', className: 'ca-btn', text: 'Dismiss' });
    ui.errReload = h('button', { type: 'button', id: 'error-reload', className: 'ca-btn', text: 'Reload', hidden: true });
    ui.errMsg = h('p', { id: 'error-message' });
    ui.errLines = h('ul', { id: 'error-lines', 'aria-label': 'Errors', tabindex: '0', hidden: true });
    ui.error = h('div', { id: 'error', role: 'alert', 'aria-labelledby': 'error-title', hidden: true },
      h('div', { className: 'ca-error-head' }, ui.errTitle, ui.errReload, ui.errDismiss), ui.errMsg, ui.errLines);
    doc.body.appendChild(ui.error);
    ui.errReload.addEventListener('click', reloadPage);

    // Shown whenever the map shows a dataset other than the bundled, published one (?data=).
    ui.datasetNote = h('p', { id: 'dataset-note', role: 'status', hidden: true });
    doc.body.appendChild(ui.datasetNote);

    ui.toast = h('div', { id: 'toast', role: 'status', hidden: true });
    doc.body.appendChild(ui.toast);

    // Screen-reader mirror of what the map shows.
    ui.srDate = h('p', { id: 'sr-date' });
    ui.srSelection = h('p', { id: 'sr-selection', text: 'Nothing selected.' });
    ui.srCount = h('p', { id: 'sr-count' });
    ui.srActive = h('ul', { id: 'sr-active', 'aria-label': 'Collaborations on the map' });
    ui.sr = h('section', { id: 'sr', className: 'visually-hidden', 'aria-live': 'polite', 'aria-label': 'Map summary' },
      h('h2', { text: 'Map summary' }), ui.srDate, ui.srSelection, ui.srCount, ui.srActive);
    doc.body.appendChild(ui.sr);

    wireSearch();
    wireTools();
    ui.errDismiss.addEventListener('click', function () {
      ui.error.hidden = true;
      if (doc.activeElement === ui.errDismiss || ui.error.contains(doc.activeElement)) ui.canvas.focus();
    });
    ui.canvas.addEventListener('webglcontextlost', onContextLost);
    ui.canvas.addEventListener('webglcontextrestored', onContextRestored);
  }

  function reloadPage() {
    try { location.reload(); } catch (e) { /* a sandbox without navigation */ }
  }
  function reloadButton() {
    var b = h('button', { type: 'button', className: 'ca-btn', id: 'toast-reload', text: 'Reload' });
    b.addEventListener('click', reloadPage);
    return b;
  }

  // A lost WebGL context usually comes back within a second or two; if it does not, say so
  // and offer a reload instead of "restoring…" forever.
  var CONTEXT_RESTORE_WAIT_MS = 5000;
  var contextTimer = 0;
  function onContextLost() {
    toast('Graphics context lost, restoring…', 0);
    clearTimeout(contextTimer);
    contextTimer = setTimeout(function () {
      contextTimer = 0;
      toast('The graphics context did not come back. Reload the page to see the map again. ', 0, reloadButton());
      postToHost('error', { kind: 'context', message: 'the WebGL context was lost and not restored' });
    }, CONTEXT_RESTORE_WAIT_MS);
  }
  function onContextRestored() {
    clearTimeout(contextTimer);
    contextTimer = 0;
    hideToast();
  }

  var toastTimer = 0;
  function toast(msg, ms, extra) {
    clearTimeout(toastTimer);
    ui.toast.textContent = msg;
    if (extra) ui.toast.appendChild(extra);
    ui.toast.hidden = false;
    if (ms !== 0) toastTimer = setTimeout(hideToast, ms || 2500);
  }
  function hideToast() { ui.toast.hidden = true; ui.toast.textContent = ''; }

  // ------------------------------------------------------------------ error panel
  var fatal = false;
  function showError(title, message, lines) {
    if (!ui.error) { console.error(title + ': ' + message); return; }
    if (fatal && !ui.errReload.hidden) return;  // a stopped app's panel stays
    ui.errTitle.textContent = title;
    ui.errMsg.textContent = message || '';
    while (ui.errLines.firstChild) ui.errLines.removeChild(ui.errLines.firstChild);
    (lines || []).forEach(function (l) { ui.errLines.appendChild(h('li', null, h('code', { text: l }))); });
    ui.errLines.hidden = !(lines && lines.length);
    ui.error.hidden = false;
  }
  // The app cannot go on: the error panel (with Reload), the host's `error` event, queued
  // commands rejected, no more frames or commands (its memory may be corrupt after a trap).
  function fatalError(title, message) {
    if (fatal) return;
    fatal = true;
    root.dataset.error = '1';
    Module.preMainLoop = function () { return false; };  // Emscripten skips the frame
    if (ui.loading && ui.loading.parentNode) ui.loading.parentNode.removeChild(ui.loading);
    if (ui.error) {
      showError(title, message);
      ui.errReload.hidden = false;
    } else {
      console.error(title + ': ' + message);
    }
    rejectQueue(title);
    postToHost('error', { kind: 'fatal', message: title + (message ? ': ' + message : '') });
  }
  function trapMessage(e) {
    var what = e && e.message ? e.message : String(e);
    return 'The app hit an internal error (' + what.slice(0, 300) + ') and has stopped to protect your view. ' +
      'Reload the page to start again.';
  }
  function onTrap(e) { fatalError('chipatlas stopped', trapMessage(e)); }
  function diagnosticLines(data) {
    if (data && typeof data.text === 'string' && data.text.trim()) {
      return data.text.split('\n').filter(function (l) { return l.trim(); });
    }
    return ((data && data.errors) || []).map(function (e) {
      return (e.file || '?') + ':' + (e.line || 0) + ':' + (e.col || 0) + ': ' + (e.severity || 'error') + ': ' +
        (e.pointer || '') + ': ' + (e.message || '');
    });
  }

  // ------------------------------------------------------------------ calls into the wasm
  // Every string goes into the wasm through malloc (never Emscripten's ccall/cwrap, which copy
  // strings onto the 5 MB wasm stack unchecked), after a size check; a failed allocation is an
  // error, and an exception out of the wasm is a trap: the app stops (fatalError).
  var Module = {};
  var utf8enc = new TextEncoder();
  var utf8dec = new TextDecoder();

  function exportsReady() {
    return typeof Module._ca_command === 'function' && typeof Module._malloc === 'function' &&
      typeof Module._free === 'function' && !!Module.HEAPU8;
  }
  // Copies bytes (+ a NUL) into the wasm heap; returns the pointer, or throws when out of memory.
  function heapBytes(bytes) {
    var p = Module._malloc(bytes.length + 1);
    if (!p) throw new RangeError('out of memory (' + bytes.length + ' bytes)');
    Module.HEAPU8.set(bytes, p);
    Module.HEAPU8[p + bytes.length] = 0;
    return p;
  }
  function readCString(p) {
    if (!p) return '';
    var heap = Module.HEAPU8;
    var end = heap.indexOf(0, p);
    if (end < 0) end = heap.length;
    return utf8dec.decode(heap.subarray(p, end));
  }

  // Checks a command before it is serialised: depth and size, without recursion (a hostile
  // message can be deeper than the JS stack) and stopping at the first limit crossed.
  function commandTooBig(value) {
    var stack = [value, 1];
    var bytes = 0;
    while (stack.length) {
      var depth = stack.pop();
      var v = stack.pop();
      if (v === null || typeof v !== 'object') {
        bytes += typeof v === 'string' ? v.length + 2 : 8;
      } else {
        if (depth > LIMITS.commandDepth) return 'command nested too deep (the limit is ' + LIMITS.commandDepth + ' levels)';
        var keys = Array.isArray(v) ? null : Object.keys(v);
        var n = keys ? keys.length : v.length;
        bytes += 2 + n;
        if (bytes > LIMITS.commandBytes) break;
        for (var i = 0; i < n; i++) {
          if (keys) bytes += keys[i].length + 3;
          stack.push(keys ? v[keys[i]] : v[i], depth + 1);
        }
      }
      if (bytes > LIMITS.commandBytes) break;
    }
    return bytes > LIMITS.commandBytes ? 'command too large: over ' + LIMITS.commandBytes + ' bytes' : null;
  }
  // The command as UTF-8 JSON within the limits, or { error }.
  function encodeCommand(msg) {
    var why = commandTooBig(msg);
    if (why) return { error: why };
    var text = JSON.stringify(msg);
    // UTF-8 takes at least one byte per UTF-16 unit: a long string is too large before encoding.
    if (typeof text !== 'string' || text.length > LIMITS.commandBytes) return { error: 'command too large: over ' + LIMITS.commandBytes + ' bytes' };
    var bytes = utf8enc.encode(text);
    if (bytes.length > LIMITS.commandBytes) return { error: 'command too large: ' + bytes.length + ' bytes (the limit is ' + LIMITS.commandBytes + ')' };
    return { bytes: bytes };
  }

  // One command, synchronously. Always returns an object with ok.
  function call(msg) {
    if (fatal) return { ok: false, error: 'chipatlas has stopped' };
    if (!exportsReady()) return { ok: false, error: 'chipatlas is not running yet' };
    var enc;
    try { enc = encodeCommand(msg); } catch (e) { return { ok: false, error: 'cannot send this command: ' + (e && e.message || e) }; }
    if (enc.error) return { ok: false, error: enc.error };
    var p = 0, text;
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
      if (!fatal) Module._free(p);
    }
    try {
      var r = JSON.parse(text);
      if (r && typeof r === 'object') return r;
    } catch (e) { /* fall through */ }
    return { ok: false, error: 'unreadable reply from ca_command' };
  }

  // A dataset can be large: its bytes go through malloc as they came over the wire (no
  // UTF-16 round trip, and bad UTF-8 reaches the validator instead of being replaced).
  // Returns true when the wasm took it (errors come back as a dataerror event).
  function loadDataset(name, bytes) {
    if (typeof Module._ca_load_dataset !== 'function' || !exportsReady()) {
      showError('Cannot load dataset', 'this build does not export ca_load_dataset');
      return false;
    }
    var pn = 0, pd = 0;
    try {
      pn = heapBytes(utf8enc.encode(name));
      pd = heapBytes(bytes);
    } catch (e) {
      if (pn) Module._free(pn);
      showError('Cannot load the dataset', name + ': ' + (e && e.message || e) + '. Showing the built-in data.');
      return false;
    }
    var ok = false;
    try {
      ok = Module._ca_load_dataset(pn, pd, bytes.length) === 1;
    } catch (e) {
      onTrap(e);
      return false;
    }
    Module._free(pn);
    Module._free(pd);
    return ok;
  }

  var pendingDataset = null;
  var shownDataset = null;  // the name of a non-bundled dataset on the map, or null
  function loadPendingDataset() {
    if (!pendingDataset || !exportsReady()) return;
    var ds = pendingDataset;
    pendingDataset = null;
    if (loadDataset(ds.name, ds.bytes)) showDatasetNote(ds.name);
  }
  function showDatasetNote(name) {
    shownDataset = name;
    ui.datasetNote.textContent = '';
    ui.datasetNote.appendChild(h('strong', { text: 'Not the published data: ' }));
    ui.datasetNote.appendChild(doc.createTextNode('this map shows the dataset '));
    ui.datasetNote.appendChild(h('code', { text: name }));
    ui.datasetNote.appendChild(doc.createTextNode(', loaded from the link, not the published chipatlas dataset.'));
    ui.datasetNote.hidden = false;
    root.dataset.dataset = 'custom';
  }

  // ------------------------------------------------------------------ API (in-page and host)
  var isReady = false;
  var lastState = null;
  var lastHash = null;
  var queue = [];
  var listeners = new Map();

  var DIRECT = ['getState', 'setState', 'setHash', 'play', 'pause', 'togglePlay', 'step', 'select', 'flyTo', 'search', 'export', 'locate'];
  function pick(a, keys) {
    var s = {};
    keys.forEach(function (k) { if (a[k] !== undefined) s[k] = a[k]; });
    return s;
  }
  function translate(cmd, a) {
    if (typeof cmd !== 'string' || !cmd) throw new TypeError('cmd must be a non-empty string');
    if (cmd.length > 64) throw new Error('unknown command "' + cmd.slice(0, 64) + '…"');
    a = a && typeof a === 'object' ? a : {};
    switch (cmd) {
      case 'setTheme': return { cmd: 'setState', state: pick(a, ['theme']) };
      case 'setLanguage': return { cmd: 'setState', state: { lang: a.lang } };
      case 'setTime': return { cmd: 'setState', state: { t: a.t } };
      case 'setMode': return { cmd: 'setState', state: pick(a, ['mode', 'window']) };
      case 'setFilters': return { cmd: 'setState', state: pick(a, ['hiddenKinds', 'hiddenRegions', 'hiddenOrgKinds']) };
      case 'select':
        // Over postMessage `id` is the message id, so the item travels as `item`.
        return { cmd: 'select', id: a.item !== undefined ? a.item : a.id !== undefined ? a.id : '' };
    }
    if (DIRECT.indexOf(cmd) < 0) throw new Error('unknown command "' + cmd + '"');
    var msg = {};
    Object.keys(a).forEach(function (k) { msg[k] = a[k]; });
    msg.cmd = cmd;
    return msg;
  }
  function runJob(job) {
    var r = call(job.msg);
    if (r.ok) {
      var result = {};
      Object.keys(r).forEach(function (k) { if (k !== 'ok') result[k] = r[k]; });
      if (r.warnings && r.warnings.length) console.warn('chipatlas: ' + job.msg.cmd + ': ' + r.warnings.join('; '));
      job.resolve(result);
    } else {
      job.reject(new Error(r.error || 'command failed'));
    }
  }
  function command(cmd, args) {
    var msg;
    try { msg = translate(cmd, args); } catch (e) { return Promise.reject(e); }
    return new Promise(function (resolve, reject) {
      var job = { msg: msg, resolve: resolve, reject: reject };
      if (fatal) reject(new Error('chipatlas has stopped'));
      else if (isReady) Promise.resolve().then(function () { runJob(job); });
      else if (queue.length >= 200) reject(new Error('too many commands queued before start-up'));
      else queue.push(job);
    });
  }
  function flushQueue() {
    var jobs = queue;
    queue = [];
    jobs.forEach(runJob);
  }
  function rejectQueue(why) {
    var jobs = queue;
    queue = [];
    jobs.forEach(function (j) { j.reject(new Error(why)); });
  }

  // Host events use these names; in-page listeners may also use the wasm's raw names.
  var ALIASES = { state: 'statechange', selection: 'selectionchange' };
  function emit(name, data) {
    [name, ALIASES[name]].forEach(function (n) {
      var set = n && listeners.get(n);
      if (!set) return;
      Array.from(set).forEach(function (fn) {
        try { fn(data); } catch (e) { console.error(e); }
      });
    });
  }

  var api = {
    version: API_VERSION,
    get ready() { return isReady; },
    get state() { return lastState; },
    getState: function () { return command('getState').then(function (r) { return r.state; }); },
    setState: function (partial) { return command('setState', { state: partial }); },
    command: command,
    on: function (name, fn) {
      if (typeof fn !== 'function') return api;
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(fn);
      if (name === 'ready' && isReady) Promise.resolve().then(function () { fn({}); });
      return api;
    },
    off: function (name, fn) {
      var set = listeners.get(name);
      if (set) set.delete(fn);
      return api;
    }
  };
  try {
    Object.defineProperty(window, 'chipatlas', { value: api, enumerable: true, configurable: false, writable: false });
  } catch (e) {
    window.chipatlas = api;
  }

  // postMessage: replies go back to the sender; events go to window.parent.
  var parentOrigin = null;
  var warnedOrigins = new Set();
  function parentTarget() {
    if (window.parent === window) return null;
    if (parentOrigin) return parentOrigin;
    var cand = null;
    try {
      if (location.ancestorOrigins && location.ancestorOrigins.length) cand = location.ancestorOrigins[0];
    } catch (e) { /* ignore */ }
    if (!cand && doc.referrer) {
      try { cand = new URL(doc.referrer).origin; } catch (e) { /* ignore */ }
    }
    if (cand && cand !== 'null') return originAllowed(cand) ? cand : null;
    if (allowedOrigins.indexOf('*') >= 0) return '*';
    var concrete = allowedOrigins.filter(function (o) { return o !== 'null'; });
    return concrete.length === 1 ? concrete[0] : null;
  }
  function postToHost(event, data) {
    var target = parentTarget();
    if (!target) return;
    try {
      window.parent.postMessage({ chipatlas: API_VERSION, type: 'event', event: event, data: data }, target);
    } catch (e) { /* a detached or cross-origin-blocked parent */ }
  }

  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (!m || typeof m !== 'object' || !('chipatlas' in m) || m.type !== 'command') return;
    if (!originAllowed(ev.origin)) {
      if (!warnedOrigins.has(ev.origin)) {
        warnedOrigins.add(ev.origin);
        console.warn('chipatlas: ignoring messages from ' + ev.origin + ' (not in the allowed origins: ' +
          allowedOrigins.join(', ') + '; see API.md)');
      }
      return;
    }
    var source = ev.source;
    var target = ev.origin === 'null' ? '*' : ev.origin;
    if (source && source === window.parent && ev.origin !== 'null') parentOrigin = ev.origin;
    // The id comes back in the reply: only a short string or a finite number is echoed.
    var id = m.id;
    var idOk = id === undefined || id === null || (typeof id === 'number' && isFinite(id)) ||
      (typeof id === 'string' && id.length <= LIMITS.messageIdChars);
    function reply(ok, payload) {
      var msg = { chipatlas: API_VERSION, type: 'reply', id: idOk ? id : null, ok: ok };
      Object.keys(payload).forEach(function (k) { msg[k] = payload[k]; });
      try { if (source) source.postMessage(msg, target); } catch (e) { /* ignore */ }
    }
    if (m.chipatlas !== API_VERSION) {
      var v = typeof m.chipatlas === 'number' || typeof m.chipatlas === 'string' ? String(m.chipatlas).slice(0, 20) : typeof m.chipatlas;
      reply(false, { error: 'unsupported API version ' + v + ' (this page speaks ' + API_VERSION + ')' });
      return;
    }
    if (!idOk) {
      reply(false, { error: 'id must be a number or a string of at most ' + LIMITS.messageIdChars + ' characters' });
      return;
    }
    // Arguments: the message's own fields (envelope excluded), or an `args` object.
    var args = {};
    var src = m.args && typeof m.args === 'object' && !Array.isArray(m.args) ? m.args : m;
    Object.keys(src).forEach(function (k) {
      if (src === m && (k === 'chipatlas' || k === 'type' || k === 'id' || k === 'cmd' || k === 'args')) return;
      args[k] = src[k];
    });
    command(m.cmd, args).then(
      function (result) { reply(true, { result: result }); },
      function (err) { reply(false, { error: String(err && err.message || err) }); });
  });

  // ------------------------------------------------------------------ events from the wasm
  // The URL follows the state, at most once a second: playback changes the state five times a
  // second, and browsers limit history.replaceState (Safari: 100 calls per 30 s, then it
  // throws; Chromium re-requests the favicon on each change). The last state always lands.
  var URL_SYNC_MS = 1000;
  var warnedHistory = false, lastUrlSync = -Infinity, urlTimer = 0;
  function writeUrl() {
    urlTimer = 0;
    lastUrlSync = Date.now();
    if (lastHash === wasmHash(location.hash)) return;
    try {
      history.replaceState(history.state, '', lastHash ? lastHash : location.pathname + location.search);
    } catch (e) {
      if (!warnedHistory) { warnedHistory = true; console.warn('chipatlas: cannot update the URL: ' + e.message); }
    }
  }
  function syncUrl(hash) {
    if (typeof hash !== 'string') return;
    lastHash = hash;
    if (urlTimer) return;  // already due: it writes the newest hash
    var wait = lastUrlSync + URL_SYNC_MS - Date.now();
    if (wait <= 0) writeUrl();
    else urlTimer = setTimeout(writeUrl, wait);
  }
  function cancelUrlSync() {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = 0;
  }

  function applyChromeTheme(state) {
    if (!state) return;
    var theme = state.theme === 'auto' || !state.theme
      ? (typeof state.dark === 'boolean' ? (state.dark ? 'dark' : 'light') : null)
      : state.theme;
    if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }

  function describeDate(t) { return t ? 'Date: ' + t + '.' : ''; }
  function updateMirrorFromState(state) {
    if (!state) return;
    // While playing the date moves several times a second: leave it to the `active` updates.
    if (!state.playing) ui.srDate.textContent = describeDate(state.t);
  }
  function participantName(p) {
    if (typeof p === 'string') return p;
    if (p && typeof p === 'object') return p.name || p.label || p.org || '';
    return '';
  }
  function updateMirrorFromActive(data) {
    if (data.t) ui.srDate.textContent = describeDate(data.t);
    var items = Array.isArray(data.items) ? data.items : [];
    ui.srCount.textContent = items.length === 1 ? '1 collaboration on the map.' : items.length + ' collaborations on the map.';
    var frag = doc.createDocumentFragment();
    items.forEach(function (it) {
      var when = (it.start || '?') + ' to ' + (it.end || 'ongoing');
      var who = (it.participants || []).map(participantName).filter(Boolean).join(', ');
      var text = (it.title || it.id) + ' (' + [it.kind, it.status].filter(Boolean).join(', ') + '; ' + when + ')' + (who ? ': ' + who : '');
      frag.appendChild(h('li', { 'data-id': it.id, text: text }));
    });
    while (ui.srActive.firstChild) ui.srActive.removeChild(ui.srActive.firstChild);
    ui.srActive.appendChild(frag);
  }
  function updateMirrorFromSelection(data) {
    if (!data || !data.id) ui.srSelection.textContent = 'Nothing selected.';
    else ui.srSelection.textContent = 'Selected ' + (data.type || 'item') + ': ' + (data.label || data.id) + '.';
    ui.srSelection.dataset.id = (data && data.id) || '';
  }

  function onState(data) {
    if (data.state) {
      lastState = data.state;
      applyChromeTheme(data.state);
      updateMirrorFromState(data.state);
      if (!queryEmbed && typeof data.state.embed === 'boolean') root.classList.toggle('embed', data.state.embed);
    }
    syncUrl(data.hash);
    ui.openFull.href = shareUrl();
  }

  function onReady() {
    if (isReady) return;
    isReady = true;
    root.dataset.ready = '1';
    if (ui.loading && ui.loading.parentNode) ui.loading.parentNode.removeChild(ui.loading);
    var r = call({ cmd: 'getState' });
    if (r.ok) onState(r);
    flushQueue();
    if (ui.search.value.trim()) runSearch();
    postToHost('ready', { version: API_VERSION, state: lastState, hash: lastHash });
    emit('ready', {});
  }

  function onChipatlasEvent(type, json) {
    var data;
    try {
      data = typeof json === 'string' ? (json ? JSON.parse(json) : {}) : (json || {});
    } catch (e) {
      console.warn('chipatlas: unreadable ' + type + ' event: ' + e.message);
      return;
    }
    try {
      switch (type) {
        case 'ready':
          onReady();
          return; // onReady emits and posts
        case 'state':
          onState(data);
          postToHost('statechange', data);
          break;
        case 'selection':
          updateMirrorFromSelection(data);
          postToHost('selectionchange', data);
          break;
        case 'active':
          updateMirrorFromActive(data);
          break;
        case 'fatal':
          fatalError('chipatlas could not start', (data && typeof data.message === 'string' && data.message) ||
            (data && typeof data.text === 'string' && data.text) || 'The app failed to start.');
          break;
        case 'dataerror':
          var lines = diagnosticLines(data);
          showError('The dataset has errors', 'The previous data is still shown. Fix these and reload:', lines);
          postToHost('error', { kind: 'data', message: 'dataset errors', lines: lines });
          break;
        case 'png':
          onPng(data);
          break;
        case 'height':
          postToHost('height', data);
          break;
      }
      emit(type, data);
    } catch (e) {
      // Never throw back into the wasm.
      console.error('chipatlas: ' + type + ' handler failed', e);
    }
  }

  // ------------------------------------------------------------------ search
  var results = [];
  var activeIndex = -1;
  var optionSeq = 0;

  var REGION_LANG = { korea: 'ko', japan: 'ja', taiwan: 'zh-Hant', 'hong kong': 'zh-Hant', hong_kong: 'zh-Hant', macao: 'zh-Hant', gba: 'zh-Hans' };
  function nativeLang(region, text) {
    var key = String(region || '').toLowerCase();
    for (var k in REGION_LANG) if (key.indexOf(k) >= 0) return REGION_LANG[k];
    if (/[\uac00-\ud7af]/.test(text)) return 'ko';
    if (/[\u3040-\u30ff]/.test(text)) return 'ja';
    return 'zh';
  }

  function setExpanded(open) {
    ui.results.hidden = !open;
    ui.search.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open) { setActive(-1); }
  }
  function setActive(i) {
    var opts = ui.results.querySelectorAll('[role="option"]');
    activeIndex = i;
    for (var j = 0; j < opts.length; j++) opts[j].setAttribute('aria-selected', j === i ? 'true' : 'false');
    if (i >= 0 && opts[i]) {
      ui.search.setAttribute('aria-activedescendant', opts[i].id);
      opts[i].scrollIntoView({ block: 'nearest' });
    } else {
      ui.search.removeAttribute('aria-activedescendant');
    }
  }
  function renderResults(text) {
    while (ui.results.firstChild) ui.results.removeChild(ui.results.firstChild);
    activeIndex = -1;
    ui.search.removeAttribute('aria-activedescendant');
    if (!text) { setExpanded(false); ui.searchStatus.textContent = ''; return; }
    if (!results.length) {
      ui.results.appendChild(h('li', { className: 'ca-opt-empty', role: 'presentation', text: 'No matches' }));
      ui.searchStatus.textContent = 'No matches.';
      setExpanded(true);
      return;
    }
    results.forEach(function (r, i) {
      var meta = h('span', { className: 'ca-opt-meta' });
      if (r.native) meta.appendChild(h('span', { className: 'ca-opt-native', lang: nativeLang(r.region, r.native), text: r.native }));
      meta.appendChild(doc.createTextNode([r.type, r.region].filter(Boolean).join(' · ')));
      var li = h('li', {
        id: 'search-opt-' + (++optionSeq), role: 'option', 'aria-selected': 'false', 'data-id': r.id,
        'data-index': String(i)
      }, h('span', { className: 'ca-opt-label', text: r.label || r.id }), meta);
      ui.results.appendChild(li);
    });
    ui.searchStatus.textContent = results.length === 1 ? '1 result.' : results.length + ' results.';
    setExpanded(true);
  }
  function runSearch() {
    var text = ui.search.value.trim();
    if (!text) { results = []; renderResults(''); return; }
    if (!isReady) return; // onReady runs it again
    var r = call({ cmd: 'search', text: text });
    results = r.ok && Array.isArray(r.results) ? r.results : [];
    renderResults(text);
  }
  function choose(i) {
    var r = results[i];
    if (!r) return;
    var reply = call({ cmd: 'select', id: r.id });
    if (!reply.ok) toast('Cannot select ' + (r.label || r.id) + ': ' + reply.error);
    ui.search.value = r.label || r.id;
    setExpanded(false);
  }
  function wireSearch() {
    // `input` fires for IME composition too, so Chinese, Korean and Japanese search live.
    ui.search.addEventListener('input', runSearch);
    ui.search.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) return; // the IME owns Enter/arrows while composing
      var n = results.length;
      switch (e.key) {
        case 'ArrowDown':
        case 'Down':
          if (!n) return;
          e.preventDefault();
          if (ui.results.hidden) setExpanded(true);
          setActive(activeIndex + 1 >= n ? 0 : activeIndex + 1);
          break;
        case 'ArrowUp':
        case 'Up':
          if (!n) return;
          e.preventDefault();
          if (ui.results.hidden) setExpanded(true);
          setActive(activeIndex <= 0 ? n - 1 : activeIndex - 1);
          break;
        case 'Enter':
          if (!n || ui.results.hidden) return;
          e.preventDefault();
          choose(activeIndex >= 0 ? activeIndex : 0);
          break;
        case 'Escape':
        case 'Esc':
          if (!ui.results.hidden) { e.preventDefault(); setExpanded(false); }
          else if (ui.search.value) { e.preventDefault(); ui.search.value = ''; results = []; renderResults(''); }
          else { ui.canvas.focus(); }
          break;
        case 'Tab':
          setExpanded(false);
          break;
      }
    });
    ui.search.addEventListener('focus', function () { if (results.length && ui.search.value.trim()) setExpanded(true); });
    ui.search.addEventListener('blur', function () { setTimeout(function () { if (doc.activeElement !== ui.search) setExpanded(false); }, 150); });
    ui.results.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep focus in the input
    ui.results.addEventListener('click', function (e) {
      var li = e.target.closest('[role="option"]');
      if (li) choose(Number(li.dataset.index));
    });
    ui.results.addEventListener('mousemove', function (e) {
      var li = e.target.closest('[role="option"]');
      if (li && Number(li.dataset.index) !== activeIndex) setActive(Number(li.dataset.index));
    });
  }

  // ------------------------------------------------------------------ share and export
  function downloadBlob(blob, filename) {
    var url = URL.createObjectURL(blob);
    var a = h('a', { href: url, download: filename, rel: 'noopener', className: 'visually-hidden' });
    doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }
  function legacyCopy(text) {
    var ta = h('textarea', { readonly: true, className: 'visually-hidden', 'aria-hidden': 'true' });
    ta.value = text;
    doc.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }
  function copyLink() {
    var link = shareUrl();
    function fallback() {
      if (legacyCopy(link)) { toast('Link copied'); return; }
      var box = h('input', { type: 'text', readonly: true, 'aria-label': 'Link to this view', value: link });
      toast('Copy this link:', 10000, box);
      box.focus();
      box.select();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(function () { toast('Link copied'); }, fallback);
    } else {
      fallback();
    }
  }
  function exportText(format) {
    command('export', { format: format }).then(function (r) {
      var type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
      // A BOM lets spreadsheet programs read the CSV's CJK names as UTF-8.
      var body = format === 'csv' ? ['\ufeff', r.text] : [r.text];
      downloadBlob(new Blob(body, { type: type }), r.filename || 'chipatlas.' + format);
    }, function (e) { toast('Export failed: ' + e.message, 5000); });
  }

  var FOOTER_TEXT = 'chipatlas · Natural Earth · sources: see details';
  var UNPUBLISHED_BAND = '#f5c542';  // amber, as #dataset-note
  // Sets ctx.font to the largest size (from `size` down to 6 px) at which text fits width and
  // returns the text, shortened with an ellipsis if even 6 px is too wide.
  function fitText(ctx, text, size, width, weight) {
    ctx.font = weight + size + 'px system-ui, sans-serif';
    while (size > 6 && ctx.measureText(text).width > width) {
      size -= 1;
      ctx.font = weight + size + 'px system-ui, sans-serif';
    }
    while (text.length > 8 && ctx.measureText(text).width > width) text = text.slice(0, -2) + '…';
    return text;
  }
  var pngWait = null;
  function exportPng() {
    if (pngWait) return;
    if (!isReady) { toast('Still loading…'); return; }
    var r = call({ cmd: 'exportPng' });
    if (!r.ok) { toast('Export failed: ' + r.error, 5000); return; }
    pngWait = setTimeout(function () { pngWait = null; toast('Export failed: no image came back', 5000); }, 15000);
  }
  function onPng(data) {
    var w = data.width | 0, ht = data.height | 0, ptr = data.ptr >>> 0;
    if (!pngWait) return; // someone else asked (the in-page API listener gets the event anyway)
    clearTimeout(pngWait);
    pngWait = null;
    if (!(w > 0 && ht > 0) || !Module.HEAPU8 || ptr + w * ht * 4 > Module.HEAPU8.length) {
      toast('Export failed: bad image from the app', 5000);
      return;
    }
    // Copy now: the pixels are only valid until the next frame.
    var px = new Uint8ClampedArray(Module.HEAPU8.subarray(ptr, ptr + w * ht * 4));
    for (var i = 3; i < px.length; i += 4) px[i] = 255;
    var scale = Math.max(1, w / Math.max(1, ui.canvas.clientWidth || w));
    var line = Math.round(26 * scale);
    var footer = shownDataset ? 2 * line : line;
    var c = doc.createElement('canvas');
    c.width = w;
    c.height = ht + footer;
    var ctx = c.getContext('2d');
    ctx.putImageData(new ImageData(px, w, ht), 0, 0);
    var dark = root.dataset.theme === 'dark' || (!root.dataset.theme && systemTheme() === 'dark');
    ctx.fillStyle = dark ? '#14171b' : '#f4f5f7';
    ctx.fillRect(0, ht, w, footer);
    ctx.fillStyle = dark ? '#3d4550' : '#c4cad3';
    ctx.fillRect(0, ht, w, Math.max(1, Math.round(scale)));
    var date = (lastState && lastState.t) || '';
    var pad = 8 * scale;
    var text = fitText(ctx, (date ? date + ' · ' : '') + FOOTER_TEXT, 12 * scale, w - 2 * pad, '');
    ctx.fillStyle = dark ? '#e6e8eb' : '#1a1d21';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, pad, ht + line / 2 + 0.5 * scale);
    if (shownDataset) {
      // The same warning as the page's note: an image of made-up data must say so.
      ctx.fillStyle = UNPUBLISHED_BAND;
      ctx.fillRect(0, ht + line, w, line);
      text = fitText(ctx, 'Not the published chipatlas data: dataset ' + shownDataset.slice(0, 120), 12 * scale, w - 2 * pad, 'bold ');
      ctx.fillStyle = '#1a1d21';
      ctx.fillText(text, pad, ht + line + line / 2 + 0.5 * scale);
    }
    c.toBlob(function (blob) {
      if (!blob) { toast('Export failed: could not encode the PNG', 5000); return; }
      downloadBlob(blob, 'chipatlas-' + (date || 'map') + '.png');
    }, 'image/png');
  }

  function closeMenu(focusToggle) {
    if (!ui.tools.classList.contains('open')) return;
    ui.tools.classList.remove('open');
    ui.menuToggle.setAttribute('aria-expanded', 'false');
    if (focusToggle) ui.menuToggle.focus();
  }
  function wireTools() {
    ui.copy.addEventListener('click', function () { closeMenu(); copyLink(); });
    ui.png.addEventListener('click', function () { closeMenu(); exportPng(); });
    ui.csv.addEventListener('click', function () { closeMenu(); exportText('csv'); });
    ui.json.addEventListener('click', function () { closeMenu(); exportText('json'); });
    ui.menuToggle.addEventListener('click', function () {
      var open = !ui.tools.classList.contains('open');
      ui.tools.classList.toggle('open', open);
      ui.menuToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) { var first = ui.tools.querySelector('button'); if (first) first.focus(); }
    });
    ui.tools.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && ui.tools.classList.contains('open')) { e.preventDefault(); closeMenu(true); }
    });
    doc.addEventListener('pointerdown', function (e) {
      if (!ui.tools.contains(e.target) && e.target !== ui.menuToggle) closeMenu(false);
    }, true);
  }

  // ------------------------------------------------------------------ system preferences, URL edits
  function watchMedia(mq, fn) {
    if (!mq) return;
    if (mq.addEventListener) mq.addEventListener('change', fn);
    else if (mq.addListener) mq.addListener(fn);
  }
  watchMedia(mqDark, function () {
    if (isReady) call({ cmd: 'setState', state: { systemTheme: systemTheme() } });
    var r = isReady ? call({ cmd: 'getState' }) : null;
    if (r && r.ok) onState(r);
  });
  watchMedia(mqReduce, function () {
    if (isReady) call({ cmd: 'setState', state: { reducedMotion: !!mqReduce.matches } });
  });
  window.addEventListener('hashchange', function () {
    var checked = checkedHash(location.hash);
    if (checked.error) return;
    var hash = checked.hash;
    if (isReady && hash === lastHash) return;
    cancelUrlSync();  // the hash typed or linked wins over a write still waiting
    command('setHash', { hash: hash }).then(null, function (e) { console.warn('chipatlas: setHash: ' + e.message); });
  });

  // ------------------------------------------------------------------ start-up
  function hasWebGL2() {
    try {
      if (!window.WebGL2RenderingContext) return false;
      var gl = doc.createElement('canvas').getContext('webgl2');
      if (!gl) return false;
      var lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext(); // give the probe context back at once
      return true;
    } catch (e) {
      return false;
    }
  }

  // ?data=: a same-origin file, fetched without credentials and without following redirects
  // (fetch would otherwise follow one to another site), at most LIMITS.datasetBytes.
  function dataAllowed() {
    var meta = doc.querySelector('meta[name="chipatlas-data"]');
    return !(meta && /^\s*off\s*$/i.test(meta.getAttribute('content') || ''));
  }
  function fetchDataset(spec) {
    var u;
    if (spec.length > LIMITS.dataNameChars) return Promise.reject(new Error('the path is longer than ' + LIMITS.dataNameChars + ' characters'));
    try { u = new URL(spec, location.href); } catch (e) { return Promise.reject(new Error('not a URL')); }
    if (u.origin !== location.origin || (u.protocol !== 'https:' && u.protocol !== 'http:')) {
      return Promise.reject(new Error('only datasets from this site can be loaded'));
    }
    u.hash = '';
    return fetch(u.href, { credentials: 'omit', redirect: 'error', cache: 'no-cache', referrerPolicy: 'no-referrer' }).then(function (r) {
      if (r.redirected || (r.url && new URL(r.url).origin !== location.origin)) throw new Error('the server redirected the request');
      if (!r.ok) throw new Error('HTTP ' + r.status);
      var declared = Number(r.headers.get('content-length'));
      if (declared > LIMITS.datasetBytes) throw new Error(tooLarge(declared));
      return readCapped(r);
    }, function (e) {
      throw new Error('the request failed or was redirected (' + (e && e.message || e) + ')');
    }).then(function (bytes) { return { name: spec, bytes: bytes }; });
  }
  function tooLarge(n) {
    return 'the file is larger than ' + Math.round(LIMITS.datasetBytes / 1048576) + ' MB' + (n ? ' (' + n + ' bytes)' : '');
  }
  // The body as bytes, stopping as soon as it passes the size limit.
  function readCapped(r) {
    if (!r.body || !r.body.getReader) {
      return r.arrayBuffer().then(function (buf) {
        if (buf.byteLength > LIMITS.datasetBytes) throw new Error(tooLarge(buf.byteLength));
        return new Uint8Array(buf);
      });
    }
    var reader = r.body.getReader(), chunks = [], total = 0;
    function next() {
      return reader.read().then(function (c) {
        if (c.done) {
          var out = new Uint8Array(total), at = 0;
          chunks.forEach(function (ch) { out.set(ch, at); at += ch.length; });
          return out;
        }
        total += c.value.length;
        if (total > LIMITS.datasetBytes) { reader.cancel(); throw new Error(tooLarge(0)); }
        chunks.push(c.value);
        return next();
      });
    }
    return next();
  }

  // <link rel=preload> for chipatlas.js and .wasm; loadRuntime's requests then reuse them
  // (crossorigin: the same request mode as Emscripten's fetch of the wasm).
  function preloadRuntime() {
    [['chipatlas.wasm', 'fetch'], ['chipatlas.js', 'script']].forEach(function (f) {
      var l = doc.createElement('link');
      l.rel = 'preload';
      l.href = f[0];
      l.as = f[1];
      if (f[1] === 'fetch') l.crossOrigin = 'anonymous';
      doc.head.appendChild(l);
    });
  }

  // The view state in the URL hash, or '' (with an error shown) when it is too long to read.
  function checkedHash(hash) {
    var h2 = wasmHash(hash);
    if (h2.length <= LIMITS.hashChars) return { hash: h2 };
    showError('This link\u2019s view cannot be read',
      'Its view state is ' + h2.length + ' characters long; the limit is ' + LIMITS.hashChars + '. Showing the default view.');
    return { hash: '', error: true };
  }
  function startArgs() {
    var args = [];
    var hash = checkedHash(location.hash).hash;
    if (hash) args.push('--hash', hash);
    if (queryEmbed) args.push('--embed');
    args.push('--system-theme', systemTheme());
    if (mqReduce && mqReduce.matches) args.push('--reduced-motion');
    args.push('--dpr', String(window.devicePixelRatio || 1));
    return args;
  }

  function loadRuntime() {
    Module.canvas = ui.canvas;
    Module.arguments = startArgs();
    Module.print = function (t) { console.log(t); };
    Module.printErr = function (t) { console.warn(t); };
    Module.onAbort = function (what) {
      fatalError('chipatlas stopped', 'The app hit an error and cannot continue' + (what ? ': ' + what : '.') +
        ' Reloading the page may help.');
    };
    Module.onChipatlasEvent = onChipatlasEvent;
    Module.postRun = [function () { loadPendingDataset(); }];
    // A trap (out-of-bounds access, unreachable, stack exhaustion) inside a frame or an event
    // handler reaches Emscripten's handleException, which calls quit_: stop the app visibly.
    Module.quit = function (status, toThrow) {
      if (toThrow && toThrow.name !== 'ExitStatus' && toThrow !== 'unwind') onTrap(toThrow);
      throw toThrow;
    };
    window.Module = Module;

    var s = doc.createElement('script');
    s.src = 'chipatlas.js';
    s.async = true;
    s.onerror = function () {
      fatalError('chipatlas could not be loaded', 'chipatlas.js did not load. Check the connection and reload the page.');
    };
    doc.body.appendChild(s);
  }

  function start() {
    buildUi();
    var theme = startHash.get('theme');
    if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
    if (!hasWebGL2()) {
      fatalError('WebGL 2 is not available',
        'chipatlas draws its map with WebGL 2, which this browser does not provide or has turned off. ' +
        'Try a current version of Chrome, Edge, Firefox or Safari, and check that hardware acceleration is enabled.');
      return;
    }
    var spec = query.get('data');
    if (spec && !dataAllowed()) {
      showError('This page shows only its published data',
        'Its publisher has turned off loading other datasets (?data=). Showing the published data.');
      spec = null;
    }
    var shownSpec = spec ? spec.slice(0, 200) : '';
    if (spec) preloadRuntime();  // download the runtime while the dataset downloads
    var dataP = spec
      ? fetchDataset(spec).then(null, function (e) {
          showError('Could not load the dataset', shownSpec + ': ' + e.message + '. Showing the built-in data.');
          return null;
        })
      : Promise.resolve(null);
    dataP.then(function (ds) {
      pendingDataset = ds;
      loadRuntime();
    });
  }

  // A trap in wasm code that an event handler called directly (not through Emscripten's
  // handleException) surfaces here.
  window.addEventListener('error', function (e) {
    if (typeof WebAssembly === 'object' && e.error instanceof WebAssembly.RuntimeError) onTrap(e.error);
  });
  window.addEventListener('unhandledrejection', function (e) {
    if (typeof WebAssembly === 'object' && e.reason instanceof WebAssembly.RuntimeError) onTrap(e.reason);
  });

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
})();
