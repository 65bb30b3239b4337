// Datasets at run time: the ?data= files at start (and then the link's view), files opened
// with "Open data file…" or dropped on the page (read here, never uploaded), the way back to
// the published data, and the one moment a dataset was loaded (onDatasetLoaded).
import { doc, root } from './dom.js';
import { app } from './state.js';
import { ui, showError, showDatasetNote } from './ui_chrome.js';
import { loadDatasets } from './runtime.js';
import { postToHost, emit } from './host_events.js';
import { checkLocalFiles, describeFiles } from './data_files.js';
import { dataAllowed, filesBudget } from './dataset.js';
import { isGzip, gunzip } from './gzip.js';
import { LIMITS } from './limits.js';
import { shareUrl } from './url_state.js';
import { t } from './i18n.js';

// ------------------------------------------------------------------ the moment a dataset loaded
// Everything that follows a new dataset on the map goes through datasetLoaded: the note, the
// page's `datasetchange` event, and the hooks added with onDatasetLoaded(fn). fn gets
// { published, names, files } (files: [{ name, bytes }]; empty for the published data).
const hooks = [];
export function onDatasetLoaded(fn) { hooks.push(fn); }
function datasetLoaded(files, fromLink) {
  const names = files.map(function (f) { return f.name; });
  if (!fromLink) dropDataFromUrl();
  showDatasetNote(names.length ? names : null);
  const info = { published: !names.length, names: names, files: files };
  hooks.forEach(function (fn) {
    try { fn(info); } catch (e) { console.error('chipatlas: a dataset hook failed', e); }
  });
  const data = { published: info.published, files: names };
  emit('datasetchange', data);
  postToHost('datasetchange', data);
}

// The page no longer shows the link's ?data=: a copied link or a reload must not bring it back.
function dropDataFromUrl() {
  const u = new URL(location.href);
  if (!u.searchParams.has('data')) return;
  u.searchParams.delete('data');
  try { history.replaceState(history.state, '', u.href); } catch (e) { /* a sandbox without history */ }
  ui.openFull.href = shareUrl(location.href);
}

// Loads files as the dataset shown (all or nothing; [] = the published data). hash: the view
// to apply once they are loaded (a link's), or null to keep the current one; fromLink: the
// files are the URL's ?data=. True when shown.
export function showDataset(files, hash, fromLink) {
  const ok = loadDatasets(files, hash);
  if (ok) datasetLoaded(files, !!fromLink);
  return ok;
}

// ------------------------------------------------------------------ ?data= at start
// The files of a ?data= link, once main has run with --data-pending (the site; nothing is drawn
// until a dataset is loaded): loaded with the link's view, or on any failure (null: they could not
// be fetched) the published data.
export function loadStartDataset(files, hash) {
  if (files && files.length && showDataset(files, hash || null, true)) return;
  loadDatasets([], hash || null);
}

// The edit build's: the files fetched before the runtime started, loaded in Module.postRun with
// the link's view.
let pending = null;
export function setPendingDataset(files, hash) { pending = files && files.length ? { files: files, hash: hash } : null; }
export function hasPendingDataset() { return !!pending; }
export function loadPendingDataset() {
  if (!pending) return;
  const p = pending;
  pending = null;
  showDataset(p.files, p.hash || null, true);  // on errors the editor keeps the published data
}

// ------------------------------------------------------------------ local files
// Reads the files (bytes as they are, as ?data= gets them) and shows them, or lists why not.
export function openLocalFiles(fileList) {
  const list = Array.from(fileList || []);
  const why = checkLocalFiles(list);
  if (why) {
    showError(() => t('Could not open the data file'), () => t('{why}. The data shown before stays.', { why: why }));
    focusError();
    return Promise.resolve(false);
  }
  if (!app.ready) {
    showError(() => t('Could not open the data file'), () => t('chipatlas is still starting; try again in a moment.'));
    return Promise.resolve(false);
  }
  // A gzip file (a.json.gz) is decompressed here; the decompressed files together get the same
  // budget as a ?data= link's (js/gzip.js).
  const take = filesBudget();
  return Promise.all(list.map(function (f) {
    return f.arrayBuffer().then(function (buf) {
      const bytes = new Uint8Array(buf);
      if (!isGzip(bytes)) { take(bytes.length); return { name: f.name, bytes: bytes }; }
      return gunzip(new Blob([bytes]).stream(), LIMITS.datasetBytes, take).then(function (out) { return { name: f.name, bytes: out }; },
        function (e) { throw new Error((list.length > 1 ? f.name + ': ' : '') + (e && e.message || e)); });
    });
  })).then(function (files) {
    const ok = showDataset(files, null);
    if (!ok) focusError();  // the dataerror event has listed the errors
    return ok;
  }, function (e) {
    showError(() => t('Could not open the data file'), () => t('{files}: {why}. The data shown before stays.',
      { files: describeFiles(list.map(function (f) { return f.name; })), why: e && e.message || e }));
    focusError();
    return false;
  });
}
function focusError() {
  if (ui.error.hidden) return;
  (ui.errLines.hidden ? ui.errDismiss : ui.errLines).focus({ preventScroll: true });
}

function hasFiles(e) {
  const t = e.dataTransfer && e.dataTransfer.types;
  return !!t && Array.prototype.indexOf.call(t, 'Files') >= 0;
}

// The button, the file input, dropping on the page, and the way back to the published data.
// With ?data= turned off by the deployer (<meta name="chipatlas-data" content="off">) the page
// shows its published data only: no button, and a drop only says so.
export function wireDatasets() {
  ui.datasetReset.addEventListener('click', function () {
    // The button hides itself: focus goes to Open data file… (or the map where that is hidden).
    if (showDataset([], null)) (ui.openData.offsetParent ? ui.openData : ui.canvas).focus({ preventScroll: true });
  });
  const allowed = dataAllowed();
  if (!allowed) ui.openData.hidden = true;
  ui.openData.addEventListener('click', function () { ui.openDataInput.click(); });
  ui.openDataInput.addEventListener('change', function () {
    if (!allowed) return;
    const files = ui.openDataInput.files;
    openLocalFiles(files).then(function () { ui.openDataInput.value = ''; });
  });
  let depth = 0;
  doc.addEventListener('dragenter', function (e) {
    if (!hasFiles(e) || !allowed) return;
    depth++;
    root.dataset.dropping = '1';
  });
  doc.addEventListener('dragleave', function (e) {
    if (!hasFiles(e)) return;
    if (--depth <= 0) { depth = 0; delete root.dataset.dropping; }
  });
  doc.addEventListener('dragover', function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();  // allows the drop (the browser would otherwise open the file)
    e.dataTransfer.dropEffect = 'copy';
  });
  doc.addEventListener('drop', function (e) {
    depth = 0;
    delete root.dataset.dropping;
    if (!hasFiles(e)) return;
    e.preventDefault();  // never let the browser navigate away to the dropped file
    if (allowed) openLocalFiles(e.dataTransfer.files);
    else showError(() => t('This page shows only its published data'), () => t('Its publisher has turned off loading other datasets. Showing the published data.'));
  });
}
