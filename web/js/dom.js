// DOM helpers shared by the page's modules: the document, h() to build elements (texts in the
// interface language kept up to date), and the system preferences the page follows.
import { Msg } from './i18n.js';

export const doc = document;
export const root = doc.documentElement;

// Texts and attributes given as msg() (i18n.js): [node, attribute or 'text', Msg], set again
// when the interface language changes (retranslate).
const bound = [];
function setText(node, k, m) {
  if (k === 'text') node.textContent = String(m);
  else node.setAttribute(k, String(m));
}
export function bindText(node, k, m) {
  bound.push([node, k, m]);
  setText(node, k, m);
  return node;
}
export function retranslate() {
  bound.forEach(function (b) { setText(b[0], b[1], b[2]); });
}

// h('button', { id, className, text, onclick, hidden, 'aria-label': … }, ...children):
// an element with its attributes (false/null/undefined left out) and children (strings
// become text; msg() texts follow the interface language). Never HTML: no innerHTML anywhere.
export function h(tag, props, ...children) {
  const node = doc.createElement(tag);
  if (props) {
    Object.keys(props).forEach(function (k) {
      const v = props[k];
      if (v === undefined || v === null || v === false) return;
      if (v instanceof Msg) bindText(node, k, v);
      else if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
      else if (k === 'hidden') node.hidden = true;
      else node.setAttribute(k, v === true ? '' : String(v));
    });
  }
  children.forEach(function (c) {
    if (c === null || c === undefined) return;
    if (c instanceof Msg) node.appendChild(bindText(doc.createTextNode(''), 'text', c));
    else node.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
  });
  return node;
}

export const mqDark = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
export const mqReduce = window.matchMedia ? matchMedia('(prefers-reduced-motion: reduce)') : null;
export function systemTheme() { return mqDark && mqDark.matches ? 'dark' : 'light'; }
export const mqForced = window.matchMedia ? matchMedia('(forced-colors: active)') : null;
const SYSTEM_COLOURS = ['Canvas', 'CanvasText', 'LinkText', 'GrayText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText'];
// Under forced colours (the visitor's contrast theme), its system colours as the map draws with
// them (core/contrast.h, parse_system_colours): "#rrggbb,..." in SYSTEM_COLOURS' order; '' when
// colours are not forced or one cannot be read. The page's DOM follows forced colours by itself.
export function systemColours() {
  if (!mqForced || !mqForced.matches || !doc.body) return '';
  const probe = doc.createElement('span');
  probe.style.position = 'absolute';
  probe.style.visibility = 'hidden';
  probe.style.setProperty('forced-color-adjust', 'none');  // its colour as given, not forced
  doc.body.appendChild(probe);
  const out = [];
  try {
    for (let i = 0; i < SYSTEM_COLOURS.length; i++) {
      probe.style.color = '';
      probe.style.color = SYSTEM_COLOURS[i];
      const m = probe.style.color ? /^rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(probe).color) : null;
      if (!m) return '';
      out.push('#' + m.slice(1, 4).map(function (x) { return Math.min(255, Number(x)).toString(16).padStart(2, '0'); }).join(''));
    }
  } finally {
    probe.remove();
  }
  return out.join(',');
}
export function watchMedia(mq, fn) {
  if (!mq) return;
  if (mq.addEventListener) mq.addEventListener('change', fn);
  else if (mq.addListener) mq.addListener(fn);
}
