// The About card as a DOM dialog (role=dialog, aria-modal) while the map's About card is open:
// the same words (the wasm's `about` command), focus moved into it and given back when it
// closes, Escape or Close closes both, Tab stays inside. Follows the state's `about` flag.
import { doc, root, h } from './dom.js';
import { call } from './runtime.js';
import { t, msg } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';
import { startTour } from './story.js';

const dlg = {};
let open = false;
let returnTo = null;  // the element focused before the dialog opened

function canvas() { return doc.getElementById('canvas'); }

function focusables() {
  return Array.prototype.filter.call(dlg.box.querySelectorAll('button, a[href]'), function (e) { return !e.hidden; });
}

function close() {
  const r = call({ cmd: 'setState', state: { about: false } });
  if (!r.ok) console.warn('chipatlas: about: ' + r.error);
  setOpen(false);
}

export function buildAbout() {
  dlg.title = h('h2', { id: 'about-title', text: t('About chipatlas') });
  dlg.body = h('div', { id: 'about-body' });
  dlg.x = h('button', { type: 'button', id: 'about-x', className: 'ca-btn', 'aria-label': msg('Close'), text: '×' });
  dlg.close = h('button', { type: 'button', id: 'about-close', className: 'ca-btn', text: t('Start exploring') });
  dlg.tour = h('button', { type: 'button', id: 'about-tour', className: 'ca-btn', text: t('Take the tour') });  // the wasm's words, in fill()
  dlg.licences = h('a', { id: 'about-licences', href: 'licenses/index.html', target: '_blank', rel: 'noopener', text: msg('Licences and notices') });
  dlg.box = h('div', { id: 'about', className: 'ca-layer', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'about-title',
    hidden: true }, h('div', { className: 'ca-row ca-dialog-head' }, dlg.title, dlg.x), dlg.body, h('p', null, dlg.licences),
    h('div', { className: 'ca-row' }, dlg.tour, dlg.close));
  dlg.x.addEventListener('click', close);
  dlg.close.addEventListener('click', close);
  dlg.tour.addEventListener('click', function () { returnTo = null; setOpen(false); startTour(true); });
  dlg.box.addEventListener('keydown', function (e) {
    e.stopPropagation();  // the DOM's keys, never SDL's
    if (e.key === 'Escape') { e.preventDefault(); close(); }
    if (e.key === 'Tab') {  // aria-modal: Tab and Shift+Tab go round inside the dialog
      const f = focusables(), first = f[0], last = f[f.length - 1];
      if (e.shiftKey && doc.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && doc.activeElement === last) { e.preventDefault(); first.focus(); }
    }
  });
  // Escape closes it wherever focus is but on the map (whose own Escape closes the map's card).
  doc.addEventListener('keydown', function (e) {
    if (open && e.key === 'Escape' && e.target !== canvas()) { e.preventDefault(); close(); }
  });
  // A press outside it closes it (as a tap outside the map's card does; the map's own taps are
  // the map's), and Tab or Shift+Tab from the page's body (focus nowhere) goes into it, whatever
  // the browser's starting point for Tab is.
  doc.addEventListener('pointerdown', function (e) {
    if (!open || dlg.box.contains(e.target) || e.target === canvas()) return;
    returnTo = null;
    close();
  }, true);
  doc.addEventListener('keydown', function (e) {
    const a = doc.activeElement;
    if (!open || e.key !== 'Tab' || (a && a !== doc.body && a !== root)) return;
    e.preventDefault();
    const f = focusables();
    (e.shiftKey ? f[f.length - 1] : f[0]).focus({ preventScroll: true });
  }, true);
  // While it is open, Tab from the page's body goes into it (its first stop in document order).
  doc.body.insertBefore(dlg.box, doc.body.firstChild);
  // Sighted keyboard users see the layers when focus is in them (style.css, :root[data-keys]);
  // a pointer hides them again, leaving the map's own chrome, unless it presses on a layer shown
  // (hidden then, the layer would move away before the click landed, which went to the map).
  // On the window, capturing: keyboard.js stops a Tab on the map there (SDL must not see it), so
  // on the document this never heard the Tab that leaves the map after a click on it, and the
  // control it focused stayed hidden.
  window.addEventListener('keydown', function () { root.dataset.keys = '1'; }, true);
  doc.addEventListener('pointerdown', function (e) {
    const on = e.target;
    if (on && on.closest && on.closest('.ca-layer') && root.dataset.keys) return;
    delete root.dataset.keys;
  }, true);
  onLocaleChange(function () { if (open) fill(); });  // the app's words in the new language
}

function fill() {
  const r = call({ cmd: 'about' });
  if (!r.ok) return;
  dlg.title.textContent = String(r.title || t('About chipatlas'));
  dlg.body.replaceChildren();
  const ul = h('ul');
  (r.bullets || []).forEach(function (b) { ul.appendChild(h('li', { text: String(b) })); });
  dlg.body.append(h('p', { text: String(r.intro || '') }), ul, h('p', { className: 'ca-muted', text: String(r.provenance || '') }),
    h('p', { className: 'ca-muted', text: String(r.credits || '') }));
  dlg.close.textContent = String(r.close || t('Close'));
  dlg.tour.textContent = String(r.tour || '');
  dlg.tour.hidden = !r.tour;  // none in an embed: its host tells its own stories
}

function setOpen(want) {
  if (want === open) return;
  open = want;
  if (open) {
    fill();
    const a = doc.activeElement;
    returnTo = a && a !== doc.body && !dlg.box.contains(a) ? a : null;
    dlg.box.hidden = false;
    dlg.close.focus({ preventScroll: true });
  } else {
    const had = dlg.box.contains(doc.activeElement);
    dlg.box.hidden = true;
    // Focus goes back where it was (the page's body when it was nowhere).
    if (had) {
      if (returnTo && returnTo.isConnected) returnTo.focus({ preventScroll: true });
      else if (doc.activeElement && doc.activeElement.blur) doc.activeElement.blur();
    }
    returnTo = null;
  }
}

// A `state` event: the dialog follows the map's card.
export function updateAbout(state) {
  if (dlg.box && state && typeof state.about === 'boolean') setOpen(state.about);
}
export function aboutOpen() { return open; }
