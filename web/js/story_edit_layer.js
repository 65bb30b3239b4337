// The story editor's part of the editing layer (web/js/edit_layer.js): what the story editor's
// window does (`editStory`: the draft's id and title, the view shown added as a step, the steps
// chosen, moved and removed, the chosen step's caption, Tell it, Save), for keyboard and screen readers.

let doc, h, call;  // the page's, given by the layer (usePage in js/edit_layer.js)
export function useStoryPage(page) {
  ({ doc, h, call } = page);
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
  const idF = field('edit-story-id', 'Story id'), titleF = field('edit-story-title', 'Story title');
  se.id = idF[1];
  se.title = titleF[1];
  se.id.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'id', { text: se.id.value }, 'Story id set.')); });
  se.title.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'title', { text: se.title.value }, 'Story title set.')); });
  se.add = kit.button('edit-story-add', 'Add this view as a step', function () {
    const r = story('add', null, '', 'edit-story-caption-title');
    if (r.ok) kit.say('Step ' + r.steps.length + ' added: the map as it is now. Type its caption.');
  });
  se.steps = h('ol', { id: 'edit-story-steps' });
  se.caption = h('div', { id: 'edit-story-caption' });
  se.tell = kit.button('edit-story-tell', 'Tell it', function () { story('tell', null, 'Telling the story from the chosen step.'); });
  se.save = kit.button('edit-story-save', 'Save (download)', function () { story('save', null, ''); });
  return h('fieldset', { id: 'edit-story' }, h('legend', { text: 'Story' }), ...idF, ...titleF, se.add, se.steps, se.caption,
    h('div', { className: 'ca-row' }, se.tell, se.save));
}

function story(op, args, done, focusId) {
  const r = call(Object.assign({ cmd: 'editStory', op: op }, args || {}));
  const keep = focusId || (doc.activeElement && doc.activeElement.id);
  if (r.ok) drawStory(r);
  else drawStory(call({ cmd: 'editStory', op: 'view' }));
  if (keep && !kit.focusById(keep)) kit.heading().focus();
  if (!r.ok) kit.say(r.error || 'That did not work.');
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
    const n = i + 1, name = 'Step ' + n + ': ' + (st.title || '(no title)');
    const li = h('li', null,
      kit.button('edit-story-step-' + i, name, function () { story('choose', { index: i }, 'Editing step ' + n + '\'s caption.', 'edit-story-caption-title'); },
        { 'aria-current': r.step === i ? 'step' : null }),
      ' ',
      kit.button('edit-story-up-' + i, 'Up', function () { story('up', { index: i }, 'Step ' + n + ' moved up.', 'edit-story-up-' + Math.max(0, i - 1)); },
        { 'aria-label': 'Move step ' + n + ' up', disabled: i === 0 }),
      kit.button('edit-story-down-' + i, 'Down', function () { story('down', { index: i }, 'Step ' + n + ' moved down.', 'edit-story-down-' + (i + 1)); },
        { 'aria-label': 'Move step ' + n + ' down', disabled: i === r.steps.length - 1 }),
      kit.button('edit-story-remove-' + i, 'Remove', function () { story('remove', { index: i }, 'Step ' + n + ' removed.', 'edit-story-add'); },
        { 'aria-label': 'Remove step ' + n }));
    se.steps.appendChild(li);
  });
  se.caption.replaceChildren();
  const at = r.steps[r.step];
  if (!at) return;
  const title = h('input', { type: 'text', id: 'edit-story-caption-title', autocomplete: 'off' });
  const text = h('textarea', { id: 'edit-story-caption-text', rows: '3' });
  title.value = at.title;
  text.value = at.text;
  title.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'captionTitle', { index: r.step, text: title.value }, 'Caption title set.')); });
  text.addEventListener('change', function () { kit.afterFocus(story.bind(null, 'captionText', { index: r.step, text: text.value }, 'Caption text set.')); });
  se.caption.appendChild(h('h4', { text: 'Step ' + (r.step + 1) + '\'s caption' }));
  se.caption.appendChild(h('label', { className: 'ca-field', for: title.id }, 'Caption title'));
  se.caption.appendChild(title);
  se.caption.appendChild(h('label', { className: 'ca-field', for: text.id }, 'Caption text'));
  se.caption.appendChild(text);
}

// Draws it from the draft as it is (the layer's refresh).
export function drawStoryEditor() { drawStory(call({ cmd: 'editStory', op: 'view' })); }
