// Sources link to the original: "Read the original ↗" in the details panel opens the source's
// url in a new tab with noopener (window.open stubbed), the screen-reader mirror lists the same
// links as real <a target=_blank rel=noopener>, and a javascript: url can never be opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, assertClean, recordEvents, waitEvent, frameClick, TESTDATA_OUT, ROOT } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const ASEH_URL = 'https://www.aseglobal.com/csr/corporate-citizenship/industry-academia-collaborations/';

// Replaces window.open with a recorder (nothing is opened); calls land in window.__opened.
async function stubOpen(page) {
  await page.evaluate(() => {
    window.__opened = [];
    window.open = function (url, target, features) { window.__opened.push({ url: String(url), target, features }); return null; };
  });
}

test('"Read the original" opens the source in a new tab with noopener; the mirror links it', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-01-01&mode=cumulative&rm=1');
  await recordEvents(page);
  await stubOpen(page);
  await page.evaluate(() => window.chipatlas.command('select', { id: 'ase_ai_colleges' }));
  const sel = await waitEvent(page, 'selection', { id: 'ase_ai_colleges' });
  assert.match(sel.details, /by 2022/, 'the selection says the start is "by 2022"');
  assert.equal(sel.sources.length, 1);
  assert.equal(sel.sources[0].url, ASEH_URL);

  // The mirror: the selection's text says "by 2022", its source is a real link.
  assert.match(await page.locator('#sr-selection').textContent(), /by 2022/);
  const a = page.locator('#sr-sources a').first();
  assert.equal(await a.getAttribute('href'), ASEH_URL);
  assert.equal(await a.getAttribute('target'), '_blank');
  assert.match(await a.getAttribute('rel'), /\bnoopener\b/);
  assert.equal(await a.textContent(), 'Read the original');

  // The details panel (right side; this collaboration's details are short). Below the button
  // there is only quote and note text, so clicking upwards from the panel's bottom reaches the
  // button before any other control.
  const vp = page.viewportSize();
  const w = Math.min(380, vp.width * 0.4), x = vp.width - w - 10 + 60;
  let opened = [];
  // frameClick: under load one frame can outlast a quick click, and the click is lost.
  for (let y = vp.height - 140; y > 120 && !opened.length; y -= 8) {
    await frameClick(page, x, y);
    opened = await page.evaluate(() => window.__opened);
  }
  assert.equal(opened.length, 1, 'one click, one window.open');
  assert.equal(opened[0].url, ASEH_URL);
  assert.equal(opened[0].target, '_blank');
  assert.match(opened[0].features, /\bnoopener\b/);
  assert.match(opened[0].features, /\bnoreferrer\b/);
  const state = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(state.selected, 'ase_ai_colleges', 'the clicks changed nothing else');
  assertClean(log, 'read the original');
});

test('a javascript: url never opens: the loader refuses it and the page links only http(s)', { timeout: 180000 }, async () => {
  const bad = {
    sources: [{ id: 's', title: 'T', publisher: 'P', file: 'f.txt', url: 'javascript:alert(document.domain)' }],
    organisations: [{ id: 'a', name: 'A', kind: 'group', region: 'us', sources: ['s'] }],
    collaborations: [{ id: 'c', title: 'C', kind: 'course', participants: [{ org: 'a', role: 'host' }], start: '2022',
      summary: 'S', evidence: [{ source: 's', quote: 'Q' }] }],
    events: [],
  };
  mkdirSync(TESTDATA_OUT, { recursive: true });
  writeFileSync(join(TESTDATA_OUT, 'javascript-url.json'), JSON.stringify(bad, null, 1) + '\n');
  const { page } = await h.open('index.html?data=testdata/javascript-url.json', { ready: false });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 60000 });
  const lines = await page.locator('#error-lines li').allInnerTexts();
  assert.ok(lines.some((l) => /^testdata\/javascript-url\.json:\d+:\d+: error: source \"s\" \(\/sources\/0\/url\): not a web address: "javascript:alert/.test(l)),
    `the url is refused at its line and column; got:\n  ${lines.join('\n  ')}`);

  // The page's own check, for whatever reaches the details region: only http(s) becomes a link.
  // The site's js/ is bundled (tools/web/bundle.mjs), so details.js is bundled here on its own and
  // given a region of its own in the page.
  const { build } = await import('esbuild');
  await build({ stdin: { contents: "export * from './details.js';", resolveDir: join(ROOT, 'web', 'js') },
    bundle: true, format: 'esm', outfile: join(TESTDATA_OUT, 'details-check.js'), logLevel: 'error' });
  const checks = await page.evaluate(async () => {
    const m = await import('./testdata/details-check.js');
    const anchor = document.createElement('div');
    document.body.appendChild(anchor);
    m.buildDetails(anchor);
    m.updateDetails({ id: 'x', type: 'collaboration', label: 'X', sources: [
      { title: 'bad', url: 'javascript:alert(1)' }, { title: 'data', url: 'data:text/html,x' },
      { title: 'good', url: 'https://example.org/a', archived_url: 'JAVASCRIPT:alert(2)' }] });
    const links = [...m.det.sources.querySelectorAll('a')].map((e) => e.getAttribute('href'));
    return { links, js: m.webUrl('javascript:alert(1)'), https: m.webUrl('https://example.org/a') };
  });
  assert.deepEqual(checks.links, ['https://example.org/a']);
  assert.equal(checks.js, null);
  assert.equal(checks.https, 'https://example.org/a');
});
