// Share and export: copy a link to the view, download the visible collaborations (CSV, JSON)
// or the map as a PNG with a footer (and the ?data= warning band), and the `⋯` menu.
import { doc, root, h, systemTheme } from './dom.js';
import { app } from './state.js';
import { shareUrl } from './url_state.js';
import { ui, toast } from './ui_chrome.js';
import { Module, call, command } from './runtime.js';
import { t, tc, formatDate } from './i18n.js';

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, rel: 'noopener', className: 'visually-hidden' });
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
}
function legacyCopy(text) {
  const ta = h('textarea', { readonly: true, className: 'visually-hidden', 'aria-hidden': 'true' });
  ta.value = text;
  doc.body.appendChild(ta);
  ta.select();
  let ok = false;
  try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
  ta.remove();
  return ok;
}
// Copies text to the clipboard (or the legacy way); done(ok).
export function copyText(text, done) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(legacyCopy(text)); });
  } else {
    done(legacyCopy(text));
  }
}
function copyLink() {
  const link = shareUrl(location.href);
  function fallback() {
    if (legacyCopy(link)) { toast(t('Link copied')); return; }
    const box = h('input', { type: 'text', readonly: true, 'aria-label': t('Link to this view'), value: link });
    toast(t('Copy this link:'), 10000, box);
    box.focus();
    box.select();
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(link).then(function () { toast(t('Link copied')); }, fallback);
  } else {
    fallback();
  }
}
function exportText(format) {
  command('export', { format: format }).then(function (r) {
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
    // A BOM lets spreadsheet programs read the CSV's CJK names as UTF-8.
    const body = format === 'csv' ? ['\ufeff', r.text] : [r.text];
    downloadBlob(new Blob(body, { type: type }), r.filename || 'chipatlas.' + format);
  }, function (e) { toast(t('Export failed: {why}', { why: e.message }), 5000); });
}

const UNPUBLISHED_BAND = '#f5c542';  // amber, as #dataset-note
// Sets ctx.font to the largest size (from `size` down to 6 px) at which text fits width and
// returns the text, shortened with an ellipsis if even 6 px is too wide.
function fitText(ctx, text, size, width, weight) {
  ctx.font = weight + size + 'px system-ui, sans-serif';
  while (size > 6 && ctx.measureText(text).width > width) {
    size -= 1;
    ctx.font = weight + size + 'px system-ui, sans-serif';
  }
  while (text.length > 8 && ctx.measureText(text).width > width) text = text.slice(0, -2) + '…';
  return text;
}
let pngWait = null;
function exportPng() {
  if (pngWait) return;
  if (!app.ready) { toast(t('Still loading…')); return; }
  const r = call({ cmd: 'exportPng' });
  if (!r.ok) { toast(t('Export failed: {why}', { why: r.error }), 5000); return; }
  pngWait = setTimeout(function () { pngWait = null; toast(t('Export failed: no image came back'), 5000); }, 15000);
}
// The wasm's `png` event: RGBA rows at Module.HEAPU8[ptr…], valid until the next frame.
export function onPng(data) {
  const w = data.width | 0, ht = data.height | 0, ptr = data.ptr >>> 0;
  if (!pngWait) return; // someone else asked (the in-page API listener gets the event anyway)
  clearTimeout(pngWait);
  pngWait = null;
  if (!(w > 0 && ht > 0) || !Module.HEAPU8 || ptr + w * ht * 4 > Module.HEAPU8.length) {
    toast(t('Export failed: bad image from the app'), 5000);
    return;
  }
  // Copy now: the pixels are only valid until the next frame.
  const px = new Uint8ClampedArray(Module.HEAPU8.subarray(ptr, ptr + w * ht * 4));
  for (let i = 3; i < px.length; i += 4) px[i] = 255;
  const scale = Math.max(1, w / Math.max(1, ui.canvas.clientWidth || w));
  const line = Math.round(26 * scale);
  const footer = app.shownDataset ? 2 * line : line;
  const c = doc.createElement('canvas');
  c.width = w;
  c.height = ht + footer;
  const ctx = c.getContext('2d');
  ctx.putImageData(new ImageData(px, w, ht), 0, 0);
  const dark = root.dataset.theme === 'dark' || (!root.dataset.theme && systemTheme() === 'dark');
  ctx.fillStyle = dark ? '#14171b' : '#f4f5f7';
  ctx.fillRect(0, ht, w, footer);
  ctx.fillStyle = dark ? '#3d4550' : '#c4cad3';
  ctx.fillRect(0, ht, w, Math.max(1, Math.round(scale)));
  const date = (app.lastState && app.lastState.t) || '';
  const pad = 8 * scale;
  // The footer in the interface language, the date the local way (the file name keeps ISO).
  const words = t('chipatlas · Natural Earth · sources: see details');
  let text = fitText(ctx, (date ? (formatDate(date) || date) + ' · ' : '') + words, 12 * scale, w - 2 * pad, '');
  ctx.fillStyle = dark ? '#e6e8eb' : '#1a1d21';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, pad, ht + line / 2 + 0.5 * scale);
  if (app.shownDataset) {
    // The same warning as the page's note: an image of made-up data must say so.
    ctx.fillStyle = UNPUBLISHED_BAND;
    ctx.fillRect(0, ht + line, w, line);
    text = fitText(ctx, t('Not the published chipatlas data: {files}', { files: app.shownDataset.slice(0, 120) }), 12 * scale, w - 2 * pad, 'bold ');
    ctx.fillStyle = '#1a1d21';
    ctx.fillText(text, pad, ht + line + line / 2 + 0.5 * scale);
  }
  c.toBlob(function (blob) {
    if (!blob) { toast(t('Export failed: could not encode the PNG'), 5000); return; }
    downloadBlob(blob, pngName(date));
  }, 'image/png');
}

// The PNG's file name in the interface language ("chipatlas-2023-08-29.png", "chipatlas-지도-…"),
// of characters every file system takes.
export function pngName(date) {
  const name = date ? tc('file name', 'chipatlas-{date}.png', { date: date }) : tc('file name', 'chipatlas-map.png');
  const safe = /^[^\\/:*?\x22<>|\u0000-\u001f]{1,100}\.png$/;  // \x22: the double quote
  return safe.test(name) ? name : 'chipatlas-' + (date || 'map') + '.png';
}

function closeMenu(focusToggle) {
  if (!ui.tools.classList.contains('open')) return;
  ui.tools.classList.remove('open');
  ui.menuToggle.setAttribute('aria-expanded', 'false');
  if (focusToggle) ui.menuToggle.focus();
}
export function wireTools() {
  ui.copy.addEventListener('click', function () { closeMenu(); copyLink(); });
  ui.png.addEventListener('click', function () { closeMenu(); exportPng(); });
  ui.csv.addEventListener('click', function () { closeMenu(); exportText('csv'); });
  ui.json.addEventListener('click', function () { closeMenu(); exportText('json'); });
  ui.menuToggle.addEventListener('click', function () {
    const open = !ui.tools.classList.contains('open');
    ui.tools.classList.toggle('open', open);
    ui.menuToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) { const first = ui.tools.querySelector('button'); if (first) first.focus(); }
  });
  ui.tools.addEventListener('keydown', function (e) {
    if ((e.key === 'Escape' || e.key === 'Esc') && ui.tools.classList.contains('open')) { e.preventDefault(); closeMenu(true); }
  });
  doc.addEventListener('pointerdown', function (e) {
    if (!ui.tools.contains(e.target) && e.target !== ui.menuToggle) closeMenu(false);
  }, true);
}
