// The story editor's part of the editing layer (web/js/edit_layer.js): what the story editor's
// window does (`editStory`: the draft's id and title, the view shown added as a step, the steps
// chosen, moved and removed, the chosen step's caption, Tell it, Save), for keyboard and screen readers.

let doc, h, call, t, msg;  // the page's, given by the layer (usePage in js/edit_layer.js)
export function useStoryPage(page) {
  ({ doc, h, call, t, msg } = page);
}

const se = {};    // its elements (ids as the browser tests use them)
let kit = null;   // the layer's helpers: button, say, focusById, afterFocus, heading

// Its fieldset, built once with the layer's helpers.
export function buildStoryEditor(helpers) {
  kit = helpers;
  const field = function (id, label, multi) {
    const input = multi ? h('textarea', { id: id, rows: '3' }) : h('input', { type: 'text', id: id, autocomplete: 'off' });
    return [h('label', { className: 'ca-field', for: id }, label), input];
  };
  const idF = field('edit-story-id', msg('Story id')), titleF = field('edit-story-title', msg('Story title'));
  se.id = idF[1];
  se.title = titleF[1];
  se.id.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'id', { text: se.id.value }, t('Story id set.'))); });
  se.title.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'title', { text: se.title.value }, t('Story title set.'))); });
  se.add = kit.button('edit-story-add', msg('Add this view as a step'), function () {
    const r = story('add', null, '', 'edit-story-caption-title');
    if (r.ok) kit.say(t('Step {n} added: the map as it is now. Type its caption.', { n: r.steps.length }));
  });
  se.steps = h('ol', { id: 'edit-story-steps' });
  se.caption = h('div', { id: 'edit-story-caption' });
  se.tell = kit.button('edit-story-tell', msg('Tell it'), function () { story('tell', null, t('Telling the story from the chosen step.')); });
  se.save = kit.button('edit-story-save', msg('Save (download)'), function () { story('save', null, ''); });
  return h('fieldset', { id: 'edit-story' }, h('legend', { text: msg('Story') }), ...idF, ...titleF, se.add, se.steps, se.caption,
    h('div', { className: 'ca-row' }, se.tell, se.save));
}

function story(op, args, done, focusId) {
  const r = call(Object.assign({ cmd: 'editStory', op: op }, args || {}));
  const keep = focusId || (doc.activeElement && doc.activeElement.id);
  if (r.ok) drawStory(r);
  else drawStory(call({ cmd: 'editStory', op: 'view' }));
  if (keep && !kit.focusById(keep)) kit.heading().focus();
  if (!r.ok) kit.say(r.error || t('That did not work.'));
  else if (done) kit.say(done);
  else if (r.status) kit.say(r.status);
  return r;
}

function drawStory(r) {
  if (!r || !r.ok) return;
  if (doc.activeElement !== se.id) se.id.value = r.id;
  if (doc.activeElement !== se.title) se.title.value = r.title;
  se.add.disabled = r.steps.length >= r.maxSteps;
  se.tell.disabled = se.save.disabled = !r.steps.length;
  se.steps.replaceChildren();
  r.steps.forEach(function (st, i) {
    const n = i + 1, name = t('Step {n}: {title}', { n: n, title: st.title || t('(no title)') });
    const li = h('li', null,
      kit.button('edit-story-step-' + i, name, function () { story('choose', { index: i }, t('Editing step {n}\u2019s caption.', { n: n }), 'edit-story-caption-title'); },
        { 'aria-current': r.step === i ? 'step' : null }),
      ' ',
      kit.button('edit-story-up-' + i, t('Up'), function () { story('up', { index: i }, t('Step {n} moved up.', { n: n }), 'edit-story-up-' + Math.max(0, i - 1)); },
        { 'aria-label': t('Move step {n} up', { n: n }), disabled: i === 0 }),
      kit.button('edit-story-down-' + i, t('Down'), function () { story('down', { index: i }, t('Step {n} moved down.', { n: n }), 'edit-story-down-' + (i + 1)); },
        { 'aria-label': t('Move step {n} down', { n: n }), disabled: i === r.steps.length - 1 }),
      kit.button('edit-story-remove-' + i, t('Remove'), function () { story('remove', { index: i }, t('Step {n} removed.', { n: n }), 'edit-story-add'); },
        { 'aria-label': t('Remove step {n}', { n: n }) }));
    se.steps.appendChild(li);
  });
  se.caption.replaceChildren();
  const at = r.steps[r.step];
  if (!at) return;
  const title = h('input', { type: 'text', id: 'edit-story-caption-title', autocomplete: 'off' });
  const text = h('textarea', { id: 'edit-story-caption-text', rows: '3' });
  title.value = at.title;
  text.value = at.text;
  title.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'captionTitle', { index: r.step, text: title.value }, t('Caption title set.'))); });
  text.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'captionText', { index: r.step, text: text.value }, t('Caption text set.'))); });
  se.caption.appendChild(h('h4', { text: t('Step {n}\u2019s caption', { n: r.step + 1 }) }));
  se.caption.appendChild(h('label', { className: 'ca-field', for: title.id }, t('Caption title')));
  se.caption.appendChild(title);
  se.caption.appendChild(h('label', { className: 'ca-field', for: text.id }, t('Caption text')));
  se.caption.appendChild(text);
}

// Draws it from the draft as it is (the layer's refresh).
export function drawStoryEditor() { drawStory(call({ cmd: 'editStory', op: 'view' })); }
