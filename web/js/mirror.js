// The screen-reader mirror (#sr, aria-live): the date, the selection and the collaborations
// the map shows, as text, from the wasm's `state`, `selection` and `active` events.
import { doc, h } from './dom.js';
import { ui } from './ui_chrome.js';

function describeDate(t) { return t ? 'Date: ' + t + '.' : ''; }

export function updateMirrorFromState(state) {
  if (!state) return;
  // While playing the date moves several times a second: leave it to the `active` updates.
  if (!state.playing) ui.srDate.textContent = describeDate(state.t);
}

function participantName(p) {
  if (typeof p === 'string') return p;
  if (p && typeof p === 'object') return p.name || p.label || p.org || '';
  return '';
}
export function updateMirrorFromActive(data) {
  if (data.t) ui.srDate.textContent = describeDate(data.t);
  const items = Array.isArray(data.items) ? data.items : [];
  ui.srCount.textContent = items.length === 1 ? '1 collaboration on the map.' : items.length + ' collaborations on the map.';
  const frag = doc.createDocumentFragment();
  items.forEach(function (it) {
    const when = (it.start || '?') + ' to ' + (it.end || 'ongoing');
    const who = (it.participants || []).map(participantName).filter(Boolean).join(', ');
    const text = (it.title || it.id) + ' (' + [it.kind, it.status].filter(Boolean).join(', ') + '; ' + when + ')' + (who ? ': ' + who : '');
    frag.appendChild(h('li', { 'data-id': it.id, text: text }));
  });
  while (ui.srActive.firstChild) ui.srActive.removeChild(ui.srActive.firstChild);
  ui.srActive.appendChild(frag);
}

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

// The selected collaboration's sources, each a real link to the original (new tab, noopener),
// in a list after the selection line, made on first use.
function updateSources(sources) {
  let list = doc.getElementById('sr-sources');
  if (!list) {
    list = h('ul', { id: 'sr-sources', 'aria-label': 'Sources of the selection' });
    ui.srSelection.after(list);
  }
  while (list.firstChild) list.removeChild(list.firstChild);
  (Array.isArray(sources) ? sources : []).forEach(function (s) {
    if (!s || typeof s.title !== 'string') return;
    const li = h('li', { text: s.title + (s.publisher ? ' (' + s.publisher + ')' : '') + ' ' });
    const url = webUrl(s.url), archived = webUrl(s.archived_url);
    if (url) li.appendChild(sourceLink('Read the original', url));
    if (archived) li.append(' ', sourceLink('archived copy', archived));
    list.appendChild(li);
  });
}

export function updateMirrorFromSelection(data) {
  if (!data || !data.id) ui.srSelection.textContent = 'Nothing selected.';
  else ui.srSelection.textContent = 'Selected ' + (data.type || 'item') + ': ' + (data.label || data.id) + '.' +
    (data.details ? ' ' + data.details : '');
  ui.srSelection.dataset.id = (data && data.id) || '';
  updateSources(data && data.sources);
}
