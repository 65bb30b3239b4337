// What the page was opened with, read once at start: the query, the hash, the embed flag and
// the postMessage allow-list (from ?origins=, #origins= or the page's <meta>).
import { doc } from './dom.js';
import { parseHash } from './url_state.js';
import { allowedOrigins, refusedWarning } from './origins.js';

export const query = new URL(location.href).searchParams;
export const startHash = parseHash(location.hash);
export const queryEmbed = query.get('embed') === '1';  // passed to the wasm as --embed
export const embed = queryEmbed || startHash.get('embed') === '1';

const meta = doc.querySelector('meta[name="chipatlas-origins"]');
const origins = allowedOrigins({
  query: query.has('origins') ? query.get('origins') : null,
  hash: startHash.has('origins') ? startHash.get('origins') : null,
  meta: meta ? meta.getAttribute('content') || '' : null,
  self: location.origin,
});
if (origins.refused.length) console.warn(refusedWarning(origins.refused));
export const allowed = origins.allowed;
