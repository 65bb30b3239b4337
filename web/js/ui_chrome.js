// The DOM chrome around the canvas: search box and share/export elements, the error panel, the
// toast, the dataset bar (which data is shown; Open data file…), the screen-reader mirror's
// elements, and WebGL context loss.
import { doc, root, h } from './dom.js';
import { app } from './state.js';
import { postToHost } from './host_events.js';
import { capLines } from './data_files.js';
import { t, tn, msg } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';

// The page's elements, filled in by buildChrome (ids as in API.md and the browser tests).
export const ui = {};

// The chrome is built after the map's first frame (docs/benchmarks.md, "First frame, seventh
// pass": building and laying it out first held that frame back ~0.1 s): boot.js hands its
// builder's steps here, and whatever needs the chrome first builds what is left of it, once (an
// error to show, a toast, the dataset note). Once the map's first frame is shown, events.js runs
// the steps one at a time, each built and laid out in a task of its own, not all in the one
// update a first click would wait for (docs/benchmarks.md, "Session 29").
let chromeSteps = [];
export function deferChrome(...steps) { chromeSteps = steps; }
// Builds the chrome's next step; true while steps remain.
export function chromeStep() {
  if (chromeSteps.length) chromeSteps.shift()();
  return chromeSteps.length > 0;
}
export function ensureChrome() {
  while (chromeStep()) { /* the rest, at once */ }
}

