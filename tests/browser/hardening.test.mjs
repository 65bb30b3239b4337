// Hardening (issue 12), in one page: commands over the size and depth limits, a URL hash too
// long to read, wasm traps in a command and in a frame, a failed start, a WebGL context that
// never comes back, and ?data= (the "not the published data" note, redirects, credentials, the
// deployer's switch). Each failure must show in the page, never freeze it silently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startHarness, assertClean, waitReady, decodePng, sleep, ROOT, TESTDATA_OUT } from './harness.mjs';

let h;
before(async () => {
  h = await startHarness({ foreign: true });
  execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), '20', join(TESTDATA_OUT, 'small.json')]);
});
after(async () => { if (h) await h.close(); });

// The traps below are real: the loader is handed a pointer far outside the wasm memory, and
// reading it traps ("memory access out of bounds") inside a command or inside a frame.

async function fatalPanel(page) {
  await page.locator('#error').waitFor({ state: 'visible', timeout: 20000 });
  return page.evaluate(() => ({
    text: document.getElementById('error').innerText,
    reload: !document.getElementById('error-reload').hidden,
    flag: document.documentElement.dataset.error || '',
    loading: !!document.getElementById('loading'),
  }));
}

test('commands over 64 KB or 32 levels are refused, and the atlas answers the next getState', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-30&mode=cumulative');
  const r = await page.evaluate(async () => {
    const err = (p) => p.then(() => 'ok', (e) => e.message);
    const out = {};
    out.mb1_5 = await err(window.chipatlas.command('search', { text: 'a'.repeat(1.5e6) }));
    out.mb3 = await err(window.chipatlas.command('search', { text: 'a'.repeat(3e6) }));
    out.mb20 = await err(window.chipatlas.command('search', { text: '漢'.repeat(20e6 / 3) }));
    let deep = {}; let cur = deep;
    for (let i = 0; i < 10000; i++) { cur.a = {}; cur = cur.a; }
    out.deepObject = await err(window.chipatlas.command('search', { text: 'x', extra: deep }));
    let arr = [];
    for (let i = 0; i < 10000; i++) arr = [arr];
    out.deepArray = await err(window.chipatlas.setState({ hiddenKinds: arr }));
    const cyclic = { text: 'x' }; cyclic.self = cyclic;
    out.cyclic = await err(window.chipatlas.command('search', cyclic));
    out.state = await window.chipatlas.getState();
    out.search = await window.chipatlas.command('search', { text: 'ASTRI' });
    return out;
  });
  assert.match(r.mb1_5, /too large/);
  assert.match(r.mb3, /too large/);
  assert.match(r.mb20, /too large/);
  assert.match(r.deepObject, /nested too deep.*32/);
  assert.match(r.deepArray, /nested too deep/);
  assert.match(r.cyclic, /nested too deep/);
  assert.equal(r.state.t, '2023-08-30', 'getState after the refused commands');
  assert.equal(r.state.mode, 'cumulative');
  assert.ok(r.search.results.length >= 1, 'search still works');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.error || ''), '');
  assertClean(log, 'oversized commands');
});

test('a URL hash too long to read is an error in the page, and the view stays', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html#t=2023-08-30');
  await page.evaluate(() => { location.hash = '#t=2021-01-01&sel=' + 'a'.repeat(1.5e6); });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 20000 });
  assert.match(await page.locator('#error').innerText(), /view cannot be read.*1,500,0\d\d characters.*8,192/s);
  const s = await page.evaluate(() => window.chipatlas.getState());
  assert.equal(s.t, '2023-08-30');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.error || ''), '');
});

test('a trap inside a command stops the app visibly: error panel with Reload, later commands refused', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html');
  await page.evaluate(() => { window.Module._ca_command = () => window.Module._ca_load_dataset(0, 0x7ffffff0, 64); });
  await page.locator('#canvas').focus();  // a keyboard user on the map
  const first = await page.evaluate(() => window.chipatlas.command('setTime', { t: '2020-01-01' }).then(() => 'ok', (e) => e.message));
  assert.match(first, /stopped/);
  const p = await fatalPanel(page);
  assert.match(p.text, /chipatlas stopped.*memory access out of bounds.*Reload/s);
  assert.ok(p.reload, 'a Reload button');
  assert.equal(p.flag, '1');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-reload',
    'focus moves from the stopped map to Reload (the map\'s key handlers would swallow Tab)');
  const next = await page.evaluate(() => window.chipatlas.getState().then(() => 'ok', (e) => e.message));
  assert.match(next, /stopped/);
});

test('a trap inside a frame stops the app visibly instead of freezing the map', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html');
  await page.evaluate(() => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    gl.drawElements = () => window.Module._ca_load_dataset(0, 0x7ffffff0, 64);
  });
  await page.evaluate(() => window.chipatlas.command('setTime', { t: '2020-01-01' }).catch(() => {}));
  const p = await fatalPanel(page);
  assert.match(p.text, /chipatlas stopped.*memory access out of bounds/s);
  assert.ok(p.reload);
  const next = await page.evaluate(() => window.chipatlas.getState().then(() => 'ok', (e) => e.message));
  assert.match(next, /stopped/);
});

