// Who may drive the page over postMessage: origin normalisation, the allow-list and where the
// page's events may go. Pure (no DOM): unit-tested in tests/js/. See API.md, "Allowed origins".
import { LIMITS } from './limits.js';

// An origin as the browser writes it (`https://a.example:8443`), or null when `s` is none.
// `*` (any origin) and `null` (opaque origins: sandboxed pages, file: URLs) count only when
// `trusted`: from the deployer's own <meta name="chipatlas-origins">, never from ?origins= /
// #origins=, which anyone who links to or frames the page writes.
export function normaliseOrigin(s, trusted) {
  s = String(s || '').trim();
  if (!s) return null;
  if (s === '*' || s === 'null') return trusted ? s : null;
  try {
    const u = new URL(s);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin === 'null' ? null : u.origin;
  } catch (e) {
    return null;
  }
}

// A comma- or space-separated list (read up to LIMITS.originsChars) as distinct origins; the
// entries that are not origins are pushed onto `refused` when given.
export function parseOrigins(list, trusted, refused) {
  const out = [];
  String(list || '').slice(0, LIMITS.originsChars).split(/[\s,]+/).forEach(function (s) {
    if (!s) return;
    const o = normaliseOrigin(s, trusted);
    if (!o) { if (refused) refused.push(s); return; }
    if (out.indexOf(o) < 0) out.push(o);
  });
  return out;
}

// The allow-list from the first of: ?origins= (`query`), #origins= (`hash`), the page's <meta>
// content (`meta`); each is a string, or null/undefined when absent. An empty result falls
// back to the page's own origin (`self`). Returns { allowed, refused }.
export function allowedOrigins({ query, hash, meta, self }) {
  const refused = [];
  let list = null;
  if (query !== null && query !== undefined) list = parseOrigins(query, false, refused);
  else if (hash !== null && hash !== undefined) list = parseOrigins(hash, false, refused);
  else if (meta !== null && meta !== undefined) list = parseOrigins(meta, true, refused);
  return { allowed: list && list.length ? list : [self], refused: refused };
}

// The console warning for refused entries (at most five, each cut to 80 characters).
export function refusedWarning(refused) {
  return 'chipatlas: ignoring origins ' + refused.slice(0, 5).map(function (o) { return JSON.stringify(o.slice(0, 80)); }).join(', ') +
    ': the URL may name only http(s) origins; "*" and "null" are for the page\'s own <meta name="chipatlas-origins"> (see API.md)';
}

export function originAllowed(allowed, origin) {
  return allowed.indexOf('*') >= 0 || allowed.indexOf(origin) >= 0;
}

// The targetOrigin for events to window.parent: the parent's origin (`candidate`, from
// location.ancestorOrigins or document.referrer) when known, and then only if allowed;
// otherwise '*' when every origin is allowed, or the one concrete allowed origin; else null
// (no events).
export function eventTarget(allowed, candidate) {
  if (candidate && candidate !== 'null') return originAllowed(allowed, candidate) ? candidate : null;
  if (allowed.indexOf('*') >= 0) return '*';
  const concrete = allowed.filter(function (o) { return o !== 'null'; });
  return concrete.length === 1 ? concrete[0] : null;
}

// The absolute URL the page may open in a new tab for an "openurl" event (a link followed in
// the app: the About card's licences, a source's original), or null: http(s) URLs, and
// relative ones resolved against the page (`base`, its location.href), which stay on its own
// origin. Never javascript:, data:, blob:, file: or anything over LIMITS.openUrlChars.
export function openableUrl(url, base) {
  if (typeof url !== 'string' || !url || url.length > LIMITS.openUrlChars) return null;
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  let u;
  try {
    u = new URL(url, base);
  } catch (e) {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password) return null;
  return u.href;
}
