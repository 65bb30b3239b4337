// The page's interface language (web/js/i18n.js, po/web/, tools/i18n/): negotiation, catalogue
// loading and checking, fallback to English, plurals against each PO's Plural-Forms, dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LOCALES, LOCALE_NAMES, negotiate, chooseLocale, matchLocale, parseCatalogue, useCatalogue, currentLocale,
  t, tc, tn, msg, formatDate, formatNumber, pluralIndex, textDir,
} from '../../web/js/i18n.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PO = join(ROOT, 'po', 'web');

// The compiled catalogues, as the web build makes them (tools/i18n/compile_web_po.py): each
// language's <id>.json (PLAIN) and its editing layer's <id>.edit.json (EDIT); CATS, the two
// together, as an editing visit has them.
function compiled() {
  const out = mkdtempSync(join(tmpdir(), 'chipatlas-i18n-'));
  try {
    execFileSync('python3', [join(ROOT, 'tools', 'i18n', 'compile_web_po.py'), '--out', out], { stdio: 'pipe' });
    const plain = {}, edit = {};
    for (const f of readdirSync(join(out, 'i18n'))) {
      const [, id, isEdit] = /^(.+?)(\.edit)?\.json$/.exec(f);
      (isEdit ? edit : plain)[id] = parseCatalogue(readFileSync(join(out, 'i18n', f), 'utf8'), id);
    }
    return { plain, edit };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
const { plain: PLAIN, edit: EDIT } = compiled();
const CATS = Object.fromEntries(Object.keys(PLAIN).map((id) => [id, Object.assign({}, PLAIN[id], EDIT[id])]));

// The msgids of a PO or POT file (msgctxt + "\u0004" + msgid where there is a context); a
// string may go on over several lines ("..." continuation lines, as translators' tools wrap).
function msgids(file) { return msgidsIn(readFileSync(file, 'utf8')); }
function msgidsIn(text) {
  const un = (s) => JSON.parse('"' + s + '"');
  const ids = [];
  for (const block of text.split(/\n\s*\n/)) {
    const field = {};
    let cur = null;
    for (const line of block.split('\n')) {
      const m = /^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "((?:[^"\\]|\\.)*)"$/.exec(line);
      const more = /^"((?:[^"\\]|\\.)*)"$/.exec(line);
      if (m) { cur = m[1]; field[cur] = un(m[2]); } else if (more && cur) field[cur] += un(more[1]); else cur = null;
    }
    if (!field.msgid) continue;  // the header, or an obsolete (#~) entry
    ids.push('msgctxt' in field ? field.msgctxt + '\u0004' + field.msgid : field.msgid);
  }
  return ids;
}

test('negotiation: navigator.languages to the five, first match wins, else English', () => {
  assert.equal(negotiate(['ko-KR', 'ko', 'en-US']), 'ko');
  assert.equal(negotiate(['zh-TW']), 'zh-Hant');
  assert.equal(negotiate(['zh-HK']), 'zh-Hant');
  assert.equal(negotiate(['zh-MO']), 'zh-Hant');
  assert.equal(negotiate(['zh-Hant-TW']), 'zh-Hant');
  assert.equal(negotiate(['zh']), 'zh-Hans');
  assert.equal(negotiate(['zh-CN']), 'zh-Hans');
  assert.equal(negotiate(['zh-SG']), 'zh-Hans');
  assert.equal(negotiate(['zh-Hans-HK']), 'zh-Hans', 'the script wins over the region');
  assert.equal(negotiate(['ja-JP']), 'ja');
  assert.equal(negotiate(['fr-FR', 'de', 'ja', 'ko']), 'ja', 'the first the page speaks');
  assert.equal(negotiate(['fr-FR']), 'en');
  assert.equal(negotiate([]), 'en');
  assert.equal(negotiate(null), 'en');
  assert.equal(matchLocale('zh_TW.UTF-8'), 'zh-Hant', 'POSIX names');
  assert.equal(matchLocale('en-XA'), 'en-XA', 'an id matches itself');
  assert.equal(matchLocale('x'.repeat(36)), '', 'over-long tags are skipped');
  // Only the first 16 entries are read.
  assert.equal(negotiate([...Array(16).fill('fr'), 'ko']), 'en');
});

