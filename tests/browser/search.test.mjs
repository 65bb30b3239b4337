// (b) search: the DOM combobox over the canvas drives `search` and `select`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, recordEvents, waitEvent } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('typing ASTRI and choosing the result with the keyboard selects astri', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  await recordEvents(page);
  await page.locator('#search').click();
  await page.keyboard.type('ASTRI', { delay: 30 });
  const opt = page.locator('#search-results [role="option"][data-id="astri"]');
  await opt.waitFor({ state: 'visible', timeout: 10000 });
  assert.equal(await page.locator('#search').getAttribute('aria-expanded'), 'true');
  const ids = await page.locator('#search-results [role="option"]').evaluateAll((els) => els.map((e) => e.dataset.id));
  const idx = ids.indexOf('astri');
  for (let i = 0; i <= idx; i++) await page.keyboard.press('ArrowDown');
  const activeId = await page.locator('#search').getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${activeId}`).getAttribute('data-id'), 'astri', 'arrow keys move the active option');
  await page.keyboard.press('Enter');
  const sel = await waitEvent(page, 'selection', { id: 'astri' });
  assert.equal(sel.type, 'organisation');
  assert.equal(await page.locator('#search').getAttribute('aria-expanded'), 'false', 'list closes after choosing');
  const state = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(state.selected, 'astri');
  const sr = page.locator('#sr-selection');
  assert.equal(await sr.getAttribute('data-id'), 'astri');
  assert.ok((await sr.textContent()).includes(sel.label), 'screen-reader mirror names the selection');
  assert.equal(await page.locator('#sr').getAttribute('aria-live'), 'polite');
  assertClean(log, 'search');
});

test('Escape closes the list; native-script text (IME-style insertText) searches too', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html');
  await page.locator('#search').click();
  await page.keyboard.type('astri');
  await page.locator('#search-results [role="option"]').first().waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#search-results').isVisible(), false, 'Escape closes the listbox');
  assert.equal(await page.locator('#search').inputValue(), 'astri', 'first Escape keeps the text');
  const native = await page.evaluate(async () => {
    const r = await window.chipatlas.command('search', { text: 'ASTRI' });
    const hit = r.results.find((x) => x.native);
    return hit ? hit.native : '';
  });
  await page.locator('#search').fill('');
  if (native) {
    // insertText is what an IME commit produces: an `input` event with composed text.
    await page.keyboard.insertText(native.slice(0, 2));
    await page.locator('#search-results [role="option"]').first().waitFor({ state: 'visible', timeout: 10000 });
    const n = await page.locator('#search-results [role="option"]').count();
    assert.ok(n >= 1, `searching "${native.slice(0, 2)}" finds something`);
  } else {
    console.log('# no native name on the ASTRI results: native-script search not checked');
  }
  assertClean(log, 'search/escape');
});
