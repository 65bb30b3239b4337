// The page's interface language (issue 18): which one a link or browser asks for, the catalogue
// in use (po/web/*.po, compiled to i18n/<id>.json), lookups, plurals, numbers and dates by Intl.
// Pure (no DOM): tests/js/i18n.test.mjs. English is the source text itself (msgid): no catalogue.

// The languages offered in pickers, by their own names; en-XA (pseudo-locale) is never offered.
export const LOCALE_NAMES = Object.freeze({ en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', ko: '한국어', ja: '日本語' });
export const LOCALES = Object.freeze(Object.keys(LOCALE_NAMES));
export const PSEUDO = 'en-XA';
export function isLocale(id) { return LOCALES.indexOf(id) >= 0 || id === PSEUDO; }

// Intl's tag for a locale: English dates the region's way ("29 August 2023").
function intlTag(id) { return id === 'en' || id === PSEUDO ? 'en-GB' : id; }
// The <html dir> for a locale (all five are left to right; a future Arabic or Hebrew is not).
export function textDir(id) { return /^(ar|he|fa|ur)(-|$)/.test(id) ? 'rtl' : 'ltr'; }

// One language tag (BCP 47, or POSIX "zh_TW.UTF-8") -> a locale id, or '' when none matches:
// the ids themselves exactly; zh-TW/HK/MO and zh-Hant* -> zh-Hant; zh, zh-CN/SG, zh-Hans* (even
// zh-Hans-HK) -> zh-Hans; ko*, ja*, en*. As the wasm's match_locale (core/locale.cpp).
export function matchLocale(tag) {
  if (typeof tag !== 'string' || !tag || tag.length > 35) return '';
  if (isLocale(tag)) return tag;
  const parts = tag.split(/[.@]/)[0].toLowerCase().split(/[-_]/);
  if (parts[0] === 'ko' || parts[0] === 'ja' || parts[0] === 'en') return parts[0];
  if (parts[0] !== 'zh') return '';
  for (let i = 1; i < parts.length; i++) {
    if (['hant', 'tw', 'hk', 'mo'].indexOf(parts[i]) >= 0) return 'zh-Hant';
    if (parts[i] === 'hans') break;
  }
  return 'zh-Hans';
}
// The browser's preferred languages (navigator.languages), best first -> a locale id: the first
// (of at most 16) that matches wins; else en.
export function negotiate(tags) {
  const list = Array.isArray(tags) ? tags.slice(0, 16) : [];
  for (const tag of list) {
    const id = matchLocale(tag);
    if (id) return id;
  }
  return 'en';
}
// An explicit `locale` in the link wins over the browser's languages.
export function chooseLocale(linkLocale, tags) {
  return isLocale(linkLocale) ? linkLocale : negotiate(tags);
}

// ------------------------------------------------------------------ the catalogue in use
const MAX_MESSAGES = 5000;
let current = 'en';
let messages = null;  // msgid (or msgctxt + "\u0004" + msgid) -> text, or [forms] for plurals
let plural = null;    // { rules, categories } for current

// A catalogue file's text -> its messages, or throws an Error saying what is wrong with it.
export function parseCatalogue(text, id) {
  let c;
  try { c = JSON.parse(text); } catch (e) { throw new Error('not JSON (' + e.message + ')'); }
  if (!c || typeof c !== 'object' || c.locale !== id) throw new Error('not the catalogue of ' + id);
  const m = c.messages;
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new Error('no "messages" object');
  const keys = Object.keys(m);
  if (keys.length > MAX_MESSAGES) throw new Error(keys.length + ' messages: the limit is ' + MAX_MESSAGES);
  for (const k of keys) {
    const v = m[k];
    const ok = typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.length <= 6 && v.every((s) => typeof s === 'string'));
    if (!ok) throw new Error('message ' + JSON.stringify(k.slice(0, 60)) + ' is neither a text nor a list of plural forms');
  }
  return m;
}

// Makes id the language in use, with its messages (null: the English source texts).
export function useCatalogue(id, msgs) {
  current = isLocale(id) ? id : 'en';
  messages = current === 'en' ? null : msgs || null;
  plural = null;
}
export function currentLocale() { return current; }

// Fills {name} from vars (numbers the locale's way); unknown names stay as written.
function fill(text, vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, function (all, k) {
    if (!(k in vars)) return all;
    return typeof vars[k] === 'number' ? formatNumber(vars[k]) : String(vars[k]);
  });
}
function lookup(key) {
  const v = messages && Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
  return typeof v === 'string' && v ? v : null;
}
// The text of msgid in the interface language (English when the catalogue lacks it).
export function t(msgid, vars) { return fill(lookup(msgid) || msgid, vars); }
// The same with a context (msgctxt) telling apart two uses of one English text.
export function tc(ctx, msgid, vars) { return fill(lookup(ctx + '\u0004' + msgid) || msgid, vars); }

