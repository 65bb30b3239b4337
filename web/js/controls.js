// The page's controls layer: real DOM controls for every control the map draws (region presets,
// legend filters with their counts, the timeline, names, theme, motion, About), for keyboard and
// screen-reader visitors. They drive the wasm by commands and follow its state events.
import { doc, h } from './dom.js';
import { app } from './state.js';
import { call } from './runtime.js';
import { t, tn, msg, formatDate, formatNumber } from './i18n.js';
import { localePicker, setPageLocale, onLocaleChange } from './page_i18n.js';
import { startTour } from './story.js';

const DAY_MS = 86400000;

// "2023-08-29" -> day number (days since 1970-01-01, as the wasm counts), or NaN.
export function dayOf(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : NaN;
}
// Day number -> "2023-08-29".
export function isoOf(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
// "2023-08-29" -> "29 August 2023" / "2023년 8월 29일" (the slider's aria-valuetext; i18n.js).
export const spokenDate = formatDate;
// The same day n months later (or earlier), at the month's last day when it is shorter.
export function addMonths(iso, n) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  if (!m) return iso;
  const total = (+m[1]) * 12 + (+m[2] - 1) + n, y = Math.floor(total / 12), mo = total - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(y, mo, Math.min(+m[3], last)) / DAY_MS);
}

export const ctl = {};  // the layer's elements (ids as the browser tests use them)
let legend = null;      // the last `legend` reply
const lists = { kinds: 'hiddenKinds', orgKinds: 'hiddenOrgKinds', regions: 'hiddenRegions' };

function setState(state) {
  const r = call({ cmd: 'setState', state: state });
  if (!r.ok) console.warn('chipatlas: controls: ' + r.error);
}
function send(msg) {
  const r = call(msg);
  if (!r.ok) console.warn('chipatlas: controls: ' + msg.cmd + ': ' + r.error);
  return r;
}

// A picker's choice: the page at once, and the app's state (its own texts, the URL's #locale=);
// the state event that follows keeps every picker in step (page_i18n.js).
export function pickLocale(id) {
  setPageLocale(id);
  setState({ locale: id });
}

function radioGroup(id, legendText, name, choices, onPick) {
  const set = h('fieldset', { id: id, className: 'ca-radios' }, h('legend', { text: legendText }));
  choices.forEach(function (c) {
    const input = h('input', { type: 'radio', name: name, value: c[0], id: id + '-' + c[0] });
    input.addEventListener('change', function () { if (input.checked) onPick(c[0]); });
    set.appendChild(h('label', null, input, ' ', c[1]));
  });
  return set;
}

function buildTime() {
  ctl.date = h('input', { type: 'range', id: 'ctl-date', min: '0', max: '1', step: '1', 'aria-label': msg('Date') });
  ctl.date.addEventListener('input', function () { setState({ t: isoOf(+ctl.date.value) }); });
  // Arrows move a month (as , and . on the map), Page Up / Down a year; Home / End as usual.
  // From the slider's own value, which moves at once (the state event comes a frame later).
  ctl.date.addEventListener('keydown', function (e) {
    const by = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 12, PageDown: -12 }[e.key];
    if (!by || !legend || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const day = Math.max(+ctl.date.min, Math.min(+ctl.date.max, dayOf(addMonths(isoOf(+ctl.date.value), by))));
    ctl.date.value = String(day);
    setState({ t: isoOf(day) });
  });
  ctl.prev = h('button', { type: 'button', id: 'ctl-prev', className: 'ca-btn', text: msg('Previous event') });
  ctl.play = h('button', { type: 'button', id: 'ctl-play', className: 'ca-btn', 'aria-pressed': 'false', text: msg('Play') });
  ctl.next = h('button', { type: 'button', id: 'ctl-next', className: 'ca-btn', text: msg('Next event') });
  ctl.prev.addEventListener('click', function () { send({ cmd: 'step', dir: -1 }); });
  ctl.next.addEventListener('click', function () { send({ cmd: 'step', dir: 1 }); });
  ctl.play.addEventListener('click', function () { send({ cmd: 'togglePlay' }); });
  ctl.mode = radioGroup('ctl-mode', msg('Time mode'), 'ca-mode',
    [['snapshot', msg('Snapshot: active on the date')], ['window', msg('Window: started recently')], ['cumulative', msg('Cumulative: all so far')]],
    function (v) { setState({ mode: v }); });
  ctl.window = h('input', { type: 'number', id: 'ctl-window', min: '1', max: '360', step: '1', inputmode: 'numeric' });
  ctl.window.addEventListener('change', function () {
    const n = Math.round(+ctl.window.value);
    if (n >= 1 && n <= 360) setState({ window: n });
  });
  ctl.windowLabel = h('label', { className: 'ca-field' }, msg('Window length (months)'), ' ', ctl.window);
  ctl.speed = h('select', { id: 'ctl-speed' });
  ctl.speed.addEventListener('change', function () { setState({ speed: +ctl.speed.value }); });
  ctl.loop = h('input', { type: 'checkbox', id: 'ctl-loop' });
  ctl.loop.addEventListener('change', function () { setState({ loop: ctl.loop.checked }); });
  return h('fieldset', { id: 'ctl-time' }, h('legend', { text: msg('Time') }),
    h('label', { className: 'ca-field', for: 'ctl-date' }, msg('Date'), ' '), ctl.date,
    h('div', { className: 'ca-row', role: 'group', 'aria-label': msg('Playback') }, ctl.prev, ctl.play, ctl.next),
    ctl.mode, ctl.windowLabel, h('label', { className: 'ca-field' }, msg('Speed'), ' ', ctl.speed),
    h('label', { className: 'ca-field' }, ctl.loop, ' ', msg('Loop playback')));
}

