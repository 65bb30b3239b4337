// (d) host-page API: a host page on another origin drives the sandboxed iframe through
// postMessage; a host whose origin is not allowed is ignored. Also the in-page queue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, waitReady, describeLog, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness({ foreign: true }); });
after(async () => { if (h) await h.close(); });

function appFrame(page, origin) {
  return page.frames().find((f) => f.url().startsWith(origin + '/index.html'));
}

// The example host page on the foreign origin, embedding the atlas from the main origin. A link
// cannot point embed-example.html at another site (?app= is same-origin only), so the test
// deploys it the way a publisher would: data-app on the iframe names the atlas.
function openHost(query = '') {
  return h.open(`${h.foreignOrigin}/embed-example.html${query}`, {
    ready: false,
    viewport: { width: 900, height: 900 },
    route: (p) => p.route((u) => u.origin === h.foreignOrigin && u.pathname === '/embed-example.html', async (r) => {
      const resp = await r.fetch();
      const body = (await resp.text()).replace('<iframe id="atlas"', `<iframe id="atlas" data-app="${h.origin}/index.html"`);
      await r.fulfill({ response: resp, body });
    }),
  });
}
async function hostReady(page, log) {
  await page.waitForFunction(() => window.embedHost && window.embedHost.ready, null, { timeout: 90000 })
    .catch(() => { throw new Error(`host never got the ready event\n  ${describeLog(log)}`); });
}

test('an allowed host drives the iframe (select, setTime, flyTo) and gets events', { timeout: 150000 }, async () => {
  const { page, log } = await openHost();
  await hostReady(page, log);
  const frame = appFrame(page, h.origin);
  assert.ok(frame, 'the atlas iframe is there');
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embed')), true);

  const sel = await page.evaluate(() => window.embedHost.send('select', { item: 'astri' }));
  assert.ok(sel && typeof sel === 'object', 'select replied ok');
  await page.waitForFunction(() => window.embedHost.events.some((e) => e.event === 'selectionchange' && e.data.id === 'astri'),
    null, { timeout: 15000 });

  await page.evaluate(() => window.embedHost.send('setTime', { t: '2023-08-30' }));
  const st = await page.evaluate(() => window.embedHost.send('getState'));
  assert.equal(st.state.t, '2023-08-30');
  await page.waitForFunction(() => window.embedHost.events.some((e) => e.event === 'statechange' && e.data.state.t === '2023-08-30'),
    null, { timeout: 15000 });

  const before = st.state.camera;
  await page.evaluate(() => window.embedHost.send('flyTo', { region: 'korea' }));
  await page.waitForFunction((b) => window.embedHost.events.some((e) => e.event === 'statechange' &&
    (e.data.state.camera.lat !== b.lat || e.data.state.camera.lon !== b.lon)), before, { timeout: 20000 });

  const bad = await page.evaluate(() => window.embedHost.send('flyTo', { region: 'atlantis' }).then(() => 'ok', (e) => e.message));
  assert.notEqual(bad, 'ok', 'an unknown region is an error reply');
  const unknown = await page.evaluate(() => window.embedHost.send('selfDestruct').then(() => 'ok', (e) => e.message));
  assert.match(unknown, /unknown command/);
  const v2 = await page.evaluate(() => new Promise((res) => {
    const fr = document.getElementById('atlas');
    addEventListener('message', function on(ev) {
      if (ev.source === fr.contentWindow && ev.data && ev.data.type === 'reply' && ev.data.id === 'v2') { removeEventListener('message', on); res(ev.data); }
    });
    fr.contentWindow.postMessage({ chipatlas: 2, type: 'command', id: 'v2', cmd: 'getState' }, '*');
  }));
  assert.equal(v2.ok, false);
  assert.match(v2.error, /version/);

  const heights = await page.evaluate(() => window.embedHost.events.filter((e) => e.event === 'height').length);
  if (heights) {
    const px = await page.evaluate(() => document.getElementById('atlas').getBoundingClientRect().height);
    assert.ok(px >= 240, `iframe auto-height applied (${px}px)`);
  } else {
    console.log('# no height event received (wasm does not send `height` yet?)');
  }
  assertClean(log, 'host page + iframe');
});

