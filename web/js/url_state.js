// The view state in the URL: reading the hash, the hash the wasm is given, the link to share.
// Pure (no DOM; URL is a global in browsers and node): unit-tested in tests/js/.
import { LIMITS } from './limits.js';

// The one table of URL keys that belong to the page rather than to the view state, and where
// each may travel: `wasm`, kept in the hash the wasm reads; `share`, kept (in the query and in
// the hash) in shared links and "Open full view". The wasm passes over "origins" and "data"
// silently when a hash still has them (src/core/url_hash.cpp, kPageKeys); ?data= is kept in
// shared links.
export const PAGE_KEYS = Object.freeze([
  // The postMessage allow-list: read once at start (origins.js), never passed on.
  Object.freeze({ key: 'origins', wasm: false, share: false }),
  // Compact chrome: the wasm reads #embed=1 (state `embed`); a shared link opens the full view.
  Object.freeze({ key: 'embed', wasm: true, share: false }),
  // Edit mode (#edit=1, kept while editing so a reload edits again): a shared link opens the view.
  Object.freeze({ key: 'edit', wasm: true, share: false }),
]);
const keysNotFor = (where) => Object.freeze(PAGE_KEYS.filter((k) => !k[where]).map((k) => k.key));
export const NOT_FOR_WASM = keysNotFor('wasm');
export const NOT_SHARED = keysNotFor('share');

function hashParts(hash) { return String(hash || '').replace(/^#/, '').split('&'); }
function without(parts, keys) { return parts.filter((p) => p && keys.indexOf(p.split('=')[0]) < 0); }
function joinHash(parts) { return parts.length ? '#' + parts.join('&') : ''; }

// The hash's keys and values (`+` as space, %-decoded where valid; the last of a repeated key).
export function parseHash(hash) {
  const out = new Map();
  hashParts(hash).forEach(function (part) {
    if (!part) return;
    const i = part.indexOf('=');
    const k = i < 0 ? part : part.slice(0, i);
    let v = i < 0 ? '' : part.slice(i + 1);
    try { v = decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { /* keep raw */ }
    out.set(k, v);
  });
  return out;
}

// The hash as the wasm gets it: the page-only keys it must not see removed.
export function wasmHash(hash) {
  return joinHash(without(hashParts(hash), NOT_FOR_WASM));
}

// The wasm's hash, or '' and its length in `tooLong` when it is over LIMITS.hashChars (argv
// is copied onto the wasm stack; the page says so and shows the default view).
export function checkedWasmHash(hash) {
  const h = wasmHash(hash);
  return h.length <= LIMITS.hashChars ? { hash: h } : { hash: '', tooLong: h.length };
}

// The URL to share or to open outside an embed: `href` less the keys that are not shared.
export function shareUrl(href) {
  const u = new URL(href);
  NOT_SHARED.forEach((k) => u.searchParams.delete(k));
  u.hash = joinHash(without(hashParts(u.hash), NOT_SHARED));
  return u.href;
}
