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
  datasetBytes: 64 * 1024 * 1024,  // a ?data= file
  dataNameChars: 1024,             // the ?data= path
  originsChars: 4096,              // ?origins= / #origins=
  messageIdChars: 256,             // the id a host puts on a postMessage command
  queuedCommands: 200,             // commands waiting for `ready`
  fontSliceBytes: 1024 * 1024,     // one fonts/slice-XXXX.otf (the largest is about 100 KB)
  fontSlices: 64,                  // slices fetched for one dataset
});
