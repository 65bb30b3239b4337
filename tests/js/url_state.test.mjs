// The URL's view state (web/js/url_state.js): hash parsing, the hash the wasm is given
// (page-only keys removed, length limit) and the link to share. node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, wasmHash, checkedWasmHash, shareUrl, PAGE_KEYS, NOT_FOR_WASM, NOT_SHARED } from '../../web/js/url_state.js';
import { LIMITS } from '../../web/js/limits.js';

test('one table of page-only keys: origins never reaches the wasm or a shared link; embed and edit are not shared', () => {
  assert.deepEqual(PAGE_KEYS.map((k) => k.key).sort(), ['edit', 'embed', 'origins']);
  assert.deepEqual([...NOT_FOR_WASM], ['origins']);
  assert.deepEqual([...NOT_SHARED].sort(), ['edit', 'embed', 'origins']);
  assert.equal(shareUrl('https://x.example/index.html#t=2023&edit=1'), 'https://x.example/index.html#t=2023', 'an editor\'s link opens the view');
  assert.ok(Object.isFrozen(PAGE_KEYS) && PAGE_KEYS.every(Object.isFrozen));
});

test('parseHash: keys and values, + as space, %-decoding, bad escapes kept raw', () => {
  const m = parseHash('#t=2023-08-30&mode=window&win=12&sel=a%20b&q=x+y&flag&bad=%E0%A4%A&empty=');
  assert.deepEqual(Object.fromEntries(m), {
    t: '2023-08-30', mode: 'window', win: '12', sel: 'a b', q: 'x y', flag: '', bad: '%E0%A4%A', empty: '',
  });
  assert.equal(parseHash('#origins=https%3A%2F%2Fa.example%2Chttps%3A%2F%2Fb.example').get('origins'),
    'https://a.example,https://b.example');
  assert.equal(parseHash('#c=1=2').get('c'), '1=2', 'only the first = splits');
  assert.equal(parseHash('t=1').get('t'), '1', 'the # is optional');
  assert.equal(parseHash('#t=1&t=2').get('t'), '2', 'the last of a repeated key');
  assert.equal(parseHash('#&&t=1&').size, 1, 'empty parts skipped');
  for (const none of ['', '#', null, undefined]) assert.equal(parseHash(none).size, 0);
});

test('wasmHash: origins removed (with or without a value), everything else kept in order', () => {
  assert.equal(wasmHash('#t=2023-08-30&origins=https%3A%2F%2Fa.example&embed=1&sel=astri'), '#t=2023-08-30&embed=1&sel=astri');
  assert.equal(wasmHash('#origins&t=1'), '#t=1');
  assert.equal(wasmHash('#origins=x'), '', 'nothing left: no bare #');
  assert.equal(wasmHash('t=1&&mode=window&'), '#t=1&mode=window', 'empty parts dropped, # added');
  assert.equal(wasmHash('#originsx=1&x=origins&ORIGINS=1'), '#originsx=1&x=origins&ORIGINS=1', 'only the exact key');
  assert.equal(wasmHash('#data=x.json'), '#data=x.json', 'url_hash.cpp passes over data itself');
  for (const none of ['', '#', null, undefined]) assert.equal(wasmHash(none), '');
});

test('checkedWasmHash: at most LIMITS.hashChars, measured after the page-only keys are removed', () => {
  const at = '#sel=' + 'a'.repeat(LIMITS.hashChars - 5);
  assert.equal(at.length, 8192);
  assert.deepEqual(checkedWasmHash(at), { hash: at });
  assert.deepEqual(checkedWasmHash(at + 'a'), { hash: '', tooLong: 8193 });
  assert.deepEqual(checkedWasmHash(at + '&origins=' + 'b'.repeat(20000)), { hash: at }, 'origins does not count');
});

test('shareUrl: embed and origins removed from the query and the hash, the rest kept', () => {
  assert.equal(shareUrl('https://atlas.example/x/index.html?embed=1&origins=https%3A%2F%2Fa.example&data=d.json#t=2023-08-30&embed=1&origins=y&sel=astri'),
    'https://atlas.example/x/index.html?data=d.json#t=2023-08-30&sel=astri');
  assert.equal(shareUrl('https://atlas.example/?embed=1#embed=1&origins=x'), 'https://atlas.example/', 'no empty ? or #');
  assert.equal(shareUrl('https://atlas.example/index.html#t=2021-01-01'), 'https://atlas.example/index.html#t=2021-01-01');
  assert.equal(shareUrl('http://127.0.0.1:8080/index.html?embed=0#mode=window'), 'http://127.0.0.1:8080/index.html#mode=window',
    'any embed value goes');
  assert.equal(shareUrl('https://atlas.example/#embedded=1&x=embed'), 'https://atlas.example/#embedded=1&x=embed', 'only the exact key');
  assert.throws(() => shareUrl('not a url'), TypeError);
});
