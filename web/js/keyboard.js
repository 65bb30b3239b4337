// Keyboard focus on the map: a click or tap on the canvas gives it focus (SDL's handlers cancel
// the pointer's default, which would), Tab and Shift+Tab leave it, and keys held then are let go.
import { doc } from './dom.js';
import { ui } from './ui_chrome.js';

// Keys down on the canvas (KeyboardEvent.code -> its keyCode), so that leaving the map with a
// modifier held (Shift+Tab) does not leave SDL believing it is still down.
const held = new Map();

function releaseHeld() {
  held.forEach(function (keyCode, code) {
    const e = new KeyboardEvent('keyup', { code: code, key: code, bubbles: true, cancelable: true });
    // SDL reads the scancode from `code` and the keycode from the legacy keyCode, which a
    // constructed event cannot be given: an own property stands in for it.
    Object.defineProperty(e, 'keyCode', { value: keyCode });
    Object.defineProperty(e, 'which', { value: keyCode });
    ui.canvas.dispatchEvent(e);
  });
  held.clear();
}

export function wireKeyboard() {
  const canvas = ui.canvas;
  if (!canvas.hasAttribute('tabindex')) canvas.setAttribute('tabindex', '0');
  // Before SDL's mousedown/touchstart handlers, which preventDefault (and so keep focus where it was).
  canvas.addEventListener('pointerdown', function () {
    if (doc.activeElement !== canvas) canvas.focus({ preventScroll: true });
  });
  // Tab belongs to the page: SDL would cancel it (a keyboard trap, WCAG 2.1.2). Window's capture
  // phase runs before the canvas's own listeners; stopping there keeps SDL and ImGui out of it.
  ['keydown', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (e.target === canvas && e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) e.stopPropagation();
    }, true);
  });
  canvas.addEventListener('keydown', function (e) {
    if (e.code) held.set(e.code, e.keyCode || 0);
    // Ctrl+Z / Ctrl+Shift+Z on the map are the editor's undo and redo (SDL still gets them),
    // never the browser's own undo of what was last typed in the search box.
    if (e.code === 'KeyZ' && (e.ctrlKey || e.metaKey) && !e.altKey) e.preventDefault();
  });
  canvas.addEventListener('keyup', function (e) { held.delete(e.code); });
  canvas.addEventListener('blur', releaseHeld);
}
