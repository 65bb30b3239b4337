// Events out of the wasm (Module.onChipatlasEvent, docs/web_bridge.md): the URL follows the
// view state, the chrome follows the theme, and each event reaches the mirror, host and API.
import { root } from './dom.js';
import { checkWarmShaders } from './early.js';
import { app } from './state.js';
import { API_VERSION } from './limits.js';
import { wasmHash, shareUrl } from './url_state.js';
import { queryEmbed } from './config.js';
import { ui, showError, removeLoading, ensureChrome, chromeStep } from './ui_chrome.js';
import { call, fatalError, flushQueue } from './runtime.js';
import { postToHost, emit } from './host_events.js';
import { openableUrl } from './origins.js';
import { updateMirrorFromState, updateMirrorFromActive, updateMirrorFromSelection } from './mirror.js';
import { updateControls } from './controls.js';
import { updateAbout } from './about.js';
import { onStoryStep, updateStory, startTour } from './story.js';
import { chromeChanged } from './page_chrome.js';
import { runSearch } from './search_box.js';
import { onPng } from './exports.js';
import { onEditFiles, onEditKeep, onEditState, withEditFlag } from './edit_files.js';
import { onEditLayerState } from './edit_layer_lazy.js';
import { onCatalogueNeeded } from './catalogues.js';
import { onGlyphsNeeded } from './glyphs.js';
import { runBenchIfAsked, onBenchResult } from './bench.js';
import { t, formatNumber } from './i18n.js';
import { setPageLocale, showPageTitle } from './page_i18n.js';

// ------------------------------------------------------------------ the URL follows the state
// At most once a second: playback changes the state five times a second, and browsers limit
// history.replaceState (Safari: 100 calls per 30 s, then it throws; Chromium re-requests the
// favicon on each change). The last state always lands.
const URL_SYNC_MS = 1000;
let warnedHistory = false, lastUrlSync = -Infinity, urlTimer = 0;
function writeUrl() {
  urlTimer = 0;
  lastUrlSync = Date.now();
  const hash = withEditFlag(app.lastHash);  // an editing visit keeps #edit=1 (edit_files.js)
  if (hash === wasmHash(location.hash)) return;
  try {
    history.replaceState(history.state, '', hash ? hash : location.pathname + location.search);
  } catch (e) {
    if (!warnedHistory) { warnedHistory = true; console.warn('chipatlas: cannot update the URL: ' + e.message); }
  }
}
function syncUrl(hash) {
  if (typeof hash !== 'string') return;
  app.lastHash = hash;
  if (urlTimer) return;  // already due: it writes the newest hash
  const wait = lastUrlSync + URL_SYNC_MS - Date.now();
  if (wait <= 0) writeUrl();
  else urlTimer = setTimeout(writeUrl, wait);
}
// The hash typed or linked wins over a write still waiting.
export function cancelUrlSync() {
  if (urlTimer) clearTimeout(urlTimer);
  urlTimer = 0;
}

