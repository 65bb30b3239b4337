// The page in the visitor's language (issue 18): a Korean browser opens in Korean (<html lang>,
// the DOM layer, the state, the slider's spoken date), the DOM picker switches to Japanese (and
// the URL says so), a #locale= link wins over an English browser, an embed has the picker, and
// axe-core finds nothing serious in Korean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, assertClean, axeSerious, ROOT, WEB_DIR } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const START = 'index.html#t=2023-08-29&mode=cumulative&rm=1';
const KOREAN = { locale: 'ko-KR' };
const ENGLISH = { locale: 'en-US' };

// What the page shows of its language: <html lang dir>, the title, some DOM texts, the state.
const shown = (page) => page.evaluate(async () => {
  const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent : null; };
  const attr = (sel, a) => { const e = document.querySelector(sel); return e ? e.getAttribute(a) : null; };
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    title: document.title,
    controls: text('#controls-title'),
    copy: text('#copy-link'),
    search: attr('#search', 'placeholder'),
    canvas: attr('#canvas', 'aria-label'),
    date: attr('#ctl-date', 'aria-valuetext'),
    picker: attr('#ctl-locale', 'aria-label'),
    locale: (await window.chipatlas.getState()).locale,
  };
});
// Waits until the page's <html lang> is `lang` and its state's locale (the last state event's,
// read synchronously: a predicate returning a promise would count as true at once) is too.
async function waitLocale(page, lang) {
  await page.waitForFunction((l) => document.documentElement.lang === l &&
    !!window.chipatlas.state && window.chipatlas.state.locale === l, lang, { timeout: 20000, polling: 100 });
}

test('a Korean browser opens in Korean: html lang, the DOM layer, the state, the spoken date', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START, { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  await page.waitForFunction(() => document.getElementById('ctl-date').getAttribute('aria-valuetext') === '2023년 8월 29일',
    null, { timeout: 20000, polling: 100 });
  const s = await shown(page);
  assert.deepEqual(s, {
    lang: 'ko', dir: 'ltr', title: 'chipatlas · 동아시아 반도체 협력', controls: '지도 컨트롤', copy: '링크 복사',
    search: '검색', canvas: '동아시아 반도체 협력 인터랙티브 지도', date: '2023년 8월 29일', picker: '언어', locale: 'ko',
  });
  // The picker lists the five by their own names, Korean chosen.
  const options = await page.$$eval('#ctl-locale option', (os) => os.map((o) => [o.value, o.textContent, o.lang]));
  assert.deepEqual(options, [['en', 'English', 'en'], ['zh-Hant', '繁體中文', 'zh-Hant'], ['zh-Hans', '简体中文', 'zh-Hans'],
    ['ko', '한국어', 'ko'], ['ja', '日本語', 'ja']]);
  assert.equal(await page.$eval('#ctl-locale', (s) => s.value), 'ko');
  // The app's own catalogue came too (web/js/catalogues.js): no error panel.
  await page.waitForFunction(() => ['loaded', 'failed'].includes(document.documentElement.dataset.catalogue), null, { timeout: 20000, polling: 100 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.catalogue), 'loaded');
  assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, 'no error shown');
  // The language's catalogues, not the editor's (an editing visit's, edit-layer.test.mjs).
  const i18n = log.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/i18n/')).sort();
  assert.deepEqual(i18n, ['/i18n/ko.json', '/i18n/ko.mo', '/i18n/ko.otf']);
  // Nothing serious for assistive technology in Korean (the layer's labels, lang attributes).
  assert.deepEqual(await axeSerious(page), []);
  assertClean(log, 'Korean page');
});

// The data speaks the interface language too: a collaboration's translated title and summary
// (data/collaborations.json, `translations`), drawn with that language's font (i18n/LANG.otf,
// fetched with its catalogue): no font slice is fetched for the bundled data.
const MOU = JSON.parse(readFileSync(join(ROOT, 'data', 'collaborations.json'), 'utf8')).collaborations
  .find((c) => c.id === 'motie_packaging_mou');
