// The editor's layer of real controls (#edit=1): what the edit panel shows and does (the kinds,
// finding and adding an element, its form, delete, undo and redo, the validation messages, the
// files) and the story editor, for keyboard and screen-reader editors. It drives the wasm by the
// `editView`, `editDo` and `editStory` commands (app/edit_commands.cpp) and follows the panels'
// changes by `editstate`.
// It speaks the interface language, as the panel does: its own texts through the page's
// catalogue (t, msg), the form's field labels as the wasm's editView gives them.
// Only an editing visit fetches it (js/edit_layer_lazy.js imports it as the visit starts):
// it is a bundle of its own, and what it uses of the page comes from usePage, not imports, so
// that it holds no second copy of a module the page's bundle has (tools/web/bundle.mjs).
import { buildStoryEditor, drawStoryEditor, useStoryPage } from './story_edit_layer.js';

// The page's document, its h() (js/dom.js), call() (js/runtime.js) and texts (js/i18n.js).
let doc, h, call, t, tn, msg, msgc;
export function usePage(page) {
  ({ doc, h, call, t, tn, msg, msgc } = page);
  useStoryPage(page);
  // Another language: the layer drawn again, the wasm's labels with it.
  page.onLocaleChange(function () { if (ed.layer) redraw(); });
}

const KINDS = ['source', 'organisation', 'collaboration', 'event'];
// A kind's names in the interface language: the list's ("Organisations") and one ("organisation").
function kindNames(kind) {
  const names = view && view.kinds && view.kinds[kind];  // editView's, in the wasm's language
  return Array.isArray(names) && names.length === 2 ? names : [kind, kind];
}
function kindOne(kind) { return kindNames(kind)[1]; }
// "The id of an organisation." (a field that names another element).
function idHint(ref) {
  switch (ref) {
    case 'source': return t('The id of a source.');
    case 'organisation': return t('The id of an organisation.');
    case 'collaboration': return t('The id of a collaboration.');
    case 'event': return t('The id of an event.');
    default: return t('The id of an element.');
  }
}
const ID_RE = /^[a-z0-9_.-]{1,63}$/;  // as the panel's "Add" (ui/edit_view.cpp)
export const ed = {};  // the layer's elements (ids as the browser tests use them)
let view = null;       // the last `editView` reply
let seen = '';         // what of the last `editstate` the layer was drawn for
let suggestFor = null; // the Id field whose suggestions are listed

// A field's element id from its pointer ("/participants/0/org" -> "edit-f-participants-0-org").
export function fieldId(pointer) {
  return 'edit-f' + String(pointer).replace(/[^A-Za-z0-9_]+/g, '-');
}

function say(text) {
  ed.said.textContent = '';
  // a new text node each time: screen readers announce a repeated message again
  ed.said.appendChild(doc.createTextNode(text));
}

function fetchView(list) {
  const r = call(list ? { cmd: 'editView', list: list } : { cmd: 'editView' });
  return r && r.ok ? r : null;
}

// One of the panel's actions; the layer is drawn again from the result, focus kept where it was
// (or moved to `focusId`), and the outcome said.
function act(op, args, done, focusId) {
  const r = call(Object.assign({ cmd: 'editDo', op: op }, args || {}));
  const keep = focusId || (doc.activeElement && doc.activeElement.id);
  refresh();
  // Where focus was, or (that control gone or disabled now: Undo with nothing left to undo) the
  // layer's heading, never the page's body.
  if (keep && !focusById(keep)) ed.title.focus();
  if (!r.ok) say(r.error || t('That did not work.'));
  else if (done) say(done + ' ' + summary());
  return r;
}

// Focus on the element with this id (a list's fieldset: its first control), if it is there.
function focusById(id) {
  const to = doc.getElementById(id);
  if (!to) return false;
  const target = to.matches('fieldset') ? to.querySelector('input, select, textarea, button:not([disabled])') || to : to;
  if (target.disabled) return false;
  if (target !== doc.activeElement) target.focus();
  return true;
}

// A typed field is committed on its change event, which Tab fires before focus moves on: the
// commit waits a task, so that the layer, drawn again, gives focus back to where Tab took it
// (drawn at once, the next field was replaced under the focus, which fell to the page's body).
function afterFocus(fn) { setTimeout(fn, 0); }

function saveQuestion() { return t('The data has {problems} Download anyway?', { problems: summary() }); }

