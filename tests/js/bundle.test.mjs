// The site's bundling step (tools/web/bundle.mjs, run by the web build): one minified file per
// module script the pages load, holding every module that script reaches, nothing left out.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = join(ROOT, 'web');
const JS = join(WEB, 'js');

// What each module imports (static imports and re-exports), read from web/js/'s sources.
const imports = (f) => [...readFileSync(join(JS, f), 'utf8')
  .matchAll(/^(?:import|export)\s(?:[^;]*?\sfrom\s)?'\.\/([\w.]+)';/gm)].map((m) => m[1]);

// The module scripts the pages load (js/X.js), read from web/*.html.
function pageEntries() {
  const found = new Set();
  for (const page of readdirSync(WEB).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(WEB, page), 'utf8');
    for (const m of html.matchAll(/<script type="module"[^>]*\ssrc="js\/([\w.]+)"/g)) found.add(m[1]);
  }
  return [...found].sort();
}

let out, meta;
before(() => {
  out = mkdtempSync(join(tmpdir(), 'chipatlas-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'tools', 'web', 'bundle.mjs'), '--out', out, '--meta', join(out, 'meta.json')],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
});

test('the bundle folder holds one file for each module script of the pages, and nothing else', () => {
  const entries = pageEntries();
  assert.ok(entries.includes('boot.js') && entries.includes('gl_early.js'), entries.join(', '));
  assert.deepEqual(readdirSync(join(out, 'js')).sort(), entries);
  assert.deepEqual(Object.keys(meta).sort(), entries.map((e) => 'js/' + e));
});

test('each bundle holds every module its entry reaches, and imports only the other entries', () => {
  const entries = pageEntries();
  for (const entry of entries) {
    const reached = new Set(), external = new Set();
    const visit = (f) => {
      if (f !== entry && entries.includes(f)) { external.add('./' + f); return; }
      if (reached.has(f)) return;
      reached.add(f);
      imports(f).forEach(visit);
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