test('a host on a non-allowed origin gets no replies and no events', { timeout: 150000 }, async () => {
  const { page, log } = await openHost(`?origins=${encodeURIComponent('http://127.0.0.1:9')}`);
  let frame;
  for (let i = 0; i < 100 && !frame; i++) { frame = appFrame(page, h.origin); if (!frame) await sleep(100); }
  assert.ok(frame, 'iframe present');
  await waitReady(frame, log);
  const r = await page.evaluate(() => window.embedHost.send('getState', {}, 3000).then(() => 'replied', (e) => e.message));
  assert.match(r, /no reply/);
  await sleep(500);
  const events = await page.evaluate(() => window.embedHost.events.map((e) => e.event));
  assert.deepEqual(events, [], 'no events posted to a host that is not allowed');
  assert.ok(log.consoleWarnings.some((t) => /ignoring messages from/.test(t)), 'the atlas warns once in the console');
  assert.equal(log.consoleWarnings.filter((t) => /ignoring messages from/.test(t)).length, 1, 'only once');
  const r2 = await page.evaluate(() => window.embedHost.send('play', {}, 1500).then(() => 'replied', (e) => e.message));
  assert.match(r2, /no reply/);
  assert.equal(log.consoleWarnings.filter((t) => /ignoring messages from/.test(t)).length, 1, 'still only once');
});

test('in-page API: calls made before ready are queued and run at ready', { timeout: 120000 }, async () => {
  // Hold chipatlas.wasm back a little so the calls below surely come before ready.
  const { page, log } = await h.open('index.html', {
    ready: false,
    waitUntil: 'domcontentloaded',
    route: (p) => p.route('**/chipatlas.wasm', (r) => setTimeout(() => r.continue(), 1500)),
  });
  const early = await page.evaluate(() => {
    window.__early = {
      wasReady: window.chipatlas.ready,
      sel: window.chipatlas.command('select', { id: 'astri' }).then(() => 'ok', (e) => 'error: ' + e.message),
      theme: window.chipatlas.command('setTheme', { theme: 'dark' }).then((r) => r.state && r.state.theme, (e) => 'error: ' + e.message),
    };
    return window.__early.wasReady;
  });
  await waitReady(page, log);
  const res = await page.evaluate(async () => ({ sel: await window.__early.sel, theme: await window.__early.theme, state: await window.chipatlas.getState() }));
  if (early) console.log('# the runtime was already ready before the first call: queue not exercised');
  assert.equal(res.sel, 'ok');
  assert.equal(res.theme, 'dark');
  assert.equal(res.state.selected, 'astri');
  const bad = await page.evaluate(() => window.chipatlas.command('nope').then(() => 'ok', (e) => e.message));
  assert.match(bad, /unknown command/);
  assertClean(log, 'in-page API');
});

for (const origins of ['*', 'null', `* null`]) {
  test(`?origins=${origins} in the URL is refused: the foreign host gets no replies`, { timeout: 150000 }, async () => {
    const { page, log } = await openHost(`?origins=${encodeURIComponent(origins)}`);
    let frame;
    for (let i = 0; i < 100 && !frame; i++) { frame = appFrame(page, h.origin); if (!frame) await sleep(100); }
    await waitReady(frame, log);
    const r = await page.evaluate(() => window.embedHost.send('getState', {}, 3000).then(() => 'replied', (e) => e.message));
    assert.match(r, /no reply/);
    assert.ok(log.consoleWarnings.some((t) => /ignoring origins/.test(t)), 'the atlas says why in the console');
  });
}

test('embed-example.html embeds only same-origin http(s) ?app= URLs', { timeout: 150000 }, async () => {
  for (const app of ['javascript:alert(1)', 'data:text/html,<p>spoof</p>', `${h.foreignOrigin}/index.html`, '//example.com/x']) {
    const { page, context } = await h.open(`embed-example.html?app=${encodeURIComponent(app)}`, { ready: false });
    const src = await page.evaluate(() => document.getElementById('atlas').src);
    assert.ok(src.startsWith(`${h.origin}/index.html?`), `${app} refused: iframe shows ${src}`);
    assert.equal(await page.evaluate(() => window.embedHost.refusedApp), app);
    await context.close();
  }
  const { page } = await h.open(`embed-example.html?app=${encodeURIComponent('index.html?x=1')}`, { ready: false });
  assert.ok((await page.evaluate(() => document.getElementById('atlas').src)).startsWith(`${h.origin}/index.html?x=1`), 'same-origin ?app= kept');
});

