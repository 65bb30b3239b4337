// (e) CSP: every page runs under default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
// (tools/serve.py sends the header for all HTML; csp.html carries it as <meta> too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, assertClean, waitReady, STRICT_CSP } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

for (const path of ['index.html', 'csp.html']) {
  test(`${path} under the strict CSP reaches ready without violations`, { timeout: 120000 }, async () => {
    const { page, log, response } = await h.open(path);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'serve.py sends the CSP header');
    const v = await page.evaluate(() => window.__csp);
    assert.deepEqual(v, [], 'no securitypolicyviolation events');
    assertClean(log, path);
    const inline = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src).length,
      styles: document.querySelectorAll('style').length,
    }));
    assert.deepEqual(inline, { scripts: 0, styles: 0 }, 'no inline <script>/<style>');
  });
}

test('embed-example.html (same origin) runs its sandboxed iframe under CSP', { timeout: 150000 }, async () => {
  const { page, log } = await h.open('embed-example.html', { ready: false, viewport: { width: 900, height: 900 } });
  await page.waitForFunction(() => window.embedHost && window.embedHost.ready, null, { timeout: 90000 });
  const frame = page.frames().find((f) => /\/index\.html\?embed=1/.test(f.url()));
  await waitReady(frame, log);
  assert.deepEqual(await frame.evaluate(() => window.__csp), []);
  assertClean(log, 'embed-example');
});

test('serve.py: wasm MIME, CORS, no-cache', { timeout: 30000 }, async () => {
  const r = await fetch(`${h.origin}/chipatlas.wasm`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/wasm');
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('cache-control'), 'no-cache');
  assert.equal(r.headers.get('content-security-policy'), null, 'CSP only on HTML');
  const j = await fetch(`${h.origin}/chipatlas.js`);
  assert.match(j.headers.get('content-type'), /^text\/javascript/);
  const html = await fetch(`${h.origin}/index.html`);
  assert.equal(html.headers.get('content-security-policy'), STRICT_CSP);
});