export function buildChrome(openFullHref) {
  ui.canvas = doc.getElementById('canvas');
  if (!ui.canvas) {
    ui.canvas = h('canvas', { id: 'canvas', tabindex: '0' });
    doc.body.insertBefore(ui.canvas, doc.body.firstChild);
  }
  ui.loading = doc.getElementById('loading');

  // Search combobox (ARIA 1.2 "list autocomplete" pattern; search_box.js).
  ui.search = h('input', {
    type: 'search', id: 'search', role: 'combobox', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': 'search-results', autocomplete: 'off',
    spellcheck: 'false', enterkeyhint: 'search', placeholder: msg('Search'),
    'aria-label': msg('Search organisations and collaborations')
  });
  ui.results = h('ul', { id: 'search-results', role: 'listbox', 'aria-label': msg('Search results'), hidden: true });
  ui.searchStatus = h('span', { id: 'search-status', className: 'visually-hidden', role: 'status' });
  const searchBox = h('div', { className: 'ca-search', role: 'search' }, ui.search, ui.results, ui.searchStatus);

  // Share / export (exports.js).
  ui.copy = h('button', { type: 'button', id: 'copy-link', className: 'ca-btn', title: msg('Copy a link to this view'), text: msg('Copy link') });
  ui.png = h('button', { type: 'button', id: 'export-png', className: 'ca-btn', title: msg('Download the map as an image (PNG)'), 'aria-label': msg('PNG: download the map as an image'), text: 'PNG' });
  ui.csv = h('button', { type: 'button', id: 'export-csv', className: 'ca-btn', title: msg('Download the visible collaborations as CSV'), 'aria-label': msg('CSV: download the visible collaborations'), text: 'CSV' });
  ui.json = h('button', { type: 'button', id: 'export-json', className: 'ca-btn', title: msg('Download the visible collaborations as JSON'), 'aria-label': msg('JSON: download the visible collaborations'), text: 'JSON' });
  ui.tools = h('div', { id: 'tools', role: 'group', 'aria-label': msg('Share and export') }, ui.copy, ui.png, ui.csv, ui.json);
  ui.menuToggle = h('button', {
    type: 'button', id: 'menu-toggle', className: 'ca-btn', 'aria-label': msg('Share and export'),
    title: msg('Share and export'), 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'tools', text: '⋯'
  });
  ui.openFull = h('a', {
    id: 'open-full', className: 'ca-link', href: openFullHref, target: '_blank', rel: 'noopener',
    title: msg('Open the full atlas in a new tab')
  }, h('span', { className: 'ca-long' }, msg('Open full view'), ' '), h('span', { 'aria-hidden': 'true', text: '↗' }),
    h('span', { className: 'visually-hidden' }, ' (', msg('opens in a new tab'), ')'));
  const menu = h('div', { className: 'ca-menu' }, ui.menuToggle, ui.tools);

  ui.chrome = h('div', { id: 'chrome' }, searchBox, menu, ui.openFull);
  // Keys typed into the chrome belong to the DOM, never to SDL (which may listen on window).
  ['keydown', 'keyup', 'keypress'].forEach(function (t) {
    ui.chrome.addEventListener(t, function (e) { e.stopPropagation(); });
  });
  doc.body.insertBefore(ui.chrome, ui.canvas); // tab order: search, tools, then the map

  // Error panel.
  ui.errTitle = h('h2', { id: 'error-title' });
  ui.errDismiss = h('button', { type: 'button', id: 'error-dismiss', className: 'ca-btn', text: msg('Dismiss') });
  ui.errReload = h('button', { type: 'button', id: 'error-reload', className: 'ca-btn', text: msg('Reload'), hidden: true });
  ui.errMsg = h('p', { id: 'error-message' });
  ui.errLines = h('ul', { id: 'error-lines', 'aria-label': msg('Errors'), tabindex: '0', hidden: true });
  ui.error = h('div', { id: 'error', role: 'alert', 'aria-labelledby': 'error-title', hidden: true },
    h('div', { className: 'ca-error-head' }, ui.errTitle, ui.errReload, ui.errDismiss), ui.errMsg, ui.errLines);
  doc.body.appendChild(ui.error);
  ui.errReload.addEventListener('click', reloadPage);

  // Which dataset the map shows, always: "Published data", or the amber note naming the files
  // (?data=, opened or dropped), with the way back; and "Open data file…" (datasets.js).
  ui.datasetPublished = h('p', { id: 'dataset-published', text: msg('Published data') });
  ui.datasetNote = h('p', { id: 'dataset-note', hidden: true });
  ui.datasetReset = h('button', { type: 'button', id: 'dataset-reset', className: 'ca-btn', hidden: true,
    title: msg('Show the published chipatlas data again'), text: msg('Show published data') });
  ui.openData = h('button', { type: 'button', id: 'open-data', className: 'ca-btn', 'aria-controls': 'open-data-input',
    title: msg('Open one or more dataset JSON files from this computer (nothing is uploaded); or drop them on the page'),
    text: msg('Open data file…') });
  ui.openDataInput = h('input', { type: 'file', id: 'open-data-input', accept: '.json,.gz,application/json,application/gzip', multiple: true,
    hidden: true, tabindex: '-1', 'aria-label': msg('Open data file') });
  ui.datasetBar = h('div', { id: 'dataset-bar', role: 'group', 'aria-label': msg('Dataset shown') },
    h('div', { role: 'status', className: 'ca-dataset-status' }, ui.datasetPublished, ui.datasetNote),
    ui.datasetReset, ui.openData, ui.openDataInput);
  ['keydown', 'keyup', 'keypress'].forEach(function (t) {
    ui.datasetBar.addEventListener(t, function (e) { e.stopPropagation(); });
  });
  doc.body.insertBefore(ui.datasetBar, ui.canvas); // before the map in tab order (SDL swallows Tab there)

  ui.toast = h('div', { id: 'toast', role: 'status', hidden: true });
  doc.body.appendChild(ui.toast);

  // Screen-reader mirror of what the map shows (mirror.js).
  ui.srDate = h('p', { id: 'sr-date' });
  ui.srSelection = h('p', { id: 'sr-selection', text: msg('Nothing selected.') });
  ui.srCount = h('p', { id: 'sr-count' });
  ui.srActive = h('ul', { id: 'sr-active', 'aria-label': msg('Collaborations on the map') });
  ui.sr = h('section', { id: 'sr', className: 'visually-hidden', 'aria-live': 'polite', 'aria-label': msg('Map summary') },
    h('h2', { text: msg('Map summary') }), ui.srDate, ui.srSelection, ui.srCount, ui.srActive);
  doc.body.appendChild(ui.sr);

  ui.errDismiss.addEventListener('click', function () {
    ui.error.hidden = true;
    if (doc.activeElement === ui.errDismiss || ui.error.contains(doc.activeElement)) ui.canvas.focus();
  });
  ui.canvas.addEventListener('webglcontextlost', onContextLost);
  ui.canvas.addEventListener('webglcontextrestored', onContextRestored);
  onLocaleChange(function () {  // the note and a shown error in the new language
    showDatasetNote(noteNames);
    if (shownError && !ui.error.hidden) {
      ui.errTitle.textContent = text(shownError.title);
      ui.errMsg.textContent = text(shownError.message);
    }
  });
}

