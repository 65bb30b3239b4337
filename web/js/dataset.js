// ?data=: another dataset for the map, fetched from the page's own origin only, without
// credentials or redirects and at most LIMITS.datasetBytes; and preloading the runtime.
import { doc } from './dom.js';
import { LIMITS } from './limits.js';

// <meta name="chipatlas-data" content="off">: the deployer turned ?data= off.
export function dataAllowed() {
  const m = doc.querySelector('meta[name="chipatlas-data"]');
  return !(m && /^\s*off\s*$/i.test(m.getAttribute('content') || ''));
}

function tooLarge(n) {
  return 'the file is larger than ' + Math.round(LIMITS.datasetBytes / 1048576) + ' MB' + (n ? ' (' + n + ' bytes)' : '');
}

// Resolves with { name, bytes }, or rejects with an Error whose message the page shows.
export function fetchDataset(spec) {
  let u;
  if (spec.length > LIMITS.dataNameChars) return Promise.reject(new Error('the path is longer than ' + LIMITS.dataNameChars + ' characters'));
  try { u = new URL(spec, location.href); } catch (e) { return Promise.reject(new Error('not a URL')); }
  if (u.origin !== location.origin || (u.protocol !== 'https:' && u.protocol !== 'http:')) {
    return Promise.reject(new Error('only datasets from this site can be loaded'));
  }
  u.hash = '';
  // fetch would otherwise follow a redirect to another site.
  return fetch(u.href, { credentials: 'omit', redirect: 'error', cache: 'no-cache', referrerPolicy: 'no-referrer' }).then(function (r) {
    if (r.redirected || (r.url && new URL(r.url).origin !== location.origin)) throw new Error('the server redirected the request');
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const declared = Number(r.headers.get('content-length'));
    if (declared > LIMITS.datasetBytes) throw new Error(tooLarge(declared));
    return readCapped(r);
  }, function (e) {
    throw new Error('the request failed or was redirected (' + (e && e.message || e) + ')');
  }).then(function (bytes) { return { name: spec, bytes: bytes }; });
}

// The body as bytes, stopping as soon as it passes the size limit.
function readCapped(r) {
  if (!r.body || !r.body.getReader) {
    return r.arrayBuffer().then(function (buf) {
      if (buf.byteLength > LIMITS.datasetBytes) throw new Error(tooLarge(buf.byteLength));
      return new Uint8Array(buf);
    });
  }
  const reader = r.body.getReader(), chunks = [];
  let total = 0;
  function next() {
    return reader.read().then(function (c) {
      if (c.done) {
        const out = new Uint8Array(total);
        let at = 0;
        chunks.forEach(function (ch) { out.set(ch, at); at += ch.length; });
        return out;
      }
      total += c.value.length;
      if (total > LIMITS.datasetBytes) { reader.cancel(); throw new Error(tooLarge(0)); }
      chunks.push(c.value);
      return next();
    });
  }
  return next();
}

// <link rel=preload> for chipatlas.js and .wasm, so the runtime downloads while the dataset
// does; loadRuntime's requests then reuse them (crossorigin: the same request mode as
// Emscripten's fetch of the wasm).
export function preloadRuntime() {
  [['chipatlas.wasm', 'fetch'], ['chipatlas.js', 'script']].forEach(function (f) {
    const l = doc.createElement('link');
    l.rel = 'preload';
    l.href = f[0];
    l.as = f[1];
    if (f[1] === 'fetch') l.crossOrigin = 'anonymous';
    doc.head.appendChild(l);
  });
}
