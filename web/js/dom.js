// DOM helpers shared by the page's modules: the document, h() to build elements, and the
// system preferences (colour scheme, reduced motion) the page follows.

export const doc = document;
export const root = doc.documentElement;

// h('button', { id, className, text, onclick, hidden, 'aria-label': … }, ...children):
// an element with its attributes (false/null/undefined left out) and children (strings
// become text). Never HTML: no innerHTML anywhere on the page.
export function h(tag, props, ...children) {
  const node = doc.createElement(tag);
  if (props) {
    Object.keys(props).forEach(function (k) {
      const v = props[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
      else if (k === 'hidden') node.hidden = true;
      else node.setAttribute(k, v === true ? '' : String(v));
    });
  }
  children.forEach(function (c) {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
  });
  return node;
}

export const mqDark = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
export const mqReduce = window.matchMedia ? matchMedia('(prefers-reduced-motion: reduce)') : null;
export function systemTheme() { return mqDark && mqDark.matches ? 'dark' : 'light'; }
export function watchMedia(mq, fn) {
  if (!mq) return;
  if (mq.addEventListener) mq.addEventListener('change', fn);
  else if (mq.addListener) mq.addListener(fn);
}
