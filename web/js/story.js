// The story region: the step's caption as a live region (announced as each step comes), its
// source links, and real buttons for previous / next / back to step / exit, in step with the
// map's story card both ways (the wasm's `storystep` and `state` events). Also ?story=FILE.
import { h } from './dom.js';
import { call, command } from './runtime.js';
import { LIMITS } from './limits.js';
import { webUrl } from './details.js';
import { fetchOwnFile, dataAllowed } from './dataset.js';
import { showError, toast } from './ui_chrome.js';
import { t, msg } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';

export const sto = {};  // the region's elements (ids as the browser tests use them)
let told = { id: '', step: 0, steps: 0 };
let lastStep = null;  // the last `storystep` event's data, told again when the language changes

function send(msg) {
  const r = call(msg);
  if (!r.ok) console.warn('chipatlas: story: ' + msg.cmd + ': ' + r.error);
  return r;
}
function button(id, text, onClick) {
  const b = h('button', { type: 'button', id: id, className: 'ca-btn', text: text });
  b.addEventListener('click', onClick);
  return b;
}

export function buildStory(before) {
  sto.heading = h('h2', { id: 'story-title', tabindex: '-1', text: msg('Story') });
  sto.count = h('p', { id: 'story-count' });
  sto.caption = h('div', { id: 'story-caption', 'aria-live': 'polite', 'aria-atomic': 'true' });
  sto.sources = h('ul', { id: 'story-sources', 'aria-label': msg('Sources of this step') });
  sto.prev = button('story-prev', msg('Previous step'), function () { send({ cmd: 'storyStep', step: told.step - 1 }); });
  sto.next = button('story-next', msg('Next step'), function () { send({ cmd: 'storyStep', step: told.step + 1 }); });
  sto.back = button('story-back', msg('Back to step'), function () { send({ cmd: 'storyStep', step: told.step }); });
  sto.exit = button('story-exit', msg('Exit story'), function () { send({ cmd: 'exitStory' }); });
  sto.region = h('section', { id: 'story', className: 'ca-layer', role: 'region', 'aria-labelledby': 'story-title', hidden: true },
    sto.heading, sto.count, sto.caption, sto.sources, h('div', { className: 'ca-row' }, sto.prev, sto.next, sto.back, sto.exit));
  ['keydown', 'keyup', 'keypress'].forEach(function (t) {
    sto.region.addEventListener(t, function (e) { e.stopPropagation(); });
  });
  before.before(sto.region);
  onLocaleChange(function () { if (lastStep) onStoryStep(lastStep); });  // the count and links in the new language
}

// A `storystep` event: {id, title, step, steps, caption: {title, text, sources}} or {id: ''}.
export function onStoryStep(data) {
  if (!sto.region) return;
  lastStep = data;
  const on = !!(data && data.id && data.step > 0);
  told = on ? { id: String(data.id), step: data.step | 0, steps: data.steps | 0 } : { id: '', step: 0, steps: 0 };
  sto.region.hidden = !on;
  sto.caption.replaceChildren();
  sto.sources.replaceChildren();
  if (!on) return;
  const cap = data.caption || {};
  sto.heading.textContent = String(data.title || t('Story'));
  sto.count.textContent = t('Step {step} of {n}', { step: told.step, n: told.steps });
  sto.caption.append(h('h3', { text: String(cap.title || '') }), h('p', { text: String(cap.text || '') }));
  (Array.isArray(cap.sources) ? cap.sources : []).forEach(function (s) {
    const url = s && webUrl(s.url);
    if (!url) return;
    sto.sources.appendChild(h('li', null, String(s.title || '') + ' ',
      h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: t('Read the original') })));
  });
  sto.prev.disabled = told.step <= 1;
  sto.next.disabled = told.step >= told.steps;
  if (focusTold) {  // the tour's first step, for a keyboard: the story region next (its caption, Next)
    focusTold = false;
    sto.heading.focus({ preventScroll: true });
  }
}

// A `state` event's state: "Back to step" only once the reader has moved away from the step.
export function updateStory(state) {
  if (sto.back) sto.back.hidden = !(state && state.storyAway);
}

// "Take the tour" (the About card's, its dialog's, the controls layer's): the site's first story
// that holds for the data shown, from its first step, the About card closed. The stories are
// fetched first (runtime.js); when none holds (another dataset), the page says so.
let focusTold = false;  // a tour started from the page's controls: its region takes focus as it comes
export function startTour(fromKeys) {
  focusTold = !!fromKeys;
  return command('listStories').then(function (r) {
    const first = r && Array.isArray(r.stories) ? r.stories[0] : null;
    if (!first) {
      focusTold = false;
      toast(t('No story holds for the data shown.'), 5000);
      return command('setState', { state: { about: false } });
    }
    return command('setState', { state: { about: false, story: String(first.id), step: 1 } });
  }).then(null, function (e) {
    focusTold = false;
    console.warn('chipatlas: tour: ' + (e && e.message || e));
  });
}

// ?story=FILE: a story from this site (same rules and caps as ?data=), told from the link's step
// or its first; its errors are listed in the page. Without it, a link's #story=ID&step=N names a
// bundled story: fetched from stories/ (runtime.js, bundledStories), then told at that step.
export function loadStoryParam(spec, startStep, startStory) {
  if (!spec && startStory) {
    command('setState', { state: { story: String(startStory), step: Math.max(1, startStep | 0) } })
      .then(null, function (e) { console.warn('chipatlas: story ' + startStory + ': ' + (e && e.message || e)); });
  }
  if (!spec) return;
  if (!dataAllowed()) {
    showError(() => t('This page tells only its published stories'), () => t('Its publisher has turned off loading other files (?story=).'));
    return;
  }
  const shown = String(spec).slice(0, 200);
  if (spec.length > LIMITS.dataNameChars) {
    showError(() => t('Could not load the story'), () => t('{file}…: the name is too long.', { file: shown }));
    return;
  }
  const fetched = fetchOwnFile(spec, { maxBytes: LIMITS.storyBytes, credentials: 'omit', what: 'stories' });
  // getState resolves once the app runs: the story is checked against the data it shows.
  Promise.all([fetched, command('getState')]).then(function (got) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(got[0]);
    const r = call({ cmd: 'loadStory', name: spec, text: text });
    if (r.ok) return r;
    const e = new Error(r.error || 'the story could not be loaded');
    e.lines = typeof r.text === 'string' ? r.text.split('\n').filter(function (l) { return l.trim(); }).slice(0, LIMITS.errorLines) : [];
    throw e;
  }).then(function (r) {
    const step = Math.max(1, Math.min(r.steps | 0, startStep | 0 || 1));
    return command('setState', { state: { story: r.id, step: step } });
  }).then(null, function (e) {
    const lines = e && Array.isArray(e.lines) ? e.lines : [];
    showError(() => t('Could not load the story'), () => t('{file}: {why}', { file: shown, why: String(e && e.message || e) }), lines);
  });
}