function select(id, text, choices, field) {
  const s = h('select', { id: id });
  choices.forEach(function (c) { s.appendChild(h('option', { value: c[0], text: c[1] })); });
  s.addEventListener('change', function () { const o = {}; o[field] = s.value; setState(o); });
  return { select: s, label: h('label', { className: 'ca-field' }, text, ' ', s) };
}

function buildView() {
  const lang = select('ctl-lang', msg('Names'), [['en', msg('English')], ['native', msg('Native script')], ['both', msg('Both')]], 'lang');
  const theme = select('ctl-theme', msg('Theme'), [['auto', msg('Follow the system')], ['light', msg('Light')], ['dark', msg('Dark')]], 'theme');
  // The interface language (the five by their own names), in step with the map's picker.
  ctl.locale = localePicker('ctl-locale', pickLocale, null);
  ctl.lang = lang.select;
  ctl.theme = theme.select;
  ctl.motion = h('input', { type: 'checkbox', id: 'ctl-motion' });
  ctl.motion.addEventListener('change', function () { setState({ reducedMotion: ctl.motion.checked }); });
  ctl.about = h('button', { type: 'button', id: 'ctl-about', className: 'ca-btn', text: msg('About chipatlas') });
  ctl.about.addEventListener('click', function () { setState({ about: true }); });
  return h('fieldset', { id: 'ctl-view' }, h('legend', { text: msg('View') }),
    h('label', { className: 'ca-field' }, msg('Language'), ' ', ctl.locale), lang.label, theme.label,
    h('label', { className: 'ca-field' }, ctl.motion, ' ', msg('Reduced motion (no animated arcs or flights)')), ctl.about);
}

export function buildControls(after) {
  ctl.presets = h('div', { id: 'ctl-presets', role: 'group', 'aria-label': msg('Region'), className: 'ca-row' });
  ctl.filters = {};
  const sets = [['kinds', msg('Collaborations shown')], ['orgKinds', msg('Organisations shown')], ['regions', msg('Regions shown')]].map(function (k) {
    ctl.filters[k[0]] = h('fieldset', { id: 'ctl-' + k[0], className: 'ca-checks' }, h('legend', { text: k[1] }));
    return ctl.filters[k[0]];
  });
  ctl.summary = h('p', { id: 'ctl-summary' });
  ctl.top = h('div', { id: 'ctl-top', role: 'group', 'aria-label': msg('Most connected'), className: 'ca-row' });
  // The site's first story, from its first step (as the About card's "Take the tour"); not in an
  // embed, whose host tells its own.
  ctl.tour = h('button', { type: 'button', id: 'ctl-tour', className: 'ca-btn', text: msg('Take the tour') });
  ctl.tour.addEventListener('click', function () { startTour(true); });
  ctl.layer = h('section', { id: 'controls', className: 'ca-layer', 'aria-labelledby': 'controls-title' },
    h('h2', { id: 'controls-title', text: msg('Map controls') }), ctl.presets, ctl.tour, buildTime(), ...sets, ctl.summary, ctl.top, buildView());
  // Keys typed here belong to the DOM, never to SDL (as for the search row).
  ['keydown', 'keyup', 'keypress'].forEach(function (t) {
    ctl.layer.addEventListener(t, function (e) { e.stopPropagation(); });
  });
  after.after(ctl.layer);
  // Texts made from the state (counts, the date) follow a new language at once.
  onLocaleChange(function () { if (app.lastState) updateControls(app.lastState); });
}