function summary() {
  if (!view) return '';
  const e = view.errors | 0, w = view.warnings | 0;
  if (!e && !w) return t('The data is valid.');
  return t('{errors}, {warnings}.', { errors: tn('{n} error', '{n} errors', e), warnings: tn('{n} warning', '{n} warnings', w) });
}

function button(id, text, onclick, extra) {
  return h('button', Object.assign({ type: 'button', className: 'ca-btn ca-inline', id: id, text: text, onclick: onclick }, extra || {}));
}

function build(after) {
  ed.title = h('h2', { id: 'edit-layer-title', tabindex: '-1', text: msg('Edit data') });
  ed.said = h('p', { id: 'edit-said', role: 'status', className: 'ca-muted' });
  ed.undo = button('edit-undo', msg('Undo'), function () { act('undo', null, t('Undone.')); });
  ed.redo = button('edit-redo', msg('Redo'), function () { act('redo', null, t('Redone.')); });
  ed.save = button('edit-save', msg('Download all'), function () {
    act('save', null, '');
    if (view && view.confirmSave) {  // the data has errors: asked first, the answer's buttons next
      focusById('edit-save-anyway');
      say(saveQuestion());
    }
  });
  ed.confirm = h('div', { id: 'edit-confirm', className: 'ca-row', hidden: true });
  ed.files = h('div', { id: 'edit-files', role: 'group', 'aria-labelledby': 'edit-files-title', className: 'ca-row' });
  ed.kind = h('fieldset', { id: 'edit-kind', className: 'ca-radios' }, h('legend', { text: msgc('edit field', 'Kind') }));
  KINDS.forEach(function (k) {
    const input = h('input', { type: 'radio', name: 'ca-edit-kind', value: k, id: 'edit-kind-' + k });
    input.addEventListener('change', function () { if (input.checked) act('select', { kind: k }, kindNames(k)[0] + '.'); });
    ed.kind.appendChild(h('label', null, input, ' ', h('span', { className: 'edit-kind-name' })));
  });
  ed.find = h('input', { type: 'search', id: 'edit-find', autocomplete: 'off', 'aria-describedby': 'edit-find-note' });
  ed.find.addEventListener('input', function () { fillList(null); });
  ed.findNote = h('span', { id: 'edit-find-note', className: 'ca-muted' });
  ed.list = h('ul', { id: 'edit-list' });
  ed.newId = h('input', { type: 'text', id: 'edit-new-id', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'edit-new-note' });
  ed.add = button('edit-add', msgc('edit', 'Add'), addNew);
  ed.newId.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); addNew(); } });
  ed.form = h('div', { id: 'edit-form' });
  ed.messagesTitle = h('h3', { id: 'edit-messages-title', tabindex: '-1' });
  ed.messages = h('ul', { id: 'edit-messages', 'aria-labelledby': 'edit-messages-title' });
  ed.layer = h('section', { id: 'edit-layer', className: 'ca-layer', 'aria-labelledby': 'edit-layer-title' },
    ed.title, ed.said,
    h('div', { className: 'ca-row', role: 'group', 'aria-label': msg('Changes') }, ed.undo, ed.redo, ed.save), ed.confirm,
    ed.kind,
    h('label', { className: 'ca-field', for: 'edit-find' }), ed.find, ed.findNote, ed.list,
    h('label', { className: 'ca-field', for: 'edit-new-id', text: msg('New id') }),
    h('div', { className: 'ca-row' }, ed.newId, ed.add),
    h('span', { id: 'edit-new-note', className: 'ca-muted', text: msg('Lower-case letters, digits, _ . or -, e.g. new_fab.') }),
    ed.form, ed.messagesTitle, ed.messages, h('h3', { id: 'edit-files-title', text: msg('Files') }), ed.files,
    buildStoryEditor({ button: button, say: say, focusById: focusById, afterFocus: afterFocus, heading: function () { return ed.title; } }));
  // Keys typed here belong to the DOM, never to SDL (as for the controls layer).
  ['keydown', 'keyup', 'keypress'].forEach(function (t) {
    ed.layer.addEventListener(t, function (e) { e.stopPropagation(); });
  });
  ed.layer.addEventListener('focusout', function () { if (stale) afterFocus(redraw); });
  after.after(ed.layer);
}

