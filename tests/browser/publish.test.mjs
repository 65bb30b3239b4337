// The site to publish (dist/, written by the web build): it holds what a server needs and
// nothing else (web/js/ as its bundled module scripts), with the licence notices; the page served from it links to them from the About
// card, opened in a new tab with noopener (window.open stubbed), for http(s)/same-origin only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startHarness, assertClean, ROOT, WEB_DIR, requireBuild } from './harness.mjs';

function walk(dir, base = dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out.sort();
}

// Each notice and what it must name (the dependency, and its licence where the file says it).
const NOTICES = {
  'chipatlas.txt': [/MIT License/, /chipatlas/],
  'dear-imgui.txt': [/imgui/i, /Omar Cornut/, /Expat|MIT/],
  'sdl2.txt': [/SDL/, /Sam Lantinga/, /zlib/i],
  'nlohmann-json.txt': [/nlohmann/i, /Niels Lohmann/, /MIT/],
  'rapidjson.txt': [/rapidjson/i, /Milo Yip/, /Expat|MIT/],
  'robin-map.txt': [/robin-map/, /Tessil/, /Expat|MIT/],
  'emscripten.txt': [/emscripten/i, /MIT|Illinois/],
  'noto-sans-cjk-ofl.txt': [/Noto Sans CJK/, /SIL Open Font License/],
  'noto-sans-cjk.txt': [/Noto/, /OFL|Open Font License/],
  'natural-earth.txt': [/Natural Earth/, /public domain/],
  'world-atlas.txt': [/Bostock/],
};
// What the build generates beside web/'s files; fonts/ is for font files the build may write, i18n/ for
// the other languages' catalogues and glyphs (fetched only for the language shown; LANG.edit.* the
// editor's texts, only by an editing visit).
// chipatlas_edit.* is the wasm with the editor, loaded only for #edit=1 (README "Editing");
// stories/ the bundled stories and their index, fetched only when a story is asked for (README "Stories").
const GENERATED = [/^chipatlas(_edit)?\.(js|wasm)$/, /^licenses\/[a-z0-9-]+\.txt$/, /^fonts\/[\w.-]+$/, /^i18n\/[\w-]+\.(json|mo|otf)$/, /^i18n\/[\w-]+\.edit\.(json|mo)$/,
  /^stories\/[\w.-]+\.json$/];

test('dist/ holds the site a server needs and nothing else', () => {
  requireBuild();
  const files = walk(WEB_DIR);
  const web = walk(join(ROOT, 'web'));
  for (const f of ['index.html', 'csp.html', 'style.css', 'favicon.svg', 'chipatlas.js', 'chipatlas.wasm',
    'chipatlas_edit.js', 'chipatlas_edit.wasm', 'embed-example.html', 'embed-example.js', 'API.md', 'js/boot.js', 'licenses/index.html',
    'stories/index.json', 'stories/east-asia-chip-talent.json']) {
    assert.ok(files.includes(f), `dist/${f} missing`);
  }
  for (const f of web.filter((f) => !f.startsWith('js/'))) {
    assert.ok(files.includes(f), `web/${f} is not in dist/`);
    assert.ok(readFileSync(join(WEB_DIR, f)).equals(readFileSync(join(ROOT, 'web', f))), `dist/${f} differs from web/${f}`);
  }
  // dist/js/: the pages' scripts (modules and the classic js/gl_early.js), each bundled with the
  // modules it imports (tools/web/bundle.mjs), not web/js/'s sources, and the editing layer, which
  // only an editing visit imports.
  const scripts = new Set(['index.html', 'csp.html'].flatMap((p) => [...readFileSync(join(ROOT, 'web', p), 'utf8')
    .matchAll(/<script(?: type="module")?[^>]*\ssrc="(js\/[\w.]+)"/g)].map((m) => m[1])));
  assert.ok(scripts.has('js/gl_early.js') && scripts.has('js/boot.js'), [...scripts].join(', '));
  scripts.add('js/edit_layer.js');
  assert.deepEqual(files.filter((f) => f.startsWith('js/')), [...scripts].sort(), 'dist/js/ holds the pages\' scripts and the editing layer only');
  const extra = files.filter((f) => !f.startsWith('js/') && !web.includes(f) && !GENERATED.some((re) => re.test(f)));
  assert.deepEqual(extra, [], 'files in dist/ that are neither web/\'s nor the build\'s site output');
  for (const f of files) {
    assert.doesNotMatch(f, /(^|\/)(\.|CMake|cmake_|testdata\/|build\.ninja|compile_commands)|\.(a|o|ninja|cmake)$/,
      `build or test file in dist/: ${f}`);
  }
});

