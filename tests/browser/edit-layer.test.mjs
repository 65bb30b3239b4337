// The editor for keyboard and screen-reader editors (#edit=1): the page's editing layer of real
// controls (web/js/edit_layer.js). A collaboration added from the keyboard alone, each problem
// reached from its message, undone, downloaded; the layer follows the panel's own changes; axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness, assertClean, axeSerious, waitFrames, frameClick } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const view = (page) => page.evaluate(() => window.chipatlas.command('editView'));
const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
// Types into the field with this id from the keyboard, then Tab commits it (its change event).
async function typeField(page, id, text) {
  await page.focus('#' + id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await settle(page);
}
// After the layer's commit, which waits a task once Tab has moved focus (edit_layer.js afterFocus).
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
// Asks fn (async, in node) until it is true, for up to 10 s.
async function poll(page, fn, what) {
  for (const end = Date.now() + 10000; Date.now() < end; await page.waitForTimeout(100)) if (await fn()) return;
  throw new Error('waited for ' + what);
}
async function waitFor(page, fn, what, arg) {
  await page.waitForFunction(fn, arg, { timeout: 20000, polling: 100 }).catch(() => { throw new Error('waited for ' + what); });
}

// The mouse moved over the map for a few of its frames.
async function moveOverMap(page) {
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(700 + (i % 2) * 8, 400);
    await waitFrames(page, 2);
  }
}

