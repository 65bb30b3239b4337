/* Host side of the chipatlas postMessage API (see API.md), as an embedding page would write it.
 * The atlas URL: the iframe's data-app attribute (set by whoever deploys this page; it may
 * name another site), else ?app=<url>, which must be an http(s) URL on this page's own origin
 * (a link must not make this page frame javascript:, data: or someone else's site), else
 * index.html next to this page. ?origins=<list> overrides the origins the atlas is told to
 * accept (default: this page's). */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var iframe = document.getElementById('atlas');
  var logEl = document.getElementById('log');

  // The ?app= URL if it is same-origin http(s), else null.
  function sameOriginApp(spec) {
    try {
      var u = new URL(spec, location.href);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === location.origin ? u : null;
    } catch (e) {
      return null;
    }
  }
  var app = null;
  var refused = null;
  if (iframe.dataset.app) app = new URL(iframe.dataset.app, location.href);
  else if (params.has('app')) {
    app = sameOriginApp(params.get('app'));
    if (!app) refused = params.get('app');
  }
  if (!app) app = new URL('index.html', location.href);
  app.searchParams.set('embed', '1');
  app.searchParams.set('origins', params.has('origins') ? params.get('origins') : location.origin);
  // A sandboxed iframe without allow-same-origin has an opaque origin, so messages to it must
  // use targetOrigin "*" and messages from it arrive with origin "null": identify it by
  // event.source instead. Without the sandbox, use the app's real origin.
  var sandboxed = iframe.sandbox && iframe.sandbox.length && !iframe.sandbox.contains('allow-same-origin');
  var target = sandboxed ? '*' : app.origin;

  var nextId = 1;
  var pending = new Map();
  var host = { events: [], replies: [], send: send, ready: false };
  window.embedHost = host; // for tests and the console

  function log(text) {
    var li = document.createElement('li');
    li.textContent = new Date().toISOString().slice(11, 23) + '  ' + text;
    logEl.appendChild(li);
    while (logEl.children.length > 100) logEl.removeChild(logEl.firstChild);
    logEl.scrollTop = logEl.scrollHeight;
  }

  function send(cmd, args, timeoutMs) {
    var id = nextId++;
    var msg = {};
    Object.keys(args || {}).forEach(function (k) { msg[k] = args[k]; });
    msg.chipatlas = 1; msg.type = 'command'; msg.id = id; msg.cmd = cmd; // the envelope wins
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        pending.delete(id);
        reject(new Error('no reply to ' + cmd + ' (is this origin allowed?)'));
      }, timeoutMs || 10000);
      pending.set(id, { resolve: resolve, reject: reject, timer: timer });
      iframe.contentWindow.postMessage(msg, target);
      log('→ ' + cmd + ' ' + JSON.stringify(args || {}));
    });
  }

  window.addEventListener('message', function (ev) {
    if (ev.source !== iframe.contentWindow) return; // not our atlas
    var m = ev.data;
    if (!m || typeof m !== 'object' || m.chipatlas !== 1) return;
    if (m.type === 'reply') {
      host.replies.push(m);
      var p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      log('← reply ' + m.id + (m.ok ? ' ok' : ' error: ' + m.error));
      if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
    } else if (m.type === 'event') {
      host.events.push({ event: m.event, data: m.data });
      if (m.event === 'ready') host.ready = true;
      if (m.event === 'height' && m.data && m.data.px > 0) {
        iframe.style.height = Math.max(240, Math.min(Math.round(m.data.px), 4000)) + 'px';
      }
      var d = m.data || {};
      var brief = m.event === 'statechange' ? (d.hash || '') : JSON.stringify(d).slice(0, 160);
      log('← ' + m.event + ' ' + brief);
    }
  });

  document.querySelectorAll('[data-cmd]').forEach(function (b) {
    b.addEventListener('click', function () {
      var args = {};
      if (b.dataset.region) args.region = b.dataset.region;
      if (b.dataset.t) args.t = b.dataset.t;
      send(b.dataset.cmd, args).then(function (r) {
        if (b.dataset.cmd === 'getState' && r && r.state) log('  state ' + JSON.stringify(r.state).slice(0, 200));
      }, function (e) { log('✗ ' + e.message); });
    });
  });

  if (refused !== null) {
    host.refusedApp = refused;
    log('✗ ignoring ?app=' + refused.slice(0, 200) + ': only an http(s) URL on ' + location.origin + ' may be embedded');
  }
  iframe.src = app.href;
  log('embedding ' + app.href);
})();
