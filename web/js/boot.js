// The page's entry (index.html, csp.html: <script type="module" src="js/boot.js">): builds the
// chrome, defines window.chipatlas, sets window.Module and then loads chipatlas.js.
//
// All of web/js/ works under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`: no
// inline scripts, no eval, no inline style attributes (only CSSOM writes), no innerHTML.
import { instantiateWith, mark, GLUE, EDIT_BUILD } from './wasm_loader.js';
import { mapReady } from './early.js';
import { doc, root, mqDark, mqForced, mqReduce, systemTheme, systemColours, watchMedia } from './dom.js';
import { app } from './state.js';
import { LIMITS } from './limits.js';
import { checkedWasmHash, shareUrl } from './url_state.js';
import { query, startHash, embed, queryEmbed } from './config.js';
import { ui, buildChrome, showError, deferChrome, ensureChrome } from './ui_chrome.js';
import { Module, call, command, fatalError, onTrap } from './runtime.js';
import { installHostApi } from './host_api.js';
import { onChipatlasEvent, onState, cancelUrlSync } from './events.js';
import { wireSearch } from './search_box.js';
import { wireTools } from './exports.js';
import { wireEditMenu } from './edit_files.js';
import { loadEditLayer } from './edit_layer_lazy.js';
import { wireKeyboard } from './keyboard.js';
import { buildControls, ctl, pickLocale } from './controls.js';
import { buildDetails } from './details.js';
import { buildAbout } from './about.js';
import { buildStory, loadStoryParam } from './story.js';
import { watchChrome } from './page_chrome.js';
import { dataAllowed, fetchDatasets } from './dataset.js';
import { benchArgs } from './bench.js';
import { wireDatasets, setPendingDataset, hasPendingDataset, loadPendingDataset, loadStartDataset } from './datasets.js';
import { t } from './i18n.js';
import { startPageLocale, bindPageTexts, localePicker } from './page_i18n.js';
// The modules the ones above import, named here too so that the browser requests every module
// as soon as it has read this file, not one level of imports after another.
import './commands.js';
import './origins.js';
import './host_events.js';
import './mirror.js';
import './data_files.js';
import './glyphs.js';
import './font_slices.js';

mark('ca:boot');  // the wasm is on its way already (js/gl_early.js fetches and compiles it)
// The interface language's texts (a link's #locale=, else the browser's languages), fetched
// while the wasm compiles; main waits for them (5 s at most: a stalled request only leaves the
// page in English until they come), so the first frame is in that language.
const LOCALE_WAIT_MS = 5000;
const localeReady = Promise.race([startPageLocale(startHash.get('locale')),
  new Promise(function (resolve) { setTimeout(resolve, LOCALE_WAIT_MS); })]);
if (embed) root.classList.add('embed');
installHostApi();

// ------------------------------------------------------------------ system preferences, URL edits
// The system's colours change with its theme too, under forced colours.
function onSystemColours() {
  if (app.ready) call({ cmd: 'setState', state: { systemTheme: systemTheme(), systemColours: systemColours() || null } });
}
watchMedia(mqForced, onSystemColours);
watchMedia(mqDark, function () {
  onSystemColours();
  const r = app.ready ? call({ cmd: 'getState' }) : null;
  if (r && r.ok) onState(r);
});
watchMedia(mqReduce, function () {
  if (app.ready) call({ cmd: 'setState', state: { reducedMotion: !!mqReduce.matches } });
});
window.addEventListener('hashchange', function () {
  const checked = checkedHash(location.hash);
  if (checked.error) return;
  const hash = checked.hash;
  if (app.ready && hash === app.lastHash) return;
  cancelUrlSync();  // the hash typed or linked wins over a write still waiting
  command('setHash', { hash: hash }).then(null, function (e) { console.warn('chipatlas: setHash: ' + e.message); });
});

// The view state in the URL hash, or '' (with an error shown) when it is too long to read.
function checkedHash(hash) {
  const c = checkedWasmHash(hash);
  if (!c.tooLong) return { hash: c.hash };
  showError(() => t('This link’s view cannot be read'),
    () => t('Its view state is {n} characters long; the limit is {max}. Showing the default view.', { n: c.tooLong, max: LIMITS.hashChars }));
  return { hash: '', error: true };
}

