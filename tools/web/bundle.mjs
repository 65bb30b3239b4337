// Bundles the page's scripts for the site (issue 15, first frame): each script the pages load
// from js/ (web/*.html, <script type="module" src="js/X.js"> or a classic <script src="js/X.js">)
// becomes one minified js/X.js: an ES module for a module script, an IIFE for a classic one.
//   node tools/web/bundle.mjs --out DIR [--web DIR] [--meta FILE]
// Entry points come from the pages, not a list: a module that boot.js (or any module it
// imports) starts importing is in the bundle by itself. A module entry imported by another entry
// stays its own file, imported by URL, so the page and the bundle share one instance of it. A
// classic entry (js/gl_early.js) runs once, before the modules; no module bundle may hold its
// source (the modules reach it through what it publishes: js/early.js), or the page would run
// it twice. web/js/ stays the source (tests/js import it); DIR/js/ then holds only the entries,
// which cmake/web_site.cmake puts in dist/js/ in place of web/js/.
// A module that another imports with import('./X.js') (a literal path) is an entry too, a lazy
// one: fetched only when that import runs (js/edit_layer.js, for editing visits). Its bundle may
// hold no module that another entry's holds (that would be a second instance of it, with its own
// state): it is given what it needs of the page instead (usePage in js/edit_layer.js).
import { readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
let out = null, web = join(ROOT, 'web'), metaFile = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--out') out = resolve(argv[++i] || '');
  else if (argv[i] === '--web') web = resolve(argv[++i] || '');
  else if (argv[i] === '--meta') metaFile = resolve(argv[++i] || '');
  else out = null, i = argv.length;
}
if (!out) {
  console.error('usage: node tools/web/bundle.mjs --out DIR [--web DIR] [--meta FILE]');
  process.exit(2);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (e) {
  console.error('bundle: the npm package esbuild is missing (run tools/setup_deps.sh): ' + e.message);
  process.exit(1);
}

// The scripts of every page in web/ that come from js/ (paths relative to web/, e.g.
// "js/boot.js"), each with whether it is a module.
function pageEntries(webDir) {
  const found = new Map();
  for (const page of readdirSync(webDir).filter((f) => f.endsWith('.html')).sort()) {
    const html = readFileSync(join(webDir, page), 'utf8');
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) {
      const isModule = /\btype="module"/.test(tag[0]);
      const src = /\bsrc="([^"]+)"/.exec(tag[0]);
      if (!src && !isModule) continue;  // an inline classic script (the CSP refuses it anyway)
      if (!src || !/^js\/[\w-]+\.js$/.test(src[1])) {
        if (!isModule && src && !src[1].startsWith('js/')) continue;  // another page's own file
        console.error(`bundle: ${page}: a script outside js/ or without src: ${tag[0]}`);
        process.exit(1);
      }
      if (found.has(src[1]) && found.get(src[1]) !== isModule) {
        console.error(`bundle: ${src[1]} is loaded both as a module and as a classic script`);
        process.exit(1);
      }
      found.set(src[1], isModule);
    }
  }
  return [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([path, isModule]) => ({ path, isModule }));
}

// The modules of web/js/ that some module imports with import('./X.js'), not loaded by a page.
function lazyEntries(webDir, pages) {
  const found = new Set();
  const dir = join(webDir, 'js');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bimport\(\s*'\.\/([\w-]+\.js)'\s*\)/g)) found.add('js/' + m[1]);
  }
  return [...found].filter((p) => !pages.some((e) => e.path === p)).sort().map((path) => ({ path, isModule: true, lazy: true }));
}

const pages = pageEntries(web);
if (!pages.some((e) => e.isModule)) {
  console.error(`bundle: no <script type="module" src="js/..."> in ${web}/*.html`);
  process.exit(1);
}
const entries = pages.concat(lazyEntries(web, pages));
rmSync(join(out, 'js'), { recursive: true, force: true });
mkdirSync(join(out, 'js'), { recursive: true });
// --meta: for each entry, the source files in its bundle and what it still imports (tests).
const meta = {};
for (const entry of entries) {
  const others = entries.filter((e) => e.isModule && e !== entry).map((e) => './' + e.path.slice('js/'.length));
  const result = await esbuild.build({
    entryPoints: [join(web, entry.path)],
    outfile: join(out, entry.path),
    bundle: true,
    minify: true,
    format: entry.isModule ? 'esm' : 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    external: entry.isModule ? others : [],  // another module entry: imported by URL, one instance
    metafile: true,
    logLevel: 'error',
  }).catch(() => process.exit(1));
  const output = Object.values(result.metafile.outputs)[0];
  meta[entry.path] = {
    module: entry.isModule,
    lazy: !!entry.lazy,
    inputs: Object.keys(result.metafile.inputs).map((f) => relative(web, resolve(f)).split(sep).join('/')).sort(),
    imports: [...new Set(output.imports.map((i) => i.path))].sort(),  // two modules may import one entry
  };
}
// A classic entry's own source inside another bundle would run a second time (a second wasm
// fetch and WebGL context for js/gl_early.js).
for (const c of entries.filter((e) => !e.isModule)) {
  for (const e of entries.filter((x) => x !== c)) {
    if (meta[e.path].inputs.includes(c.path)) {
      console.error(`bundle: ${e.path} imports ${c.path}, a classic script the page runs by itself (import js/early.js instead)`);
      process.exit(1);
    }
  }
}
// A lazy entry's bundle with a module another bundle holds too: the page would run two of it.
for (const l of entries.filter((e) => e.lazy)) {
  for (const e of entries.filter((x) => x !== l)) {
    const both = meta[l.path].inputs.filter((f) => meta[e.path].inputs.includes(f));
    if (both.length) {
      console.error(`bundle: ${l.path}, imported by import(), holds ${both.join(', ')}, which ${e.path} holds too (a second instance): pass it what it needs instead`);
      process.exit(1);
    }
  }
}
if (metaFile) writeFileSync(metaFile, JSON.stringify(meta, null, 1) + '\n');
console.log(`bundle: ${entries.map((e) => e.path + (e.isModule ? (e.lazy ? ' (lazy)' : '') : ' (classic)')).join(', ')} -> ${join(out, 'js')}`);