const mouIn = (lang) => MOU.translations.find((t) => t.lang === lang);
test('a collaboration\u2019s details in Korean, then Japanese: its translated title and summary, no font slice fetched', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-29&mode=cumulative&sel=motie_packaging_mou&rm=1', { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  const ko = mouIn('ko');
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, ko.title, { timeout: 20000, polling: 100 });
  assert.match(await page.locator('#details-body').textContent(), new RegExp(ko.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Its participants by the names the map's panel gives them: the name in Korean first.
  assert.match(await page.locator('#details-body').textContent(), /산업통상자원부 · Ministry of Trade, Industry and Energy/);
  // The map's own details panel draws the Korean title: the wasm's audit says nothing is clipped
  // and no glyph was asked of the page.
  const audit = await page.evaluate(() => window.chipatlas.command('audit'));
  assert.deepEqual(audit.clipped, []);
  await page.locator('#ctl-locale').selectOption('ja', { force: true });
  await waitLocale(page, 'ja');
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, mouIn('ja').title, { timeout: 20000, polling: 100 });
  await page.waitForTimeout(500);  // a glyphsneeded request would come with the next frames
  assert.deepEqual(log.requests.filter((u) => /\/fonts\/slice-/.test(u)), [], 'no font slice fetched');
  assert.ok(log.requests.some((u) => /\/i18n\/ja\.otf$/.test(u)), 'the Japanese font came with its catalogue');
  assertClean(log, 'translated details');
});

// The page's details region has what the map's panel shows of a collaboration: its figures (each
// with its quote) and its events, as buttons that take the map to their dates, in the interface
// language where the data translates them (fact labels and event titles were English in every
// language, and neither was in the region at all).
const METC = JSON.parse(readFileSync(join(ROOT, 'data', 'collaborations.json'), 'utf8')).collaborations.find((c) => c.id === 'metc');
const METC_LAUNCH = JSON.parse(readFileSync(join(ROOT, 'data', 'events.json'), 'utf8')).events.find((e) => e.id === 'metc.launch');
test('the details region reads a collaboration\u2019s figures, events and note, an organisation\u2019s note and roles, in Korean; an event\u2019s button goes to its date', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-29&mode=cumulative&sel=metc&rm=1', { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  const title = METC.translations.find((t) => t.lang === 'ko').title;
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, title, { timeout: 20000, polling: 100 });
  const label = METC.facts[0].translations.find((t) => t.lang === 'ko').label;
  const figures = page.locator('#details-body ul[aria-label="수치"] > li');
  assert.equal(await figures.count(), METC.facts.length);
  const figure = await figures.first().textContent();
  assert.ok(figure.startsWith(label + ': '), figure);
  assert.ok(figure.includes(METC.facts[0].quote), 'the figure\u2019s quote');
  const event = page.locator('#details-body ul[aria-label="타임라인"] button[data-t="' + METC_LAUNCH.date + '"]');
  assert.equal(await event.textContent(), '2022년 11월 9일 \u2014 ' + METC_LAUNCH.translations.find((t) => t.lang === 'ko').title);
  // Its note (where its dates and roles come from) in Korean.
  const metcBody = await page.locator('#details-body').textContent();
  assert.ok(metcBody.includes('참고: ' + METC.translations.find((t) => t.lang === 'ko').note), metcBody);
  assert.deepEqual(await axeSerious(page), []);
  await event.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => window.chipatlas.state && window.chipatlas.state.t === t, METC_LAUNCH.date, { timeout: 20000, polling: 100 });
  // An organisation: its abbreviation and native name, its note, its role in each collaboration.
  const ASTRI = JSON.parse(readFileSync(join(ROOT, 'data', 'organisations.json'), 'utf8')).organisations.find((o) => o.id === 'astri');
  await page.evaluate(() => window.chipatlas.command('select', { item: 'astri' }));
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, ASTRI.name, { timeout: 20000, polling: 100 });
  const body = await page.locator('#details-body').textContent();
  assert.ok(body.includes('ASTRI \u00b7 ' + ASTRI.names[0].text), body);
  assert.ok(body.includes('참고: ' + ASTRI.translations.find((t) => t.lang === 'ko').note), body);  // its note in Korean
  assert.ok(!body.includes(ASTRI.note), body);
  // Its city in Korean (the data's translations), not the English "Hong Kong (Sha Tin)".
  assert.ok(body.includes(ASTRI.translations.find((t) => t.lang === 'ko').city), body);
  assert.ok(!body.includes(ASTRI.city), body);
  const metc = page.locator('#details-body li', { has: page.locator('button[data-id="metc"]') });
  assert.match(await metc.textContent(), /주도 기관/);  // its role: the lead
  assertClean(log, 'figures and events in the details region');
});