test('edit layer: a collaboration added by keyboard alone, its problems reached from their messages, undone, downloaded', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1', { viewport: { width: 1280, height: 800 } });
  await waitFor(page, () => document.getElementById('edit-list') && document.getElementById('edit-list').children.length > 0, 'the layer');
  await page.evaluate(() => { window.__editstate = []; window.chipatlas.on('editstate', (d) => window.__editstate.push(d)); });
  // The layer is a file of its own (js/edit_layer.js), which this visit fetched once (a plain
  // visit does not: first-frame.test.mjs).
  assert.equal(log.requests.filter((u) => new URL(u).pathname === '/js/edit_layer.js').length, 1, 'js/edit_layer.js fetched once');
  // Tab from the map reaches the layer, which then shows as a panel (a sighted keyboard user sees it).
  await page.focus('#canvas');
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^edit-/);
  const box = await page.locator('#edit-layer').boundingBox();
  assert.ok(box && box.width > 200 && box.height > 200, 'the layer is shown while focus is in it: ' + JSON.stringify(box));

  // The kind, then a new collaboration by its id and Enter: chosen, its form's heading focused.
  await page.focus('#edit-kind-collaboration');
  await page.keyboard.press('Space');
  await waitFor(page, () => /collaborations/i.test(document.querySelector('label[for="edit-find"]').textContent), 'the collaborations list');
  await page.focus('#edit-new-id');
  await page.keyboard.type('kbd_mou');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-form-title');
  assert.match(await page.textContent('#edit-said'), /Added collaboration kbd_mou\. \d+ errors/);
  let v = await view(page);
  assert.equal(v.selected, 'kbd_mou');
  assert.ok(v.errors > 0);

  // A message about the new element: its button takes the keyboard to the field it names.
  const title = await page.evaluate(() => [...document.querySelectorAll('#edit-messages li')]
    .filter((li) => /kbd_mou/.test(li.textContent) && li.querySelector('button'))
    .map((li) => ({ id: li.querySelector('button').id, text: li.textContent })));
  assert.ok(title.length >= 2, JSON.stringify(title));
  const toTitle = title.find((m) => /Go to collaboration kbd_mou title$/.test(m.text));
  assert.ok(toTitle, 'a message about the empty title, with its button: ' + JSON.stringify(title));
  await page.focus('#' + toTitle.id);
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-f-title');
  // A hand resting on the mouse meanwhile: the map draws frames, and the map's panel gives its own
  // title field the keyboard too (what "Go to" does there).
  await moveOverMap(page);
  // A missing field's message (its pointer is the element's) takes the keyboard to that field too.
  const toSummary = title.find((m) => /missing required field "summary"/.test(m.text));
  assert.ok(toSummary, JSON.stringify(title));
  await page.focus('#' + toSummary.id);
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-f-summary');
  // The field says what is wrong with it, for a screen reader too (aria-invalid, described by).
  assert.equal(await page.getAttribute('#edit-f-title', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#edit-f-title', 'aria-describedby'), /edit-f-title-error/);

  // Every required field from the keyboard: the title, the start, a participant, the summary, evidence.
  await typeField(page, 'edit-f-title', 'Keyboard MoU');
  // Tab commits the field and goes on to the next one (the layer, drawn again, keeps that focus).
  await waitFor(page, () => document.activeElement && document.activeElement.id === 'edit-f-kind', 'focus on the next field, Kind');
  assert.equal((await view(page)).form.values['/title'], 'Keyboard MoU');
  // A click in the panel beside its fields makes its title field let go: the title typed here stays
  // (the field held the text from before, wrote it back as if typed, and set it when left).
  await page.focus('#canvas');  // the layer, shown while focus is in it, goes from over the panel
  await moveOverMap(page);
  const panel = await page.evaluate(() => window.__editstate.at(-1).panel);
  await frameClick(page, panel[0] + 3, (panel[1] + panel[3]) / 2);
  await waitFrames(page, 1);
  assert.equal((await view(page)).form.values['/title'], 'Keyboard MoU', 'the title typed in the layer, after a click in the panel');
  await typeField(page, 'edit-f-start', '2024-05');
  await typeField(page, 'edit-f-summary', 'An MoU typed without a mouse.');
  await page.focus('#edit-f-participants-add');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-f-participants-0-org');  // the new item's first field
  await page.keyboard.type('tsm');
  await waitFor(page, () => [...document.querySelectorAll('#edit-suggest option')].some((o) => o.value === 'tsmc'), 'tsmc suggested');
  await page.keyboard.type('c');
  await page.keyboard.press('Tab');
  await settle(page);
  const source = (await page.evaluate(() => window.chipatlas.command('editView', { list: { kind: 'source', query: '' } }))).list[0].id;
  await page.focus('#edit-f-evidence-add');
  await page.keyboard.press('Enter');
  await typeField(page, 'edit-f-evidence-0-source', source);
  await typeField(page, 'edit-f-evidence-0-quote', 'typed without a mouse');
  v = await view(page);
  assert.equal(v.form.values['/title'], 'Keyboard MoU');
  assert.equal(v.form.values['/start'], '2024-05');
  assert.equal(v.form.values['/participants/0/org'], 'tsmc');
  assert.equal(v.form.values['/evidence/0/source'], source);
  const left = v.messages.filter((m) => m.id === 'kbd_mou' && m.severity === 'error');
  assert.deepEqual(left.map((m) => m.text), [], 'the new collaboration has no errors left');
  assert.match(await page.textContent('#edit-messages-title'), /valid|0 errors/);
  // It is on the map at once (valid data is shown as it is edited).
  const sel = await page.evaluate(() => window.chipatlas.command('select', { id: 'kbd_mou' }));
  assert.ok(sel.ok !== false, JSON.stringify(sel));

  // Undo from the keyboard takes the last change back, and says so.
  await page.focus('#edit-undo');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#edit-said'), /Undone\./);
  v = await view(page);
  assert.equal(v.form.values['/evidence/0/quote'] || '', '');
  await page.focus('#edit-redo');
  await page.keyboard.press('Enter');
  v = await view(page);
  assert.equal(v.form.values['/evidence/0/quote'], 'typed without a mouse');
  assert.equal(v.form.values['/title'], 'Keyboard MoU', 'the title after undo and redo');

  // The collaborations file, downloaded from the layer: the canonical text with the new element.
  const index = (await view(page)).files.findIndex((f) => /collaborations\.json$/.test(f.name));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
    (async () => { await page.focus('#edit-download-' + index); await page.keyboard.press('Enter'); })()]);
  assert.equal(download.suggestedFilename(), 'collaborations.json');
  const text = readFileSync(await download.path(), 'utf8');
  // The new element whole in the message when it is not as typed (CI cut a whole file's text short).
  const added = JSON.parse(text).collaborations.find((c) => c.id === 'kbd_mou');
  assert.ok(added, 'kbd_mou in the downloaded file');
  assert.equal(added.title, 'Keyboard MoU', JSON.stringify(added));
  assert.match(text, /"title": "Keyboard MoU"/);

  // axe-core with the layer shown and filled: no serious or critical violation.
  await page.focus('#edit-f-title');
  assert.deepEqual(await axeSerious(page), []);
  assertClean(log);
});

