// The web edit mode's page side (issue 16): the "Edit data" menu entry (never in embed mode), the
// dataset bar's "edited" note, and the files the editor hands over ("editfiles"): downloaded or copied.
import { h } from './dom.js';
import { LIMITS } from './limits.js';
import { embed } from './config.js';
import { ui, toast } from './ui_chrome.js';
import { EDIT_BUILD } from './wasm_loader.js';
import { downloadBlob, copyText } from './exports.js';
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
    ui.datasetNote.parentNode.appendChild(ui.editNote);
  }
  const errors = data.errors | 0;
  const what = data.modified ? t('Edited in this page: unsaved changes') : t('Edited in this page');
  ui.editNote.textContent = what + (errors ? ', ' + tn('{n} error', '{n} errors', errors) : '') + '. ' +
    t('Download the files to keep them.');
  ui.editNote.hidden = !data.open;
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