test('an explicit locale in the link wins over the browser; an unknown one does not', () => {
  assert.equal(chooseLocale('zh-Hant', ['en-US']), 'zh-Hant');
  assert.equal(chooseLocale('ja', ['ko-KR']), 'ja');
  assert.equal(chooseLocale('klingon', ['ko-KR']), 'ko');
  assert.equal(chooseLocale(null, ['ko-KR']), 'ko');
});

test('the pickers offer the five by their own names, not the pseudo-locale', () => {
  assert.deepEqual(LOCALES, ['en', 'zh-Hant', 'zh-Hans', 'ko', 'ja']);
  assert.deepEqual(Object.values(LOCALE_NAMES), ['English', '繁體中文', '简体中文', '한국어', '日本語']);
  assert.equal(textDir('ko'), 'ltr');
  assert.equal(textDir('ar-EG'), 'rtl');
});

test('catalogue files are checked before use', () => {
  assert.deepEqual(parseCatalogue('{"locale":"ko","messages":{"Close":"닫기"}}', 'ko'), { Close: '닫기' });
  assert.throws(() => parseCatalogue('{"locale":"ko",', 'ko'), /not JSON/);
  assert.throws(() => parseCatalogue('{"locale":"ja","messages":{}}', 'ko'), /not the catalogue of ko/);
  assert.throws(() => parseCatalogue('{"locale":"ko"}', 'ko'), /no "messages"/);
  assert.throws(() => parseCatalogue('{"locale":"ko","messages":{"Close":3}}', 'ko'), /"Close" is neither/);
  assert.throws(() => parseCatalogue('{"locale":"ko","messages":{"x":[]}}', 'ko'), /"x" is neither/);
});

test('lookups: the catalogue\'s text, English for a missing or empty one, placeholders filled', () => {
  useCatalogue('ko', { Close: '닫기', Empty: '', 'Copied {file}': '{file}을(를) 복사했습니다', 'file name\u0004x.png': '지도.png' });
  try {
    assert.equal(currentLocale(), 'ko');
    assert.equal(t('Close'), '닫기');
    assert.equal(t('Not in the catalogue'), 'Not in the catalogue', 'a missing text falls back to English');
    assert.equal(t('Empty'), 'Empty', 'an untranslated (empty) text falls back to English');
    assert.equal(t('Copied {file}', { file: 'a.json' }), 'a.json을(를) 복사했습니다');
    assert.equal(tc('file name', 'x.png'), '지도.png');
    assert.equal(tc('other', 'x.png'), 'x.png', 'the context tells two uses apart');
    assert.equal(t('{n} of {m}', { n: 1234567 }), '1,234,567 of {m}', 'numbers the locale\'s way; unknown names stay');
    const m = msg('Close');
    assert.equal(String(m), '닫기');
    useCatalogue('en', null);
    assert.equal(String(m), 'Close', 'msg() texts follow the language');
  } finally {
    useCatalogue('en', null);
  }
});

test('plurals: English one/other from the source, each PO\'s forms by Intl.PluralRules', () => {
  useCatalogue('en', null);
  assert.equal(tn('{n} result.', '{n} results.', 1), '1 result.');
  assert.equal(tn('{n} result.', '{n} results.', 0), '0 results.');
  assert.equal(tn('{n} result.', '{n} results.', 2500), '2,500 results.');
  useCatalogue('ko', CATS.ko);
  try {
    assert.equal(tn('{n} result.', '{n} results.', 1), '결과 1개.');
    assert.equal(tn('{n} result.', '{n} results.', 3), '결과 3개.');
  } finally {
    useCatalogue('en', null);
  }
});