test('edit layer: follows the panel (another element chosen or edited there), refuses with a reason, fits a phone', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1', { viewport: { width: 320, height: 568 } });
  await waitFor(page, () => document.getElementById('edit-list') && document.getElementById('edit-list').children.length > 0, 'the layer');
  // Chosen from the panel's side (the panel's own path: an intent, then editstate): the layer shows it.
  await page.evaluate(() => window.chipatlas.command('editDo', { op: 'select', kind: 'organisation', id: 'tsmc' }));
  await page.evaluate(() => window.chipatlas.command('editField', { kind: 'organisation', id: 'tsmc', field: '/name', value: 'TSMC renamed in the panel' }));
  await waitFor(page, () => { const f = document.getElementById('edit-f-name'); return f && f.value === 'TSMC renamed in the panel'; }, 'the layer to follow the panel');

  // Delete is refused while other elements refer to it: the layer says by what, and offers the way.
  await page.focus('#edit-delete');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#edit-said'), /refer|still/i);
  assert.match(await page.textContent('#edit-blocked'), /still referred to by collaboration/);
  assert.ok(await page.locator('#edit-delete-refs').count());

  // A bad new id is refused before it is sent, saying what an id may be.
  await page.focus('#edit-new-id');
  await page.keyboard.type('Bad Id!');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#edit-said'), /lower-case letters/);

  // A source's pasted text: the quotes citing it are checked against it (here they are not in it).
  await page.focus('#edit-kind-source');
  await page.keyboard.press('Space');
  await waitFor(page, () => document.getElementById('edit-pick-hk_astri_polyu'), 'the sources list');
  await page.focus('#edit-pick-hk_astri_polyu');
  await page.keyboard.press('Enter');
  const errorsBefore = (await view(page)).errors;
  await typeField(page, 'edit-pasted', 'A text that quotes nothing.');
  const after = await view(page);
  assert.equal(after.pasted, 'A text that quotes nothing.');
  assert.ok(after.errors > errorsBefore, `quotes checked against the pasted text: ${errorsBefore} -> ${after.errors} errors`);
  assert.match(await page.textContent('#edit-messages'), /hk_astri_polyu|quote/);

  // Download all with errors in the data asks first: focus goes to the answer.
  await page.focus('#edit-save');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-save-anyway');
  assert.match(await page.textContent('#edit-said'), /Download anyway\?/);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'edit-save-cancel');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#edit-confirm').isHidden(), true);
  // Undo of the last change left: Undo is disabled then, and focus goes to the layer's heading,
  // not to the page's body.
  await page.focus('#edit-undo');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#edit-undo').isDisabled(), true);
  assert.equal(await focused(page), 'edit-layer-title');

  // On a 320 px phone the shown layer fits the screen's width and nothing in it is wider.
  await page.focus('#edit-f-title');
  await page.keyboard.press('Shift');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('edit-layer')).clipPath), 'none', 'the layer is shown');
  const fit = await page.evaluate(() => {
    const l = document.getElementById('edit-layer'), r = l.getBoundingClientRect();
    return { left: r.left, right: r.right, scroll: l.scrollWidth, client: l.clientWidth, vw: innerWidth };
  });
  assert.ok(fit.left >= 0 && fit.right <= fit.vw, JSON.stringify(fit));
  assert.ok(fit.scroll <= fit.client + 1, 'nothing wider than the layer: ' + JSON.stringify(fit));
  assert.deepEqual(await axeSerious(page), []);
  assertClean(log);
});

