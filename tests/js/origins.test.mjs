// Who may drive the page (web/js/origins.js): origin normalisation, the allow-list and its
// sources (*/null only from the page's <meta>), and where events go. node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseOrigin, parseOrigins, allowedOrigins, originAllowed, eventTarget, refusedWarning, openableUrl } from '../../web/js/origins.js';
import { LIMITS } from '../../web/js/limits.js';

const SELF = 'https://atlas.example';

test('normaliseOrigin: http(s) URLs become their origin', () => {
  assert.equal(normaliseOrigin('https://news.example.com'), 'https://news.example.com');
  assert.equal(normaliseOrigin('  https://News.Example.com/path/page.html?q=1#x  '), 'https://news.example.com');
  assert.equal(normaliseOrigin('HTTPS://a.example:443'), 'https://a.example', 'default port dropped');
  assert.equal(normaliseOrigin('http://a.example:8080/'), 'http://a.example:8080');
  assert.equal(normaliseOrigin('https://bücher.example'), 'https://xn--bcher-kva.example', 'IDN as punycode');
  assert.equal(normaliseOrigin('http://[::1]:9000'), 'http://[::1]:9000');
});

test('normaliseOrigin: anything else is refused', () => {
  for (const s of ['', '   ', null, undefined, 'news.example.com', 'ftp://a.example', 'file:///etc/passwd',
    'javascript:alert(1)', 'data:text/html,x', 'blob:https://a.example/uuid', 'ws://a.example', 'https://', '//a.example']) {
    assert.equal(normaliseOrigin(s, false), null, String(s));
    assert.equal(normaliseOrigin(s, true), null, String(s) + ' (trusted)');
  }
});

test('normaliseOrigin: * and null only when trusted (the page\'s own <meta>)', () => {
  assert.equal(normaliseOrigin('*', false), null);
  assert.equal(normaliseOrigin('null', false), null);
  assert.equal(normaliseOrigin('*', true), '*');
  assert.equal(normaliseOrigin(' null ', true), 'null');
  assert.equal(normaliseOrigin('NULL', true), null, 'exactly "null"');
});

test('parseOrigins: comma or space separated, distinct, refused entries reported', () => {
  const refused = [];
  assert.deepEqual(parseOrigins('https://a.example, https://b.example/x,https://a.example\nhttp://c.example:81 ftp://d *', false, refused),
    ['https://a.example', 'https://b.example', 'http://c.example:81']);
  assert.deepEqual(refused, ['ftp://d', '*']);
  assert.deepEqual(parseOrigins('', false), []);
  assert.deepEqual(parseOrigins(null, true), []);
  assert.deepEqual(parseOrigins('*,null,https://a.example', true), ['*', 'null', 'https://a.example']);
});

test('parseOrigins: only the first LIMITS.originsChars characters are read', () => {
  const first = 'https://a.example,';
  const pad = ' '.repeat(LIMITS.originsChars - first.length);
  assert.deepEqual(parseOrigins(first + pad + 'https://late.example', false), ['https://a.example']);
  assert.deepEqual(parseOrigins(first + pad.slice(30) + 'https://b.example', false), ['https://a.example', 'https://b.example']);
  const huge = Array.from({ length: 10000 }, (_, i) => `https://h${i}.example`).join(',');
  const t0 = Date.now();
  assert.ok(parseOrigins(huge, false).length < 250);
  assert.ok(Date.now() - t0 < 500);
});

test('allowedOrigins: ?origins= first, then #origins=, then <meta>, then the page itself', () => {
  const q = 'https://q.example', hsh = 'https://h.example', meta = 'https://m.example';
  assert.deepEqual(allowedOrigins({ query: q, hash: hsh, meta, self: SELF }), { allowed: [q], refused: [] });
  assert.deepEqual(allowedOrigins({ query: null, hash: hsh, meta, self: SELF }).allowed, [hsh]);
  assert.deepEqual(allowedOrigins({ hash: undefined, meta, self: SELF }).allowed, [meta]);
  assert.deepEqual(allowedOrigins({ query: null, hash: null, meta: null, self: SELF }).allowed, [SELF]);
  assert.deepEqual(allowedOrigins({ query: null, hash: null, meta: '', self: SELF }).allowed, [SELF], 'empty <meta>: this page only');
  // A source that is present but yields nothing falls back to the page, not to the next source.
  assert.deepEqual(allowedOrigins({ query: '', hash: hsh, meta, self: SELF }).allowed, [SELF]);
  assert.deepEqual(allowedOrigins({ query: null, hash: 'junk', meta, self: SELF }), { allowed: [SELF], refused: ['junk'] });
});