// The plural categories (CLDR order) this language uses for whole numbers: the PO file's
// forms are in this order (en: one, other; ko, ja, zh: other).
const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
export function pluralCategories(id) {
  const rules = new Intl.PluralRules(intlTag(id));
  const seen = new Set();
  for (let n = 0; n <= 200; n++) seen.add(rules.select(n));
  seen.add('other');
  return { rules: rules, categories: CLDR_ORDER.filter((c) => seen.has(c)) };
}
// Which of `count` plural forms n takes in locale id.
export function pluralIndex(id, n, count) {
  const p = id === current ? (plural || (plural = pluralCategories(id))) : pluralCategories(id);
  const i = p.categories.indexOf(p.rules.select(n));
  return Math.max(0, Math.min(i < 0 ? count - 1 : i, count - 1));
}
// singular/pluralText for n ({n} is filled in, the locale's way).
export function tn(singular, pluralText, n, vars) {
  const v = messages && Object.prototype.hasOwnProperty.call(messages, singular) ? messages[singular] : null;
  const forms = Array.isArray(v) && v.every(Boolean) ? v : [singular, pluralText];
  const id = Array.isArray(v) ? current : 'en';
  return fill(forms[pluralIndex(id, n, forms.length)], Object.assign({ n: n }, vars));
}

// A text to show in the interface language, looked up when shown (and again when the language
// changes: dom.js's h() keeps such texts up to date). msg('Copy link'), msgc('verb', 'Play').
export class Msg {
  constructor(msgid, ctx, vars) { this.msgid = msgid; this.ctx = ctx || ''; this.vars = vars || null; }
  toString() { return this.ctx ? tc(this.ctx, this.msgid, this.vars) : t(this.msgid, this.vars); }
}
export function msg(msgid, vars) { return new Msg(msgid, '', vars); }
export function msgc(ctx, msgid, vars) { return new Msg(msgid, ctx, vars); }

// ------------------------------------------------------------------ numbers and dates
// Formatters made once per locale and style: making an Intl formatter costs far more than using
// one, and the screen-reader list formats up to 400 dates at each update while a 10k dataset
// plays (docs/benchmarks.md, "The page's frame at 10k").
const formatters = new Map();
function formatter(kind, style) {
  const key = kind + '|' + current + '|' + (style || '');
  let f = formatters.get(key);
  if (!f) {
    f = kind === 'n' ? new Intl.NumberFormat(intlTag(current))
      : new Intl.DateTimeFormat(intlTag(current), { dateStyle: style || 'long', timeZone: 'UTC' });
    if (formatters.size > 32) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}
export function formatNumber(n) {
  try { return formatter('n').format(n); } catch (e) { return String(n); }
}
// "2023-08-29" -> "29 August 2023" / "2023年8月29日" / "2023년 8월 29일" ('' when not a date).
export function formatDate(iso, style) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  if (!m) return '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  try {
    return formatter('d', style).format(d);
  } catch (e) {
    return iso;
  }
}
