// The site's bundling step (tools/web/bundle.mjs, run by the web build): one minified file per
// script the pages load and per module imported lazily, each holding every module it reaches.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = join(ROOT, 'web');
const JS = join(WEB, 'js');

// What each module imports (static imports and re-exports), read from web/js/'s sources.
const imports = (f) => [...readFileSync(join(JS, f), 'utf8')
  .matchAll(/^(?:import|export)\s(?:[^;]*?\sfrom\s)?'\.\/([\w.]+)';/gm)].map((m) => m[1]);

// The scripts the pages load from js/ (X.js), module or classic, read from web/*.html.
function pageEntries(kind = 'all') {
  const found = new Set();
  for (const page of readdirSync(WEB).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(WEB, page), 'utf8');
    for (const m of html.matchAll(/<script( type="module")?[^>]*\ssrc="js\/([\w.]+)"/g)) {
      if (kind === 'all' || (kind === 'module') === !!m[1]) found.add(m[2]);
    }
  }
  return [...found].sort();
}

// The modules some module imports with import('./X.js'): lazy entries, each a bundle of its own.
const lazyImports = (f) => [...readFileSync(join(JS, f), 'utf8').matchAll(/\bimport\(\s*'\.\/([\w.]+)'\s*\)/g)].map((m) => m[1]);
const lazyEntries = () => [...new Set(readdirSync(JS).filter((f) => f.endsWith('.js')).flatMap(lazyImports))].sort();

