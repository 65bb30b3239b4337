// The bundled stories are not in the first visit's wasm: the site serves them in stories/ (with
// stories/index.json, the list of their files), fetched once a story is first asked for. Pure.

// Which commands need the bundled stories loaded first: the story commands, and a view that
// names a story (setState's `story`, setHash's `story=`).
const STORY_COMMANDS = new Set(['listStories', 'story', 'storyStep']);
export function needsStories(msg) {
  if (!msg || typeof msg !== 'object') return false;
  if (STORY_COMMANDS.has(msg.cmd)) return true;
  if (msg.cmd === 'setState') return !!(msg.state && typeof msg.state.story === 'string' && msg.state.story);
  if (msg.cmd === 'setHash') return typeof msg.hash === 'string' && /(^|[#&])story=[^&]/.test(msg.hash);
  return false;
}

// stories/index.json's text -> the story files' names (at most `max`; only plain names of JSON
// files, so that every fetch stays inside stories/). Throws with a reason when it is no index.
export function storyFilesFromIndex(text, max) {
  const j = JSON.parse(text);
  if (!j || !Array.isArray(j.files)) throw new Error('stories/index.json has no "files" list');
  return j.files.filter(function (f) { return typeof f === 'string' && /^[a-z0-9][a-z0-9_.-]{0,99}\.json$/.test(f) && f !== 'schema.json'; })
    .slice(0, max);
}

// Fetches the index and every story it lists (fetchText(path) resolves with a file's text), and
// hands each to load(name, text); resolves, never rejects, with the problems met (a story that
// does not hold for the data shown is one: the wasm leaves it out).
export function loadBundledStories(fetchText, load, max) {
  const problems = [];
  return fetchText('stories/index.json').then(function (text) {
    return Promise.all(storyFilesFromIndex(text, max).map(function (f) {
      const name = 'stories/' + f;
      return fetchText(name).then(function (t) { return { name: name, text: t }; },
        function (e) { problems.push(name + ': ' + (e && e.message || e)); return null; });
    }));
  }).then(function (files) {
    files.forEach(function (f) {
      if (!f) return;
      const why = load(f.name, f.text);
      if (why) problems.push(f.name + ': ' + why);
    });
    return problems;
  }, function (e) {
    problems.push('stories/index.json: ' + (e && e.message || e));
    return problems;
  });
}