// The checkboxes of one legend list (kinds, orgKinds, regions), made again when the list changes
// (another dataset) and else updated in place, so focus stays on the box being toggled.
function fillChecks(key, entries) {
  const set = ctl.filters[key];
  const boxes = set.querySelectorAll('input');
  const same = boxes.length === entries.length && entries.every(function (e, i) { return boxes[i].value === e.id; });
  if (!same) {
    while (set.children.length > 1) set.removeChild(set.lastChild);
    entries.forEach(function (e) {
      const box = h('input', { type: 'checkbox', value: e.id, id: 'ctl-' + key + '-' + e.id });
      box.addEventListener('change', toggleFilter.bind(null, key, e.id));
      set.appendChild(h('label', null, box, h('span')));
    });
  }
  const now = set.querySelectorAll('input');
  entries.forEach(function (e, i) {
    now[i].checked = !e.hidden;
    const v = { label: e.label, count: e.count, total: e.total };
    now[i].nextSibling.textContent = ' ' + (key === 'orgKinds' ? t('{label} ({count} active of {total})', v)
      : t('{label} ({count} shown of {total})', v));
  });
}

function toggleFilter(key, id) {
  const field = lists[key];
  const hidden = ((app.lastState && app.lastState[field]) || []).filter(function (x) { return x !== id; });
  const box = doc.getElementById('ctl-' + key + '-' + id);
  if (box && !box.checked) hidden.push(id);
  const s = {};
  s[field] = hidden;
  setState(s);
}

function fillPresets(presets) {
  if (ctl.presets.children.length === presets.length) return;
  ctl.presets.replaceChildren();
  presets.forEach(function (p) {
    const b = h('button', { type: 'button', className: 'ca-btn', id: 'ctl-region-' + p.id, text: p.label });
    b.addEventListener('click', function () { send({ cmd: 'flyTo', region: p.id }); });
    ctl.presets.appendChild(b);
  });
}

// The legend's "Most connected" quick-select: a button per organisation, "TSMC (5)" as the
// ImGui legend shows it; pressing one selects it and flies there. Kept in place while the same
// organisations are listed, so focus stays on the button pressed.
function fillTop(top) {
  const now = ctl.top.querySelectorAll('button');
  if (now.length !== top.length || top.some(function (t, i) { return now[i].value !== t.id; })) {
    ctl.top.replaceChildren();
    top.forEach(function (t) {
      const b = h('button', { type: 'button', className: 'ca-btn', value: t.id });
      b.addEventListener('click', function () { send({ cmd: 'select', id: t.id }); });
      ctl.top.appendChild(b);
    });
  }
  const buttons = ctl.top.querySelectorAll('button');
  top.forEach(function (o, i) { buttons[i].textContent = t('{name} ({n})', { name: o.label, n: o.count }); });
  ctl.top.hidden = !top.length;
}

function fillSpeeds(speeds) {
  if (ctl.speed.options.length === speeds.length) return;
  speeds.forEach(function (s) { ctl.speed.appendChild(h('option', { value: String(s), text: formatNumber(s) + '×' })); });
}

// The counts and lists, from the wasm's `legend` command (after each state change).
function refreshLegend() {
  const r = call({ cmd: 'legend' });
  if (!r.ok) return;
  legend = r;
  fillPresets(r.presets || []);
  fillSpeeds(r.speeds || []);
  Object.keys(lists).forEach(function (k) { fillChecks(k, r[k] || []); });
  ctl.summary.textContent = t('{active} active · {ended} ended', { active: r.active, ended: r.ended });
  fillTop(r.top || []);
  ctl.date.min = String(dayOf(r.from));
  ctl.date.max = String(dayOf(r.to));
}

// A `state` event (or getState reply): every control shows the state.
export function updateControls(state) {
  if (!ctl.layer || !state) return;
  refreshLegend();
  if (!legend) return;
  const day = dayOf(state.t);
  if (isFinite(day)) ctl.date.value = String(day);
  ctl.date.setAttribute('aria-valuetext', spokenDate(state.t));
  ctl.play.setAttribute('aria-pressed', state.playing ? 'true' : 'false');
  ctl.mode.querySelectorAll('input').forEach(function (r) { r.checked = r.value === state.mode; });
  ctl.windowLabel.hidden = state.mode !== 'window';
  if (doc.activeElement !== ctl.window) ctl.window.value = String(state.window);
  ctl.speed.value = String(state.speed);
  ctl.loop.checked = !!state.loop;
  ctl.lang.value = state.lang;
  ctl.theme.value = state.theme;
  ctl.motion.checked = !!state.reducedMotion;
  ctl.tour.hidden = !!state.embed;
}
