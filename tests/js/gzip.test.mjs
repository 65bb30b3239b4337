// Datasets compressed with gzip (web/js/gzip.js): told by their magic bytes, decompressed as a
// stream, and stopped as soon as the decompressed bytes pass the caps. node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { isGzip, gunzip, resumeStream } from '../../web/js/gzip.js';

// A ReadableStream of `bytes` in chunks of `size` bytes (a download's pieces), counting reads.
function chunked(bytes, size, stats = {}) {
  let at = 0;
  stats.reads = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) { c.close(); return; }
      stats.reads++;
      c.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}
const text = JSON.stringify({ organisations: Array.from({ length: 500 }, (_, i) => ({ id: `org-${i}`, name: `Organisation ${i} 台積電` })) });
const plain = new TextEncoder().encode(text);

test('isGzip: gzip magic bytes only, never a JSON text', () => {
  assert.equal(isGzip(gzipSync(plain)), true);
  assert.equal(isGzip(plain), false);
  assert.equal(isGzip(new Uint8Array([0x1f])), false);
  assert.equal(isGzip(new Uint8Array([])), false);
  assert.equal(isGzip(null), false);
});

test('gunzip: the text as it was, from a stream in small chunks', async () => {
  const out = await gunzip(chunked(gzipSync(plain), 7), 1 << 20);
  assert.equal(new TextDecoder().decode(out), text);
});

test('gunzip: stops at the cap on decompressed bytes (a small bomb, in one chunk or many)', async () => {
  const bomb = gzipSync(new Uint8Array(64 << 20));  // 64 MB of zeros in ~64 KB
  await assert.rejects(gunzip(chunked(bomb, 1024), 1 << 20), /^Error: decompressed, the file is larger than 1 MB$/);
  await assert.rejects(gunzip(chunked(bomb, bomb.length), 1 << 20), /^Error: decompressed, the file is larger than 1 MB$/);
  const exact = gzipSync(new Uint8Array(1 << 20));
  assert.equal((await gunzip(chunked(exact, 999), 1 << 20)).length, 1 << 20);  // the cap itself is allowed
});

test('gunzip: the files budget (take) stops it with its own message', async () => {
  let left = 1000;
  const take = (n) => { left -= n; if (left < 0) throw new Error('the files together are larger than the budget'); };
  await assert.rejects(gunzip(chunked(gzipSync(plain), 64), 1 << 20, take), /the files together are larger than the budget/);
});

test('gunzip: corrupt or cut-off data is refused with a reason', async () => {
  const gz = gzipSync(plain);
  const corrupt = gz.slice();
  for (let i = 20; i < 60; i++) corrupt[i] ^= 0x5a;
  await assert.rejects(gunzip(chunked(corrupt, 16), 1 << 20), /compressed with gzip but cannot be decompressed \(.+\)/);
  await assert.rejects(gunzip(chunked(gz.slice(0, gz.length >> 1), 16), 1 << 20), /compressed with gzip but cannot be decompressed/);
  await assert.rejects(gunzip(chunked(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), 16), 1 << 20), /cannot be decompressed/);
});

test('resumeStream: the chunks already read, then the rest; a cap on the compressed bytes stops it as it was', async () => {
  const gz = gzipSync(plain);
  const reader = chunked(gz, 5).getReader();
  const head = [(await reader.read()).value];
  let seen = 0;
  const out = await gunzip(resumeStream(head, reader, (n) => { seen += n; }), 1 << 20);
  assert.equal(new TextDecoder().decode(out), text);
  assert.equal(seen + head[0].length, gz.length);

  const r2 = chunked(gz, 5).getReader();
  const h2 = [(await r2.read()).value];
  let compressed = h2[0].length;
  const cap = (n) => { compressed += n; if (compressed > 100) throw new Error('the file is larger than 100 bytes'); };
  await assert.rejects(gunzip(resumeStream(h2, r2, cap), 1 << 20), /^Error: the file is larger than 100 bytes$/);
});