// A message straight to the iframe (not through embedHost.send, which adds the envelope).
function rawSend(page, msg, matchId = msg.id) {
  return page.evaluate(([m, want]) => new Promise((res) => {
    const fr = document.getElementById('atlas');
    const timer = setTimeout(() => { removeEventListener('message', on); res({ timeout: true }); }, 20000);
    function on(ev) {
      if (ev.source === fr.contentWindow && ev.data && ev.data.type === 'reply' && ev.data.id === want) {
        clearTimeout(timer); removeEventListener('message', on); res(ev.data);
      }
    }
    addEventListener('message', on);
    if (m.big) { m.args = { text: 'x'.repeat(m.big) }; delete m.big; }
    if (m.deep) { let d = {}; const top = d; for (let i = 0; i < m.deep; i++) { d.a = {}; d = d.a; } m.args = { text: 'x', extra: top }; delete m.deep; }
    try {
      fr.contentWindow.postMessage(m, '*');
    } catch (e) {
      // The browser cannot even clone it (a 10,000-deep object overflows its serializer's
      // stack): it never reaches the atlas.
      clearTimeout(timer); removeEventListener('message', on); res({ cloneError: String(e && e.message || e) });
    }
  }), [msg, matchId]);
}

test('an allowed host: 3 MB, 20 MB and 10,000-deep messages are refused; the next getState is right', { timeout: 150000 }, async () => {
  const { page, log } = await openHost();
  await hostReady(page, log);
  await page.evaluate(() => window.embedHost.send('setTime', { t: '2023-08-30' }));
  const base = { chipatlas: 1, type: 'command', cmd: 'search' };
  const r3 = await rawSend(page, { ...base, id: 'mb3', big: 3e6 });
  const r20 = await rawSend(page, { ...base, id: 'mb20', big: 20e6 });
  const rd = await rawSend(page, { ...base, id: 'deep', deep: 10000 });
  const rd1k = await rawSend(page, { ...base, id: 'deep1k', deep: 1000 });
  assert.equal(r3.ok, false); assert.match(r3.error, /too large/);
  assert.equal(r20.ok, false); assert.match(r20.error, /too large/);
  if (rd.cloneError) console.log(`# the browser refused to post the 10,000-deep message: ${rd.cloneError}`);
  else { assert.equal(rd.ok, false); assert.match(rd.error, /nested too deep/); }
  assert.equal(rd1k.ok, false); assert.match(rd1k.error, /nested too deep/);
  const huge = await rawSend(page, { ...base, id: 'x'.repeat(5000), args: { text: 'a' } }, null);
  assert.equal(huge.ok, false, 'an oversized id is not echoed: the reply has id null and says why');
  assert.match(huge.error, /id must be/);
  const st = await page.evaluate(() => window.embedHost.send('getState'));
  assert.equal(st.state.t, '2023-08-30');
  const frame = appFrame(page, h.origin);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.error || ''), '');
});

test('a trap in the embedded atlas posts the host an error event and fails the command', { timeout: 150000 }, async () => {
  const { page, log } = await openHost();
  await hostReady(page, log);
  const frame = appFrame(page, h.origin);
  await frame.evaluate(() => { window.Module._ca_command = () => window.Module._ca_load_dataset(0, 0x7ffffff0, 64); });
  const r = await page.evaluate(() => window.embedHost.send('getState', {}, 5000).then(() => 'ok', (e) => e.message));
  assert.match(r, /stopped/);
  await page.waitForFunction(() => window.embedHost.events.some((e) => e.event === 'error' && e.data.kind === 'fatal'), null, { timeout: 10000 });
  const ev = await page.evaluate(() => window.embedHost.events.find((e) => e.event === 'error').data);
  assert.match(ev.message, /memory access out of bounds/);
  assert.equal(await frame.locator('#error-reload').isVisible(), true);
});