export function removeLoading() {
  if (ui.loading && ui.loading.parentNode) ui.loading.parentNode.removeChild(ui.loading);
}
export function reloadPage() {
  try { location.reload(); } catch (e) { /* a sandbox without navigation */ }
}
function reloadButton() {
  const b = h('button', { type: 'button', className: 'ca-btn', id: 'toast-reload', text: t('Reload') });
  b.addEventListener('click', reloadPage);
  return b;
}

// A lost WebGL context usually comes back within a second or two; if it does not, say so
// and offer a reload instead of "restoring…" forever.
const CONTEXT_RESTORE_WAIT_MS = 5000;
let contextTimer = 0;
function onContextLost() {
  toast(t('Graphics context lost, restoring…'), 0);
  clearTimeout(contextTimer);
  contextTimer = setTimeout(function () {
    contextTimer = 0;
    toast(t('The graphics context did not come back. Reload the page to see the map again.') + ' ', 0, reloadButton());
    postToHost('error', { kind: 'context', message: 'the WebGL context was lost and not restored' });
  }, CONTEXT_RESTORE_WAIT_MS);
}
function onContextRestored() {
  clearTimeout(contextTimer);
  contextTimer = 0;
  hideToast();
}

// A short message at the bottom (ms: how long; 0 keeps it), with an optional element after it.
let toastTimer = 0;
export function toast(msg, ms, extra) {
  ensureChrome();
  clearTimeout(toastTimer);
  ui.toast.textContent = msg;
  if (extra) ui.toast.appendChild(extra);
  ui.toast.hidden = false;
  if (ms !== 0) toastTimer = setTimeout(hideToast, ms || 2500);
}
export function hideToast() {
  if (!ui.toast) return;
  ui.toast.hidden = true;
  ui.toast.textContent = '';
}

// The error panel (the console before the chrome exists); a stopped app's panel stays. title and
// message: strings, or functions giving them in the page's language (the panel is written again
// when the language changes while it shows).
let shownError = null;
const text = (x) => (typeof x === 'function' ? x() : x) || '';
export function showError(title, message, lines) {
  ensureChrome();
  if (!ui.error) { console.error(text(title) + ': ' + text(message)); return; }
  if (app.fatal && !ui.errReload.hidden) return;
  shownError = { title: title, message: message };
  ui.errTitle.textContent = text(title);
  ui.errMsg.textContent = text(message);
  ui.errLines.replaceChildren();
  capLines(lines || []).forEach(function (l) { ui.errLines.appendChild(h('li', null, h('code', { text: l }))); });
  ui.errLines.hidden = !(lines && lines.length);
  ui.error.hidden = false;
}

// Says which dataset the map shows: names null for the published one, else the files' names
// (the amber note: "Not the published data: a.json, b.json", and the button back).
let noteNames = null;
export function showDatasetNote(names) {
  ensureChrome();
  noteNames = names;
  const custom = !!(names && names.length);
  app.shownDataset = custom ? names.join(', ') : null;
  ui.datasetNote.textContent = '';
  if (custom) {
    ui.datasetNote.appendChild(h('strong', { text: t('Not the published data:') + ' ' }));
    names.forEach(function (n, i) {
      if (i) ui.datasetNote.appendChild(doc.createTextNode(', '));
      ui.datasetNote.appendChild(h('code', { text: n }));
    });
    ui.datasetNote.appendChild(doc.createTextNode('. ' + tn('This map shows this file, not the published chipatlas dataset.',
      'This map shows these files together, not the published chipatlas dataset.', names.length)));
  }
  ui.datasetNote.hidden = !custom;
  ui.datasetReset.hidden = !custom;
  ui.datasetPublished.hidden = custom;
  if (custom) root.dataset.dataset = 'custom';
  else delete root.dataset.dataset;
}
