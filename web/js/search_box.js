// The DOM search box: a combobox (ARIA 1.2 "list autocomplete") over the wasm's `search`
// command, live while typing (IME composition too); choosing a result selects it on the map.
import { doc, h } from './dom.js';
import { app } from './state.js';
import { ui, toast } from './ui_chrome.js';
import { call } from './runtime.js';
import { t, tn } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';

let results = [];
let activeIndex = -1;
let optionSeq = 0;

// The lang attribute for a result's native name (so screen readers and fonts pick CJK right).
const REGION_LANG = { korea: 'ko', japan: 'ja', taiwan: 'zh-Hant', 'hong kong': 'zh-Hant', hong_kong: 'zh-Hant', macao: 'zh-Hant', gba: 'zh-Hans' };
function nativeLang(region, text) {
  const key = String(region || '').toLowerCase();
  for (const k in REGION_LANG) if (key.indexOf(k) >= 0) return REGION_LANG[k];
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  return 'zh';
}

// A result's type in the interface language (the wasm names it "organisation" or "collaboration").
function typeName(type) {
  if (type === 'organisation') return t('organisation');
  if (type === 'collaboration') return t('collaboration');
  return type;
}

function setExpanded(open) {
  ui.results.hidden = !open;
  ui.search.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (!open) { setActive(-1); }
}
function setActive(i) {
  const opts = ui.results.querySelectorAll('[role="option"]');
  activeIndex = i;
  for (let j = 0; j < opts.length; j++) opts[j].setAttribute('aria-selected', j === i ? 'true' : 'false');
  if (i >= 0 && opts[i]) {
    ui.search.setAttribute('aria-activedescendant', opts[i].id);
    opts[i].scrollIntoView({ block: 'nearest' });
  } else {
    ui.search.removeAttribute('aria-activedescendant');
  }
}
function renderResults(text) {
  ui.results.replaceChildren();
  activeIndex = -1;
  ui.search.removeAttribute('aria-activedescendant');
  if (!text) { setExpanded(false); ui.searchStatus.textContent = ''; return; }
  if (!results.length) {
    ui.results.appendChild(h('li', { className: 'ca-opt-empty', role: 'presentation', text: t('No matches') }));
    ui.searchStatus.textContent = t('No matches.');
    setExpanded(true);
    return;
  }
  results.forEach(function (r, i) {
    const meta = h('span', { className: 'ca-opt-meta' });
    if (r.native) meta.appendChild(h('span', { className: 'ca-opt-native', lang: nativeLang(r.region, r.native), text: r.native }));
    meta.appendChild(doc.createTextNode([typeName(r.type), r.region].filter(Boolean).join(' · ')));
    const li = h('li', {
      id: 'search-opt-' + (++optionSeq), role: 'option', 'aria-selected': 'false', 'data-id': r.id,
      'data-index': String(i)
    }, h('span', { className: 'ca-opt-label', text: r.label || r.id }), meta);
    ui.results.appendChild(li);
  });
  ui.searchStatus.textContent = tn('{n} result.', '{n} results.', results.length);
  setExpanded(true);
}

// Searches for what the box holds (also called at `ready`, for text typed during start-up).
export function runSearch() {
  const text = ui.search.value.trim();
  if (!text) { results = []; renderResults(''); return; }
  if (!app.ready) return; // onReady runs it again
  const r = call({ cmd: 'search', text: text });
  results = r.ok && Array.isArray(r.results) ? r.results : [];
  renderResults(text);
}
function choose(i) {
  const r = results[i];
  if (!r) return;
  const reply = call({ cmd: 'select', id: r.id });
  if (!reply.ok) toast(t('Cannot select {name}: {why}', { name: r.label || r.id, why: reply.error }));
  ui.search.value = r.label || r.id;
  setExpanded(false);
}

export function wireSearch() {
  // `input` fires for IME composition too, so Chinese, Korean and Japanese search live.
  ui.search.addEventListener('input', runSearch);
  onLocaleChange(runSearch);  // the results' words in the new language
  ui.search.addEventListener('keydown', function (e) {
    if (e.isComposing || e.keyCode === 229) return; // the IME owns Enter/arrows while composing
    const n = results.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'Down':
        if (!n) return;
        e.preventDefault();
        if (ui.results.hidden) setExpanded(true);
        setActive(activeIndex + 1 >= n ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
      case 'Up':
        if (!n) return;
        e.preventDefault();
        if (ui.results.hidden) setExpanded(true);
        setActive(activeIndex <= 0 ? n - 1 : activeIndex - 1);
        break;
      case 'Enter':
        if (!n || ui.results.hidden) return;
        e.preventDefault();
        choose(activeIndex >= 0 ? activeIndex : 0);
        break;
      case 'Escape':
      case 'Esc':
        if (!ui.results.hidden) { e.preventDefault(); setExpanded(false); }
        else if (ui.search.value) { e.preventDefault(); ui.search.value = ''; results = []; renderResults(''); }
        else { ui.canvas.focus(); }
        break;
      case 'Tab':
        setExpanded(false);
        break;
    }
  });
  ui.search.addEventListener('focus', function () { if (results.length && ui.search.value.trim()) setExpanded(true); });
  ui.search.addEventListener('blur', function () { setTimeout(function () { if (doc.activeElement !== ui.search) setExpanded(false); }, 150); });
  ui.results.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep focus in the input
  ui.results.addEventListener('click', function (e) {
    const li = e.target.closest('[role="option"]');
    if (li) choose(Number(li.dataset.index));
  });
  ui.results.addEventListener('mousemove', function (e) {
    const li = e.target.closest('[role="option"]');
    if (li && Number(li.dataset.index) !== activeIndex) setActive(Number(li.dataset.index));
  });
}
