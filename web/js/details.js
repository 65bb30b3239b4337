// The details region: the selection as the map's details panel shows it (heading, abbreviation
// and native name, topics, the collaboration or organisation it is part of, its note,
// participants or collaborations as buttons that select them, figures with their quotes, events
// as buttons that go to their dates, quotes, source links), for keyboard and screen-reader
// visitors. Follows the wasm's `selection` event.
import { h } from './dom.js';
import { call } from './runtime.js';
import { t, msg } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';

export const det = {};

// Only http(s) addresses become links (the loader refuses others; this is the page's own check).
export function webUrl(url) {
  if (typeof url !== 'string' || url.length > 2048) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

function sourceLink(text, url) {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: text });
}

// The selection's sources, each a real link to the original (new tab, noopener).
function fillSources(list, sources) {
  (Array.isArray(sources) ? sources : []).forEach(function (s) {
    if (!s || typeof s.title !== 'string') return;
    const li = h('li', { text: s.title + (s.publisher ? ' (' + s.publisher + ')' : '') + ' ' });
    const url = webUrl(s.url), archived = webUrl(s.archived_url);
    if (url) li.appendChild(sourceLink(t('Read the original'), url));
    if (archived) li.append(' ', sourceLink(t('archived copy'), archived));
    list.appendChild(li);
  });
}

function selectButton(id, text) {
  const b = h('button', { type: 'button', className: 'ca-btn ca-inline', 'data-id': String(id), text: String(text) });
  b.addEventListener('click', function () {
    const r = call({ cmd: 'select', id: String(id) });
    if (!r.ok) console.warn('chipatlas: details: ' + r.error);
    else det.heading.focus();
  });
  return b;
}

// An event of the selection: a button that takes the map to its date (as the map's panel's
// link does).
function dateButton(day, text) {
  const b = h('button', { type: 'button', className: 'ca-btn ca-inline', 'data-t': String(day), text: String(text) });
  b.addEventListener('click', function () {
    const r = call({ cmd: 'setState', state: { t: String(day) } });
    if (!r.ok) console.warn('chipatlas: details: ' + r.error);
  });
  return b;
}

function list(label, items, fn) {
  if (!Array.isArray(items) || !items.length) return null;
  const ul = h('ul', { 'aria-label': label });
  items.forEach(function (it) { if (it && typeof it === 'object') ul.appendChild(h('li', null, ...fn(it))); });
  return h('div', null, h('h3', { text: label }), ul);
}

export function buildDetails(after) {
  det.heading = h('h2', { id: 'details-title', tabindex: '-1', text: t('Details') });
  det.body = h('div', { id: 'details-body' });
  det.close = h('button', { type: 'button', id: 'details-close', className: 'ca-btn', text: msg('Close details'), hidden: true });
  det.close.addEventListener('click', function () { call({ cmd: 'select', id: '' }); });
  det.sources = h('ul', { id: 'sr-sources', 'aria-label': msg('Sources of the selection') });
  det.region = h('section', { id: 'details', className: 'ca-layer', role: 'region', 'aria-labelledby': 'details-title' },
    det.heading, det.body, h('h3', { id: 'details-sources-title', text: msg('Sources'), hidden: true }), det.sources, det.close);
  ['keydown', 'keyup', 'keypress'].forEach(function (t) {
    det.region.addEventListener(t, function (e) { e.stopPropagation(); });
  });
  after.after(det.region);
  onLocaleChange(function () { updateDetails(last); });
}

// A `selection` event: {id, type, label, native, details, sources, participants?, quotes?,
// topics?, parent?, facts?, events?, abbr?, note?, collaborations?} (web/API.md).
let last = null;  // the last selection, shown again in a new language
export function updateDetails(data) {
  if (!det.region) return;
  last = data;
  const has = !!(data && data.id);
  det.heading.textContent = has ? String(data.label || data.id) : t('Details: nothing selected');
  det.body.replaceChildren();
  det.sources.replaceChildren();
  det.close.hidden = !has;
  det.sources.previousSibling.hidden = !has;
  if (!has) {
    det.body.appendChild(h('p', { text: t('Select an organisation or collaboration on the map, by search or in the lists here.') }));
    return;
  }
  const names = [data.abbr, data.native].filter(function (x) { return typeof x === 'string' && x; });
  if (names.length) det.body.appendChild(h('p', { text: names.join(' \u00b7 ') }));
  det.body.appendChild(h('p', { text: (data.type === 'organisation' ? t('Organisation.') : t('Collaboration.')) + ' ' + String(data.details || '') }));
  if (data.topics) det.body.appendChild(h('p', { text: t('Topics:') + ' ' + String(data.topics) }));
  if (data.parent && data.parent.id) det.body.appendChild(h('p', null, t('Part of:') + ' ', selectButton(data.parent.id, data.parent.title || data.parent.id)));
  if (data.note) det.body.appendChild(h('p', { text: t('Note:') + ' ' + String(data.note) }));
  const quote = function (text, source) {
    return [h('blockquote', { text: String(text || '') }), h('span', { className: 'ca-cite', text: '(' + String(source || '') + ')' })];
  };
  [
    list(t('Participants'), data.participants, function (p) { return [selectButton(p.id, p.label || p.name), ' ' + (p.role || '')]; }),
    list(t('Collaborations'), data.collaborations, function (c) {
      return [selectButton(c.id, c.title), ' ' + [c.when, c.role].filter(Boolean).join(' \u00b7 ')];
    }),
    list(t('Figures'), data.facts, function (f) { return [String(f.text || '')].concat(quote(f.quote, f.source)); }),
    list(t('Timeline'), data.events, function (e) { return [dateButton(e.t, String(e.date || e.t) + ' \u2014 ' + String(e.title || ''))]; }),
    list(t('Quotes'), data.quotes, function (q) { return quote(q.text, q.source); }),
  ].forEach(function (n) { if (n) det.body.appendChild(n); });
  fillSources(det.sources, data.sources);
}