// What a Korean visitor reads they can search for: the page's search box finds the MoU by words
// of its Korean title and lists it under that title (the English title was listed before).
test('a Korean visitor finds a collaboration by its Korean title in the page\u2019s search box', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START, { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  const ko = mouIn('ko').title;
  await page.locator('#search').fill(ko.split(' ').slice(1, 3).join(' '));  // "반도체 패키징"
  const option = page.locator('#search-results [role="option"][data-id="motie_packaging_mou"]');
  await option.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await option.textContent(), new RegExp(ko));
  await option.click();
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, ko, { timeout: 20000, polling: 100 });
  assertClean(log, 'search in Korean');
});

// An unnamed group's descriptive name is text, not a name: a Korean visitor read "Korean fabless
// firms (unnamed)" in English in the details region, a collaboration's participants and search.
test('a Korean visitor reads an unnamed group\u2019s name in Korean: details, participants, search', { timeout: 180000 }, async () => {
  const ORGS = JSON.parse(readFileSync(join(ROOT, 'data', 'organisations.json'), 'utf8')).organisations;
  const group = ORGS.find((o) => o.id === 'kr_fabless');
  const ko = group.translations.find((t) => t.lang === 'ko').name;
  const { page, log } = await h.open('index.html#t=2023-08-29&mode=cumulative&sel=kr_fabless&rm=1', { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, ko, { timeout: 20000, polling: 100 });
  await page.evaluate(() => window.chipatlas.command('select', { item: 'motie_packaging_mou' }));
  const participant = page.locator('#details-body button[data-id="kr_fabless"]');
  await participant.waitFor({ state: 'visible', timeout: 20000 });
  assert.equal(await participant.textContent(), ko);
  assert.ok(!(await page.locator('#details-body').textContent()).includes(group.name));
  await page.locator('#search').fill('\ud339\ub9ac\uc2a4');  // 팹리스
  const option = page.locator('#search-results [role="option"][data-id="kr_fabless"]');
  await option.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await option.textContent(), new RegExp(ko.replace(/[()]/g, '\\$&')));
  assertClean(log, 'a group\u2019s name in Korean');
});

