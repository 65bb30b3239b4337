// The page's run-time state that several modules read and write (one object, so that every
// module sees the same values). Pure (no DOM).

export const app = {
  fatal: false,        // the app has stopped (fatalError): no more frames or commands
  ready: false,        // the wasm drew its first frame with data (the `ready` event)
  lastState: null,     // the newest state object from the wasm
  lastHash: null,      // the newest view-state hash from the wasm
  shownDataset: null,  // the file names ("a.json, b.json") of a non-published dataset on the map, or null
};
