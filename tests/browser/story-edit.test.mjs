// The story editor in the web editing visit (#edit=1, issue 19): "Add this view as a step" for
// two views, each caption's title and text typed from the keyboard, the second step moved up,
// Save downloads the canonical file; it validates and, loaded again, tells the same steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startHarness, assertClean, ROOT, frameClick, waitFrames, RECORD_EDITSTATE } from './harness.mjs';

const NATIVE = process.env.CHIPATLAS_NATIVE || join(ROOT, 'build', 'native', 'chipatlas');
let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const RECORD = RECORD_EDITSTATE;
// The latest editstate event's story editor part once pred(story) holds (checked each frame).
async function draft(page, pred, what, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await page.evaluate(() => { const a = window.__edit || []; return a.length ? a[a.length - 1].story : null; });
    if (s && pred(s)) return s;
    if (Date.now() > end) throw new Error('waited for ' + what + ': ' + JSON.stringify(s));
    await waitFrames(page, 2);
  }
}
async function clickRect(page, r) {
  const box = await page.locator('#canvas').boundingBox();
  await frameClick(page, box.x + (r[0] + r[2]) / 2, box.y + (r[1] + r[3]) / 2);
}
// A click on the story editor's title bar ends the typing (a click on a control drawn above the
// active field only ends the typing: ImGui gives that click to no other control).
const doneTyping = (page, s) => clickRect(page, [s.panel[0] + 40, s.panel[1] + 2, s.panel[0] + 80, s.panel[1] + 14]);
const cmd = (page, name, args) => page.evaluate(([n, a]) => window.chipatlas.command(n, a), [name, args]);

test('web story editor: two views as steps, captions typed, re-ordered, saved, reopened at the same steps', { timeout: 300000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1&t=2022-11-09&mode=snapshot&rm=1',
    { initScript: RECORD, viewport: { width: 1280, height: 800 } });
  let s = await draft(page, (d) => d.add[2] > d.add[0], 'the story editor');
  assert.deepEqual(s.titles, []);
  await cmd(page, 'select', { id: 'metc' });
  await waitFrames(page, 3);
  await clickRect(page, s.add);
  s = await draft(page, (d) => d.titles.length === 1 && d.captionTitle[2] > d.captionTitle[0], 'step 1 added');
  // The caption from the keyboard: its title, then its text.
  await clickRect(page, s.captionTitle);
  await page.keyboard.type('Hong Kong', { delay: 40 });
  await clickRect(page, s.captionText);
  await page.keyboard.type('A consortium.', { delay: 40 });
  await doneTyping(page, s);
  s = await draft(page, (d) => d.titles[0] === 'Hong Kong', 'step 1 titled');
  // Another view: the packaging MoU, cumulative.
  await cmd(page, 'setState', { state: { t: '2023-08-29', mode: 'cumulative', selected: 'motie_packaging_mou' } });
  await waitFrames(page, 3);
  await clickRect(page, s.add);
  s = await draft(page, (d) => d.titles.length === 2 && d.step === 1, 'step 2 added');
  await clickRect(page, s.captionTitle);
  await page.keyboard.type('Korea', { delay: 40 });
  await clickRect(page, s.captionText);
  await page.keyboard.type('Packaging.', { delay: 40 });
  await doneTyping(page, s);
  s = await draft(page, (d) => d.titles[1] === 'Korea' && d.up.length === 2, 'step 2 titled');
  // Re-ordered: the second step first.
  await clickRect(page, s.up[1]);
  s = await draft(page, (d) => d.titles[0] === 'Korea' && d.titles[1] === 'Hong Kong', 'the steps re-ordered');
  // Save: the canonical file is downloaded.
  const dir = mkdtempSync(join(tmpdir(), 'chipatlas-story-edit-'));
  const download = page.waitForEvent('download', { timeout: 60000 });
  await clickRect(page, s.save);
  const dl = await download;
  assert.equal(dl.suggestedFilename(), 'my-story.json');
  const path = join(dir, 'my-story.json');
  await dl.saveAs(path);
  await draft(page, (d) => d.saved, 'saved');
  const text = readFileSync(path, 'utf8');
  const story = JSON.parse(text);
  assert.deepEqual(story.steps.map((st) => st.caption), [{ title: 'Korea', text: 'Packaging.' }, { title: 'Hong Kong', text: 'A consortium.' }]);
  assert.deepEqual(story.steps.map((st) => [st.view.t, st.view.mode, st.view.selected]),
    [['2023-08-29', 'cumulative', 'motie_packaging_mou'], ['2022-11-09', 'snapshot', 'metc']]);
  if (existsSync(NATIVE)) {  // the native build's validator agrees (tools/test.sh builds it first)
    const data = readdirSync(join(ROOT, 'data')).filter((f) => f.endsWith('.json') && f !== 'schema.json').map((f) => join(ROOT, 'data', f));
    const val = spawnSync(NATIVE, ['--validate', ...data, path], { encoding: 'utf8' });
    assert.equal(val.status, 0, 'the saved story is valid: ' + val.stdout + val.stderr);
  }
  // Loaded again, it tells the same steps.
  const loaded = await cmd(page, 'loadStory', { name: 'my-story.json', text: text });
  assert.equal(loaded.id, 'my-story');
  for (const [n, t, sel] of [[1, '2023-08-29', 'motie_packaging_mou'], [2, '2022-11-09', 'metc']]) {
    await cmd(page, 'storyStep', { story: 'my-story', step: n });
    const st = (await cmd(page, 'getState')).state;
    assert.equal(st.t, t);
    assert.equal(st.selected, sel);
  }
  assertClean(log, 'story editor');
});
