// Which font slices hold a set of code points (tools/fonts/make_fonts.py --slices writes
// fonts/slice-XXXX.otf, 256 code points each, BMP only). Pure (no DOM): tested in tests/js/.

export const SLICE_BITS = 8;

// Sorted, distinct slice paths for the code points (at most maxSlices; `skipped` counts the
// rest); those no slice holds (ASCII, always bundled; surrogates, beyond the BMP) go to `unsupported`.
export function slicesFor(codepoints, maxSlices) {
  const pages = new Set();
  const unsupported = [];
  for (const cp of codepoints || []) {
    if (!Number.isInteger(cp) || cp < 0x80 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (Number.isInteger(cp)) unsupported.push(cp);
      continue;
    }
    pages.add(cp >> SLICE_BITS);
  }
  const paths = [...pages].sort((a, b) => a - b).map(function (p) {
    return 'fonts/slice-' + (p << SLICE_BITS).toString(16).toUpperCase().padStart(4, '0') + '.otf';
  });
  return { paths: paths.slice(0, maxSlices), skipped: Math.max(0, paths.length - maxSlices), unsupported: unsupported };
}