let out, meta;
before(() => {
  out = mkdtempSync(join(tmpdir(), 'chipatlas-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'tools', 'web', 'bundle.mjs'), '--out', out, '--meta', join(out, 'meta.json')],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
});

test('the bundle folder holds one file for each script of the pages and each module imported lazily, and nothing else', () => {
  const entries = [...pageEntries(), ...lazyEntries()].sort();
  assert.deepEqual(pageEntries('module'), ['boot.js']);
  assert.deepEqual(pageEntries('classic'), ['gl_early.js']);
  assert.deepEqual(lazyEntries(), ['edit_layer.js']);
  assert.deepEqual(readdirSync(join(out, 'js')).sort(), entries);
  assert.deepEqual(Object.keys(meta).sort(), entries.map((e) => 'js/' + e));
  assert.deepEqual(Object.keys(meta).filter((e) => meta[e].lazy), ['js/edit_layer.js']);
});

test('each bundle holds every module its entry reaches, and imports only the other entries', () => {
  const entries = [...pageEntries(), ...lazyEntries()];
  const modules = [...pageEntries('module'), ...lazyEntries()];
  for (const entry of entries) {
    const reached = new Set(), external = new Set();
    const visit = (f) => {
      if (f !== entry && modules.includes(f) && modules.includes(entry)) { external.add('./' + f); return; }
      if (reached.has(f)) return;
      reached.add(f);
      imports(f).forEach(visit);
      lazyImports(f).forEach((l) => external.add('./' + l));  // fetched when the import() runs
    };
    visit(entry);
    assert.deepEqual(meta['js/' + entry].inputs, [...reached].map((f) => 'js/' + f).sort(), `${entry}: the modules in its bundle`);
    assert.deepEqual(meta['js/' + entry].imports, [...external].sort(), `${entry}: what the bundle still imports`);
    const code = readFileSync(join(out, 'js', entry), 'utf8');
    for (const m of code.matchAll(/\bfrom\s*"(\.{0,2}\/[^"]*)"|\bimport\s*\(?\s*"(\.{0,2}\/[^"]*)"/g)) {
      assert.ok(external.has(m[1] || m[2]), `${entry}'s bundle imports ${m[1] || m[2]}, which the site does not have`);
    }
  }
  // Every module of web/js/ is in some page's bundle: none is left out of the site.
  const all = new Set(Object.values(meta).flatMap((m) => m.inputs));
  assert.deepEqual(readdirSync(JS).filter((f) => f.endsWith('.js') && !all.has('js/' + f)), []);
});

test('the bundle is minified: smaller than its sources, no comments', () => {
  const code = readFileSync(join(out, 'js', 'boot.js'), 'utf8');
  const sources = meta['js/boot.js'].inputs.reduce((n, f) => n + statSync(join(WEB, f)).size, 0);
  assert.ok(code.length < sources / 2, `boot.js bundle ${code.length} bytes, sources ${sources}`);
  assert.doesNotMatch(code, /^\s*\/\//m);
});

// js/gl_early.js runs once, as a classic script after the <canvas> (it starts the wasm's fetch and
// makes the WebGL context while the modules load): the modules reach it through js/early.js.
test('the classic script is a self-contained IIFE that no module bundle holds again', () => {
  const code = readFileSync(join(out, 'js', 'gl_early.js'), 'utf8');
  assert.equal(meta['js/gl_early.js'].module, false);
  assert.deepEqual(meta['js/gl_early.js'].imports, []);
  assert.match(code, /^\(\(\)=>\{/);
  assert.doesNotMatch(code, /\bimport\s*[{("]|\bexport\s*[{]/);
  assert.ok(meta['js/gl_early.js'].inputs.includes('js/gl_warm.js'), 'ImGui\'s shaders are warmed by it');
  assert.ok(!meta['js/boot.js'].inputs.includes('js/gl_early.js'), 'boot.js holds a second copy of gl_early.js');
  assert.ok(meta['js/boot.js'].inputs.includes('js/early.js'));
});

// The editing layer is fetched by editing visits only, and holds no copy of a module the page's
// bundle has (it is given the page's document, h() and call()).
test('the editing layer is a bundle of its own that the first visit does not carry', () => {
  assert.ok(!meta['js/boot.js'].inputs.includes('js/edit_layer.js'), 'boot.js holds the editing layer');
  assert.ok(!meta['js/boot.js'].inputs.includes('js/story_edit_layer.js'), 'boot.js holds the story editor\'s layer');
  assert.ok(meta['js/boot.js'].imports.includes('./edit_layer.js'), 'boot.js imports it by URL');
  assert.deepEqual(meta['js/edit_layer.js'].inputs, ['js/edit_layer.js', 'js/story_edit_layer.js']);
  assert.deepEqual(meta['js/edit_layer.js'].imports, []);
});

// A web/ folder of its own for the bundler: index.html and js/NAME for each entry of files;
// run() bundles it into WEB/out.
function tinyWeb(html, files) {
  const web = mkdtempSync(join(tmpdir(), 'chipatlas-web-'));
  mkdirSync(join(web, 'js'));
  writeFileSync(join(web, 'index.html'), html);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(web, 'js', name), text);
  const run = () => spawnSync(process.execPath, [join(ROOT, 'tools', 'web', 'bundle.mjs'), '--web', web, '--out', join(web, 'out')], { encoding: 'utf8' });
  return { web, run };
}

test('the bundler refuses a lazily imported module that holds a module of the page\'s bundle', () => {
  const { web, run } = tinyWeb('<script type="module" src="js/main.js"></script>\n', {
    'shared.js': 'export const state = {};\n',
    'main.js': "import { state } from './shared.js';\nstate.a = 1;\nimport('./later.js');\n",
    'later.js': "import { state } from './shared.js';\nconsole.log(state);\n",
  });
  const bad = run();
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /js\/later\.js, imported by import\(\), holds js\/shared\.js, which js\/main\.js holds too/);
  writeFileSync(join(web, 'js', 'later.js'), 'export function use(state) { console.log(state); }\n');
  const good = run();
  assert.equal(good.status, 0, good.stdout + good.stderr);
  assert.deepEqual(readdirSync(join(web, 'out', 'js')).sort(), ['later.js', 'main.js']);
  assert.match(readFileSync(join(web, 'out', 'js', 'main.js'), 'utf8'), /import\("\.\/later\.js"\)/);
});

test('the bundler refuses a module that imports the classic script itself', () => {
  const { web, run } = tinyWeb('<canvas id="canvas"></canvas>\n<script src="js/early_c.js"></script>\n<script type="module" src="js/main.js"></script>\n', {
    'early_c.js': 'export const x = 1;\nglobalThis.__x = x;\n',
    'main.js': "import { x } from './early_c.js';\nconsole.log(x);\n",
  });
  const bad = run();
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /js\/main\.js imports js\/early_c\.js, a classic script/);
  writeFileSync(join(web, 'js', 'main.js'), 'console.log(globalThis.__x);\n');
  const good = run();
  assert.equal(good.status, 0, good.stdout + good.stderr);
  assert.match(readFileSync(join(web, 'out', 'js', 'early_c.js'), 'utf8'), /^\(\(\)=>\{/);
});