function applyChromeTheme(state) {
  if (!state) return;
  const theme = state.theme === 'auto' || !state.theme
    ? (typeof state.dark === 'boolean' ? (state.dark ? 'dark' : 'light') : null)
    : state.theme;
  if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

// fn in a task of its own, soon (a message to this page, not a timer: no 4 ms clamp); input
// that came meanwhile is handled first.
function later(fn) {
  if (typeof MessageChannel !== 'function') return void setTimeout(fn, 0);
  const ch = new MessageChannel();
  ch.port1.onmessage = function () { ch.port1.close(); fn(); };
  ch.port2.postMessage(0);
}

// A `state` event, or a getState reply: { state, hash }. The first (`ready`) opens the About
// dialog, fills the keyboard layer's controls and the screen-reader mirror in tasks of their
// own, with the newest state then: the dialog's focus lays the chrome out (~40 ms), the controls'
// first number and the mirror's first date each build an Intl formatter (~30-45 ms), which in
// the task that builds the chrome made a visitor's first click or key wait ~0.15-0.3 s once the
// map was shown (session 19).
export function onState(data, first) {
  if (data.state) {
    app.lastState = data.state;
    applyChromeTheme(data.state);
    if (typeof data.state.locale === 'string') setPageLocale(data.state.locale);  // the picker, setLocale, a link
    if (first) {
      later(function () { updateAbout(app.lastState); });
      later(function () { updateControls(app.lastState); });
      later(function () { updateMirrorFromState(app.lastState); });
    } else {
      updateMirrorFromState(data.state);
      updateControls(data.state);
      updateAbout(data.state);
    }
    updateStory(data.state);
    if (!queryEmbed && typeof data.state.embed === 'boolean') root.classList.toggle('embed', data.state.embed);
  }
  syncUrl(data.hash);
  ui.openFull.href = shareUrl(location.href);
}

function onReady() {
  if (app.ready) return;
  app.ready = true;  // the loading note went when `ready` came (onChipatlasEvent)
  showPageTitle();
  runBenchIfAsked();
  const r = call({ cmd: 'getState' });
  if (r.ok) onState(r, true);
  chromeChanged();  // the map's panels keep clear of the page's chrome (page_chrome.js)
  flushQueue();
  if (ui.search.value.trim()) runSearch();
  postToHost('ready', { version: API_VERSION, state: app.lastState, hash: app.lastHash });
  emit('ready', {});
  reportWarmShaders();
}

// The map's shader program was handed to ImGui with its checks answered without waiting for the
// GPU (js/gl_warm.js); WebGL's own answer, asked now that the first frame is drawn (`ready`
// follows it), is reported in the page when the program did not link (ImGui would only have
// printed it to the console). Not when the chrome is built: that can come before the first frame.
function reportWarmShaders() {
  checkWarmShaders().then(function (r) {
    if (r && !r.ok) {
      showError(() => t('The map cannot be drawn'),
        () => t('This browser\'s WebGL did not accept the map\'s shader program. Its log:'), r.lines);
    }
  });
}

// A dataerror event's diagnostics as FILE:LINE:COL lines.
function diagnosticLines(data) {
  if (data && typeof data.text === 'string' && data.text.trim()) {
    return data.text.split('\n').filter(function (l) { return l.trim(); });
  }
  return ((data && data.errors) || []).map(function (e) {
    return (e.file || '?') + ':' + (e.line || 0) + ':' + (e.col || 0) + ': ' + (e.severity || 'error') + ': ' +
      (e.pointer || '') + ': ' + (e.message || '');
  });
}

// A link followed in the app (Platform::open_url): a new tab without access to this page, for
// http(s) or same-origin URLs only (origins.js, openableUrl).
function openUrl(url) {
  const href = openableUrl(url, location.href);
  if (!href) {
    console.warn('chipatlas: not opening ' + JSON.stringify(String(url).slice(0, 80)) + ': only http(s) and same-site links open');
    return;
  }
  window.open(href, '_blank', 'noopener,noreferrer');
}

// Events that only start a download (a catalogue, font slices): handled at once, without the
// page's chrome (which they build only to show an error).
const STARTS_DOWNLOAD = new Set(['catalogueneeded', 'glyphsneeded']);
// From the map's first `ready` until the browser has shown that first frame: the events that
// came, in order. The wasm draws the first frame in the task that runs main, and a canvas is
// shown only with the rendering update after that task: building the chrome and handling the
// first events in the same task held the shown frame back ~0.1-0.2 s (docs/benchmarks.md,
// "Session 17").
let held = null;

// fn once the browser has shown what was drawn before now: after its next rendering update (a
// message posted from an animation frame's callback arrives once that update is done), or after
// 100 ms when no update has begun by then (a hidden tab, an iframe the browser does not draw). An
// update that has begun is waited for however long it takes (software GL's can take longer).
function afterShown(fn) {
  let done = false, framed = false;
  const run = function () {
    if (!done) { done = true; fn(); }
  };
  if (typeof MessageChannel === 'function' && typeof requestAnimationFrame === 'function') {
    const ch = new MessageChannel();
    ch.port1.onmessage = run;
    requestAnimationFrame(function () { framed = true; ch.port2.postMessage(0); });
  }
  setTimeout(function () { if (!framed) run(); }, 100);
}

// The page's style and layout now, in this task (reading a box forces them), not in the next
// rendering update with whatever else comes by then.
function settleLayout() {
  if (ui.canvas) ui.canvas.getBoundingClientRect();
}

// The held events, one task each (input that came meanwhile is handled between them: in one
// task, `ready`'s chrome and the first events' updates held a first click ~0.15 s, session 19).
// Events sent meanwhile join the queue; once it is empty, events are handled as they come.
function releaseHeld() {
  const e = held.shift();
  try {
    handleEvent(e[0], e[1]);
  } finally {
    if (held.length) later(releaseHeld);
    else {
      held = null;
      // html[data-ready] once the events held until the first frame was shown are handled (those
      // the wasm sent while the chrome was built too) and the first state's own tasks (the About
      // dialog, the controls, the mirror: queued before this) have run: what the page shows is
      // settled then, and events from now on are handled as they come.
      later(function () { root.dataset.ready = '1'; });
    }
  }
}

// Module.onChipatlasEvent(type, jsonText): never throws back into the wasm.
export function onChipatlasEvent(type, json) {
  if (STARTS_DOWNLOAD.has(type)) return void handleEvent(type, json, true);
  if (held) return void held.push([type, json]);
  if (type === 'ready' && !app.ready) {
    // The loading note goes now, not with `ready`: the update that shows the first frame shows
    // the map, not the note over it (it was shown one update later, ~0.1-0.2 s: session 28).
    removeLoading();
    held = [[type, json]];
    // Then the chrome a step at a time, each built and laid out in a task of its own (not all in
    // the update a first click waits for), and the page's first number format (ICU's start,
    // 40-65 ms) in another, before `ready` is handled (docs/benchmarks.md, "Session 29").
    afterShown(function next() {
      const more = chromeStep();
      settleLayout();
      if (more) return void later(next);
      later(function () {
        formatNumber(0);
        later(releaseHeld);
      });
    });
    return;
  }
  handleEvent(type, json);
}

function handleEvent(type, json, noChrome) {
  if (!noChrome) ensureChrome();  // deferred until the map's first frame is shown (ui_chrome.js)
  let data;
  try {
    data = typeof json === 'string' ? (json ? JSON.parse(json) : {}) : (json || {});
  } catch (e) {
    console.warn('chipatlas: unreadable ' + type + ' event: ' + e.message);
    return;
  }
  try {
    switch (type) {
      case 'bench':
        onBenchResult(data);
        return;
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
      case 'storystep':
        onStoryStep(data);
        postToHost('storystep', data);
        break;
      case 'fatal':
        fatalError(t('chipatlas could not start'), (data && typeof data.message === 'string' && data.message) ||
          (data && typeof data.text === 'string' && data.text) || t('The app failed to start.'));
        break;
      case 'dataerror': {
        const lines = diagnosticLines(data);
        showError(() => t('The dataset has errors'), () => t('The data shown before stays on the map. Fix these and load the files again:'), lines);
        postToHost('error', { kind: 'data', message: 'dataset errors', lines: lines });
        break;
      }
      case 'png':
        onPng(data);
        break;
      case 'height':
        postToHost('height', data);
        break;
      case 'openurl':
        openUrl(data && data.url);
        break;
      case 'editfiles':
        onEditFiles(data);
        return;  // the edited files stay in this page: no in-page listener or host gets them
      case 'editkeep':
        onEditKeep(data);
        return;  // likewise
      case 'tour':
        startTour();  // the map's About card: the first story (fetched first)
        break;
      case 'editstate':
        onEditState(data);
        onEditLayerState(data, ui.canvas, later);
        break;
      case 'glyphsneeded':
        onGlyphsNeeded(data);  // async: fetches font slices, reports failures in the page
        break;
      case 'catalogueneeded':
        onCatalogueNeeded(data);  // async: fetches i18n/LANG.mo (web/js/catalogues.js)
        break;
    }
    emit(type, data);
  } catch (e) {
    console.error('chipatlas: ' + type + ' handler failed', e);
  }
}
