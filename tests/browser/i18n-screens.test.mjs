// The interface in every language (issue 18): a Korean browser opens in Korean and a link's
// `locale` wins; and at 320, 390, 1280 and 1920 px wide each of the five languages and the
// pseudo-locale en-XA (every string ~40% longer) shows no clipped text in the atlas (`audit`
// returns `clipped: []`) with the default view, an organisation's details, a collaboration's
// and the About card, and axe-core finds nothing serious at 1280 px. The PNGs go to
// build/testdata/screens/i18n-LANG-WxH-VIEW.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, assertClean, waitFrames, axeSerious, TESTDATA_OUT } from './harness.mjs';

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
      // The page's controls in this language (the export buttons' names hold the words they show).
      if (w === 1280) assert.deepEqual(await axeSerious(page), [], `${locale} at ${size}: axe-core`);
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

// Trying a 640x400 embed in en-XA: the toolbar, widened by the longer labels, stayed over the
// page's "Published data" until the next input (placed by the width it had the frame before; the
// web draws a frame only when the app asks for one).
test('en-XA embed at 640x400: the widened toolbar is placed clear of the page\'s chrome without input; the details cut nothing', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?embed=1#rm=1&locale=en-XA', { viewport: { width: 640, height: 400 } });
  await waitShown(page, 'en-XA');
  await waitFrames(page, 20);
  const bar = (await page.evaluate(() => window.chipatlas.command('audit'))).panels.find((p) => p.name === 'toolbar').rect;
  const note = await page.evaluate(() => {
    const c = document.getElementById('canvas').getBoundingClientRect();
    const r = document.getElementById('dataset-published').getBoundingClientRect();
    return [r.left - c.left, r.top - c.top, r.right - c.left, r.bottom - c.top];
  });
  assert.ok(bar[0] < note[2], `the toolbar reaches over the note's column: ${bar} / ${note}`);
  const apart = bar[2] <= note[0] || note[2] <= bar[0] || bar[3] <= note[1] || note[3] <= bar[1];
  assert.ok(apart, `the toolbar ${bar} overlaps "Published data" ${note}`);
  // The details panel there (256 px wide): "Read the original" was a button wider than its line,
  // cut 14 px at the panel's edge; a label too long for its line is a wrapped link now.
  await page.evaluate(() => window.chipatlas.command('select', { id: 'ase_kaohsiung' }));
  await shot(page, log, 'en-XA-640x400-embed-details');
  await page.evaluate(() => window.chipatlas.command('select', { id: 'nsysu_college' }));
  await shot(page, log, 'en-XA-640x400-embed-collaboration');
  await page.context().close();
});

// A landscape phone in a longer language: the region presets ran 44 px off the right edge (they
// folded into one menu only below 520 px wide); they fold whenever the row would not fit.
test('en-XA at 568x320 and 844x390 during a story: the toolbar fits (its presets fold when they must)', { timeout: 120000 }, async () => {
  for (const [w, hgt] of [[568, 320], [844, 390]]) {
    const { page, log } = await h.open(`index.html#rm=1&locale=en-XA&story=east-asia-chip-talent&step=2`, { viewport: { width: w, height: hgt } });
    await waitShown(page, 'en-XA');
    await shot(page, log, `en-XA-${w}x${hgt}-story`);
    await page.context().close();
  }
});
