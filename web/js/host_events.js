// Events out of the page: to the embedding page (postMessage to window.parent, only to an
// allowed origin) and to in-page listeners added with window.chipatlas.on (API.md).
import { API_VERSION } from './limits.js';
import { eventTarget } from './origins.js';
import { allowed } from './config.js';
import { doc } from './dom.js';

// The parent's origin, once a message from it has shown it (host_api.js sets it).
let parentOrigin = null;
export function setParentOrigin(origin) { parentOrigin = origin; }

function parentTarget() {
  if (window.parent === window) return null;
  if (parentOrigin) return parentOrigin;
  let cand = null;
  try {
    if (location.ancestorOrigins && location.ancestorOrigins.length) cand = location.ancestorOrigins[0];
  } catch (e) { /* ignore */ }
  if (!cand && doc.referrer) {
    try { cand = new URL(doc.referrer).origin; } catch (e) { /* ignore */ }
  }
  return eventTarget(allowed, cand);
}

export function postToHost(event, data) {
  const target = parentTarget();
  if (!target) return;
  try {
    window.parent.postMessage({ chipatlas: API_VERSION, type: 'event', event: event, data: data }, target);
  } catch (e) { /* a detached or cross-origin-blocked parent */ }
}

// In-page listeners: host event names, or the wasm's own names (`state` also reaches
// `statechange` listeners, `selection` reaches `selectionchange`).
export const listeners = new Map();
const ALIASES = { state: 'statechange', selection: 'selectionchange' };
export function emit(name, data) {
  [name, ALIASES[name]].forEach(function (n) {
    const set = n && listeners.get(n);
    if (!set) return;
    Array.from(set).forEach(function (fn) {
      try { fn(data); } catch (e) { console.error(e); }
    });
  });
}