function addNew() {
  const id = ed.newId.value.trim();
  if (!ID_RE.test(id)) {
    say(t('Type a new id first: lower-case letters, digits, _ . or -.'));
    ed.newId.focus();
    return;
  }
  const kind = view ? view.kind : 'organisation';
  const r = act('add', { kind: kind, id: id }, t('Added {kind} {id}.', { kind: kindOne(kind), id: id }), 'edit-form-title');
  if (r.ok) ed.newId.value = '';
}

// The elements of the kind shown whose id or name holds what is typed (the first 50): from `v`,
// a reply that asked for them (refresh's), else asked now (a key in the find box).
function fillList(v) {
  const kind = view ? view.kind : 'organisation';
  if (!v || !v.list) v = fetchView({ kind: kind, query: ed.find.value });
  const items = (v && v.list) || [];
  ed.list.replaceChildren();
  items.forEach(function (it) {
    const b = button('edit-pick-' + it.id, it.label, function () {
      act('select', { kind: kind, id: it.id }, t('Editing {kind} {id}.', { kind: kindOne(kind), id: it.id }), 'edit-form-title');
    }, { 'aria-current': view && view.selected === it.id ? 'true' : null });
    ed.list.appendChild(h('li', null, b));
  });
  ed.findNote.textContent = ' ' + (items.length === 50 ? t('{n} or more found.', { n: 50 })
    : items.length ? tn('{n} found.', '{n} found.', items.length) : t('None found.'));
}

// An Id field's suggestions (a datalist of the referred kind's elements matching what is typed).
function suggest(input, ref) {
  if (suggestFor !== input) {
    suggestFor = input;
    input.setAttribute('list', 'edit-suggest');
  }
  const v = fetchView({ kind: ref, query: input.value });
  ed.suggest.replaceChildren();
  ((v && v.list) || []).forEach(function (it) { ed.suggest.appendChild(h('option', { value: it.id, text: it.label })); });
}

// One input for a field at `pointer` (its value from the view), committed on change.
function control(f, pointer, value, labelText) {
  const id = fieldId(pointer);
  let input;
  const kind = view.kind, element = view.selected;  // the element this form was drawn for, whatever is chosen by the commit
  const set = function () { act('set', { kind: kind, id: element, field: pointer, text: input.value }, t('{field} set.', { field: labelText })); };
  if (f.type === 'enum') {
    input = h('select', { id: id });
    if (!f.required || !value) input.appendChild(h('option', { value: '', text: t('(none)') }));
    (f.choices || []).forEach(function (c) { input.appendChild(h('option', { value: c, text: c })); });
    input.value = value;
  } else if (f.type === 'longtext') {
    input = h('textarea', { id: id, rows: '3' });
    input.value = value;
  } else {
    input = h('input', { type: 'text', id: id, autocomplete: 'off', spellcheck: f.type === 'text' ? null : 'false' });
    input.value = value;
    if (f.type === 'number' || f.type === 'integer') input.setAttribute('inputmode', f.type === 'integer' ? 'numeric' : 'decimal');
    if (f.type === 'id' && f.ref) input.addEventListener('input', function () { suggest(input, f.ref); });
  }
  input.addEventListener('change', function () { afterFocus(set); });
  if (f.required) input.setAttribute('aria-required', 'true');
  const hint = f.type === 'date' ? t('YYYY, YYYY-MM or YYYY-MM-DD') : f.type === 'id' ? idHint(f.ref) : null;
  const bad = view.messages.filter(function (m) { return m.kind === view.kind && m.id === view.selected && m.field === pointer; });
  const notes = [];
  if (hint) notes.push(h('span', { id: id + '-hint', className: 'ca-muted', text: hint }));
  if (bad.length) {
    input.setAttribute('aria-invalid', 'true');
    notes.push(h('span', { id: id + '-error', className: 'ca-error-text', text: bad.map(function (m) { return m.message; }).join(' ') }));
  }
  if (notes.length) input.setAttribute('aria-describedby', notes.map(function (n) { return n.id; }).join(' '));
  return h('div', { className: 'ca-edit-field' },
    h('label', { for: id }, f.required ? t('{field} (required)', { field: labelText }) : labelText), input, ...notes);
}

