// Which files make one dataset: the ?data= list (comma-separated), local files' names and
// sizes against the limits, and the error list capped for the page. Pure (no DOM): tests/js/.
import { LIMITS } from './limits.js';

function mb(n) { return Math.round(n / 1048576) + ' MB'; }

// ?data=a.json,b.json -> { names: ['a.json', 'b.json'] } or { error } (names trimmed, empty
// entries dropped, duplicates refused, at most LIMITS.datasetFiles).
export function splitDataSpec(spec) {
  const s = String(spec == null ? '' : spec);
  if (s.length > LIMITS.dataNameChars) return { error: 'the ?data= value is longer than ' + LIMITS.dataNameChars + ' characters' };
  const names = s.split(',').map((n) => n.trim()).filter(Boolean);
  if (!names.length) return { error: 'no file named' };
  if (names.length > LIMITS.datasetFiles) return { error: names.length + ' files named; at most ' + LIMITS.datasetFiles + ' can be shown together' };
  const seen = new Set();
  for (const n of names) {
    if (seen.has(n)) return { error: n + ' is named twice' };
    seen.add(n);
  }
  return { names };
}

// Local files ({name, size}) -> '' when they can be read, else why not.
export function checkLocalFiles(files) {
  const list = Array.from(files || []);
  if (!list.length) return 'no file chosen';
  if (list.length > LIMITS.datasetFiles) return list.length + ' files; at most ' + LIMITS.datasetFiles + ' can be opened together';
  let total = 0;
  for (const f of list) {
    const name = String(f.name || '');
    if (!name || name.length > LIMITS.dataNameChars) return 'a file name is empty or longer than ' + LIMITS.dataNameChars + ' characters';
    if (f.size > LIMITS.datasetBytes) return name + ': the file is larger than ' + mb(LIMITS.datasetBytes) + ' (' + f.size + ' bytes)';
    total += f.size;
  }
  if (total > LIMITS.datasetTotalBytes) return 'the files together are larger than ' + mb(LIMITS.datasetTotalBytes) + ' (' + total + ' bytes)';
  return '';
}

// The names of a dataset's files as the page shows them: "a.json, b.json".
export function describeFiles(names) { return (names || []).join(', '); }

// At most `max` lines, then "and N more" (one line) when there were more.
export function capLines(lines, max = LIMITS.errorLines) {
  const all = Array.isArray(lines) ? lines : [];
  if (all.length <= max) return all.slice();
  const more = all.length - max;
  return all.slice(0, max).concat(['and ' + more + ' more ' + (more === 1 ? 'error' : 'errors')]);
}
