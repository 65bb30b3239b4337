// Dataset files compressed with gzip (a.json.gz: ~11× fewer bytes for a large dataset), told by
// their first two bytes and decompressed by the browser's DecompressionStream, capped as they go. Pure.
import { t } from './i18n.js';

// gzip's magic bytes (RFC 1952): a JSON text never starts with them (0x1f is a control character).
export function isGzip(bytes) {
  return !!bytes && bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

const SLICE = 16 * 1024;

// Chunks (Uint8Arrays) as one array: `total` bytes, their lengths' sum when left out.
export function concatChunks(list, total) {
  const out = new Uint8Array(total === undefined ? list.reduce(function (n, ch) { return n + ch.length; }, 0) : total);
  let at = 0;
  for (const ch of list) { out.set(ch, at); at += ch.length; }
  return out;
}

function tooLarge(maxBytes) {
  return new Error(t('decompressed, the file is larger than {mb} MB', { mb: Math.round(maxBytes / 1048576) }));
}

// The decompressed bytes of `stream` (a ReadableStream of gzip bytes) as one Uint8Array. Stops,
// cancelling the stream, as soon as they pass maxBytes or take(n) throws (the budget of several
// files together), so a small file that decompresses to gigabytes costs no more than the cap.
// Rejects with an Error whose message the page shows.
export function gunzip(stream, maxBytes, take) {
  if (typeof DecompressionStream !== 'function') {
    return Promise.reject(new Error(t('this browser cannot decompress gzip files: link or open the file uncompressed')));
  }
  let reader;
  try {
    // In slices of SLICE bytes: the decompressor inflates each piece it is given whole (up to
    // ~1,000× its size), so a large downloaded chunk of a bomb would be inflated at once.
    const slices = new TransformStream({
      transform(chunk, c) { for (let i = 0; i < chunk.length; i += SLICE) c.enqueue(chunk.subarray(i, i + SLICE)); },
    });
    reader = stream.pipeThrough(slices).pipeThrough(new DecompressionStream('gzip')).getReader();
  } catch (e) {
    return Promise.reject(new Error(t('the file is compressed with gzip but cannot be decompressed ({why})', { why: e && e.message || e })));
  }
  const chunks = [];
  let total = 0;
  function stop(e) {
    reader.cancel().then(null, function () {});
    throw e;
  }
  function next() {
    return reader.read().then(function (c) {
      if (c.done) return concatChunks(chunks, total);
      total += c.value.length;
      if (total > maxBytes) stop(tooLarge(maxBytes));
      if (take) { try { take(c.value.length); } catch (e) { stop(e); } }
      chunks.push(c.value);
      return next();
    }, function (e) {
      // The decompressor's own words ("incorrect header check", "unexpected end of data"), or
      // the error of the stream it reads (a cap on the compressed bytes), as it was.
      if (e && e.chipatlas) throw e;
      throw new Error(t('the file is compressed with gzip but cannot be decompressed ({why})', { why: e && e.message || e }));
    });
  }
  return next();
}

// A ReadableStream of `head` (the chunks already read) followed by the rest of `reader`, each
// chunk counted by count(n), which throws to stop (the compressed bytes' cap).
export function resumeStream(head, reader, count) {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < head.length) { controller.enqueue(head[i++]); return undefined; }
      return reader.read().then(function (c) {
        if (c.done) { controller.close(); return; }
        try { count(c.value.length); } catch (e) { reader.cancel().then(null, function () {}); e.chipatlas = true; controller.error(e); return; }
        controller.enqueue(c.value);
      });
    },
    cancel(why) { return reader.cancel(why); },
  });
}