test('dist/licenses/ has every notice, non-empty and naming its dependency, all linked from its index', () => {
  requireBuild();
  const dir = join(WEB_DIR, 'licenses');
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  for (const [name, patterns] of Object.entries(NOTICES)) {
    const text = readFileSync(join(dir, name), 'utf8');
    assert.ok(statSync(join(dir, name)).size > 100, `${name} is (almost) empty`);
    for (const re of patterns) assert.match(text, re, `${name} should name ${re}`);
    assert.ok(index.includes(`href="${name}"`), `licenses/index.html does not link ${name}`);
  }
  const linked = [...index.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('../'));
  for (const href of linked) assert.ok(NOTICES[href], `licenses/index.html links ${href}, which is not a known notice`);
  assert.deepEqual(walk(dir).filter((f) => f !== 'index.html').sort(), Object.keys(NOTICES).sort(), 'licenses/ holds exactly the notices');
});

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

// window.open recorded, never opened (the tests make no foreign requests).
const STUB_OPEN = () => {
  window.__opened = [];
  window.open = function (...args) { window.__opened.push(args.map(String)); return null; };
};

test('the About card\'s licence link opens licenses/ in a new tab with noopener', { timeout: 180000 }, async () => {
  const { page, log } = await h.open('index.html', { initScript: STUB_OPEN });
  // A first visit (no hash) shows the About card, centred at (W/2, H/2), 460 px wide. Its
  // link is a small button at the left edge, in the card's lower half above "Start exploring":
  // click down that edge from the centre, one row at a time, until the page has been asked to
  // open something (the wasm draws after each input: wait two frames).
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const x = 1024 / 2 - 230 + 20;
  let opened = [];
  let y = 0.4 * 700;
  for (; y < 560 && !opened.length; y += 6) {
    await page.mouse.move(x, y);
    await frames();
    await page.mouse.down();
    await frames();
    await page.mouse.up();
    await frames();
    opened = await page.evaluate(() => window.__opened);
  }
  console.log(`# the link answered at y = ${y - 6}`);
  assert.deepEqual(opened, [[`${h.origin}/licenses/index.html`, '_blank', 'noopener,noreferrer']]);
  // What the tab would show: the index and every notice it links, from the same server.
  const res = await page.request.get(opened[0][0]);
  assert.equal(res.status(), 200);
  const index = await res.text();
  for (const name of Object.keys(NOTICES)) {
    const r = await page.request.get(`${h.origin}/licenses/${name}`);
    assert.equal(r.status(), 200, name);
    assert.ok((await r.body()).length > 100, `${name} served empty`);
    assert.ok(index.includes(`href="${name}"`), name);
  }
  assertClean(log, 'About link');
});

test('the page opens http(s) and same-origin links only', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html#t=2023-08-30', { initScript: STUB_OPEN });
  const opened = await page.evaluate(() => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'https://news.example/a', 'licenses/']) {
      window.Module.onChipatlasEvent('openurl', JSON.stringify({ url }));
    }
    return window.__opened;
  });
  assert.deepEqual(opened, [['https://news.example/a', '_blank', 'noopener,noreferrer'], [`${h.origin}/licenses/`, '_blank', 'noopener,noreferrer']]);
  assert.equal(log.consoleWarnings.filter((w) => /not opening/.test(w)).length, 3);
  assertClean(log, 'openurl');
});
