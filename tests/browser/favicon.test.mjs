// The favicon is fetched once per visit (issue 17): nothing the page does after start-up
// (playback moving the URL's view state, theme changes) makes the browser fetch favicon.svg again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, sleep } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { if (h) await h.close(); });

const favicons = (log) => log.requests.filter((u) => /^https?:/.test(u) && new URL(u).pathname === '/favicon.svg');

test('one visit fetches favicon.svg once', { timeout: 120000 }, async () => {
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
  // The pages carry the icon inline (a data: URL), so today none is fetched at all.
  const icon = await page.evaluate(() => document.querySelector('link[rel=icon]').href);
  assert.match(icon, /^data:image\/svg\+xml,/);
});
