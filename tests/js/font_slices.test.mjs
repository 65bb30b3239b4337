// Font slices (web/js/font_slices.js): which fonts/slice-XXXX.otf files hold the code points a
// dataset needs. node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slicesFor } from '../../web/js/font_slices.js';
import { LIMITS } from '../../web/js/limits.js';

test('one slice per 256 code points, sorted and distinct', () => {
  // 龘 U+9F98, 䲜 U+4C9C, 龜 U+9F9C (same slice as 龘), 뷁 U+BDC1
  const r = slicesFor([0x9F98, 0x4C9C, 0x9F9C, 0xBDC1], 64);
  assert.deepEqual(r.paths, ['fonts/slice-4C00.otf', 'fonts/slice-9F00.otf', 'fonts/slice-BD00.otf']);
  assert.equal(r.skipped, 0);
  assert.deepEqual(r.unsupported, []);
});

test('ASCII, surrogates and code points beyond the BMP have no slice; Latin-1 letters do; junk is ignored', () => {
  const r = slicesFor([0x41, 0xE9, 0xD800, 0x20000, 'x', -1.5, null], 64);
  assert.deepEqual(r.paths, ['fonts/slice-0000.otf'], 'é: the bundled ui.otf keeps only the letters the data uses');
  assert.deepEqual(r.unsupported, [0x41, 0xD800, 0x20000]);
  assert.deepEqual(slicesFor(undefined, 64).paths, []);
});

test('at most maxSlices paths; the rest are counted', () => {
  const cps = [];
  for (let p = 0x4E; p < 0x4E + 70; ++p) cps.push(p << 8);
  const r = slicesFor(cps, LIMITS.fontSlices);
  assert.equal(r.paths.length, LIMITS.fontSlices);
  assert.equal(r.skipped, 70 - LIMITS.fontSlices);
});
