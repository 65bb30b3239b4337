// The favicon is fetched once per visit (issue 17): nothing the page does after start-up
// (playback moving the URL's view state, theme changes) makes the browser fetch favicon.svg again.
// NOT FIXED YET (marked todo, so it reports without failing the run): Chromium requests the icon
// again at each history.replaceState (web/js/events.js writes the view state there at most once
// a second; with replaceState stubbed out one request remains). Tried and dropped: the icon as a
// data: URL in the page (blocked by the CSP's default-src 'self', so no icon at all), and
// serve.py sending favicon.svg with max-age (playwright still sees each request).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const favicons = (log) => log.requests.filter((u) => /^https?:/.test(u) && new URL(u).pathname === '/favicon.svg');

test('one visit fetches favicon.svg once', { timeout: 120000, todo: 'issue 17: re-fetched at each history.replaceState' }, async () => {
  const { page, log } = await h.open('index.html');  // the harness logs every request from the start
  await page.evaluate(() => window.chipatlas.setState({ playing: true, speed: 16 }));
  await sleep(4500);  // playback: the URL follows the view state (at most once a second)
  await page.evaluate(() => window.chipatlas.setState({ playing: false, theme: 'dark' }));
  await sleep(1500);
  await page.evaluate(() => window.chipatlas.setState({ theme: 'light' }));
  await sleep(1500);
  const seen = favicons(log);
  assert.ok(seen.length <= 1, `favicon.svg fetched ${seen.length} times in one visit`);
  assert.deepEqual(log.cspViolations, [], 'the icon breaks no CSP rule');
});
