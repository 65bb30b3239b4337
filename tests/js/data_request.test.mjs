// A ?data= link's early requests (web/js/data_request.js): which links start them, for which
// URLs, with which request options, and that a refused link starts none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitNames, ownUrl, startDataRequests, requestInit } from '../../web/js/data_request.js';
import { LIMITS } from '../../web/js/limits.js';

const PAGE = 'https://atlas.example/app/index.html';
const doc = (content) => ({ querySelector: () => (content === null ? null : { getAttribute: () => content }) });
function recorder() {
  const calls = [];
  const fetchFn = (url, init) => { calls.push({ url, init }); return Promise.resolve({ url }); };
  return { calls, fetchFn };
}

test('splitNames: names trimmed, empty entries dropped; each refusal says which rule', () => {
  assert.deepEqual(splitNames(' a.json , data/b.json,,'), { names: ['a.json', 'data/b.json'] });
  assert.deepEqual(splitNames(' , '), { why: 'none' });
  assert.deepEqual(splitNames('a.json,b.json,a.json'), { why: 'twice', name: 'a.json' });
  assert.deepEqual(splitNames(Array.from({ length: LIMITS.datasetFiles + 1 }, (_, i) => `f${i}`).join(',')),
    { why: 'many', n: LIMITS.datasetFiles + 1 });
  assert.deepEqual(splitNames('x'.repeat(LIMITS.dataNameChars + 1)), { why: 'long' });
});

test('ownUrl: the page\'s own origin over http(s) only, without the fragment', () => {
  assert.equal(ownUrl('data/a.json#x', PAGE).href, 'https://atlas.example/app/data/a.json');
  assert.equal(ownUrl('/top.json', PAGE).href, 'https://atlas.example/top.json');
  assert.equal(ownUrl('https://evil.example/a.json', PAGE), null);
  assert.equal(ownUrl('//evil.example/a.json', PAGE), null);
  assert.equal(ownUrl('http://atlas.example/a.json', PAGE), null, 'another scheme is another origin');
  assert.equal(ownUrl('data:application/json,{}', PAGE), null);
  assert.equal(ownUrl('http://[', PAGE), null, 'not a URL');
});

test('startDataRequests: one request per file, no credentials, no redirects, marked once before the first', () => {
  const r = recorder();
  let marks = 0;
  const started = startDataRequests('?data=a.json,sub/b.json&embed=1', doc('on'), PAGE, r.fetchFn, () => { marks++; assert.equal(r.calls.length, 0); });
  assert.equal(started.spec, 'a.json,sub/b.json');
  assert.deepEqual([...started.responses.keys()], ['a.json', 'sub/b.json']);
  assert.deepEqual(r.calls.map((c) => c.url), ['https://atlas.example/app/a.json', 'https://atlas.example/app/sub/b.json']);
  for (const c of r.calls) assert.deepEqual(c.init, requestInit('omit'));
  assert.deepEqual(requestInit('omit'), { credentials: 'omit', redirect: 'error', cache: 'no-cache', referrerPolicy: 'no-referrer' });
  assert.equal(marks, 1);
});

test('startDataRequests: a link that dataset.js would refuse, or a page that turned ?data= off, requests nothing', () => {
  const refused = ['', '?embed=1', '?data=', '?data=a.json,a.json', '?data=a.json,https://evil.example/b.json',
    '?data=' + Array.from({ length: LIMITS.datasetFiles + 1 }, (_, i) => `f${i}`).join(','), '?data=' + 'x'.repeat(LIMITS.dataNameChars + 1)];
  for (const search of refused) {
    const r = recorder();
    assert.equal(startDataRequests(search, doc('on'), PAGE, r.fetchFn, () => assert.fail('marked')), null, search);
    assert.equal(r.calls.length, 0, search);
  }
  const r = recorder();
  assert.equal(startDataRequests('?data=a.json', doc(' OFF '), PAGE, r.fetchFn), null, 'the deployer\'s <meta> says off');
  assert.equal(startDataRequests('?data=a.json', doc('on'), PAGE, null), null, 'no fetch');
  assert.equal(r.calls.length, 0);
  assert.notEqual(startDataRequests('?data=a.json', doc(null), PAGE, r.fetchFn), null, 'no <meta>: allowed');
});

test('startDataRequests: a failed request is left for dataset.js to report (no unhandled rejection)', async () => {
  let unhandled = 0;
  const onUnhandled = () => { unhandled++; };
  process.on('unhandledRejection', onUnhandled);
  try {
    const started = startDataRequests('?data=a.json', doc('on'), PAGE, () => Promise.reject(new Error('offline')));
    await new Promise((res) => setTimeout(res, 20));
    assert.equal(unhandled, 0);
    await assert.rejects(started.responses.get('a.json'), /offline/);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