test('no WebGL2 context for the map: the fatal event replaces "Loading" with an error, queued commands are rejected', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html', {
    ready: false,
    waitUntil: 'domcontentloaded',
    // The page's probe (the first call, on the map's canvas since issue 15) passes; the wasm's
    // own getContext then gets nothing.
    initScript: () => {
      const orig = HTMLCanvasElement.prototype.getContext;
      let calls = 0;
      HTMLCanvasElement.prototype.getContext = function (type, attrs) {
        if (this.id === 'canvas' && /webgl/.test(type) && calls++ > 0) return null;
        return orig.call(this, type, attrs);
      };
    },
  });
  const queued = page.evaluate(() => window.chipatlas.getState().then(() => 'ok', (e) => e.message));
  const p = await fatalPanel(page);
  assert.match(p.text, /could not start.*WebGL2/s);
  assert.equal(p.loading, false, '"Loading chipatlas…" is gone');
  assert.ok(p.reload);
  assert.notEqual(await queued, 'ok', 'the queued command was rejected');
});

test('a WebGL context that never comes back turns "restoring…" into a reload hint', { timeout: 120000 }, async () => {
  const { page } = await h.open('index.html');
  await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
  await page.waitForFunction(() => /restoring/.test(document.getElementById('toast').textContent), null, { timeout: 5000 });
  await page.waitForFunction(() => /did not come back/.test(document.getElementById('toast').textContent), null, { timeout: 15000 });
  assert.equal(await page.locator('#toast-reload').isVisible(), true, 'a Reload button in the notice');
});

function amberPixels(img, y0) {
  let n = 0;
  for (let y = y0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * img.channels;
      if (Math.abs(img.data[i] - 0xf5) < 8 && Math.abs(img.data[i + 1] - 0xc5) < 8 && Math.abs(img.data[i + 2] - 0x42) < 8) n++;
    }
  }
  return n;
}
async function exportPng(page) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.locator('#export-png').click()]);
  return decodePng(readFileSync(await dl.path()));
}

test('?data= says on the page and in PNG exports that the data is not the published one', { timeout: 120000 }, async () => {
  const bundled = await h.open('index.html');
  assert.equal(await bundled.page.locator('#dataset-note').isVisible(), false, 'no note for the bundled data');
  const size0 = await bundled.page.evaluate(() => document.getElementById('canvas').height);
  assert.equal(amberPixels(await exportPng(bundled.page), size0), 0, 'no warning band for the bundled data');

  const { page, log } = await h.open('index.html?data=testdata/small.json');
  const note = page.locator('#dataset-note');
  await note.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await note.innerText(), /Not the published data.*testdata\/small\.json/s);
  const size = await page.evaluate(() => document.getElementById('canvas').height);
  const img = await exportPng(page);
  assert.ok(amberPixels(img, size) > img.width * 4, 'the PNG footer carries the warning band');
  assertClean(log, '?data= note');
});

test('?data= does not follow redirects (to another site) and sends no credentials', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?data=testdata/moved.json', {
    ready: false,
    route: (p) => p.route('**/testdata/moved.json', (r) => r.fulfill({
      status: 302, headers: { location: `${h.foreignOrigin}/testdata/small.json` },
    })),
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await page.locator('#error').innerText(), /Could not load the dataset.*moved\.json.*redirect/s);
  await waitReady(page, log);
  const s = await page.evaluate(() => window.chipatlas.getState());
  assert.notEqual(s.dataset, 'testdata/moved.json', 'the redirected data is not shown');
  assert.equal(await page.locator('#dataset-note').isVisible(), false);
  assert.ok(!log.requests.some((u) => u.startsWith(h.foreignOrigin)), 'nothing fetched from the other origin');

  // Credentials: a cookie on this origin does not travel with the dataset request.
  const ctx = await h.browser.newContext();
  await ctx.addCookies([{ name: 'session', value: 'secret', url: h.origin }]);
  const p2 = await ctx.newPage();
  const reqP = p2.waitForRequest((r) => r.url().endsWith('/testdata/small.json'), { timeout: 30000 });
  await p2.goto(`${h.origin}/index.html?data=testdata/small.json`);
  const headers = await (await reqP).allHeaders();
  assert.equal(headers.cookie, undefined, 'no cookie on the ?data= request');
  await ctx.close();
});

test('the deployer can turn ?data= off', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html?data=testdata/small.json', {
    ready: false,
    route: (p) => p.route((u) => u.pathname === '/index.html', async (r) => {
      const resp = await r.fetch();
      const html = await resp.text();
      assert.match(html, /<meta name="chipatlas-data" content="on">/);
      const body = html.replace('<meta name="chipatlas-data" content="on">', '<meta name="chipatlas-data" content="off">');
      await r.fulfill({ response: resp, body });
    }),
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await page.locator('#error').innerText(), /turned off/);
  await waitReady(page, log);
  assert.ok(!log.requests.some((u) => new URL(u).pathname.endsWith('/small.json')), 'the file is not even fetched');
  assert.notEqual((await page.evaluate(() => window.chipatlas.getState())).dataset, 'testdata/small.json');
  assert.equal(await page.locator('#dataset-note').isVisible(), false);
  await sleep(100);
});
