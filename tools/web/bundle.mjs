// Bundles the page's ES modules for the site (issue 15, first frame): each module script the
// pages load (web/*.html, <script type="module" src="js/X.js">) becomes one minified js/X.js.
//   node tools/web/bundle.mjs --out DIR [--web DIR] [--meta FILE]
// Entry points come from the pages, not a list: a module that boot.js (or any module it
// imports) starts importing is in the bundle by itself. An entry imported by another entry
// (gl_early.js by boot.js) stays its own file, imported by URL, so the page and the bundle
// share one instance of it. web/js/ stays the source (tests/js import it); DIR/js/ then holds
// only the entries, which cmake/web_site.cmake puts in dist/js/ in place of web/js/.
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

// The module scripts of every page in web/ (paths relative to web/, e.g. "js/boot.js").
function moduleEntries(webDir) {
  const found = new Set();
  for (const page of readdirSync(webDir).filter((f) => f.endsWith('.html')).sort()) {
    const html = readFileSync(join(webDir, page), 'utf8');
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) {
      if (!/\btype="module"/.test(tag[0])) continue;
      const src = /\bsrc="([^"]+)"/.exec(tag[0]);
      if (!src || !/^js\/[\w-]+\.js$/.test(src[1])) {
        console.error(`bundle: ${page}: a module script outside js/ or without src: ${tag[0]}`);
        process.exit(1);
      }
      found.add(src[1]);
    }
  }
  return [...found].sort();
}

const entries = moduleEntries(web);
if (!entries.length) {
  console.error(`bundle: no <script type="module" src="js/..."> in ${web}/*.html`);
  process.exit(1);
}
rmSync(join(out, 'js'), { recursive: true, force: true });
mkdirSync(join(out, 'js'), { recursive: true });
// --meta: for each entry, the source files in its bundle and what it still imports (tests).
const meta = {};
for (const entry of entries) {
  const others = entries.filter((e) => e !== entry).map((e) => './' + e.slice('js/'.length));
  const result = await esbuild.build({
    entryPoints: [join(web, entry)],
    outfile: join(out, entry),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    external: others,  // another page entry: imported by URL, one instance
    metafile: true,
    logLevel: 'error',
  }).catch(() => process.exit(1));
  const output = Object.values(result.metafile.outputs)[0];
  meta[entry] = {
    inputs: Object.keys(result.metafile.inputs).map((f) => relative(web, resolve(f)).split(sep).join('/')).sort(),
    imports: [...new Set(output.imports.map((i) => i.path))].sort(),  // two modules may import one entry
  };
}
if (metaFile) writeFileSync(metaFile, JSON.stringify(meta, null, 1) + '\n');
console.log(`bundle: ${entries.join(', ')} -> ${join(out, 'js')}`);
