// The page's modules (web/js/): no JavaScript file in web/ over 400 lines, each module opens
// with its purpose, the import graph has no cycles, and the pure modules stay DOM-free.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const JS = join(WEB, 'js');
// Importable by node without a browser: no DOM, no window, no document, no location.
const PURE = ['limits.js', 'url_state.js', 'origins.js', 'commands.js', 'state.js', 'data_files.js'];

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return /\.m?js$/.test(e.name) ? [p] : [];
  });
}
const modules = readdirSync(JS).filter((f) => f.endsWith('.js'));
const imports = Object.fromEntries(modules.map((f) => [f,
  [...readFileSync(join(JS, f), 'utf8').matchAll(/^import\s[^;]*?'\.\/([\w.]+)';/gm)].map((m) => m[1])]));

test('no JavaScript file in web/ is over 400 lines', () => {
  const files = jsFiles(WEB);
  assert.ok(files.length >= 10, 'the modules are there');
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n').length - 1;
    assert.ok(lines <= 400, `${f}: ${lines} lines`);
  }
});

test('each module opens with a two-line comment saying what it is for', () => {
  for (const f of modules) {
    const [a, b] = readFileSync(join(JS, f), 'utf8').split('\n');
    assert.match(a, /^\/\/ \S/, f);
    assert.match(b, /^\/\/ \S/, f);
  }
});

test('the import graph has no cycles, and boot.js names every module', () => {
  const visit = (f, path) => {
    assert.ok(imports[f], `${path.join(' -> ')} imports a missing ${f}`);
    assert.ok(!path.includes(f), 'cycle: ' + [...path, f].join(' -> '));
    imports[f].forEach((d) => visit(d, [...path, f]));
  };
  modules.forEach((f) => visit(f, []));
  assert.deepEqual(modules.filter((f) => f !== 'boot.js' && !imports['boot.js'].includes(f)), []);
});

test('the pure modules import only pure modules and touch no DOM', async () => {
  for (const f of PURE) {
    for (const d of imports[f]) assert.ok(PURE.includes(d), `${f} imports ${d}`);
    const src = readFileSync(join(JS, f), 'utf8').replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    assert.doesNotMatch(src, /\b(window|document|location|navigator|history|globalThis)\b/, f);
    await import(join(JS, f));  // and node can load them
  }
});

test('the pages request the wasm, the glue and every module at once (first frame, issue 15)', () => {
  for (const page of ['index.html', 'csp.html']) {
    const html = readFileSync(join(WEB, page), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="js\/([\w.]+)">/g)].map((m) => m[1]).sort();
    assert.deepEqual(preloaded, modules.filter((f) => f !== 'boot.js').sort(), `${page}: modulepreload for each module boot.js imports`);
    assert.match(html, /<link rel="preload" href="chipatlas\.wasm" as="fetch" crossorigin>/, page);
    assert.match(html, /<link rel="preload" href="chipatlas\.js" as="script">/, page);
  }
});
