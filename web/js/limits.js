// The host API's version and the limits on what crosses into the page and the wasm.
// Pure data (no DOM): imported by the page's modules and by the unit tests (tests/js/).

export const API_VERSION = 1;

// docs/web_bridge.md and API.md ("Limits"). The two command limits must match
// src/core/commands.h (kCommandMaxBytes, kCommandMaxDepth): the wasm checks them again.
export const LIMITS = Object.freeze({
  commandBytes: 64 * 1024,         // one command as UTF-8 JSON
  commandDepth: 32,                // nesting of arrays and objects in one command
  commandNameChars: 64,            // the `cmd` of a command
  hashChars: 8 * 1024,             // the URL hash (view state)
  datasetBytes: 64 * 1024 * 1024,  // one dataset file (?data=, or opened or dropped)
  datasetTotalBytes: 64 * 1024 * 1024,  // all the files of one dataset together
  datasetFiles: 16,                // files in one dataset (?data=a.json,b.json, or opened together)
  dataNameChars: 1024,             // the whole ?data= value, and one local file's name
  errorLines: 50,                  // dataset errors listed in the page (then "and N more")
  originsChars: 4096,              // ?origins= / #origins=
  messageIdChars: 256,             // the id a host puts on a postMessage command
  queuedCommands: 200,             // commands waiting for `ready`
  openUrlChars: 2048,              // a link the wasm asks the page to open (src/platform/sdl_gl.h kMaxUrlBytes)
  fontSliceBytes: 1024 * 1024,     // one fonts/slice-XXXX.otf (the largest is about 100 KB)
  catalogueBytes: 1024 * 1024,     // one i18n/LANG.mo, the app's texts (a few dozen KB)
  fontSlices: 64,                  // slices fetched for one dataset
  editFiles: 8,                    // files the web editor hands over at once (download or copy)
  editFileChars: 16 * 1024 * 1024, // one of them, in UTF-16 characters
  editKeepChars: 4 * 1024 * 1024,  // the edits this tab keeps across a reload (sessionStorage), all files together
  pageCatalogueBytes: 256 * 1024,  // one i18n/<id>.json, the page's texts (about 12 KB)
  storyBytes: 48 * 1024,           // one ?story= file, or a bundled one (src/core/story.h kStoryMaxBytes: one loadStory command carries it)
  bundledStories: 16,              // the bundled stories' files fetched from stories/ (index.json lists them)
});