// The first visit carries no translation of the data: the site's wasm embeds the data without
// them (tools/i18n/data_translations.py), and each language's catalogue brings its own.
test('the data\u2019s translations come with their language: none in the site\u2019s wasm, each in its i18n/LANG.mo', async () => {
  const wasm = readFileSync(join(WEB_DIR, 'chipatlas.wasm'));
  assert.ok(wasm.includes(Buffer.from(MOU.title)), 'the English title is in the wasm');
  const mos = {};
  for (const lang of ['zh-Hant', 'zh-Hans', 'ko', 'ja']) mos[lang] = readFileSync(join(WEB_DIR, 'i18n', lang + '.mo'));
  for (const t of MOU.translations) {
    assert.ok(!wasm.includes(Buffer.from(t.title)), t.lang + ' title not in the wasm');
    assert.ok(!wasm.includes(Buffer.from(t.summary)), t.lang + ' summary not in the wasm');
    for (const lang of Object.keys(mos)) {
      if (t.title === mouIn(lang).title) continue;  // the two Chinese may write a title alike
      assert.equal(mos[lang].includes(Buffer.from(t.title)), lang === t.lang, t.lang + ' title in ' + lang + '.mo');
    }
  }
  // So are the facts' labels and the events' titles.
  const DATA = (f) => JSON.parse(readFileSync(join(ROOT, 'data', f), 'utf8'));
  const fact = DATA('collaborations.json').collaborations.find((c) => c.id === 'nsysu_college').facts[0];
  const event = DATA('events.json').events.find((e) => e.id === 'nsysu_college.approval');
  for (const t of [...fact.translations.map((x) => ({ lang: x.lang, text: x.label })), ...event.translations.map((x) => ({ lang: x.lang, text: x.title }))]) {
    assert.ok(!wasm.includes(Buffer.from(t.text)), t.lang + ' ' + t.text + ' not in the wasm');
    assert.ok(mos[t.lang].includes(Buffer.from(t.text)), t.lang + ' ' + t.text + ' in its .mo');
  }
  // And the organisations' cities and notes, and the collaborations' notes.
  const astri = DATA('organisations.json').organisations.find((o) => o.id === 'astri');
  const notes = DATA('collaborations.json').collaborations.find((c) => c.id === 'metc').translations;
  for (const t of [...astri.translations.map((x) => ({ lang: x.lang, text: x.city })), ...astri.translations.map((x) => ({ lang: x.lang, text: x.note })),
    ...notes.map((x) => ({ lang: x.lang, text: x.note }))]) {
    assert.ok(!wasm.includes(Buffer.from(t.text)), t.lang + ' ' + t.text + ' not in the wasm');
    assert.ok(mos[t.lang].includes(Buffer.from(t.text)), t.lang + ' ' + t.text + ' in its .mo');
  }
  // The editor's wasm, whose forms show every language, keeps them.
  const edit = readFileSync(join(WEB_DIR, 'chipatlas_edit.wasm'));
  assert.ok(edit.includes(Buffer.from(mouIn('ko').title)), 'the editor has the Korean title');
});

test('a Korean visitor back on the published data after another dataset reads its titles in Korean', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html?data=testdata/ds-one.json#rm=1', { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  await page.locator('#dataset-reset').click();
  await page.waitForFunction(() => window.chipatlas.state && window.chipatlas.state.dataset === 'bundled', null, { timeout: 20000, polling: 100 });
  await page.evaluate(() => window.chipatlas.command('select', { item: 'motie_packaging_mou' }));
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, mouIn('ko').title, { timeout: 20000, polling: 100 });
  // And in English again, the English one.
  await page.evaluate(() => window.chipatlas.command('setLocale', { locale: 'en' }));
  await page.waitForFunction((t) => document.getElementById('details-title').textContent === t, MOU.title, { timeout: 20000, polling: 100 });
  assertClean(log, 'back on the published data');
});

test('the DOM picker switches to 日本語: labels, html lang, the state and the URL follow', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START, { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  await page.locator('#ctl-locale').selectOption('ja', { force: true });  // the layer shows on keyboard focus
  await waitLocale(page, 'ja');
  await page.waitForFunction(() => /(^#|&)locale=ja(&|$)/.test(location.hash), null, { timeout: 20000, polling: 100 });
  const s = await shown(page);
  assert.equal(s.controls, '地図の操作');
  assert.equal(s.copy, 'リンクをコピー');
  assert.equal(s.title, 'chipatlas · 東アジアの半導体協力');
  assert.equal(s.date, '2023年8月29日');
  // Texts made from the state (the summary's counts) are in Japanese too.
  assert.match(await page.locator('#ctl-summary').textContent(), /^進行中 [\d,]+ · 終了 [\d,]+$/);
  // Back to English through the host API (setLocale): the page follows the state.
  await page.evaluate(() => window.chipatlas.command('setLocale', { locale: 'en' }));
  await waitLocale(page, 'en');
  assert.equal((await shown(page)).controls, 'Map controls');
  assert.equal((await shown(page)).date, '29 August 2023');
  assertClean(log, 'picker');
});

test('an error shown in the page follows a change of language (title and message, not only new errors)', { timeout: 180000 }, async () => {
  const { page } = await h.open('index.html?data=testdata/does-not-exist.json', { ready: false, contextOptions: ENGLISH });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  await page.waitForFunction(() => !!window.chipatlas && !!window.chipatlas.state, null, { timeout: 60000, polling: 100 });
  assert.equal(await page.locator('#error-title').textContent(), 'Could not load the dataset');
  assert.match(await page.locator('#error-message').textContent(), /does-not-exist\.json.*Showing the published data\.$/);
  await page.evaluate(() => window.chipatlas.command('setLocale', { locale: 'ko' }));
  await waitLocale(page, 'ko');
  await page.waitForFunction(() => document.getElementById('error-title').textContent !== 'Could not load the dataset', null, { timeout: 20000, polling: 100 });
  assert.equal(await page.locator('#error-title').textContent(), '데이터셋을 불러올 수 없습니다');
  assert.match(await page.locator('#error-message').textContent(), /does-not-exist\.json.*게시된 데이터를 표시합니다\.$/);
  assert.ok(await page.locator('#error').isVisible(), 'the panel stays open');
});

test('a link with #locale=zh-Hant opens in Traditional Chinese in an English browser', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START + '&locale=zh-Hant', { contextOptions: ENGLISH });
  await waitLocale(page, 'zh-Hant');
  const s = await shown(page);
  assert.equal(s.controls, '地圖控制項');
  assert.equal(s.copy, '複製連結');
  assert.equal(s.title, 'chipatlas · 東亞半導體合作');
  // The catalogue came before the first frame: the page never showed English chrome texts once ready.
  assert.equal(await page.evaluate(() => document.getElementById('dataset-published').textContent), '發布的資料');
  assertClean(log, 'zh-Hant link');
});

