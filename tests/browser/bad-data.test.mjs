// (g) a broken dataset via ?data= shows FILE:LINE:COL lines in the page; the map stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startHarness, assertClean, ROOT, TESTDATA_DIR, TESTDATA_OUT, waitReady } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

test('index.html?data=testdata/bad.json lists the errors', { timeout: 120000 }, async () => {
  assert.ok(existsSync(join(TESTDATA_DIR, 'bad.json')), `${TESTDATA_DIR}/bad.json missing`);
  const { page, log } = await h.open('index.html?data=testdata/bad.json', { ready: false });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 60000 });
  const lines = await page.locator('#error-lines li').allInnerTexts();
  assert.ok(lines.length >= 1, 'error lines listed');
  const re = /^testdata\/bad\.json:\d+:\d+: error: \S+: .+/;
  assert.ok(lines.some((l) => re.test(l)), `a FILE:LINE:COL: error: pointer: message line; got:\n  ${lines.join('\n  ')}`);
  // An element's error leads with its id; an unknown enum value lists the allowed ones.
  const byId = /^testdata\/bad\.json:\d+:\d+: error: collaboration "broken-collab" \(\/collaborations\/0\/kind\): unknown kind "banana"; allowed: consortium, mou, /;
  assert.ok(lines.some((l) => byId.test(l)), `an error naming its element's id; got:\n  ${lines.join('\n  ')}`);
  const font = await page.locator('#error-lines').evaluate((e) => getComputedStyle(e).fontFamily);
  assert.match(font, /mono/i, 'monospace');
  assert.equal(await page.locator('#error-lines').evaluate((e) => getComputedStyle(e).overflow), 'auto', 'scrollable');
  await waitReady(page, log); // the built-in data still runs
  assert.deepEqual(log.pageErrors, []);
  await page.locator('#error-dismiss').click();
  assert.equal(await page.locator('#error').isVisible(), false);
});

test('?data= bytes reach the validator as sent: bad UTF-8 is an error at its line and column', { timeout: 120000 }, async () => {
  // (A browser's r.text() would have replaced the byte with U+FFFD and loaded the file.)
  const body = Buffer.concat([Buffer.from('{"sources": [], "organisations": [],\n "note": "caf'), Buffer.from([0xff]),
    Buffer.from('", "collaborations": [], "events": []}\n')]);
  writeFileSync(join(TESTDATA_OUT, 'bad-utf8.json'), body);
  const { page, log } = await h.open('index.html?data=testdata/bad-utf8.json', { ready: false });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 60000 });
  const lines = await page.locator('#error-lines li').allInnerTexts();
  assert.ok(lines.some((l) => /^testdata\/bad-utf8\.json:2:\d+: error: .*UTF-8/.test(l)),
    `an error on line 2 naming UTF-8; got:\n  ${lines.join('\n  ')}`);
  await waitReady(page, log); // the built-in data still runs
  assert.deepEqual(log.pageErrors, []);
});

test('?data= with a good dataset: it loads, and the runtime downloads once, beside it', { timeout: 120000 }, async () => {
  // A valid one-file dataset: the generator's smallest output.
  const out = join(TESTDATA_OUT, 'small.json');
  execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), '20', out]);
  const { page, log } = await h.open('index.html?data=testdata/small.json');
  const s = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(s.dataset, 'testdata/small.json');
  const count = (name) => log.requests.filter((u) => new URL(u).pathname === '/' + name).length;
  assert.equal(count('chipatlas.wasm'), 1, 'the preloaded wasm is reused, not fetched again');
  assert.equal(count('chipatlas.js'), 1, 'the preloaded script is reused');
  assert.equal(count('testdata/small.json'), 1);
  assertClean(log, '?data= good dataset');
});

test('?data= pointing at a missing file says so and still starts', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?data=testdata/does-not-exist.json', { ready: false });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await page.locator('#error').innerText(), /does-not-exist\.json.*404/s);
  await waitReady(page, log);
});