// ------------------------------------------------------------------ start-up
// The probe is the map's own context (js/gl_early.js), which the wasm gets back: software GL
// creates one context instead of two (docs/benchmarks.md, "First frame"). It is made before the
// modules run; go() runs once it is there, or the page says there is no WebGL 2.
function withWebGL2(go) {
  mapReady.then(function (gl) {
    if (gl) {
      mark('ca:webgl');
      go();
      return;
    }
    localeReady.then(function () {  // said in the interface language
      fatalError(t('WebGL 2 is not available'),
        t('chipatlas draws its map with WebGL 2, which this browser does not provide or has turned off. ' +
          'Try a current version of Chrome, Edge, Firefox or Safari, and check that hardware acceleration is enabled.'));
    });
  });
}

// hash: the link's view; not given at start when a ?data= dataset waits (it is applied once
// that dataset is loaded: its ids and dates may exist only there).
function startArgs(hash, dataPending) {
  const args = [];
  if (hash && !dataPending) args.push('--hash', hash);
  if (queryEmbed) args.push('--embed');
  args.push('--system-theme', systemTheme());
  const forced = systemColours();
  if (forced) args.push('--system-colours', forced);
  const langs = preferredLocales();
  if (langs) args.push('--locales', langs);
  if (mqReduce && mqReduce.matches) args.push('--reduced-motion');
  return args.concat(benchArgs());
}

// The browser's preferred languages for the wasm's negotiation (core/locale.h, choose_locale):
// at most 16 tags of letters, digits and '-', each at most 35 characters, comma-joined.
function preferredLocales() {
  const list = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language];
  const out = [];
  for (let i = 0; i < list.length && out.length < 16; i++) {
    const t = list[i];
    if (typeof t === 'string' && t.length <= 35 && /^[A-Za-z0-9-]+$/.test(t)) out.push(t);
  }
  return out.join(',');
}

// A ?data= start: dataReady (the edit build), the dataset's fetch (started before, it runs while
// chipatlas.js and the wasm load and compile), which main waits for; or dataLater (the site),
// the files (null: none could be fetched), which main does not wait for: it starts with
// --data-pending, draws nothing until they are loaded, and they are loaded as they arrive.
function loadRuntime(hash, dataReady, dataLater) {
  Module.canvas = ui.canvas;
  Module.arguments = startArgs(hash, !!(dataReady || dataLater));
  if (dataLater) Module.arguments.push('--data-pending');
  Module.print = function (t) { console.log(t); };
  Module.printErr = function (t) { console.warn(t); };
  Module.onAbort = function (what) {
    fatalError(t('chipatlas stopped'), what ? t('The app hit an error and cannot continue: {what}. Reloading the page may help.', { what: what })
      : t('The app hit an error and cannot continue. Reloading the page may help.'));
  };
  Module.onChipatlasEvent = onChipatlasEvent;
  Module.instantiateWasm = instantiateWith(function (why) {
    fatalError(t('chipatlas could not be loaded'), t('chipatlas.wasm did not load ({why}). Check the connection and reload the page.', { why: why }));
  }, dataReady ? Promise.all([dataReady, localeReady]) : localeReady);
  // The first frame is drawn at once, right after main and the link's dataset, instead of at the
  // next animation frame (docs/benchmarks.md, "First frame, third pass").
  Module.postRun = [function () {
    if (dataLater) {
      dataLater.then(function (files) {
        loadStartDataset(files, hash);
        frameNow();
      });
      return;
    }
    loadPendingDataset();
    frameNow();
  }];
  // A trap (out-of-bounds access, unreachable, stack exhaustion) inside a frame or an event
  // handler reaches Emscripten's handleException, which calls quit_: stop the app visibly.
  Module.quit = function (status, toThrow) {
    if (toThrow && toThrow.name !== 'ExitStatus' && toThrow !== 'unwind') onTrap(toThrow);
    throw toThrow;
  };
  window.Module = Module;

  // A classic script (Emscripten's glue is not a module), resolved against the page's URL.
  const s = doc.createElement('script');
  s.src = GLUE;
  s.async = true;
  s.onerror = function () {
    fatalError(t('chipatlas could not be loaded'), t('{file} did not load. Check the connection and reload the page.', { file: GLUE }));
  };
  doc.body.appendChild(s);
  mark('ca:runtime');
}

