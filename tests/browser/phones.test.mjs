// Phones and small boxes (issue 15, findings 7 and 8): the search box's placeholder is never
// cut, and in the smallest embed the DOM chrome leaves the top-right corner to the atlas's menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, canvasScreenshot, assertNotBlank } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

// The placeholder's width in the input's own font against the room inside its padding.
async function placeholderRoom(page) {
  return page.evaluate(() => {
    const input = document.getElementById('search');
    const cs = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return { text: input.placeholder, width: ctx.measureText(input.placeholder).width, room };
  });
}

for (const [w, ht, query] of [[320, 568, ''], [390, 844, ''], [1280, 800, ''], [320, 240, '?embed=1']]) {
  test(`the search placeholder is not cut at ${w}x${ht}${query ? ' (embed)' : ''}`, { timeout: 120000 }, async () => {
    const { page, log } = await h.open(`index.html${query}#t=2020-01-01`, { viewport: { width: w, height: ht } });
    assertClean(log, `${w}x${ht}`);
    const r = await placeholderRoom(page);
    assert.ok(r.text.length > 0, 'a placeholder');
    assert.ok(r.width <= r.room, `"${r.text}" is ${r.width.toFixed(1)} px wide in ${r.room.toFixed(1)} px`);
    assert.equal(await page.locator('#search').getAttribute('aria-label'), 'Search organisations and collaborations');
  });
}

test('a 320x240 embed: the DOM chrome ends left of the atlas\'s menu button', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?embed=1#t=2020-01-01', { viewport: { width: 320, height: 240 } });
  assertClean(log, 'embed 320x240');
  const b = await page.locator('#chrome').boundingBox();
  // The menu button (src/ui/toolbar_view.cpp, draw_tiny_toolbar) is under 70 px wide, 4 px in.
  assert.ok(b.x + b.width <= 320 - 72, `#chrome ends at ${b.x + b.width}`);
  assert.ok(b.y + b.height <= 40, `#chrome ends at y = ${b.y + b.height}`);
  assertNotBlank(await canvasScreenshot(page), 'canvas 320x240');
});

// The search box's results lie over the dataset bar below the chrome (on a phone it sits right
// under the search box): no result is drawn under it.
for (const [w, ht] of [[390, 844], [320, 568], [1280, 800]]) {
  test(`search results at ${w}x${ht} are drawn over the dataset bar, not under it`, { timeout: 120000 }, async () => {
    const { page, log } = await h.open('index.html#t=2024-01-01&rm=1', { viewport: { width: w, height: ht } });
    await page.locator('#search').click();
    await page.keyboard.type('ASE');
    await page.locator('#search-results [role="option"]').first().waitFor({ state: 'visible', timeout: 10000 });
    // What is painted on top at points across each result (the bar's texts let taps through,
    // pointer-events: none, so they are made to take them here: elementFromPoint then says which
    // is drawn above).
    await page.evaluate(() => {
      for (const e of [document.getElementById('dataset-bar'), ...document.querySelectorAll('#dataset-bar *')]) e.style.pointerEvents = 'auto';
    });
    const covered = await page.evaluate(() => [...document.querySelectorAll('#search-results [role="option"]')].flatMap((li) => {
      const r = li.getBoundingClientRect();
      const y = r.top + r.height / 2;
      if (y > document.getElementById('search-results').getBoundingClientRect().bottom) return [];  // scrolled out of the list
      return [r.left + 12, r.left + r.width / 2, r.right - 12].map((x) => {
        const at = document.elementFromPoint(x, y);
        return at && li.contains(at) ? null : `${li.dataset.id} at x=${Math.round(x)} under ${at ? at.id || at.className || at.tagName : 'nothing'}`;
      }).filter(Boolean);
    }));
    assert.deepEqual(covered, []);
    assertClean(log, `search ${w}x${ht}`);
  });
}

// The details region's buttons (participants, events, collaborations) wrap inside it on a phone:
// a keyboard visitor saw "9 Nov 2022 — ASTRI establishes the Microelectronic" cut at the region's
// right edge (the buttons kept .ca-btn's one line).
for (const [w, ht] of [[320, 568], [390, 844]]) {
  test(`the details region's buttons wrap inside it at ${w}x${ht}`, { timeout: 120000 }, async () => {
    const { page, log } = await h.open('index.html#t=2024-01-01&sel=metc&rm=1', { viewport: { width: w, height: ht } });
    await page.waitForFunction(() => document.querySelector('#details-body button[data-t]'), null, { timeout: 20000, polling: 100 });
    await page.keyboard.press('Tab');  // a keyboard visitor: the layer shows what has focus
    await page.locator('#details-body button[data-t]').first().focus();
    const cut = await page.evaluate(() => {
      const region = document.getElementById('details').getBoundingClientRect();
      const out = [];
      for (const b of document.querySelectorAll('#details .ca-inline')) {
        const r = b.getBoundingClientRect();
        if (r.right > region.right + 0.5 || b.scrollWidth > b.clientWidth + 1) out.push(`${b.textContent}: ${Math.round(r.right)} > ${Math.round(region.right)}`);
      }
      return { out, n: document.querySelectorAll('#details .ca-inline').length };
    });
    assert.ok(cut.n >= 5, `${cut.n} buttons`);
    assert.deepEqual(cut.out, []);
    assertClean(log, `details ${w}x${ht}`);
  });
}
