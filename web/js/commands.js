// Commands from the in-page API and host pages: translation into the wasm's commands, the size
// and depth check, and the postMessage envelope. Pure (no DOM): unit-tested in tests/js/.
import { API_VERSION, LIMITS } from './limits.js';

// Commands the wasm's ca_command takes as they are (docs/web_bridge.md).
export const DIRECT = Object.freeze(['getState', 'setState', 'setHash', 'play', 'pause', 'togglePlay', 'step',
  'select', 'flyTo', 'search', 'export', 'locate', 'audit', 'legend', 'about', 'openEditor', 'editField',
  'editView', 'editDo', 'editStory',
  'listStories', 'story', 'storyStep', 'exitStory', 'loadStory']);

function pick(a, keys) {
  const s = {};
  keys.forEach(function (k) { if (a[k] !== undefined) s[k] = a[k]; });
  return s;
}

// An API command (`cmd` + arguments, API.md "Commands") as the wasm's command object; throws
// for an unknown or malformed `cmd`.
export function translate(cmd, a) {
  if (typeof cmd !== 'string' || !cmd) throw new TypeError('cmd must be a non-empty string');
  if (cmd.length > LIMITS.commandNameChars) throw new Error('unknown command "' + cmd.slice(0, LIMITS.commandNameChars) + '…"');
  a = a && typeof a === 'object' ? a : {};
  switch (cmd) {
    case 'setTheme': return { cmd: 'setState', state: pick(a, ['theme']) };
    case 'setLanguage': return { cmd: 'setState', state: { lang: a.lang } };
    case 'setLocale': return { cmd: 'setState', state: { locale: a.locale } };
    case 'setTime': return { cmd: 'setState', state: { t: a.t } };
    case 'setMode': return { cmd: 'setState', state: pick(a, ['mode', 'window']) };
    case 'setFilters': return { cmd: 'setState', state: pick(a, ['hiddenKinds', 'hiddenRegions', 'hiddenOrgKinds']) };
    case 'select':
      // Over postMessage `id` is the message id, so the item travels as `item`.
      return { cmd: 'select', id: a.item !== undefined ? a.item : a.id !== undefined ? a.id : '' };
  }
  if (DIRECT.indexOf(cmd) < 0) throw new Error('unknown command "' + cmd + '"');
  const msg = {};
  Object.keys(a).forEach(function (k) { if (k !== '__proto__') msg[k] = a[k]; });
  msg.cmd = cmd;
  return msg;
}

// Checks a command before it is serialised: depth, and size as a lower bound of its JSON
// length (brackets, commas, each key's quotes and colon, a string's quotes and UTF-16 units,
// at least one byte for any other value), so that a command whose JSON is exactly at the limit
// passes. Without recursion (a hostile message can be deeper than the JS stack), stopping at
// the first limit crossed. Returns the error, or null; encodeCommand checks the exact size.
export function commandTooBig(value) {
  const stack = [value, 1];
  let bytes = 0;
  while (stack.length) {
    const depth = stack.pop();
    const v = stack.pop();
    if (v === null || typeof v !== 'object') {
      bytes += typeof v === 'string' ? v.length + 2 : 1;
    } else {
      if (depth > LIMITS.commandDepth) return 'command nested too deep (the limit is ' + LIMITS.commandDepth + ' levels)';
      const keys = Array.isArray(v) ? null : Object.keys(v);
      const n = keys ? keys.length : v.length;
      bytes += 2 + Math.max(0, n - 1);
      if (bytes > LIMITS.commandBytes) break;
      for (let i = 0; i < n; i++) {
        if (keys) bytes += keys[i].length + 3;
        stack.push(keys ? v[keys[i]] : v[i], depth + 1);
      }
    }
    if (bytes > LIMITS.commandBytes) break;
  }
  return bytes > LIMITS.commandBytes ? 'command too large: over ' + LIMITS.commandBytes + ' bytes' : null;
}

const utf8enc = new TextEncoder();

// The command as UTF-8 JSON within the limits ({ bytes }), or { error }. JSON.stringify may
// throw (a BigInt, a throwing getter): callers catch it.
export function encodeCommand(msg) {
  const why = commandTooBig(msg);
  if (why) return { error: why };
  const text = JSON.stringify(msg);
  // UTF-8 takes at least one byte per UTF-16 unit: a long string is too large before encoding.
  if (typeof text !== 'string' || text.length > LIMITS.commandBytes) return { error: 'command too large: over ' + LIMITS.commandBytes + ' bytes' };
  const bytes = utf8enc.encode(text);
  if (bytes.length > LIMITS.commandBytes) return { error: 'command too large: ' + bytes.length + ' bytes (the limit is ' + LIMITS.commandBytes + ')' };
  return { bytes: bytes };
}

// --- the postMessage envelope: { chipatlas: 1, type: 'command', id, cmd, ...args | args }

// The id comes back in the reply: only none, a finite number or a short string is echoed.
export function messageIdOk(id) {
  return id === undefined || id === null || (typeof id === 'number' && isFinite(id)) ||
    (typeof id === 'string' && id.length <= LIMITS.messageIdChars);
}
export const ID_ERROR = 'id must be a number or a string of at most ' + LIMITS.messageIdChars + ' characters';

// The error for a message of another API version, or null for this one.
export function versionError(v) {
  if (v === API_VERSION) return null;
  const shown = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 20) : typeof v;
  return 'unsupported API version ' + shown + ' (this page speaks ' + API_VERSION + ')';
}

const ENVELOPE = ['chipatlas', 'type', 'id', 'cmd', 'args'];
// A command's arguments: its `args` object, or else the message's own fields less the envelope.
export function messageArgs(m) {
  const args = {};
  const src = m.args && typeof m.args === 'object' && !Array.isArray(m.args) ? m.args : m;
  Object.keys(src).forEach(function (k) {
    if (src === m && ENVELOPE.indexOf(k) >= 0) return;
    // A structured-cloned "__proto__" key is an own property; as a plain assignment it would
    // set the copy's prototype instead of a field.
    if (k === '__proto__') return;
    args[k] = src[k];
  });
  return args;
}
