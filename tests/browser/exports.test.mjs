// (f) exports: CSV / JSON of the collaborations visible now, PNG of the canvas + footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness, assertClean, decodePng, assertNotBlank, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const T = '2023-08-30';

function parseCsvLine(line) {
  const out = []; let cur = ''; let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

async function openAt(t) {
  const o = await h.open(`index.html#t=${t}&mode=cumulative`);
  const s = await o.page.evaluate(() => window.chipatlas.getState());
  assert.equal(s.t, t);
  await sleep(500); // let the `active` event for this time reach the mirror
  const mirror = await o.page.locator('#sr-active li').evaluateAll((els) => els.map((e) => e.dataset.id));
  return { ...o, mirror };
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.locator(button).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

test('CSV export: header and one row per visible collaboration', { timeout: 120000 }, async () => {
  const { page, log, mirror } = await openAt(T);
  const { name, bytes } = await download(page, '#export-csv');
  assert.equal(name, `chipatlas-${T}.csv`);
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const lines = text.split('\n').filter((l) => l.length);
  assert.deepEqual(parseCsvLine(lines[0]),
    ['id', 'title', 'kind', 'start', 'start_bound', 'end', 'status', 'participants', 'sources', 'source_urls']);
  const ids = lines.slice(1).map((l) => parseCsvLine(l)[0]);
  assert.ok(ids.length >= 1, 'at least one collaboration by ' + T);
  for (const l of lines.slice(1)) {
    const f = parseCsvLine(l);
    assert.equal(f.length, 10, `10 fields: ${l}`);
    assert.ok(f[3] <= T, `started by ${T}: ${l}`);
    assert.ok(f[4] === '' || f[4] === 'by', `start_bound: ${l}`);
    // Each source's url once, in the order of the source files.
    const files = f[8].split(';'), urls = f[9].split(' ');
    assert.equal(urls.length, files.length, `one url per source: ${l}`);
    assert.equal(new Set(urls).size, urls.length, `each url once: ${l}`);
    for (const u of urls) assert.match(u, /^https:\/\//);
  }
  const aseh = lines.slice(1).map(parseCsvLine).find((f) => f[0] === 'ase_ai_colleges');
  assert.ok(aseh && aseh[4] === 'by', 'a 2022-accomplishments item is exported as started by 2022');
  assert.deepEqual([...ids].sort(), [...mirror].sort(), 'CSV rows = the collaborations in the screen-reader mirror (active event)');
  assertClean(log, 'csv');
});

test('JSON export: state at the current time and the visible collaborations', { timeout: 120000 }, async () => {
  const { page, log, mirror } = await openAt(T);
  const { name, bytes } = await download(page, '#export-json');
  assert.equal(name, `chipatlas-${T}.json`);
  const j = JSON.parse(bytes.toString('utf8'));
  assert.equal(j.state.t, T);
  assert.ok(Array.isArray(j.collaborations));
  const ids = j.collaborations.map((c) => c.id);
  assert.deepEqual([...ids].sort(), [...mirror].sort());
  for (const c of j.collaborations) assert.ok(c.title && c.kind && c.start, JSON.stringify(c).slice(0, 200));
  // The sources cited, each once, with their urls; evidence names them by file.
  assert.ok(Array.isArray(j.sources) && j.sources.length >= 1);
  const files = j.sources.map((s) => s.file);
  assert.equal(new Set(files).size, files.length, 'each source once');
  for (const s of j.sources) assert.match(s.url, /^https:\/\//, s.id);
  for (const c of j.collaborations) for (const e of c.evidence) assert.ok(files.includes(e.source), e.source);
  const text = bytes.toString('utf8');
  for (const s of j.sources) assert.equal(text.split(JSON.stringify(s.url)).length - 1, 1, 'url once: ' + s.url);
  assertClean(log, 'json');
});

test('PNG export: the canvas plus a footer strip', { timeout: 120000 }, async () => {
  const { page, log } = await openAt(T);
  const size = await page.evaluate(() => ({ w: canvas.width, h: canvas.height }));
  const { name, bytes } = await download(page, '#export-png');
  assert.equal(name, `chipatlas-${T}.png`);
  const img = decodePng(bytes);
  assert.equal(img.width, size.w, 'PNG width = canvas width');
  assert.ok(img.height > size.h && img.height <= size.h + 120, `PNG height ${img.height} = canvas ${size.h} + footer`);
  assertNotBlank({ ...img, height: size.h }, 'exported map');
  // The footer (below the map) has text on it: more than one colour.
  const footer = { ...img, data: img.data.subarray(size.h * img.width * img.channels), height: img.height - size.h };
  const colours = new Set();
  for (let i = 0; i < footer.data.length; i += img.channels) colours.add((footer.data[i] << 16) | (footer.data[i + 1] << 8) | footer.data[i + 2]);
  assert.ok(colours.size > 4, 'footer has text');
  assertClean(log, 'png');
});
