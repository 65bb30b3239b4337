// The map context's scissor box and blend state, answered from a copy kept in step with the calls
// that set them: ImGui saves and restores them every frame, each a GPU round trip (docs/benchmarks.md).
//
// WebGL answers getParameter for these from the GPU process: the page stops until the GPU has
// done all it was given before (on software GL, tens of ms a call under load, 7 calls a frame).
// shadowGlState(gl) wraps the context's own methods (not the prototype's): scissor, blendFunc,
// blendFuncSeparate, blendEquation and blendEquationSeparate note what they set; getParameter
// answers those seven values from the copy. Whatever the copy cannot be sure of (an argument
// that WebGL may refuse, a lost context) is forgotten and asked of WebGL again.
export const SCISSOR_BOX = 0x0C10;
export const BLEND_SRC_RGB = 0x80C9;
export const BLEND_DST_RGB = 0x80C8;
export const BLEND_SRC_ALPHA = 0x80CB;
export const BLEND_DST_ALPHA = 0x80CA;
export const BLEND_EQUATION_RGB = 0x8009;
export const BLEND_EQUATION_ALPHA = 0x883D;
export const TRACKED = [SCISSOR_BOX, BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA,
  BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA];

// Blend factors WebGL 2 takes in any position (the CONSTANT_* ones have rules: not tracked).
const FACTORS = new Set([0, 1, 0x300, 0x301, 0x302, 0x303, 0x304, 0x305, 0x306, 0x307, 0x308]);
// FUNC_ADD, MIN, MAX, FUNC_SUBTRACT, FUNC_REVERSE_SUBTRACT.
const EQUATIONS = new Set([0x8006, 0x8007, 0x8008, 0x800A, 0x800B]);
const ONE = 1, ZERO = 0, FUNC_ADD = 0x8006;

const factor = (f) => FACTORS.has(f >>> 0);
const equation = (m) => EQUATIONS.has(m >>> 0);

// Installs the copy on gl, a WebGL 2 context just created (its state is WebGL's defaults).
export function shadowGlState(gl) {
  const proto = Object.getPrototypeOf(gl);
  const known = new Map();
  const forget = (...pnames) => pnames.forEach((p) => known.delete(p));
  // WebGL's initial state: the scissor box is the drawing buffer at creation, blending ONE, ZERO, FUNC_ADD.
  known.set(SCISSOR_BOX, [0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight]);
  known.set(BLEND_SRC_RGB, ONE).set(BLEND_SRC_ALPHA, ONE).set(BLEND_DST_RGB, ZERO).set(BLEND_DST_ALPHA, ZERO);
  known.set(BLEND_EQUATION_RGB, FUNC_ADD).set(BLEND_EQUATION_ALPHA, FUNC_ADD);

  gl.getParameter = function (pname) {
    if (known.has(pname) && !gl.isContextLost()) {
      const v = known.get(pname);
      return Array.isArray(v) ? Int32Array.from(v) : v;
    }
    const v = proto.getParameter.call(gl, pname);
    if (TRACKED.includes(pname) && v !== null && !gl.isContextLost()) known.set(pname, v instanceof Int32Array ? Array.from(v) : v);
    return v;
  };
  gl.scissor = function (x, y, w, h) {
    proto.scissor.call(gl, x, y, w, h);
    if ((w | 0) >= 0 && (h | 0) >= 0) known.set(SCISSOR_BOX, [x | 0, y | 0, w | 0, h | 0]);
    else forget(SCISSOR_BOX);  // refused by WebGL
  };
  gl.blendFuncSeparate = function (srcRgb, dstRgb, srcAlpha, dstAlpha) {
    proto.blendFuncSeparate.call(gl, srcRgb, dstRgb, srcAlpha, dstAlpha);
    if (factor(srcRgb) && factor(dstRgb) && factor(srcAlpha) && factor(dstAlpha)) {
      known.set(BLEND_SRC_RGB, srcRgb >>> 0).set(BLEND_DST_RGB, dstRgb >>> 0);
      known.set(BLEND_SRC_ALPHA, srcAlpha >>> 0).set(BLEND_DST_ALPHA, dstAlpha >>> 0);
    } else {
      forget(BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA);
    }
  };
  gl.blendFunc = function (src, dst) {
    proto.blendFunc.call(gl, src, dst);
    if (factor(src) && factor(dst)) {
      known.set(BLEND_SRC_RGB, src >>> 0).set(BLEND_SRC_ALPHA, src >>> 0);
      known.set(BLEND_DST_RGB, dst >>> 0).set(BLEND_DST_ALPHA, dst >>> 0);
    } else {
      forget(BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA);
    }
  };
  gl.blendEquationSeparate = function (rgb, alpha) {
    proto.blendEquationSeparate.call(gl, rgb, alpha);
    if (equation(rgb) && equation(alpha)) known.set(BLEND_EQUATION_RGB, rgb >>> 0).set(BLEND_EQUATION_ALPHA, alpha >>> 0);
    else forget(BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA);
  };
  gl.blendEquation = function (mode) {
    proto.blendEquation.call(gl, mode);
    if (equation(mode)) known.set(BLEND_EQUATION_RGB, mode >>> 0).set(BLEND_EQUATION_ALPHA, mode >>> 0);
    else forget(BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA);
  };
  // A lost context comes back with WebGL's defaults for a buffer of its own size: ask WebGL.
  if (gl.canvas && gl.canvas.addEventListener) {
    gl.canvas.addEventListener('webglcontextlost', function () { known.clear(); });
    gl.canvas.addEventListener('webglcontextrestored', function () { known.clear(); });
  }
  return gl;
}
