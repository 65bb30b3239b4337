// Characters the bundled fonts lack: a ?data= dataset whose native names use them makes the page
// fetch just the font slices that hold them (same origin) and the names draw; the bundled data
// fetches none; a slice that cannot be fetched is listed in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startHarness, assertClean, ROOT, TESTDATA_OUT, decodePng, waitFrames } from './harness.mjs';
import { slicesFor } from '../../web/js/font_slices.js';

const NAMES = { o0: { lang: 'zh-Hant', text: '龘鑫晶圓' }, o1: { lang: 'ja', text: '燚淼鑄鍛' } };  // in no bundled name
let h;
before(async () => {
  h = await startHarness();
  mkdirSync(TESTDATA_OUT, { recursive: true });
  const out = join(TESTDATA_OUT, 'glyphs.json');
  execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), '3', out]);
  const ds = JSON.parse(readFileSync(out, 'utf8'));
  for (const o of ds.organisations) if (NAMES[o.id]) o.names = [NAMES[o.id]];
  writeFileSync(out, JSON.stringify(ds));
});
after(async () => { if (h) await h.close(); });

const sliceRequests = (log) => log.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/fonts/')).sort();
const expected = slicesFor([...(NAMES.o0.text + NAMES.o1.text)].map((c) => c.codePointAt(0)), 64).paths.map((p) => '/' + p);

// CHIPATLAS_GLYPHS_SHOTS=DIR keeps the two canvases for a look.
async function showNames(page, want) {
  await page.waitForFunction((w) => document.documentElement.dataset.glyphs === w, want, { timeout: 60000 });
  await page.mouse.move(1, 1);  // the same hover in both pages
  await page.evaluate(() => window.chipatlas.setState({ selected: 'o0', lang: 'native' }));
  await page.waitForTimeout(1500);  // a few frames: the atlas rebuilt, the details panel drawn
  const png = await page.locator('#canvas').screenshot();
  if (process.env.CHIPATLAS_GLYPHS_SHOTS) writeFileSync(join(process.env.CHIPATLAS_GLYPHS_SHOTS, want + '.png'), png);
  return decodePng(png);
}

// Pixels that differ in the details panel's line with the native name (right of the map, below
// the title: x 62-100 %, y 18-26 % of the 1024 x 700 canvas).
function differing(a, b) {
  assert.equal(a.width, b.width);
  let n = 0;
  for (let y = Math.floor(a.height * 0.18); y < a.height * 0.26; y++) {
    for (let x = Math.floor(a.width * 0.62); x < a.width; x++) {
      const i = (y * a.width + x) * a.channels;
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
    }
  }
  return n;
}

test('the bundled data fetches no font slice', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  await page.waitForTimeout(1000);
  assert.deepEqual(sliceRequests(log), []);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.glyphs), undefined);
  assertClean(log, 'bundled data');
});

test('?data= with new CJK names fetches just their slices, and the names draw', { timeout: 180000 }, async () => {
  assert.deepEqual(expected, ['/fonts/slice-5700.otf', '/fonts/slice-6600.otf', '/fonts/slice-6D00.otf', '/fonts/slice-7100.otf',
    '/fonts/slice-9300.otf', '/fonts/slice-9400.otf', '/fonts/slice-9F00.otf']);
  const { page, log } = await h.open('index.html?data=testdata/glyphs.json');
  const drawn = await showNames(page, 'loaded');
  assert.deepEqual(sliceRequests(log), expected, 'each needed slice once, nothing else');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.glyphSlices), expected.map((p) => p.slice(1)).join(' '));
  assertClean(log, 'glyphs loaded');

  // The same view with the slices refused: the page says so, and the names draw differently
  // (ImGui's fallback glyph), so the pixels above are the fetched glyphs.
  const refused = await h.open('index.html?data=testdata/glyphs.json', {
    route: (p) => p.route('**/fonts/slice-*.otf', (r) => r.fulfill({ status: 404, body: 'no' })),
  });
  await refused.page.locator('#error').waitFor({ state: 'visible', timeout: 60000 });
  const lines = await refused.page.locator('#error-lines li').allInnerTexts();
  assert.ok(lines.some((l) => /fonts\/slice-9F00\.otf: HTTP 404/.test(l)), 'failures listed: ' + lines.join(' | '));
  await refused.page.locator('#error-dismiss').click();
  const fallback = await showNames(refused.page, 'failed');
  const n = differing(drawn, fallback);
  assert.ok(n > 100, `the name with fetched glyphs differs from the fallback render (${n} pixels in its line)`);
});

