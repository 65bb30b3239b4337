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
const PURE = ['limits.js', 'url_state.js', 'origins.js', 'commands.js', 'state.js', 'data_files.js', 'i18n.js'];

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

test('the import graph has no cycles', () => {
  const visit = (f, path) => {
    assert.ok(imports[f], `${path.join(' -> ')} imports a missing ${f}`);
    assert.ok(!path.includes(f), 'cycle: ' + [...path, f].join(' -> '));
    imports[f].forEach((d) => visit(d, [...path, f]));
  };
  modules.forEach((f) => visit(f, []));
});

test('the pure modules import only pure modules and touch no DOM', async () => {
  for (const f of PURE) {
    for (const d of imports[f]) assert.ok(PURE.includes(d), `${f} imports ${d}`);
    const src = readFileSync(join(JS, f), 'utf8').replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    assert.doesNotMatch(src, /\b(window|document|location|navigator|history|globalThis)\b/, f);
    await import(join(JS, f));  // and node can load them
  }
});

test('the pages request the wasm and the glue at once, and load only their bundled module scripts (first frame, issue 15)', () => {
  for (const page of ['index.html', 'csp.html']) {
    const html = readFileSync(join(WEB, page), 'utf8');
    // js/gl_early.js preloads the runtime of the build the visit runs: a static preload of the
    // plain one would be downloaded by an editing visit too (#edit=1 runs chipatlas_edit).
    assert.doesNotMatch(html, /<link rel="preload" href="chipatlas/, page);
    // The site's js/ holds only the pages' module scripts, bundled (tools/web/bundle.mjs): a
    // modulepreload of any other module would fetch a file the site does not have.
    const scripts = [...html.matchAll(/<script type="module"[^>]*\ssrc="js\/([\w.]+)"/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['boot.js'], page);
    // js/gl_early.js is a classic script right after the <canvas>: it makes the map's context
    // while the modules load (it needs the canvas, and runs once the style sheet has sized it).
    const canvasAt = html.indexOf('<canvas id="canvas"'), earlyAt = html.indexOf('<script src="js/gl_early.js"></script>');
    assert.ok(canvasAt > 0 && earlyAt > canvasAt, `${page}: <script src="js/gl_early.js"> after the canvas`);
    assert.ok(html.indexOf('<link rel="stylesheet" href="style.css">') < canvasAt, `${page}: the style sheet before the canvas`);
    // ... and requested from the head at once, beside the style sheet (not when the parser
    // reaches it): the earlier it runs, the earlier software GL starts making the context.
    const preloadAt = html.indexOf('<link rel="preload" href="js/gl_early.js" as="script">');
    assert.ok(preloadAt > 0 && preloadAt < html.indexOf('</head>'), `${page}: js/gl_early.js preloaded from the head`);
    for (const m of html.matchAll(/<link rel="modulepreload" href="js\/([\w.]+)">/g)) {
      assert.ok(scripts.includes(m[1]), `${page}: modulepreload of ${m[1]}, which is bundled into another file`);
    }
  }
});
