// web/js/story_files.js: which commands wait for the bundled stories, the index's file names
// (only plain JSON names inside stories/), and loading them (problems listed, never a rejection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsStories, storyFilesFromIndex, loadBundledStories } from '../../web/js/story_files.js';

test('the story commands and a view naming a story wait for the bundled stories; nothing else does', () => {
  for (const cmd of ['listStories', 'story', 'storyStep']) assert.equal(needsStories({ cmd }), true, cmd);
  assert.equal(needsStories({ cmd: 'setState', state: { story: 'a', step: 2 } }), true);
  assert.equal(needsStories({ cmd: 'setState', state: { story: '' } }), false);
  assert.equal(needsStories({ cmd: 'setState', state: { t: '2022' } }), false);
  assert.equal(needsStories({ cmd: 'setHash', hash: '#t=2022&story=a&step=1' }), true);
  assert.equal(needsStories({ cmd: 'setHash', hash: '#story=' }), false);
  assert.equal(needsStories({ cmd: 'setHash', hash: '#history=1' }), false);
  for (const cmd of ['getState', 'exitStory', 'loadStory', 'select']) assert.equal(needsStories({ cmd }), false, cmd);
  assert.equal(needsStories(null), false);
});

test('the index gives plain JSON file names only, capped', () => {
  const text = JSON.stringify({ files: ['a.json', '../b.json', 'c/d.json', 'schema.json', 'E.json', 3, 'f.json', 'g.txt'] });
  assert.deepEqual(storyFilesFromIndex(text, 16), ['a.json', 'f.json']);
  assert.deepEqual(storyFilesFromIndex(JSON.stringify({ files: ['a.json', 'b.json', 'c.json'] }), 2), ['a.json', 'b.json']);
  assert.throws(() => storyFilesFromIndex('{"stories": []}', 16), /no "files" list/);
  assert.throws(() => storyFilesFromIndex('not json', 16));
});

test('loading fetches the index, then each file, loads them in the index order, and lists what failed', async () => {
  const files = { 'stories/index.json': JSON.stringify({ files: ['one.json', 'two.json', 'gone.json', 'bad.json'] }),
    'stories/one.json': '1', 'stories/two.json': '2', 'stories/bad.json': 'x' };
  const fetchText = (p) => (p in files ? Promise.resolve(files[p]) : Promise.reject(new Error('HTTP 404')));
  const loaded = [];
  const problems = await loadBundledStories(fetchText, (name, text) => {
    loaded.push(name);
    return text === 'x' ? 'the story has errors' : '';
  }, 16);
  assert.deepEqual(loaded, ['stories/one.json', 'stories/two.json', 'stories/bad.json']);
  assert.deepEqual(problems, ['stories/gone.json: HTTP 404', 'stories/bad.json: the story has errors']);
  const none = await loadBundledStories(() => Promise.reject(new Error('offline')), () => '', 16);
  assert.deepEqual(none, ['stories/index.json: offline']);
});