// A list field at ptr: each item (its sub-fields, a list among them drawn within it, or its one
// value) with Remove, then Add.
function listControl(f, ptr) {
  const n = (view.form.lists && view.form.lists[ptr]) | 0;
  const set = h('fieldset', { id: fieldId(ptr), className: 'ca-edit-list' },
    h('legend', { text: f.required ? t('{field} (required)', { field: f.label }) : f.label }));
  const one = f.itemLabel || f.label;  // "Participant", in the interface language
  for (let i = 0; i < n; i++) {
    const ip = ptr + '/' + i;
    const what = one + ' ' + (i + 1);
    const remove = button(fieldId(ip) + '-remove', t('Remove {item}', { item: what.toLowerCase() }), function () {
      act('removeItem', { kind: view.kind, id: view.selected, field: ptr, index: i }, t('{item} removed.', { item: what }), fieldId(ptr) + '-add');
    });
    if (f.items && f.items.length) {
      const item = h('fieldset', { id: fieldId(ip) }, h('legend', { text: what }));
      f.items.forEach(function (sub) {
        const sp = ip + '/' + sub.key;
        item.appendChild(sub.type === 'list' ? listControl(sub, sp) : control(sub, sp, view.form.values[sp] || '', sub.label));
      });
      item.appendChild(remove);
      set.appendChild(item);
    } else {
      set.appendChild(control({ type: f.itemType, choices: f.choices, ref: f.ref, required: true }, ip, view.form.values[ip] || '', what));
      set.appendChild(remove);
    }
  }
  let adding = null;
  if (!(f.items && f.items.length)) {  // a plain value: typed (or chosen) first
    const addId = fieldId(ptr) + '-new';
    adding = f.itemType === 'enum' ? h('select', { id: addId }) : h('input', { type: 'text', id: addId, autocomplete: 'off' });
    if (f.itemType === 'enum') (f.choices || []).forEach(function (c) { adding.appendChild(h('option', { value: c, text: c })); });
    if (f.itemType === 'id' && f.ref) adding.addEventListener('input', function () { suggest(adding, f.ref); });
    set.appendChild(h('label', { for: addId }, t('New {item}', { item: one.toLowerCase() })));
    set.appendChild(adding);
  }
  set.appendChild(button(fieldId(ptr) + '-add', t('Add {item}', { item: one.toLowerCase() }), function () {
    act('addItem', Object.assign({ kind: view.kind, id: view.selected, field: ptr }, adding ? { text: adding.value } : {}),
      t('{item} added.', { item: one + ' ' + (n + 1) }), adding ? fieldId(ptr) + '-add' : fieldId(ptr + '/' + n + '/' + f.items[0].key));
  }));
  return set;
}

function fillForm() {
  ed.form.replaceChildren();
  if (!view.form) {
    ed.form.appendChild(h('p', { className: 'ca-muted', text: t('Choose an element in the list, or add one.') }));
    return;
  }
  ed.form.appendChild(h('h3', { id: 'edit-form-title', tabindex: '-1', text: kindOne(view.kind) + ' "' + view.selected + '"' }));
  view.form.fields.forEach(function (f) {
    const ptr = '/' + f.key;
    ed.form.appendChild(f.type === 'list' ? listControl(f, ptr) : control(f, ptr, view.form.values[ptr] || '', f.label));
  });
  if (view.kind === 'source') {  // its text: every quote citing it is checked against it (kept in this page only)
    const pasted = h('textarea', { id: 'edit-pasted', rows: '4', 'aria-describedby': 'edit-pasted-note' });
    pasted.value = view.pasted || '';
    const source = view.selected;
    pasted.addEventListener('change', function () {
      afterFocus(function () { act('paste', { kind: 'source', id: source, text: pasted.value }, t('Source text kept; quotes checked against it.')); });
    });
    ed.form.appendChild(h('div', { className: 'ca-edit-field' }, h('label', { for: 'edit-pasted' }, t('Pasted text')), pasted,
      h('span', { id: 'edit-pasted-note', className: 'ca-muted', text: t('The source\'s text: each quote citing this source is checked against it. It stays in this page.') })));
  }
  ed.form.appendChild(button('edit-delete', t('Delete {kind} {id}', { kind: kindOne(view.kind), id: view.selected }), function () {
    act('remove', { kind: view.kind, id: view.selected }, t('Deleted.'), 'edit-find');
  }));
  if (view.blocked.length) {
    const list = view.blocked.slice(0, 8).join('; ');
    ed.form.appendChild(h('p', { id: 'edit-blocked', text: view.blocked.length > 8
      ? t('Not deleted: still referred to by {list}; and {n} more.', { list: list, n: view.blocked.length - 8 })
      : t('Not deleted: still referred to by {list}.', { list: list }) }));
    ed.form.appendChild(button('edit-delete-refs', t('Delete and remove these references'), function () {
      act('remove', { kind: view.kind, id: view.selected, references: true }, t('Deleted, with its references.'), 'edit-find');
    }));
  }
}