test('the plural index matches every PO file\'s Plural-Forms expression (and English\'s)', () => {
  const files = readdirSync(PO).filter((f) => /\.pot?$/.test(f));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const text = readFileSync(join(PO, f), 'utf8');
    const m = /Plural-Forms: nplurals=(\d+); plural=([^;]+);/.exec(text);
    assert.ok(m, f + ' has Plural-Forms');
    const id = f.endsWith('.pot') ? 'en' : f.replace(/\.po$/, '');
    const count = +m[1];
    // A C expression of n is a JavaScript one too (a test may evaluate it; the page never does).
    const rule = new Function('n', 'return +(' + m[2] + ');');  // eslint-disable-line no-new-func
    for (let n = 0; n <= 1000; n++) assert.equal(pluralIndex(id, n, count), rule(n), `${f}: n = ${n}`);
  }
});

test('dates and numbers the local way (Intl)', () => {
  const cases = { en: '29 August 2023', 'zh-Hant': '2023年8月29日', 'zh-Hans': '2023年8月29日', ko: '2023년 8월 29일', ja: '2023年8月29日' };
  try {
    for (const [id, want] of Object.entries(cases)) {
      useCatalogue(id, {});
      assert.equal(formatDate('2023-08-29'), want, id);
    }
    useCatalogue('ko', {});
    assert.equal(formatDate('not a date'), '');
    assert.equal(formatNumber(12345), '12,345');
    // The formatters are kept per locale and style: switching back and a second style still hold.
    useCatalogue('en', {});
    assert.equal(formatDate('2023-08-29'), cases.en);
    assert.equal(formatDate('2023-08-29', 'short'), '29/08/2023');
    assert.equal(formatDate('2023-08-29'), cases.en);
    useCatalogue('ja', {});
    assert.equal(formatDate('2023-08-29', 'short'), '2023/08/29');
    assert.equal(formatDate('2023-08-29', 'no such style'), '2023-08-29');
  } finally {
    useCatalogue('en', null);
  }
});

