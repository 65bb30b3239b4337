// ?data=: another dataset for the map (one or several comma-separated files), fetched from the
// page's own origin only, without credentials or redirects, each file and all of them together
// capped (LIMITS).
import { doc } from './dom.js';
import { LIMITS } from './limits.js';
import { splitDataSpec } from './data_files.js';
import { t } from './i18n.js';
import { mark } from './early.js';
import { query } from './config.js';
import { isGzip, gunzip, resumeStream, concatChunks } from './gzip.js';

// <meta name="chipatlas-data" content="off">: the deployer turned ?data= off.
export function dataAllowed() {
  const m = doc.querySelector('meta[name="chipatlas-data"]');
  return !(m && /^\s*off\s*$/i.test(m.getAttribute('content') || ''));
}

function tooLarge(n, maxBytes) {
  const mb = Math.round(maxBytes / 1048576);
  return n ? t('the file is larger than {mb} MB ({n} bytes)', { mb: mb, n: n }) : t('the file is larger than {mb} MB', { mb: mb });
}

// ?data=a.json,b.json: resolves with [{ name, bytes }] in the order given, or rejects with an
// Error whose message names the file that failed (and then nothing is loaded). The page's own
// ?data= was requested when this module ran (below): asked for it, this returns that request.
export function fetchDatasets(spec) {
  if (early && early.spec === spec) {
    const files = early.files;
    early = null;
    return files;
  }
  return fetchNow(spec);
}

function fetchNow(spec) {
  const split = splitDataSpec(spec);
  if (split.error) return Promise.reject(new Error(split.error));
  const take = filesBudget();
  mark('ca:data-fetch');  // the phases of a ?data= start (docs/benchmarks.md, "fourth pass")
  return Promise.all(split.names.map(function (name) {
    return fetchDataset(name, take).then(null, function (e) {
      throw new Error((split.names.length > 1 ? name + ': ' : '') + e.message);
    });
  })).then(function (files) {
    mark('ca:data-fetched');
    return files;
  });
}

// What the files of one dataset may take together (LIMITS.datasetTotalBytes, decompressed): a
// function take(n) that throws once they are past it.
export function filesBudget() {
  let left = LIMITS.datasetTotalBytes;
  return function take(n) {
    left -= n;
    if (left < 0) throw new Error(t('the files together are larger than {mb} MB', { mb: Math.round(LIMITS.datasetTotalBytes / 1048576) }));
  };
}

// One file: resolves with { name, bytes }, or rejects with an Error whose message the page shows.
// take: the files' budget (filesBudget).
function fetchDataset(spec, take) {
  return fetchOwnFile(spec, { maxBytes: LIMITS.datasetBytes, take: take, credentials: 'omit', what: t('datasets'), gzip: true })
    .then(function (bytes) { return { name: spec, bytes: bytes }; });
}

// A file from this page's own site as bytes (datasets here, font slices in glyphs.js): same
// origin only, no redirects, read in chunks and cut off once past opts.maxBytes (and past
// opts.take(n), what several files may still take together, when given; opts.gzip: a gzip body
// is decompressed). Rejects with an Error whose message the page shows.
export function fetchOwnFile(spec, opts) {
  let u;
  try { u = new URL(spec, location.href); } catch (e) { return Promise.reject(new Error(t('not a URL'))); }
  if (u.origin !== location.origin || (u.protocol !== 'https:' && u.protocol !== 'http:')) {
    return Promise.reject(new Error(t('only {what} from this site can be loaded', { what: opts.what })));
  }
  u.hash = '';
  // fetch would otherwise follow a redirect to another site.
  return fetch(u.href, { credentials: opts.credentials, redirect: 'error', cache: 'no-cache', referrerPolicy: 'no-referrer' }).then(function (r) {
    if (r.redirected || (r.url && new URL(r.url).origin !== location.origin)) throw new Error(t('the server redirected the request'));
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const declared = Number(r.headers.get('content-length'));
    if (declared > opts.maxBytes) throw new Error(tooLarge(declared, opts.maxBytes));
    return readCapped(r, opts.maxBytes, opts.take || null, declared, !!opts.gzip);
  }, function (e) {
    throw new Error(t('the request failed or was redirected ({why})', { why: e && e.message || e }));
  });
}

// The body as bytes, stopping as soon as it passes the size limit (of the file, or of all files).
// With a Content-Length, chunks go straight into one array of that size (no second copy). A body
// that starts with gzip's magic bytes is decompressed as it arrives (js/gzip.js): the limits then
// hold for the compressed bytes and again for the decompressed ones, which are what the files'
// budget counts.
function readCapped(r, maxBytes, budget, declared, gzip) {
  const take = budget || function () {};
  if (!r.body || !r.body.getReader) {
    return r.arrayBuffer().then(function (buf) {
      if (buf.byteLength > maxBytes) throw new Error(tooLarge(buf.byteLength, maxBytes));
      const bytes = new Uint8Array(buf);
      if (gzip && isGzip(bytes)) return gunzip(new Blob([bytes]).stream(), maxBytes, take);
      take(buf.byteLength);
      return bytes;
    });
  }
  const reader = r.body.getReader(), chunks = [];
  let total = 0, whole, head = [];
  function count(n) {
    total += n;
    if (total > maxBytes) throw new Error(tooLarge(0, maxBytes));
  }
  function add(value) {
    if (whole === undefined) whole = declared > 0 ? new Uint8Array(declared) : null;
    if (whole && total + value.length <= whole.length) whole.set(value, total);
    else if (whole) { chunks.push(whole.subarray(0, total)); whole = null; }
    count(value.length);
    take(value.length);
    if (!whole) chunks.push(value);
  }
  function done() {
    if (whole === undefined) return new Uint8Array(0);
    if (whole) return total === whole.length ? whole : whole.subarray(0, total);
    return concatChunks(chunks, total);
  }
  function next() {
    return reader.read().then(function (c) {
      if (c.done) return done();
      try { add(c.value); } catch (e) { reader.cancel(); throw e; }
      return next();
    });
  }
  // The first two bytes tell gzip from a JSON text; until then chunks wait in `head`.
  function first() {
    return reader.read().then(function (c) {
      if (!c.done) head.push(c.value);
      const seen = head.reduce(function (n, ch) { return n + ch.length; }, 0);
      if (!c.done && seen < 2) return first();
      const start = head.length === 1 ? head[0] : concatChunks(head);
      if (gzip && isGzip(start)) {
        head.forEach(function (ch) { count(ch.length); });
        return gunzip(resumeStream(head, reader, count), maxBytes, take);
      }
      try { head.forEach(add); } catch (e) { reader.cancel(); throw e; }
      return c.done ? done() : next();
    });
  }
  return first();
}

// The link's ?data= starts downloading as this module runs, before the page's chrome is built
// (boot.js asks for it after that; docs/benchmarks.md, "Runtime datasets sooner, fourth pass").
// Not when the deployer turned ?data= off. A failure waits for boot.js's handler.
let early = null;
const startSpec = query.get('data');
if (startSpec && dataAllowed()) {
  early = { spec: startSpec, files: fetchNow(startSpec) };
  early.files.then(null, function () { /* reported where boot.js asks for it */ });
}
