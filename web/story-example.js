/* A scrollytelling host page for a chipatlas story (see API.md, "Stories"): the atlas in a
 * sticky sandboxed iframe, the story's captions as sections beside it (under it on phones),
 * and an IntersectionObserver that sends storyStep as each caption reaches the middle of the
 * window. ?story=<id> picks a bundled story (default: the first listStories gives); the atlas
 * is index.html next to this page, told to accept this page's origin. */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var iframe = document.getElementById('atlas');
  var list = document.getElementById('steps');
  var status = document.getElementById('status');
  var app = new URL('index.html', location.href);
  app.searchParams.set('embed', '1');
  app.searchParams.set('origins', location.origin);
  var nextId = 1;
  var pending = new Map();
  // For tests and the console: the events heard, the step shown, send().
  var host = { events: [], step: 0, ready: false, send: send };
  window.storyHost = host;

  // Sandboxed without allow-same-origin: the frame's origin is opaque ("null"), so messages go
  // to "*" and replies are recognised by their source window.
  function send(cmd, args) {
    var id = nextId++;
    var msg = {};
    Object.keys(args || {}).forEach(function (k) { msg[k] = args[k]; });
    msg.chipatlas = 1; msg.type = 'command'; msg.id = id; msg.cmd = cmd;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      iframe.contentWindow.postMessage(msg, '*');
    });
  }

  window.addEventListener('message', function (ev) {
    if (ev.source !== iframe.contentWindow) return;
    var m = ev.data;
    if (!m || typeof m !== 'object' || m.chipatlas !== 1) return;
    if (m.type === 'reply') {
      var p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.result); else p.reject(new Error(String(m.error).slice(0, 300)));
    } else if (m.type === 'event') {
      host.events.push(m.event);
      if (m.event === 'ready' && !host.ready) { host.ready = true; start(); }
      if (m.event === 'storystep' && m.data) markStep(m.data.step | 0);
    }
  });

  function say(text) { status.textContent = text; }

  // The caption that is current, for the eye and for assistive technology.
  function markStep(n) {
    host.step = n;
    Array.prototype.forEach.call(list.children, function (li, i) {
      if (i + 1 === n) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
  }

  function text(tag, t, cls) {
    var e = document.createElement(tag);
    e.textContent = t;
    if (cls) e.className = cls;
    return e;
  }

  function build(story) {
    document.getElementById('story-title').textContent = String(story.title || 'Story').slice(0, 200);
    if (story.summary) document.getElementById('story-summary').textContent = String(story.summary).slice(0, 800);
    (story.steps || []).slice(0, 40).forEach(function (s, i) {
      var li = document.createElement('li');
      li.dataset.step = String(i + 1);
      li.appendChild(text('h2', String(s.title || '').slice(0, 200)));
      li.appendChild(text('p', String(s.text || '').slice(0, 2000)));
      (s.sources || []).slice(0, 8).forEach(function (src) {
        var url;
        try { url = new URL(String(src.url)); } catch (e) { return; }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
        var a = text('a', 'Source: ' + String(src.title || url.hostname).slice(0, 200), 'ca-src');
        a.href = url.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.appendChild(a);
      });
      list.appendChild(li);
    });
    // A caption becomes current when it crosses the middle band of the window.
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        var n = +e.target.dataset.step;
        if (n === host.step) return;
        markStep(n);
        send('storyStep', { story: story.id, step: n }).then(null, function (err) { say('Could not show step ' + n + ': ' + err.message); });
      });
    }, { rootMargin: '-45% 0px -45% 0px' });
    Array.prototype.forEach.call(list.children, function (li) { io.observe(li); });
  }

  function start() {
    send('listStories').then(function (r) {
      var stories = (r && r.stories) || [];
      var want = params.get('story');
      var pick = stories.filter(function (s) { return !want || s.id === want; })[0];
      if (!pick) throw new Error(want ? 'no story "' + want.slice(0, 80) + '"' : 'the atlas has no stories');
      return send('story', { story: pick.id });
    }).then(function (r) {
      build(r.story);
      return send('storyStep', { story: r.story.id, step: 1 });
    }).then(null, function (e) { say('The story could not be shown: ' + e.message); });
  }

  iframe.src = app.href;
})();
