// The screen-reader mirror (#sr, aria-live): the date, the selection and the collaborations
// the map shows, as text, from the wasm's `state`, `selection` and `active` events; the
// selection's details and source links are in the details region (details.js).
import { doc, h } from './dom.js';
import { ui } from './ui_chrome.js';
import { updateDetails } from './details.js';
import { t, tn, formatDate } from './i18n.js';

export { webUrl } from './details.js';

function describeDate(iso) { return iso ? t('Date: {date}.', { date: formatDate(iso) || iso }) : ''; }

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
function activeText(it) {
  const when = t('{start} to {end}', { start: formatDate(it.start) || it.start || '?', end: formatDate(it.end) || it.end || t('ongoing') });
  const who = (it.participants || []).map(participantName).filter(Boolean).join(', ');
  return (it.title || it.id) + ' (' + [it.kind, it.status].filter(Boolean).join(', ') + '; ' + when + ')' + (who ? ': ' + who : '');
}
function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
// The list is updated in place (an event every 0.2 s while playing, up to 200 items): an item
// keeps its element, touched only when its text changed; new ones are inserted, gone ones removed.
export function updateMirrorFromActive(data) {
  if (data.t) setText(ui.srDate, describeDate(data.t));
  const items = Array.isArray(data.items) ? data.items : [];
  setText(ui.srCount, tn('{n} collaboration on the map.', '{n} collaborations on the map.', items.length));
  const list = ui.srActive;
  const kept = new Map();
  for (let li = list.firstChild; li; li = li.nextSibling) if (li.dataset) kept.set(li.dataset.id, li);
  let at = list.firstChild;
  items.forEach(function (it) {
    const text = activeText(it);
    const id = String(it.id);
    let li = kept.get(id);
    if (li) {
      kept.delete(id);
      setText(li, text);
    } else li = h('li', { 'data-id': it.id, text: text });
    if (li === at) at = at.nextSibling;
    else list.insertBefore(li, at);
  });
  while (at) {
    const next = at.nextSibling;
    list.removeChild(at);
    at = next;
  }
}

export function updateMirrorFromSelection(data) {
  if (!data || !data.id) ui.srSelection.textContent = t('Nothing selected.');
  else {
    const v = { name: data.label || data.id };
    ui.srSelection.textContent = (data.type === 'organisation' ? t('Selected organisation: {name}.', v)
      : t('Selected collaboration: {name}.', v)) + (data.details ? ' ' + data.details : '');
  }
  ui.srSelection.dataset.id = (data && data.id) || '';
  updateDetails(data);  // the details region, with the sources' links (details.js)
}