// The validation messages, each with a button to the field it names.
function fillMessages() {
  ed.messagesTitle.textContent = t('Problems: {problems}', { problems: summary() });
  ed.messages.replaceChildren();
  view.messages.forEach(function (m, i) {
    const li = h('li', { className: m.severity === 'error' ? 'ca-error-text' : null }, m.text);
    if (m.id) {
      li.appendChild(doc.createTextNode(' '));
      li.appendChild(button('edit-msg-' + i, t('Go to {kind} {id}', { kind: kindOne(m.kind), id: m.id + (m.field ? ' ' + m.field.slice(1) : '') }), function () {
        act('select', { file: m.file, pointer: m.pointer }, '', 'edit-form-title');
        if (m.field) focusById(fieldId(m.field));  // else its heading (an element-wide message)
      }));
    }
    ed.messages.appendChild(li);
  });
}

function fillFiles() {
  ed.files.replaceChildren();
  view.files.forEach(function (f, i) {
    const name = f.name.replace(/^.*\//, '');
    ed.files.appendChild(button('edit-download-' + i, f.modified ? t('Download {file} (changed)', { file: name }) : t('Download {file}', { file: name }),
      function () { act('download', { index: i }, ''); }));
    ed.files.appendChild(button('edit-copy-' + i, t('Copy {file}', { file: name }), function () { act('copy', { index: i }, ''); }));
  });
  ed.confirm.replaceChildren();
  ed.confirm.hidden = !view.confirmSave;
  if (view.confirmSave) {
    ed.confirm.appendChild(h('span', { text: saveQuestion() }));
    ed.confirm.appendChild(button('edit-save-anyway', t('Download anyway'), function () { act('save', { anyway: true }, '', 'edit-save'); }));
    ed.confirm.appendChild(button('edit-save-cancel', t('Cancel'), function () { act('cancelSave', null, '', 'edit-save'); }));
  }
}

// Draws the layer from a fresh `editView`.
function refresh() {
  stale = false;
  const v = fetchView({ query: ed.find.value });  // the list of the kind shown with it (no kind: the panel's)
  if (!v) return;
  view = v;
  ed.undo.disabled = !v.canUndo;
  ed.redo.disabled = !v.canRedo;
  ed.save.disabled = !v.files.some(function (f) { return f.modified; });
  ed.kind.querySelectorAll('input').forEach(function (r) { r.checked = r.value === v.kind; });
  doc.querySelector('label[for="edit-find"]').textContent = t('Find {kinds} by id or name', { kinds: kindNames(v.kind)[0].toLowerCase() });
  ed.kind.querySelectorAll('.edit-kind-name').forEach(function (span, i) { span.textContent = kindNames(KINDS[i])[0]; });
  fillFiles();
  fillList(v);
  fillForm();
  fillMessages();
  drawStoryEditor();
}

// The `editstate` event (edit mode only): the layer is made once, then drawn again whenever the
// panel changed what it shows (the kind, the element, the data), after the frame that sent it.
export function onEditLayerState(data, after, later) {
  if (!data || !data.open || !after) return;
  if (!ed.layer) {
    build(after);
    ed.suggest = h('datalist', { id: 'edit-suggest' });
    ed.layer.appendChild(ed.suggest);
  }
  const st = data.story || {};
  const key = JSON.stringify([data.kind, data.selected, data.version, data.undo, data.errors, data.modified, st.titles, st.step, data.locale]);
  if (key === seen) return;
  seen = key;
  later(redraw);
}

// A text being typed into the layer (a field, the caption, the id to add), which a redraw would
// replace, losing what is typed: the redraw waits until focus leaves it (a typed field is
// committed on change, which draws the layer again anyway).
function typing() {
  const a = doc.activeElement;
  return !!a && ed.layer.contains(a) && (a.tagName === 'TEXTAREA' || (a.tagName === 'INPUT' && /^(text|search)$/.test(a.type)));
}
let stale = false;
function redraw() {
  if (typing()) { stale = true; return; }
  const keep = doc.activeElement && ed.layer.contains(doc.activeElement) && doc.activeElement.id;
  refresh();
  if (keep && !focusById(keep)) ed.title.focus();
}
