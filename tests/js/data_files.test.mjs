// Which files make one dataset (web/js/data_files.js): the comma-separated ?data= list, local
// files against the size and count limits, and the capped error list. node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDataSpec, checkLocalFiles, describeFiles, capLines } from '../../web/js/data_files.js';
import { LIMITS } from '../../web/js/limits.js';

test('splitDataSpec: comma-separated names, trimmed, empty entries dropped', () => {
  assert.deepEqual(splitDataSpec('a.json'), { names: ['a.json'] });
  assert.deepEqual(splitDataSpec(' a.json , data/b.json,,'), { names: ['a.json', 'data/b.json'] });
});

test('splitDataSpec: refuses nothing, duplicates, too many files and a value over the length limit', () => {
  assert.match(splitDataSpec(' , ').error, /no file/);
  assert.match(splitDataSpec('a.json,a.json').error, /a\.json is named twice/);
  const many = Array.from({ length: LIMITS.datasetFiles + 1 }, (_, i) => `f${i}.json`).join(',');
  assert.match(splitDataSpec(many).error, new RegExp(`${LIMITS.datasetFiles + 1} files named; at most ${LIMITS.datasetFiles}`));
  const ok = Array.from({ length: LIMITS.datasetFiles }, (_, i) => `f${i}.json`).join(',');
  assert.equal(splitDataSpec(ok).names.length, LIMITS.datasetFiles);
  assert.match(splitDataSpec('x'.repeat(LIMITS.dataNameChars + 1)).error, /longer than/);
});

test('checkLocalFiles: each file and all together within the limits, names present and short', () => {
  assert.equal(checkLocalFiles([{ name: 'a.json', size: 10 }, { name: 'b.json', size: 20 }]), '');
  assert.match(checkLocalFiles([]), /no file/);
  assert.match(checkLocalFiles([{ name: 'big.json', size: LIMITS.datasetBytes + 1 }]), /^big\.json: the file is larger than 64 MB/);
  const half = LIMITS.datasetTotalBytes / 2 + 1;
  assert.match(checkLocalFiles([{ name: 'a', size: half }, { name: 'b', size: half }]), /together are larger than 64 MB/);
  assert.match(checkLocalFiles(Array.from({ length: LIMITS.datasetFiles + 1 }, (_, i) => ({ name: `f${i}`, size: 1 }))), /at most 16/);
  assert.match(checkLocalFiles([{ name: '', size: 1 }]), /file name is empty/);
  assert.match(checkLocalFiles([{ name: 'n'.repeat(LIMITS.dataNameChars + 1), size: 1 }]), /longer than/);
});

test('capLines: at most the limit, then one "and N more" line', () => {
  assert.deepEqual(capLines(['a', 'b']), ['a', 'b']);
  assert.deepEqual(capLines(['a', 'b', 'c'], 2), ['a', 'b', 'and 1 more error']);
  const lines = Array.from({ length: LIMITS.errorLines + 30 }, (_, i) => `l${i}`);
  const out = capLines(lines);
  assert.equal(out.length, LIMITS.errorLines + 1);
  assert.equal(out[LIMITS.errorLines], 'and 30 more errors');
  assert.deepEqual(capLines(null), []);
  assert.equal(describeFiles(['a.json', 'b.json']), 'a.json, b.json');
});
