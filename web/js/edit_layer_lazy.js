// The editing layer (js/edit_layer.js, a bundle of its own: ~5 KB gzip) for editing visits only:
// fetched when one starts (loadEditLayer), drawn from the first `editstate` once it is there.
import { doc, h } from './dom.js';
import { call } from './runtime.js';
import { showError } from './ui_chrome.js';
import { t, tn, msg, msgc } from './i18n.js';
import { onLocaleChange } from './page_i18n.js';

let layer = null;    // the module, once imported and given the page's helpers
let loading = null;  // its import
let waiting = null;  // the last `editstate` before it came: [data, after, later]

// Starts the layer's download (boot.js, for an editing visit: it overlaps the editor's wasm).
export function loadEditLayer() {
  if (!loading) {
    loading = import('./edit_layer.js').then(function (m) {
      m.usePage({ doc: doc, h: h, call: call, t: t, tn: tn, msg: msg, msgc: msgc, onLocaleChange: onLocaleChange });
      layer = m;
      if (waiting) m.onEditLayerState.apply(null, waiting);
      waiting = null;
    }, function (e) {
      // The panel on the map still edits.
      showError(msg('The editing controls did not load'), msg('{why}. The map\u2019s edit panel still works; reload to try again.',
        { why: String(e && e.message || e).slice(0, 200) }));
    });
  }
  return loading;
}

// `editstate` (events.js): the layer follows the edit panel; before it has loaded, the last state
// waits for it (each redraw asks the wasm for the whole view, so the last one is enough).
export function onEditLayerState(data, after, later) {
  if (layer) return layer.onEditLayerState(data, after, later);
  if (!data || !data.open) return;
  waiting = [data, after, later];
  loadEditLayer();
}