// The bundled ui.otf keeps only the accented Latin letters the data uses (tools/fonts/ui_chars.txt):
// a runtime dataset's others come from slice-0000.otf, like CJK from theirs.
test('?data= with accented Latin names the bundled data lacks fetches slice-0000', { timeout: 180000 }, async () => {
  const out = join(TESTDATA_OUT, 'glyphs-latin.json');
  execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), '3', out]);
  const ds = JSON.parse(readFileSync(out, 'utf8'));
  ds.organisations[0].name = 'Université Côte d’Azur, Ångström Øresund';
  writeFileSync(out, JSON.stringify(ds));
  const { page, log } = await h.open('index.html?data=testdata/glyphs-latin.json');
  await page.waitForFunction(() => document.documentElement.dataset.glyphs === 'loaded', null, { timeout: 60000 });
  assert.deepEqual(sliceRequests(log), ['/fonts/slice-0000.otf'], 'the Latin-1 slice, once, nothing else');
  assertClean(log, 'latin glyphs');
});

// ?story= (issue 19): a caption in Hangul syllables no bundled font holds makes the page fetch
// their slices as ?data= does, and the caption draws with them (it differs from the fallback).
test('?story= with captions the bundled fonts lack fetches their slices, and the caption draws', { timeout: 180000 }, async () => {
  const caption = { title: '뷁 똠', text: '펲 뷁똠 펲펲' };  // syllables no bundled text has
  const story = { id: 'hangul', title: 'Hangul', steps: [{ view: { t: '2023-08-29', selected: 'metc', region: 'gba' }, caption }] };
  writeFileSync(join(TESTDATA_OUT, 'hangul-story.json'), JSON.stringify(story));
  const want = slicesFor([...(caption.title + caption.text)].map((c) => c.codePointAt(0)), 64).paths.map((p) => '/' + p);
  async function shown(opts, glyphs) {
    const { page, log } = await h.open('index.html?story=testdata/hangul-story.json#rm=1', opts);
    await page.waitForFunction(() => window.chipatlas.state && window.chipatlas.state.story === 'hangul', null, { timeout: 60000 });
    await page.waitForFunction((w) => document.documentElement.dataset.glyphs === w, glyphs, { timeout: 60000 });
    if (glyphs === 'failed') await page.locator('#error-dismiss').click();
    await page.mouse.move(1, 1);
    await waitFrames(page, 8);  // the atlas rebuilt with the slices (or without), the card drawn
    return { page, log, png: decodePng(await page.locator('#canvas').screenshot()) };
  }
  const loaded = await shown({}, 'loaded');
  const requested = sliceRequests(loaded.log);
  for (const p of want) assert.ok(requested.includes(p), `${p} fetched; got ${requested.join(' ')}`);
  assertClean(loaded.log, '?story= glyphs');
  const refused = await shown({ route: (p) => p.route('**/fonts/slice-*.otf', (r) => r.fulfill({ status: 404, body: 'no' })) }, 'failed');
  let n = 0;
  const a = loaded.png, b = refused.png;
  assert.equal(a.width, b.width);
  for (let i = 0; i < a.data.length; i += a.channels) if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1]) n++;
  assert.ok(n > 100, `the caption with fetched glyphs differs from the fallback render (${n} pixels)`);
});