test('the template holds every text of web/js/ (run tools/i18n/extract_web.sh after changing texts)', () => {
  const out = mkdtempSync(join(tmpdir(), 'chipatlas-pot-'));
  try {
    const js = readdirSync(join(ROOT, 'web', 'js')).filter((f) => f.endsWith('.js')).map((f) => join('web', 'js', f));
    execFileSync('xgettext', ['--language=JavaScript', '--from-code=UTF-8', '--keyword=', '--keyword=t', '--keyword=msg',
      '--keyword=tc:1c,2', '--keyword=msgc:1c,2', '--keyword=tn:1,2', '-o', join(out, 'now.pot'), ...js], { cwd: ROOT, stdio: 'pipe' });
    assert.deepEqual(msgids(join(out, 'now.pot')).sort(), msgids(join(PO, 'chipatlas-web.pot')).sort());
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// The files each text of the template is used in ("#: web/js/x.js:12 web/js/y.js:3" lines).
function textFiles() {
  const files = new Map();
  for (const block of readFileSync(join(PO, 'chipatlas-web.pot'), 'utf8').split(/\n\s*\n/)) {
    const id = msgidsIn(block)[0];
    if (id === undefined) continue;
    const where = [...block.matchAll(/^#: (.*)$/gm)].flatMap((m) => m[1].split(' ')).map((w) => w.replace(/:\d+$/, ''));
    files.set(id, where);
  }
  return files;
}

// An editing visit fetches <id>.edit.json as well (web/js/page_i18n.js); a plain visit does not
// need the editing layer's texts, so they are not in <id>.json.
test('the editing layer\'s own texts are in <id>.edit.json, every other text in <id>.json', () => {
  const files = textFiles();
  const editOnly = (k) => files.get(k).every((f) => /^web\/js\/(edit_layer|story_edit_layer)\.js$/.test(f));
  assert.ok([...files.keys()].filter(editOnly).length > 40, 'the layer has texts of its own');
  for (const id of ['zh-Hant', 'zh-Hans', 'ko', 'ja', 'en-XA']) {
    assert.ok(EDIT[id], id + '.edit.json');
    for (const k of Object.keys(EDIT[id])) assert.ok(editOnly(k), `${id}.edit.json: ${JSON.stringify(k)} is used outside the editing layer`);
    for (const k of Object.keys(PLAIN[id])) assert.ok(!editOnly(k), `${id}.json: ${JSON.stringify(k)} is the editing layer's only`);
  }
  assert.ok('New id' in EDIT.ko && !('New id' in PLAIN.ko));
  // A text the layer shares with the rest of the page stays in the plain catalogue.
  const shared = [...files.keys()].find((k) => files.get(k).some((f) => /edit_layer/.test(f)) && !editOnly(k));
  assert.ok(shared && shared in PLAIN.ko, JSON.stringify(shared));
});

test('zh-Hant, zh-Hans, ko and ja translate every text; en-XA is longer and keeps placeholders', () => {
  const all = msgids(join(PO, 'chipatlas-web.pot'));
  assert.ok(all.length > 100);
  for (const id of ['zh-Hant', 'zh-Hans', 'ko', 'ja', 'en-XA']) {
    const missing = all.filter((k) => !(k in CATS[id]) || [].concat(CATS[id][k]).some((s) => !s));
    assert.deepEqual(missing, [], id + ' lacks texts');
  }
  for (const k of all) {
    const en = k.split('\u0004').pop();
    const xa = [].concat(CATS['en-XA'][k])[0];
    assert.ok(xa.length >= en.length * 1.3, `en-XA of ${JSON.stringify(en)} is ${xa.length} long`);
    assert.deepEqual(xa.match(/\{\w+\}/g), en.match(/\{\w+\}/g), en);
  }
});

test('a translation that drops or invents a placeholder stops the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chipatlas-po-'));
  try {
    for (const id of ['zh-Hant', 'zh-Hans', 'ja']) execFileSync('cp', [join(PO, id + '.po'), dir]);
    const ko = readFileSync(join(PO, 'ko.po'), 'utf8').replace('msgstr "{file}을(를) 복사했습니다"', 'msgstr "복사했습니다 {name}"');
    execFileSync('sh', ['-c', 'cat > "$1"', 'sh', join(dir, 'ko.po')], { input: ko });
    assert.throws(() => execFileSync('python3', [join(ROOT, 'tools', 'i18n', 'compile_web_po.py'), '--out', dir, '--po', dir],
      { stdio: 'pipe' }), (e) => /ko\.po: 'Copied \{file\}': the translation has \['name'\] where the text has \['file'\]/.test(String(e.stderr)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('index.html and csp.html: English texts as in the catalogues, the noscript text in all five', () => {
  const pot = msgids(join(PO, 'chipatlas-web.pot'));
  const noscript = 'chipatlas needs JavaScript and WebGL 2.';
  for (const page of ['index.html', 'csp.html']) {
    const html = readFileSync(join(ROOT, 'web', page), 'utf8');
    const title = /<title>([^<]*)<\/title>/.exec(html)[1];
    const label = /<canvas[^>]*aria-label="([^"]*)"/.exec(html)[1];
    const loading = /<div id="loading"[^>]*>.*<span>([^<]*)<\/span><\/div>/.exec(html)[1];
    for (const text of [title, label, loading, noscript]) assert.ok(pot.includes(text), `${page}: ${text} is in the template`);
    // A shared link's preview and a search engine's summary: the title, and one description.
    const meta = (attr, name) => (new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(html) || [])[1];
    const description = meta('name', 'description');
    assert.ok(description && description.length >= 50 && description.length <= 200, `${page}: a description of 50-200 characters`);
    assert.equal(meta('property', 'og:description'), description, page);
    assert.equal(meta('property', 'og:title'), title, page);
    const ns = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)[1];
    assert.ok(ns.includes(noscript), page);
    for (const id of ['zh-Hant', 'zh-Hans', 'ko', 'ja']) {
      assert.ok(ns.includes(`<span lang="${id}">${CATS[id][noscript]}</span>`), `${page}: the noscript text in ${id}`);
    }
  }
});
