// A ?data= link's requests (issue 17): which files it names, whether the deployer allows it, and
// the one request each file gets, started by js/gl_early.js as the page's first script.
//
// js/dataset.js reads these responses (capped, with the page's messages); nothing here words an
// error (no i18n, so the classic early script stays small): a name this refuses is left to
// dataset.js, which then refuses it with a message, and a refused link starts no request at all.
import { LIMITS } from './limits.js';

// ?data=a.json,b.json -> { names } or { why } with why one of 'long' (the value is over
// LIMITS.dataNameChars), 'none', 'many' (over LIMITS.datasetFiles; n: how many) or 'twice'
// (name: the first one named twice). Names trimmed, empty entries dropped.
export function splitNames(spec) {
  const s = String(spec == null ? '' : spec);
  if (s.length > LIMITS.dataNameChars) return { why: 'long' };
  const names = s.split(',').map((n) => n.trim()).filter(Boolean);
  if (!names.length) return { why: 'none' };
  if (names.length > LIMITS.datasetFiles) return { why: 'many', n: names.length };
  const seen = new Set();
  for (const n of names) {
    if (seen.has(n)) return { why: 'twice', name: n };
    seen.add(n);
  }
  return { names };
}

// <meta name="chipatlas-data" content="off">: the deployer turned ?data= off.
export function dataAllowed(d) {
  const m = d.querySelector('meta[name="chipatlas-data"]');
  return !(m && /^\s*off\s*$/i.test(m.getAttribute('content') || ''));
}

// name resolved against the page's address: the URL to request (no fragment), or null when it
// is not a URL or not of the page's own origin over http(s).
export function ownUrl(name, pageHref) {
  let u;
  try { u = new URL(name, pageHref); } catch (e) { return null; }
  const page = new URL(pageHref);
  if (u.origin !== page.origin || (u.protocol !== 'https:' && u.protocol !== 'http:')) return null;
  u.hash = '';
  return u;
}

// How every own-site file is requested: fetch would otherwise follow a redirect to another site.
export function requestInit(credentials) {
  return { credentials: credentials, redirect: 'error', cache: 'no-cache', referrerPolicy: 'no-referrer' };
}

// The link's dataset requested at once: { spec, responses: Map(name -> Promise of a Response) }
// for a ?data= value that names files this page may load, else null (nothing requested).
// fetchFn: window.fetch; onStart: called once before the first request (a performance mark).
export function startDataRequests(search, d, pageHref, fetchFn, onStart) {
  const spec = new URLSearchParams(search).get('data');
  if (!spec || typeof fetchFn !== 'function' || !dataAllowed(d)) return null;
  const split = splitNames(spec);
  if (!split.names) return null;
  const urls = split.names.map((n) => ownUrl(n, pageHref));
  if (urls.some((u) => !u)) return null;  // dataset.js refuses the link, with its message
  if (onStart) onStart();
  const responses = new Map();
  split.names.forEach(function (n, i) {
    const p = fetchFn(urls[i].href, requestInit('omit'));
    p.then(null, function () { /* reported where dataset.js reads it */ });
    responses.set(n, p);
  });
  return { spec: spec, responses: responses };
}
