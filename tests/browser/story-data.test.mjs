// ?data= with ?story= (issue 19): a story given with a runtime dataset is checked against that
// dataset (its ids), not the published one, whichever of the two files arrives first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startHarness, assertClean, describeLog, ROOT, TESTDATA_OUT } from './harness.mjs';

let h;
before(async () => {
  h = await startHarness();
  mkdirSync(TESTDATA_OUT, { recursive: true });
  execFileSync('python3', [join(ROOT, 'tools', 'bench', 'gen_synthetic.py'), '3', join(TESTDATA_OUT, 'rt-data.json')]);
  // Every id it cites (o1, c1, the source syn) exists only in the runtime dataset.
  const story = { id: 'rt', title: 'Runtime', steps: [
    { view: { t: '2023-06-01', selected: 'c1' }, caption: { title: 'One', text: 'A collaboration of the runtime data.', sources: ['syn'] } },
    { view: { t: '2023-06-01', selected: 'o1' }, caption: { title: 'Two', text: 'An organisation of the runtime data.' } },
  ] };
  writeFileSync(join(TESTDATA_OUT, 'rt-story.json'), JSON.stringify(story));
});
after(async () => { if (h) await h.close(); });

function gate() {
  let open;
  const p = new Promise((resolve) => { open = resolve; });
  return { p, open };
}

// first: 'story' (the dataset's response waits for the story's) or 'data' (the other way round).
for (const first of ['story', 'data']) {
  test(`?data= + ?story=: the story holds for the runtime dataset when the ${first} file arrives first`, { timeout: 150000 }, async () => {
    const storyDone = gate(), dataDone = gate();
    const order = [];
    const route = async (page) => {
      await page.route('**/testdata/rt-story.json', async (r) => {
        if (first === 'data') await dataDone.p;
        const resp = await r.fetch();
        await r.fulfill({ response: resp });
        order.push('story');
        storyDone.open();
      });
      await page.route('**/testdata/rt-data.json', async (r) => {
        if (first === 'story') await storyDone.p;
        const resp = await r.fetch();
        await r.fulfill({ response: resp });
        order.push('data');
        dataDone.open();
      });
    };
    const { page, log } = await h.open('index.html?data=testdata/rt-data.json&story=testdata/rt-story.json#rm=1', { route, ready: false });
    await page.waitForFunction(() => {
      const s = window.chipatlas && window.chipatlas.state;
      return (s && s.story === 'rt' && s.step === 1) || document.documentElement.dataset.error === '1' ||
        !document.getElementById('error').hidden;
    }, null, { timeout: 90000, polling: 100 }).catch((e) => { throw new Error(`${e.message}\n  ${describeLog(log)}`); });
    assert.deepEqual(order, first === 'story' ? ['story', 'data'] : ['data', 'story']);
    assert.equal(await page.locator('#error').isHidden(), true,
      'no error: ' + (await page.locator('#error').isHidden() ? '' : await page.locator('#error').innerText()));
    const s = await page.evaluate(() => window.chipatlas.getState());
    assert.equal(s.selected, 'c1');
    assert.equal(s.dataset, 'testdata/rt-data.json');
    // Its second step, and its caption's source from the runtime dataset.
    const r = await page.evaluate(() => window.chipatlas.command('storyStep', { story: 'rt', step: 2 }));
    assert.equal(r.story.steps[0].sources[0].title.length > 0, true);
    assert.equal((await page.evaluate(() => window.chipatlas.getState())).selected, 'o1');
    assertClean(log, `?data= + ?story=, ${first} first`);
  });
}