test('1,000 random host messages, then the atlas is driven normally', { timeout: 240000 }, async () => {
  const { page, log } = await openHost();
  await hostReady(page, log);
  const sent = await page.evaluate(async () => {
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const pick = (a) => a[Math.floor(rnd() * a.length)];
    const CMDS = ['getState', 'setState', 'setHash', 'play', 'pause', 'togglePlay', 'step', 'select', 'flyTo', 'search',
      'export', 'locate', 'setTheme', 'setLanguage', 'setTime', 'setMode', 'setFilters', 'exportPng', 'nope', '', 'constructor', '__proto__'];
    const str = (n) => { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(rnd() < 0.9 ? 32 + Math.floor(rnd() * 95) : Math.floor(rnd() * 0xd7ff)); return s; };
    function value(depth) {
      const k = Math.floor(rnd() * (depth > 0 ? 9 : 6));
      switch (k) {
        case 0: return null;
        case 1: return rnd() < 0.5;
        case 2: return pick([0, -0, 1, -1, 4294967297, -4294967297, 1e308, -1e308, 0.5, NaN, Infinity, 12]);
        case 3: return str(Math.floor(rnd() * 40));
        case 4: return rnd() < 0.003 ? 'y'.repeat(Math.floor(rnd() * 3e6)) : str(Math.floor(rnd() * 2000));
        case 5: return pick(['2023-08-30', 'astri', 'korea', 'csv', 'json', '#t=2020&mode=window', 'dark', 'both']);
        case 6: case 7: { const o = {}; const n = Math.floor(rnd() * 6); for (let i = 0; i < n; i++) o[pick(['t', 'state', 'text', 'id', 'item', 'region', 'hash', 'format', 'dir', 'mode', 'window', 'theme', 'lang', str(5)])] = value(depth - 1); return o; }
        default: { const a = []; const n = Math.floor(rnd() * 6); for (let i = 0; i < n; i++) a.push(value(depth - 1)); return a; }
      }
    }
    function deep(n) { let v = 1; for (let i = 0; i < n; i++) v = rnd() < 0.5 ? [v] : { a: v }; return v; }
    const fr = document.getElementById('atlas');
    let replies = 0;
    addEventListener('message', (ev) => { if (ev.source === fr.contentWindow && ev.data && ev.data.type === 'reply') replies++; });
    for (let i = 0; i < 1000; i++) {
      const m = rnd() < 0.1 ? value(4) : {};
      if (m && typeof m === 'object' && !Array.isArray(m)) {
        m.chipatlas = rnd() < 0.85 ? 1 : pick([2, '1', null, undefined, {}, 1.5]);
        m.type = rnd() < 0.85 ? 'command' : pick(['reply', 'event', '', 7]);
        m.cmd = rnd() < 0.85 ? pick(CMDS) : value(2);
        m.id = rnd() < 0.9 ? i : value(2);
        if (rnd() < 0.5) m.args = rnd() < 0.05 ? deep(Math.floor(rnd() * 20000)) : value(Math.floor(rnd() * 6));
        else for (let j = 0; j < 3; j++) m[pick(['t', 'state', 'text', 'item', 'region', 'hash', 'format', 'dir'])] = value(Math.floor(rnd() * 6));
      }
      try { fr.contentWindow.postMessage(m, '*'); } catch (e) { /* uncloneable: the host's problem */ }
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 3000));
    return replies;
  });
  assert.ok(sent > 500, `most random commands got a reply (${sent})`);
  const frame = appFrame(page, h.origin);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.error || ''), '', 'the atlas did not stop');
  await page.evaluate(() => window.embedHost.send('pause'));
  await page.evaluate(() => window.embedHost.send('setState', { state: { hiddenKinds: [], hiddenRegions: [], hiddenOrgKinds: [] } }));
  await page.evaluate(() => window.embedHost.send('setTime', { t: '2023-08-30' }));
  await page.evaluate(() => window.embedHost.send('select', { item: 'astri' }));
  const st = await page.evaluate(() => window.embedHost.send('getState'));
  assert.equal(st.state.t, '2023-08-30');
  assert.equal(st.state.selected, 'astri');
  const found = await page.evaluate(() => window.embedHost.send('search', { text: 'ASTRI' }));
  assert.ok(found.results.length >= 1);
  assert.deepEqual(log.pageErrors, [], 'no page errors');
});
