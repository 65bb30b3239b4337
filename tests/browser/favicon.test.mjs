// The favicon is fetched once per visit (issue 17). Chromium asks for the page's icon again at
// each history.replaceState (web/js/events.js writes the view state to the URL at most once a
// second); served with `Cache-Control: no-cache` like every other file, each ask reached the
// server (6 to 8 times in this test). tools/serve.py now lets the icon be cached (max-age), so the
// asks are answered from the browser's cache. Counted at the server: playwright's request events
// include cache hits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, startServer, sleep } from './harness.mjs';

let h, server;
before(async () => {
  h = await startHarness();
  server = await startServer({ quiet: false });  // logs each request: the test counts the icon's
});
after(async () => {
  if (server) await server.close();
  if (h) await h.close();
});

const served = (what) => (server.served().match(new RegExp(`GET /${what}[ ?]`, 'g')) || []).length;

test('one visit fetches favicon.svg once', { timeout: 120000 }, async () => {
  const { page, log } = await h.open('index.html', { origin: server.origin });
  await page.evaluate(() => window.chipatlas.setState({ playing: true, speed: 16 }));
  await sleep(4500);  // playback: the URL follows the view state (at most once a second)
  await page.evaluate(() => window.chipatlas.setState({ playing: false, theme: 'dark' }));
  await sleep(1500);
  await page.evaluate(() => window.chipatlas.setState({ theme: 'light' }));
  await sleep(1500);
  const asked = log.requests.filter((u) => /\/favicon\.svg$/.test(u)).length;
  assert.ok(asked >= 2, `the page changed its URL and the browser asked for the icon again (${asked} asks)`);
  assert.equal(served('index.html'), 1, 'one visit');
  assert.equal(served('favicon.svg'), 1, `favicon.svg reached the server ${served('favicon.svg')} times in one visit`);
});
