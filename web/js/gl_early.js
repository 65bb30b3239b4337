// WebGL 2 on the map's canvas as early as the page can: an async module at the end of <body>,
// so software GL's slow context set-up overlaps the downloads (docs/benchmarks.md, "First frame").
//
// The attributes are the ones the wasm asks for (SDL through Emscripten's EGL: alpha, no depth,
// stencil or antialiasing): its getContext('webgl2') gets this context back, so one is created.
// Emscripten enables no extension on it (-sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0): the map
// uses none, and enabling them all cost software GL 35–190 ms before the first frame.
import { shadowGlState } from './gl_state.js';

export const GL_ATTRIBUTES = { alpha: true, depth: false, stencil: false, antialias: false };

let context = null;

// The map's WebGL 2 context (created once, on the first call), or null when there is none.
export function mapContext(canvas) {
  if (context) return context;
  try {
    if (!canvas || !window.WebGL2RenderingContext) return null;
    context = canvas.getContext('webgl2', GL_ATTRIBUTES) || null;
    if (context) shadowGlState(context);  // no GPU round trip for ImGui's per-frame state saves
  } catch (e) {
    context = null;
  }
  return context;
}

mapContext(document.getElementById('canvas'));
