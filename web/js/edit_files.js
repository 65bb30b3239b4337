// The web edit mode's page side (issue 16): the "Edit data" menu entry (never in embed mode), the
// dataset bar's "edited" note, the files the editor hands over ("editfiles"): downloaded or copied,
// and the edits this tab keeps across a reload ("editkeep"), with "Discard changes".
import { doc, h } from './dom.js';
import { LIMITS } from './limits.js';
import { embed } from './config.js';
import { app } from './state.js';
import { ui, toast } from './ui_chrome.js';
import { EDIT_BUILD } from './wasm_loader.js';
import { downloadBlob, copyText } from './exports.js';
import { loadDatasets } from './runtime.js';
import { t, tn, msg } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';

// Why the editor's files cannot be handed over, or '' when they can (the page's caps).
export function editFilesProblem(data) {
  const files = data && Array.isArray(data.files) ? data.files : null;
  if (!files || !files.length) return t('no files came from the editor');
  if (files.length > LIMITS.editFiles) return t('{n} files: the limit is {max}', { n: files.length, max: LIMITS.editFiles });
  for (const f of files) {
    if (!f || typeof f.name !== 'string' || typeof f.text !== 'string') return t('a file without a name or text');
    if (!/^[A-Za-z0-9._-]{1,128}\.json$/.test(f.name)) return t('file name {name} is not a plain .json name', { name: JSON.stringify(f.name.slice(0, 80)) });
    if (f.text.length > LIMITS.editFileChars) {
      return t('{file} is {n} characters long: the limit is {max}', { file: f.name, n: f.text.length, max: LIMITS.editFileChars });
    }
  }
  return '';
}

// The "editfiles" event: download each file (Blob + a[download]) or copy the one file's text.
export function onEditFiles(data) {
  const why = editFilesProblem(data);
  if (why) { toast(t('Not saved: {why}', { why: why }), 8000); return; }
  const note = data.errors > 0 ? ' ' + tn('(with {n} error)', '(with {n} errors)', data.errors) : '';
  if (data.action === 'copy') {
    const f = data.files[0];
    copyText(f.text, function (ok) {
      toast(ok ? t('Copied {file}', { file: f.name }) + note : t('Could not copy {file}: use Download', { file: f.name }), 5000);
    });
    return;
  }
  data.files.forEach(function (f) {
    downloadBlob(new Blob([f.text], { type: 'application/json;charset=utf-8' }), f.name);
  });
  toast(t('Downloaded {files}', { files: data.files.map(function (f) { return f.name; }).join(', ') }) + note, 5000);
}

// ------------------------------------------------------------------ kept across a reload
// The edited files that differ from the published data (the "editkeep" event after each change)
// stay in this tab's sessionStorage (this origin's, never sent anywhere; capped), so a reload of
// #edit=1 gives them back to the editor (as one undo step: the undo history restarts there).
// "Discard changes" removes them and opens the published data again.
const KEEP_KEY = 'chipatlas.edit:' + location.pathname;
let kept = false, keepWarned = false, restoreTried = false;

// Keeps the text (or forgets, null); false when the browser refuses (storage off or full).
function store(text) {
  try {
    if (text === null) sessionStorage.removeItem(KEEP_KEY);
    else sessionStorage.setItem(KEEP_KEY, text);
    return true;
  } catch (e) { return false; }
}

// The files this tab kept, or null.
export function keptFiles() {
  try {
    const data = JSON.parse(sessionStorage.getItem(KEEP_KEY));
    return data && !editFilesProblem(data) ? data.files : null;
  } catch (e) { return null; }
}