test('an English browser stays in English (no catalogue fetched)', { timeout: 180000 }, async () => {
  const fetched = [];
  const { page, log } = await h.open(START, {
    contextOptions: ENGLISH,
    route: (p) => p.on('request', (r) => { if (/\/i18n\//.test(r.url())) fetched.push(r.url()); }),
  });
  await waitLocale(page, 'en');
  const s = await shown(page);
  assert.equal(s.controls, 'Map controls');
  assert.equal(s.date, '29 August 2023');
  assert.deepEqual(fetched, [], 'English needs no catalogue');
  assertClean(log, 'English page');
});

test('an embed (?embed=1) has the language picker in its compact chrome', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html?embed=1#t=2023-08-29&rm=1', { contextOptions: ENGLISH, viewport: { width: 390, height: 600 } });
  const picker = page.locator('#locale-select');
  assert.ok(await picker.isVisible(), 'the picker is shown in the embed');
  const box = await picker.boundingBox();
  assert.ok(box.x + box.width <= 390 && box.y >= 0, 'inside the embed: ' + JSON.stringify(box));
  assert.equal(await picker.getAttribute('aria-label'), 'Language');
  await picker.selectOption('ko');
  await waitLocale(page, 'ko');
  assert.equal(await picker.getAttribute('aria-label'), '언어');
  assert.equal(await page.$eval('#ctl-locale', (s) => s.value), 'ko', 'the other picker follows');
  assertClean(log, 'embed');
});

test('a broken catalogue: the page starts in English with a warning, never a blank page', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START, {
    contextOptions: KOREAN,
    route: (p) => p.route('**/i18n/ko.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"locale":"ko","messages":{"Close":7}}' })),
  });
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await shown(page)).controls, 'Map controls');
  assert.ok(log.consoleWarnings.some((w) => /the ko interface texts could not be loaded \(message "Close" is neither a text/.test(w)),
    log.consoleWarnings.join('\n'));
  assert.deepEqual(log.pageErrors, []);
});

test('the PNG export in Korean: the file name in the interface language', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START, { contextOptions: KOREAN });
  await waitLocale(page, 'ko');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#export-png')]);
  assert.equal(download.suggestedFilename(), 'chipatlas-지도-2023-08-29.png');
  assertClean(log, 'Korean PNG');
});

test('the pseudo-locale en-XA (#locale=en-XA): longer, accented page texts', { timeout: 180000 }, async () => {
  const { page, log } = await h.open(START + '&locale=en-XA', { contextOptions: ENGLISH });
  await waitLocale(page, 'en-XA');
  const s = await shown(page);
  assert.match(s.controls, /^\[Màp çöñtröls [·ẋ]+\]$/);
  assert.match(s.date, /August 2023/, 'dates as English');
  assertClean(log, 'en-XA');
});