test('edit layer: a fact\u2019s translations, a list in a list\u2019s item, removed, added and typed by keyboard', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1', { viewport: { width: 1280, height: 800 } });
  await waitFor(page, () => document.getElementById('edit-list') && document.getElementById('edit-list').children.length > 0, 'the layer');
  await page.evaluate(() => window.chipatlas.command('editDo', { op: 'select', kind: 'collaboration', id: 'metc' }));
  await waitFor(page, () => document.getElementById('edit-f-facts-0-translations'), 'the first fact\u2019s translations in the layer');
  const values = async () => (await view(page)).form;
  let form = await values();
  assert.equal(form.lists['/facts/0/translations'], 4);
  const errors = (await view(page)).errors;
  let ko = 0;
  while (ko < 4 && form.values[`/facts/0/translations/${ko}/lang`] !== 'ko') ko++;
  assert.ok(ko < 4, 'a Korean label');
  const label = form.values[`/facts/0/translations/${ko}/label`];
  // Each translation is a group inside the fact's, with its language and label labelled.
  assert.equal(await page.locator(`#edit-f-facts-0 #edit-f-facts-0-translations-${ko} label[for=edit-f-facts-0-translations-${ko}-label]`).count(), 1);
  await page.focus(`#edit-f-facts-0-translations-${ko}-remove`);
  await page.keyboard.press('Enter');
  await poll(page, async () => (await values()).lists['/facts/0/translations'] === 3, 'the translation removed');
  await waitFor(page, () => document.getElementById('edit-f-facts-0-translations-add'), 'the layer redrawn');
  await page.focus('#edit-f-facts-0-translations-add');
  await page.keyboard.press('Enter');
  await poll(page, async () => (await values()).lists['/facts/0/translations'] === 4, 'a translation added');
  await waitFor(page, () => document.activeElement && document.activeElement.id === 'edit-f-facts-0-translations-3-lang', 'focus on the new translation');
  await page.selectOption('#edit-f-facts-0-translations-3-lang', 'ko');
  await settle(page);
  await typeField(page, 'edit-f-facts-0-translations-3-label', label + ' (2022)');
  await poll(page, async () => (await values()).values['/facts/0/translations/3/label'] === label + ' (2022)', 'the label typed');
  form = await values();
  assert.equal(form.values['/facts/0/translations/3/lang'], 'ko');
  assert.equal((await view(page)).errors, errors, 'the data as valid as before');
  assert.deepEqual(await axeSerious(page), []);
  assertClean(log);
});

test('edit layer: a story made by keyboard alone: two views as steps, captions, reordered, told, saved', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1&rm=1', { viewport: { width: 1280, height: 800 } });
  await waitFor(page, () => document.getElementById('edit-story-add'), 'the story part of the layer');
  await typeField(page, 'edit-story-id', 'kbd-story');
  await typeField(page, 'edit-story-title', 'Told by keyboard');
  assert.equal(await page.getAttribute('#edit-story-tell', 'disabled'), '', 'nothing to tell before a step');
  await page.focus('#edit-story-add');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-story-caption-title', 'a new step: its caption next');
  await page.keyboard.type('All four');
  await page.keyboard.press('Tab');
  await settle(page);
  await typeField(page, 'edit-story-caption-text', 'The four initiatives.');
  // The second view: Korea, by the controls layer's button, then added.
  await page.focus('#ctl-region-korea');
  await page.keyboard.press('Enter');
  await poll(page, async () => { const c = (await page.evaluate(() => window.chipatlas.getState())).camera; return c.lon > 124 && c.lon < 132; }, 'the flight to Korea');
  await page.focus('#edit-story-add');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Korea');
  await page.keyboard.press('Tab');
  await settle(page);
  await typeField(page, 'edit-story-caption-text', 'The packaging MoU.');
  const steps = () => page.$$eval('#edit-story-steps > li > button:first-child', (b) => b.map((x) => x.textContent));
  assert.deepEqual(await steps(), ['Step 1: All four', 'Step 2: Korea']);
  // Korea first.
  await page.focus('#edit-story-up-1');
  await page.keyboard.press('Enter');
  assert.deepEqual(await steps(), ['Step 1: Korea', 'Step 2: All four']);
  assert.match(await page.textContent('#edit-said'), /Step 2 moved up/);
  // Told: the map plays the draft from the chosen step (Korea's view).
  await page.focus('#edit-story-step-0');
  await page.keyboard.press('Enter');
  await page.focus('#edit-story-tell');
  await page.keyboard.press('Enter');
  await poll(page, async () => (await page.evaluate(() => window.chipatlas.getState())).story === 'kbd-story', 'the story told');
  // Saved: the story file, downloaded, holds both captions in the new order.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
    (async () => { await page.focus('#edit-story-save'); await page.keyboard.press('Enter'); })()]);
  assert.equal(download.suggestedFilename(), 'kbd-story.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.title, 'Told by keyboard');
  assert.deepEqual(saved.steps.map((s) => s.caption.title), ['Korea', 'All four']);
  assert.deepEqual(await axeSerious(page), []);
  assertClean(log);
});

