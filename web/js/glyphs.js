// Glyphs on demand: after a dataset loads, the wasm names the code points the bundled fonts lack
// (the "glyphsneeded" event); the page fetches the font slices holding them from its own origin
// (fonts/, size-capped), hands each to the wasm (ca_add_font), and says in the page what failed.
import { root } from './dom.js';
import { LIMITS } from './limits.js';
import { slicesFor } from './font_slices.js';
import { addFont } from './runtime.js';
import { showError } from './ui_chrome.js';
import { fetchOwnFile } from './dataset.js';
import { t } from './i18n.js';

const loaded = new Set();  // slice paths already handed to the wasm

// A slice from this site (fonts/), capped and without redirects, through the same reader as ?data=.
function fetchSlice(path) {
  return fetchOwnFile(new URL(path, document.baseURI).href,
    { maxBytes: LIMITS.fontSliceBytes, credentials: 'same-origin', what: t('font slices') });
}

export async function onGlyphsNeeded(data) {
  const cps = data && Array.isArray(data.codepoints) ? data.codepoints : [];
  const want = slicesFor(cps, LIMITS.fontSlices);
  const todo = want.paths.filter(function (p) { return !loaded.has(p); });
  root.dataset.glyphs = 'loading';
  const failures = [];
  await Promise.all(todo.map(async function (path) {
    try {
      const bytes = await fetchSlice(path);
      if (!addFont(bytes)) throw new Error(t('not a font the app accepts'));
      loaded.add(path);
    } catch (e) {
      failures.push(path + ': ' + (e && e.message || e));
    }
  }));
  if (want.skipped) failures.push(t('{n} more font slices were not fetched (the limit is {max})', { n: want.skipped, max: LIMITS.fontSlices }));
  root.dataset.glyphSlices = [...loaded].sort().join(' ');
  root.dataset.glyphs = failures.length ? 'failed' : 'loaded';
  if (failures.length) {
    showError(() => t('Some characters cannot be drawn'),
      () => t('The fonts for some characters of this dataset could not be loaded; they show as "?":'), failures);
  }
}