function frameNow() {
  if (typeof Module._ca_frame === 'function') {
    try { Module._ca_frame(); } catch (e) { onTrap(e); }
  }
}

// The page's chrome, in two steps (ui_chrome.js, ensureChrome, chromeStep): built after the
// map's first frame, or at once when something needs it first (docs/benchmarks.md, "First frame,
// seventh pass"). First what shows: search, share and export, the error panel, the dataset bar.
function buildShownChrome() {
  buildChrome(shareUrl(location.href));
  // The interface language in the compact chrome (shown in embeds: the full view has the map's).
  ui.chrome.appendChild(localePicker('locale-select', pickLocale));
  watchChrome();
  wireSearch();
  wireTools();
  wireEditMenu();
  wireDatasets();
}

// Then the layers for keyboard and screen-reader visitors (hidden until focus is in them): the
// controls layer and the details region follow the map in Tab order; the About dialog comes
// first while it is open (controls.js, details.js, about.js).
function buildLayers() {
  buildControls(ui.canvas);
  buildDetails(ctl.layer);
  buildStory(ctl.layer);  // the story's caption and buttons come first after the map
  buildAbout();
  wireKeyboard();
  mark('ca:chrome');
}

function start() {
  ui.canvas = doc.getElementById('canvas');
  ui.loading = doc.getElementById('loading');
  bindPageTexts(ui.canvas);
  const theme = startHash.get('theme');
  if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
  deferChrome(buildShownChrome, buildLayers);
  let spec = query.get('data');
  if (spec && !dataAllowed()) {
    showError(() => t('This page shows only its published data'),
      () => t('Its publisher has turned off loading other datasets (?data=). Showing the published data.'));
    spec = null;
  }
  const hash = checkedHash(location.hash).hash;
  loadStoryParam(query.get('story'), +startHash.get('step'), startHash.get('story'));  // ?story= or #story=: once the app runs
  if (EDIT_BUILD) loadEditLayer();  // its own file (js/edit_layer.js), downloaded beside the editor's wasm
  if (!spec) {
    withWebGL2(function () { loadRuntime(hash); });
    return;
  }
  // ?data=: fetched while chipatlas.js and the wasm load and compile (issue 17: before, the
  // runtime was only requested once the dataset had arrived). The chrome comes at once: the page
  // waits for the download anyway.
  ensureChrome();
  const shownSpec = spec.slice(0, 200);
  const files = fetchDatasets(spec).then(null, function (e) {
    showError(() => t('Could not load the dataset'), () => t('{file}: {why}. Showing the published data.', { file: shownSpec, why: e.message }));
    return null;
  });
  if (!EDIT_BUILD) {
    // main runs as soon as the wasm is there, and the dataset is loaded the moment it arrives.
    withWebGL2(function () { loadRuntime(hash, null, files); });
    return;
  }
  // The editor starts on the published data (it edits what is shown): main runs once the dataset
  // is there too, and postRun loads it (once loadRuntime has set Module.arguments: it runs when
  // the context is made).
  const dataReady = Promise.all([files, mapReady]).then(function (r) {
    setPendingDataset(r[0], hash);
    // No dataset after all: the link's view goes to main with the published data. Emscripten
    // (3.1) keeps Module.arguments by reference until main runs, so the array is still read.
    if (!hasPendingDataset() && hash && Module.arguments) Module.arguments.push('--hash', hash);
  });
  withWebGL2(function () { loadRuntime(hash, dataReady); });
}

// A trap in wasm code that an event handler called directly (not through Emscripten's
// handleException) surfaces here.
window.addEventListener('error', function (e) {
  if (typeof WebAssembly === 'object' && e.error instanceof WebAssembly.RuntimeError) onTrap(e.error);
});
window.addEventListener('unhandledrejection', function (e) {
  if (typeof WebAssembly === 'object' && e.reason instanceof WebAssembly.RuntimeError) onTrap(e.reason);
});

// Module scripts run after the document is parsed (as `defer` did), so this normally starts now.
if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
else start();