export function onEditKeep(data) {
  const files = data && Array.isArray(data.files) ? data.files : [];
  const chars = files.reduce(function (n, f) { return n + String(f && f.text).length; }, 0);
  kept = files.length > 0 && !editFilesProblem(data) && chars <= LIMITS.editKeepChars &&
    store(JSON.stringify({ files: files.map(function (f) { return { name: f.name, text: f.text }; }) }));
  if (!kept) store(null);
  if (files.length && !kept && !keepWarned) toast(t('These edits will not survive a reload (too large, or storage refused): download them.'), 8000);
  keepWarned = keepWarned || (files.length > 0 && !kept);
  if (ui.editDiscard) ui.editDiscard.disabled = !kept;  // shown while editing: the bar keeps its size
}

// Once the editor is open and the app ready (not inside the frame that sent the event): the
// kept files go back into the editor; the panel says so.
function restoreKept() {
  if (!app.ready) { setTimeout(restoreKept, 50); return; }
  const files = keptFiles(), enc = new TextEncoder();
  if (files && !loadDatasets(files.map(function (f) { return { name: f.name, bytes: enc.encode(f.text) }; }), null)) store(null);
}

function discard() {
  if (!window.confirm(t('Discard the edits made in this tab and show the published data?'))) return;
  store(null);
  unsaved = false;
  location.reload();  // #edit=1 again: the editor opens on the published data
}

// The URL keeps #edit=1 while the editor's build runs, so that a reload edits again.
export function withEditFlag(hash) {
  return EDIT_BUILD ? (hash ? hash + '&' : '#') + 'edit=1' : hash;
}

// The "editstate" event: the dataset bar says the data shown is being edited, and leaving the
// page with changes not downloaded asks first (the browser's own "Leave site?").
let unsaved = false;
function onBeforeUnload(e) {
  if (!unsaved) return;
  e.preventDefault();
  e.returnValue = '';
}
let lastEdit = null;
export function onEditState(data) {
  unsaved = !!(data.open && data.modified);
  lastEdit = data;
  if (!ui.editNote) {
    onLocaleChange(function () { onEditState(lastEdit); });  // the note in the new language
    window.addEventListener('beforeunload', onBeforeUnload);
    ui.editNote = h('p', { id: 'edit-note' });
    ui.editNoteText = h('span', {});
    ui.editDiscard = h('button', { type: 'button', id: 'edit-discard', className: 'ca-btn', text: msg('Discard changes') });
    ui.editDiscard.addEventListener('click', discard);
    ui.editNote.appendChild(ui.editNoteText);
    ui.datasetNote.parentNode.appendChild(ui.editNote);
    // Discard beside "Open data file…" (a phone's bar a row shorter: the Edit panel's room).
    ui.datasetBar.insertBefore(ui.editDiscard, ui.openData);
    ui.editDiscard.disabled = !(kept = !!keptFiles());
  }
  if (data.open && !restoreTried) {
    restoreTried = true;
    setTimeout(restoreKept, 0);
  }
  const errors = data.errors | 0;
  const what = data.modified ? t('Edited in this page: unsaved changes') : t('Edited in this page');
  const state = errors ? t('{state}, {errors}', { state: what, errors: tn('{n} error', '{n} errors', errors) }) : what;
  ui.editNoteText.textContent = t('{state}. Download the files to keep them.', { state: state });
  ui.editNote.hidden = ui.editDiscard.hidden = !data.open;
  // The map shows the data as edited here: not "Published data" (style.css).
  doc.documentElement.toggleAttribute('data-editing', !!data.open);
}

// "Edit data" in the share and export menu (not in embed mode, which never opens the editor).
export function wireEditMenu() {
  if (embed || EDIT_BUILD || !ui.tools) return;
  ui.editData = h('button', { type: 'button', id: 'edit-data', className: 'ca-btn', title: msg('Edit the data in this page (nothing leaves the browser unless you download or copy it)'), text: msg('Edit data') });
  ui.tools.appendChild(ui.editData);
  ui.editData.addEventListener('click', function () {
    // The editor is in the other wasm (chipatlas_edit): the page opens again with #edit=1.
    const hash = String(location.hash || '').replace(/^#/, '');
    location.hash = (hash ? hash + '&' : '') + 'edit=1';
    location.reload();
  });
}
