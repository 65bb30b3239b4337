// Which files make one dataset: the ?data= list (comma-separated), local files' names and
// sizes against the limits, and the error list capped for the page. Pure (no DOM): tests/js/.
import { LIMITS } from './limits.js';
import { t, tn } from './i18n.js';

function mb(n) { return t('{n} MB', { n: Math.round(n / 1048576) }); }

// ?data=a.json,b.json -> { names: ['a.json', 'b.json'] } or { error } (names trimmed, empty
// entries dropped, duplicates refused, at most LIMITS.datasetFiles).
export function splitDataSpec(spec) {
  const s = String(spec == null ? '' : spec);
  if (s.length > LIMITS.dataNameChars) return { error: t('the ?data= value is longer than {max} characters', { max: LIMITS.dataNameChars }) };
  const names = s.split(',').map((n) => n.trim()).filter(Boolean);
  if (!names.length) return { error: t('no file named') };
  if (names.length > LIMITS.datasetFiles) {
    return { error: t('{n} files named; at most {max} can be shown together', { n: names.length, max: LIMITS.datasetFiles }) };
  }
  const seen = new Set();
  for (const n of names) {
    if (seen.has(n)) return { error: t('{file} is named twice', { file: n }) };
    seen.add(n);
  }
  return { names };
}

// Local files ({name, size}) -> '' when they can be read, else why not.
export function checkLocalFiles(files) {
  const list = Array.from(files || []);
  if (!list.length) return t('no file chosen');
  if (list.length > LIMITS.datasetFiles) return t('{n} files; at most {max} can be opened together', { n: list.length, max: LIMITS.datasetFiles });
  let total = 0;
  for (const f of list) {
    const name = String(f.name || '');
    if (!name || name.length > LIMITS.dataNameChars) return t('a file name is empty or longer than {max} characters', { max: LIMITS.dataNameChars });
    if (f.size > LIMITS.datasetBytes) {
      return t('{file}: the file is larger than {limit} ({n} bytes)', { file: name, limit: mb(LIMITS.datasetBytes), n: f.size });
    }
    total += f.size;
  }
  if (total > LIMITS.datasetTotalBytes) return t('the files together are larger than {limit} ({n} bytes)', { limit: mb(LIMITS.datasetTotalBytes), n: total });
  return '';
}

// The names of a dataset's files as the page shows them: "a.json, b.json".
export function describeFiles(names) { return (names || []).join(', '); }

// At most `max` lines, then "and N more" (one line) when there were more.
export function capLines(lines, max = LIMITS.errorLines) {
  const all = Array.isArray(lines) ? lines : [];
  if (all.length <= max) return all.slice();
  const more = all.length - max;
  return all.slice(0, max).concat([tn('and {n} more error', 'and {n} more errors', more)]);
}
