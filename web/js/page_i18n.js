// The page in the interface language: fetches a language's catalogue (i18n/<id>.json, only when
// that language is chosen), then sets <html lang dir>, the static texts and every msg() text.
import { doc, root, h, bindText, retranslate } from './dom.js';
import { LIMITS } from './limits.js';
import { LOCALES, LOCALE_NAMES, isLocale, textDir, msg, parseCatalogue, useCatalogue, currentLocale, chooseLocale } from './i18n.js';
import { fetchOwnFile } from './dataset.js';
import { EDIT_BUILD } from './early.js';

// The texts of index.html and csp.html (English there, for a page without JavaScript or before
// the catalogue comes). The noscript text is in the pages in all five languages: nothing can
// translate it (tests/js/i18n_pages.test.mjs checks it against the catalogues).
export const PAGE_TEXTS = Object.freeze({
  title: msg('chipatlas · semiconductor collaborations in East Asia'),
  canvas: msg('Interactive map of semiconductor collaborations in East Asia'),
  loading: msg('Loading chipatlas…'),
  noscript: msg('chipatlas needs JavaScript and WebGL 2.'),
});

const cache = new Map();  // id -> a promise of its messages (a catalogue is fetched once)
const hooks = [];         // run after the language changed (texts made from state or events)
let wanted = 'en';
const failed = new Set();  // ids whose catalogue could not be had: English until a reload
const utf8 = new TextDecoder();

export function onLocaleChange(fn) { hooks.push(fn); }

// One catalogue file's messages (i18n/<name>.json, of language id).
function fetchMessages(name, id) {
  return fetchOwnFile(new URL('i18n/' + name + '.json', doc.baseURI).href,
    { maxBytes: LIMITS.pageCatalogueBytes, credentials: 'same-origin', what: 'catalogues' }).then(function (bytes) {
    return parseCatalogue(utf8.decode(bytes), id);
  });
}

// The catalogue of id: a promise of its messages (null for English). Rejects with a message.
// An editing visit's adds the editing layer's texts (i18n/<id>.edit.json; a plain visit's does
// not fetch them).
function catalogue(id) {
  if (id === 'en') return Promise.resolve(null);
  if (!cache.has(id)) {
    cache.set(id, Promise.all([fetchMessages(id, id), EDIT_BUILD ? fetchMessages(id + '.edit', id) : null]).then(function (both) {
      return Object.assign({}, both[0], both[1]);
    }).catch(function (e) {
      cache.delete(id);  // asked again later, it is fetched again
      throw e;
    }));
  }
  return cache.get(id);
}

// The page's title in the interface language (again once the app has started: SDL's window
// creation sets document.title to "chipatlas").
export function showPageTitle() { doc.title = String(PAGE_TEXTS.title); }

function applyLocale(id, messages) {
  useCatalogue(id, messages);
  root.lang = id;
  root.dir = textDir(id);
  showPageTitle();
  retranslate();
  document.querySelectorAll('select.ca-locale').forEach(function (s) { s.value = id; });
  hooks.forEach(function (fn) {
    try { fn(id); } catch (e) { console.error('chipatlas: a language hook failed', e); }
  });
}

// Shows the page in id (fetching its catalogue first); resolves when done. The last language
// asked for wins; a catalogue that cannot be had leaves the page in English, with a warning.
export function setPageLocale(id) {
  const want = isLocale(id) && !failed.has(id) ? id : 'en';
  wanted = want;
  if (want === currentLocale()) return Promise.resolve();
  return catalogue(want).then(function (m) {
    if (wanted === want) applyLocale(want, m);
  }, function (e) {
    console.warn('chipatlas: the ' + want + ' interface texts could not be loaded (' + (e && e.message || e) + '); showing English');
    failed.add(want);
    if (wanted === want) { wanted = 'en'; applyLocale('en', null); }
  });
}

// The static elements of index.html / csp.html follow the language from now on.
export function bindPageTexts(canvas) {
  if (canvas) bindText(canvas, 'aria-label', PAGE_TEXTS.canvas);
  const loading = doc.querySelector('#loading > span:last-child');
  if (loading) bindText(loading, 'text', PAGE_TEXTS.loading);
}

// A labelled <select> of the five languages by their own names; choosing one calls pick(id).
export function localePicker(id, pick, label) {
  const s = h('select', { id: id, className: 'ca-locale', 'aria-label': label || msg('Language') });
  LOCALES.forEach(function (l) { s.appendChild(h('option', { value: l, lang: l, text: LOCALE_NAMES[l] })); });
  s.value = currentLocale();
  s.addEventListener('change', function () { if (isLocale(s.value)) pick(s.value); });
  return s;
}

// The language at start: the link's #locale= when it names one, else the browser's languages.
export function startPageLocale(linkLocale) {
  const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return setPageLocale(chooseLocale(linkLocale, Array.from(tags)));
}
