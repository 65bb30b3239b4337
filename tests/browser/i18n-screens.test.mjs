// The interface in every language (issue 18): a Korean browser opens in Korean and a link's
// `locale` wins; and at 320, 390, 1280 and 1920 px wide each of the five languages and the
// pseudo-locale en-XA (every string ~40% longer) shows no clipped text in the atlas (`audit`
// returns `clipped: []`) with the default view, an organisation's details, a collaboration's
// and the About card. The PNGs go to build/testdata/screens/i18n-LANG-WxH-VIEW.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, assertClean, waitFrames, TESTDATA_OUT } from './harness.mjs';

const OUT = join(TESTDATA_OUT, 'screens');
mkdirSync(OUT, { recursive: true });

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'ko', 'ja', 'en-XA'];
const SIZES = [[320, 568], [390, 844], [1280, 800], [1920, 1080]];

// Until the app shows `locale` (its catalogue and font fetched and handed over).
async function waitShown(page, locale) {
  await page.waitForFunction((l) => window.chipatlas.command('getState')
    .then((r) => r.state.localeShown === l), locale, { timeout: 60000, polling: 200 });
  await waitFrames(page, 4);  // the fonts rebuilt and a frame laid out with them
}

async function shot(page, log, name) {
  await waitFrames(page, 4);  // the audit describes the last frame drawn
  await page.screenshot({ path: join(OUT, `i18n-${name}.png`), timeout: 30000 });
  const a = await page.evaluate(() => window.chipatlas.command('audit'));
  assert.deepEqual(a.clipped, [], `${name}: the atlas cut off text or panels`);
  assertClean(log, name);
}

test('a Korean browser opens in Korean; a link\'s locale wins; setLocale switches', { timeout: 240000 }, async () => {
  let { page, log } = await h.open('index.html#rm=1', { contextOptions: { locale: 'ko-KR' } });
  await waitShown(page, 'ko');
  let s = await page.evaluate(() => window.chipatlas.command('getState'));
  assert.equal(s.state.locale, 'ko');
  assert.equal(s.state.lang, 'both', 'the names mode is its own field');
  assert.ok(!/locale=/.test(s.hash), `the visitor's own language is not written into the link: ${s.hash}`);
  const legend = await page.evaluate(() => window.chipatlas.command('legend'));
  assert.ok(legend.kinds.some((k) => k.id === 'mou' && k.label === '양해각서(MOU)'), 'kinds are translated terms');
  await page.evaluate(() => window.chipatlas.command('setLocale', { locale: 'ja' }));
  await waitShown(page, 'ja');
  s = await page.evaluate(() => window.chipatlas.command('getState'));
  assert.match(s.hash, /locale=ja/);
  assertClean(log, 'ko-KR browser');
  await page.context().close();
  ({ page, log } = await h.open('index.html#rm=1&locale=zh-Hant', { contextOptions: { locale: 'ko-KR' } }));
  await waitShown(page, 'zh-Hant');
  const about = await page.evaluate(() => window.chipatlas.command('about'));
  assert.equal(about.title, '關於 chipatlas');
  assertClean(log, 'locale link');
  await page.context().close();
});

for (const locale of LOCALES) {
  test(`${locale}: no clipped text at 320, 390, 1280 and 1920 px (default, details, collaboration, About)`, { timeout: 600000 }, async () => {
    for (const [w, hgt] of SIZES) {
      const size = `${w}x${hgt}`;
      const { page, log } = await h.open(`index.html#rm=1&locale=${locale}`, { viewport: { width: w, height: hgt } });
      await waitShown(page, locale);
      await shot(page, log, `${locale}-${size}-default`);
      await page.evaluate(() => window.chipatlas.command('select', { id: 'ase_kaohsiung' }));
      await shot(page, log, `${locale}-${size}-details`);
      await page.evaluate(() => window.chipatlas.command('select', { id: 'nsysu_college' }));
      await shot(page, log, `${locale}-${size}-collaboration`);
      await page.evaluate(() => window.chipatlas.command('select', { id: '' }));
      await page.evaluate(() => window.chipatlas.command('setState', { state: { about: true } }));
      await shot(page, log, `${locale}-${size}-about`);
      await page.context().close();
    }
  });
}