// The layer is a file of its own: when it cannot be fetched the page says so and the map's edit
// panel still edits (never a blank page or a silent console error).
test('edit layer: js/edit_layer.js refused by the server: an error in the page, the map\u2019s editor still works', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1', {
    viewport: { width: 1280, height: 800 },
    route: (p) => p.route((u) => u.pathname === '/js/edit_layer.js', (r) => r.fulfill({ status: 404, body: 'gone' })),
    waitUntil: 'load',
  });
  await waitFor(page, () => { const e = document.getElementById('error'); return e && !e.hidden; }, 'the error panel');
  assert.equal(await page.textContent('#error-title'), 'The editing controls did not load');
  assert.match(await page.textContent('#error'), /edit panel still works/);
  assert.equal(await page.evaluate(() => !!document.getElementById('edit-layer')), false, 'no layer without its file');
  // The wasm's editor answers and edits.
  await page.evaluate(() => window.chipatlas.command('editDo', { op: 'add', kind: 'organisation', id: 'after_404' }));
  assert.equal((await view(page)).selected, 'after_404');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.failedRequests.filter((u) => !/\/js\/edit_layer\.js \((HTTP 404|net::ERR_ABORTED)\)$/.test(u)), [], JSON.stringify(log.failedRequests));
});

// The editor in the visitor's language (it was English in every language, marked lang="en"): its
// headings, buttons, announcements and the form's labels (from the wasm) in Korean, then in
// Japanese when the page's language changes while editing.
test('edit layer in Korean: labels, announcements and the form speak Korean, then Japanese after a switch', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html#edit=1', { viewport: { width: 1280, height: 800 }, contextOptions: { locale: 'ko-KR' } });
  await waitFor(page, () => document.documentElement.lang === 'ko' && window.chipatlas.state && window.chipatlas.state.locale === 'ko', 'Korean');
  await waitFor(page, () => document.getElementById('edit-list') && document.getElementById('edit-list').children.length > 0, 'the layer');
  await waitFor(page, () => document.getElementById('edit-layer-title').textContent === '데이터 편집', 'the layer\u2019s heading in Korean');
  assert.equal(await page.getAttribute('#edit-layer', 'lang'), null, 'the layer takes the page\u2019s language');
  assert.equal(await page.textContent('#edit-undo'), '실행 취소');
  // The kinds' names are the wasm's (its own catalogue, i18n/ko.edit.mo, which may come after the page's).
  await waitFor(page, () => document.querySelector('#edit-kind label:nth-of-type(3)').textContent === ' 협력', 'the kinds in Korean');
  await page.focus('#edit-kind-collaboration');
  await page.keyboard.press('Space');
  await waitFor(page, () => /협력/.test(document.querySelector('label[for="edit-find"]').textContent), 'the collaborations list');
  await page.focus('#edit-new-id');
  await page.keyboard.type('kbd_ko');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'edit-form-title');
  assert.match(await page.textContent('#edit-said'), /^협력 kbd_ko을\(를\) 추가했습니다\. 오류 \d+개, 경고 \d+개\.$/);
  assert.equal(await page.textContent('#edit-form-title'), '협력 "kbd_ko"');
  assert.equal(await page.textContent('#edit-f-participants > legend'), '참여 기관 (필수)');
  assert.equal(await page.textContent('#edit-f-participants-add'), '참여 기관 추가');
  assert.equal(await page.textContent('label[for="edit-f-title"]'), '제목 (필수)');
  assert.match(await page.textContent('#edit-messages-title'), /^문제: 오류 \d+개/);
  const layer = await page.textContent('#edit-layer');
  // (The validation messages stay in English, as the loader writes them.)
  for (const en of ['Undo', 'Participants', 'Download all', 'Problems', 'Add participant']) assert.ok(!layer.includes(en), en + ' in: ' + layer.slice(0, 400));
  // The editor's texts came in catalogues of their own, which only an editing visit fetches
  // (the page's i18n/ko.edit.json, the wasm's i18n/ko.edit.mo).
  const i18n = log.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/i18n/')).sort();
  assert.deepEqual(i18n, ['/i18n/ko.edit.json', '/i18n/ko.edit.mo', '/i18n/ko.json', '/i18n/ko.mo', '/i18n/ko.otf']);
  assert.deepEqual(await axeSerious(page), []);
  // The page's language changed while editing: the layer and the wasm's labels follow.
  await page.selectOption('#ctl-locale', 'ja');
  await waitFor(page, () => document.getElementById('edit-layer-title').textContent === 'データを編集', 'the heading in Japanese');
  await waitFor(page, () => /参加機関/.test(document.querySelector('#edit-f-participants > legend').textContent), 'the form\u2019s labels in Japanese');
  assertClean(log, 'the editing layer in Korean and Japanese');
});
