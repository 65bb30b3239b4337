// The host-page API (API.md): window.chipatlas for scripts in the page, and commands over
// postMessage from allowed origins, each answered with a reply to its sender.
import { API_VERSION } from './limits.js';
import { app } from './state.js';
import { originAllowed } from './origins.js';
import { messageIdOk, ID_ERROR, versionError, messageArgs } from './commands.js';
import { allowed } from './config.js';
import { command } from './runtime.js';
import { listeners, setParentOrigin } from './host_events.js';

const api = {
  version: API_VERSION,
  get ready() { return app.ready; },
  get state() { return app.lastState; },
  getState: function () { return command('getState').then(function (r) { return r.state; }); },
  setState: function (partial) { return command('setState', { state: partial }); },
  command: command,
  on: function (name, fn) {
    if (typeof fn !== 'function') return api;
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name).add(fn);
    if (name === 'ready' && app.ready) Promise.resolve().then(function () { fn({}); });
    return api;
  },
  off: function (name, fn) {
    const set = listeners.get(name);
    if (set) set.delete(fn);
    return api;
  }
};

const warnedOrigins = new Set();
function onMessage(ev) {
  const m = ev.data;
  if (!m || typeof m !== 'object' || !('chipatlas' in m) || m.type !== 'command') return;
  if (!originAllowed(allowed, ev.origin)) {
    if (!warnedOrigins.has(ev.origin)) {
      warnedOrigins.add(ev.origin);
      console.warn('chipatlas: ignoring messages from ' + ev.origin + ' (not in the allowed origins: ' +
        allowed.join(', ') + '; see API.md)');
    }
    return;
  }
  const source = ev.source;
  const target = ev.origin === 'null' ? '*' : ev.origin;
  if (source && source === window.parent && ev.origin !== 'null') setParentOrigin(ev.origin);
  const id = m.id;
  const idOk = messageIdOk(id);
  function reply(ok, payload) {
    const msg = { chipatlas: API_VERSION, type: 'reply', id: idOk ? id : null, ok: ok };
    Object.keys(payload).forEach(function (k) { msg[k] = payload[k]; });
    try { if (source) source.postMessage(msg, target); } catch (e) { /* ignore */ }
  }
  const badVersion = versionError(m.chipatlas);
  if (badVersion) { reply(false, { error: badVersion }); return; }
  if (!idOk) { reply(false, { error: ID_ERROR }); return; }
  command(m.cmd, messageArgs(m)).then(
    function (result) { reply(true, { result: result }); },
    function (err) { reply(false, { error: String(err && err.message || err) }); });
}

// Defines window.chipatlas (before the wasm loads: calls made early wait for `ready`) and
// starts listening for host messages.
export function installHostApi() {
  try {
    Object.defineProperty(window, 'chipatlas', { value: api, enumerable: true, configurable: false, writable: false });
  } catch (e) {
    window.chipatlas = api;
  }
  window.addEventListener('message', onMessage);
}
