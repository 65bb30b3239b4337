// Tells the wasm where the page's own chrome lies over the map (the search row's parts, the
// dataset bar and its notes), so the map's panels are placed clear of it (the setChrome command,
// core/chrome_layout.h). Sent when any of them changes size, appears or goes, and on resize.
import { doc } from './dom.js';
import { app } from './state.js';
import { call } from './runtime.js';

const MAX_RECTS = 16;  // kPageChromeMaxRects
let last = '';
let pending = 0;

// The rectangles ([x0, y0, x1, y1], CSS px from the map's top-left) of what is shown of els.
export function chromeRects(els, origin) {
  const out = [];
  els.forEach(function (el) {
    if (!el || out.length >= MAX_RECTS) return;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return;
    out.push([r.left - origin.x, r.top - origin.y, r.right - origin.x, r.bottom - origin.y].map(Math.round));
  });
  return out;
}

function parts() {
  const chrome = doc.getElementById('chrome');
  const els = chrome ? Array.prototype.slice.call(chrome.children) : [];
  const bar = doc.getElementById('dataset-bar');
  if (bar) els.push(bar);
  return els;
}

function send() {
  pending = 0;
  if (!app.ready) return;
  const canvas = doc.getElementById('canvas');
  const c = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
  const rects = chromeRects(parts(), { x: c.left, y: c.top });
  const key = JSON.stringify(rects);
  if (key === last) return;
  const r = call({ cmd: 'setChrome', rects: rects });
  if (r.ok) last = key;
  else console.warn('chipatlas: setChrome: ' + r.error);
}

// Once per frame at most, after layout.
export function chromeChanged() {
  if (!pending) pending = requestAnimationFrame(send);
}

export function watchChrome() {
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(chromeChanged);
    parts().forEach(function (el) { ro.observe(el); });
  }
  // Parts that appear or go (the amber note, the embed's menu) and the window's size.
  if (typeof MutationObserver === 'function') {
    const mo = new MutationObserver(chromeChanged);
    parts().forEach(function (el) { mo.observe(el, { attributes: true, childList: true, subtree: true }); });
  }
  window.addEventListener('resize', chromeChanged);
}
