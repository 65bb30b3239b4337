// Emscripten JS library for the web platform (linked by cmake/web_site.cmake with --js-library):
// the canvas size is set only when it changes, and SDL's 1x1 probe of the map's canvas is skipped.
//
// SDL_CreateWindow sets the canvas to 1x1 to learn whether CSS sizes it, then to its CSS size
// times the pixel ratio. Each change of a WebGL canvas's size waits for the GPU process (about
// 0.3 s on software GL before the first frame: docs/benchmarks.md, "First frame"). The map's
// canvas (#canvas) is always sized by CSS (web/style.css), so the probe's answer is known, and
// js/gl_early.js makes it at its CSS size times the pixel ratio, so SDL's second call changes
// nothing either.
//
// Its deps also pull in two library functions that SDL2's EM_ASM code calls by name
// (autoResumeAudioContext, dynCall): Closure (cmake/web_site.cmake) refuses undeclared names.
mergeInto(LibraryManager.library, {
  emscripten_set_canvas_element_size__deps: ['$findCanvasEventTarget', '$autoResumeAudioContext', '$dynCall'],
  emscripten_set_canvas_element_size: function (target, width, height) {
    var canvas = findCanvasEventTarget(target);
    if (!canvas) return -4;
    if (width == 1 && height == 1 && canvas.id == 'canvas') return 0;  // SDL's probe: CSS sizes it
    if (canvas.width != width) canvas.width = width;
    if (canvas.height != height) canvas.height = height;
    return 0;
  },
});