test('allowedOrigins: * and null are refused from the URL and accepted from <meta>', () => {
  for (const bad of ['*', 'null', '*,null']) {
    const fromQuery = allowedOrigins({ query: bad, hash: null, meta: '*', self: SELF });
    assert.deepEqual(fromQuery.allowed, [SELF], `?origins=${bad}`);
    assert.deepEqual(fromQuery.refused, bad.split(','));
    assert.deepEqual(allowedOrigins({ query: null, hash: bad, meta: '*', self: SELF }).allowed, [SELF], `#origins=${bad}`);
  }
  assert.deepEqual(allowedOrigins({ query: '*,https://a.example', hash: null, meta: null, self: SELF }),
    { allowed: ['https://a.example'], refused: ['*'] });
  assert.deepEqual(allowedOrigins({ query: null, hash: null, meta: '*', self: SELF }).allowed, ['*']);
  assert.deepEqual(allowedOrigins({ query: null, hash: null, meta: 'null, https://a.example', self: SELF }).allowed,
    ['null', 'https://a.example']);
});

test('originAllowed: exact origins, or anything under *', () => {
  const list = ['https://a.example', 'null'];
  assert.equal(originAllowed(list, 'https://a.example'), true);
  assert.equal(originAllowed(list, 'null'), true);
  assert.equal(originAllowed(list, 'https://a.example:8443'), false);
  assert.equal(originAllowed(list, 'http://a.example'), false);
  assert.equal(originAllowed(list, 'https://evil.example'), false);
  assert.equal(originAllowed(['*'], 'https://evil.example'), true);
  assert.equal(originAllowed([SELF], 'null'), false);
});

test('eventTarget: the allowed parent origin, else * or the one concrete origin, else none', () => {
  assert.equal(eventTarget(['https://a.example'], 'https://a.example'), 'https://a.example');
  assert.equal(eventTarget(['https://a.example'], 'https://evil.example'), null, 'a known parent that is not allowed');
  assert.equal(eventTarget(['*'], 'https://evil.example'), 'https://evil.example');
  assert.equal(eventTarget(['*'], null), '*');
  assert.equal(eventTarget(['*'], 'null'), '*');
  assert.equal(eventTarget(['https://a.example'], null), 'https://a.example');
  assert.equal(eventTarget(['null', 'https://a.example'], 'null'), 'https://a.example');
  assert.equal(eventTarget(['https://a.example', 'https://b.example'], null), null, 'which one is unknown');
  assert.equal(eventTarget(['null'], null), null);
});

test('refusedWarning names at most five entries, each cut to 80 characters', () => {
  const w = refusedWarning(['*', 'null', 'x'.repeat(200), 'a', 'b', 'c']);
  assert.match(w, /^chipatlas: ignoring origins "\*", "null", "x{80}", "a", "b": /);
  assert.doesNotMatch(w, /"c"/);
  assert.match(w, /meta name="chipatlas-origins"/);
});

test('openableUrl: http(s) links, and relative ones on the page\'s own origin', () => {
  const page = 'https://atlas.example/atlas/index.html?data=x.json#t=2023-01-01';
  assert.equal(openableUrl('licenses/index.html', page), 'https://atlas.example/atlas/licenses/index.html');
  assert.equal(openableUrl('/licenses/', page), 'https://atlas.example/licenses/');
  assert.equal(openableUrl('https://news.example/article?id=1#p2', page), 'https://news.example/article?id=1#p2');
  assert.equal(openableUrl('http://archive.example/web/2023/x', page), 'http://archive.example/web/2023/x');
  assert.equal(openableUrl('licenses/index.html', 'http://127.0.0.1:8080/index.html'), 'http://127.0.0.1:8080/licenses/index.html');
});

test('openableUrl: scripts, data, files, credentials, control characters and long URLs are refused', () => {
  const page = 'https://atlas.example/index.html';
  for (const u of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'blob:https://atlas.example/1',
    'file:///etc/passwd', 'ftp://a.example/x', 'https://user:pw@a.example/', 'https://a.example/\nx', '', null, undefined, 42,
    'https://a.example/' + 'x'.repeat(LIMITS.openUrlChars)]) {
    assert.equal(openableUrl(u, page), null, String(u).slice(0, 40));
  }
  // A relative URL under a page that is not http(s) (file:) opens nothing.
  assert.equal(openableUrl('licenses/index.html', 'file:///home/u/dist/index.html'), null);
});
