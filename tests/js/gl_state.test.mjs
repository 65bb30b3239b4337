// web/js/gl_state.js: the map context's scissor box and blend state answered from a copy, without
// asking WebGL (a GPU round trip), and always the value WebGL itself would give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shadowGlState, TRACKED, SCISSOR_BOX, BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA,
  BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA } from '../../web/js/gl_state.js';

// A stand-in for WebGL2RenderingContext: keeps the state as WebGL does (refusing what WebGL
// refuses) and counts getParameter calls, each a round trip in a browser.
class FakeGL {
  constructor(w, h) {
    this.drawingBufferWidth = w; this.drawingBufferHeight = h; this.lost = false; this.asked = 0; this.listeners = {};
    this.state = { [SCISSOR_BOX]: [0, 0, w, h], [BLEND_SRC_RGB]: 1, [BLEND_SRC_ALPHA]: 1, [BLEND_DST_RGB]: 0, [BLEND_DST_ALPHA]: 0,
      [BLEND_EQUATION_RGB]: 0x8006, [BLEND_EQUATION_ALPHA]: 0x8006, 0x0BA2: [0, 0, w, h] };
    this.canvas = { addEventListener: (type, f) => { (this.listeners[type] ||= []).push(f); } };
  }
  isContextLost() { return this.lost; }
  getParameter(p) {
    this.asked++;
    if (this.lost) return null;
    const v = this.state[p];
    return Array.isArray(v) ? Int32Array.from(v) : v;
  }
  scissor(x, y, w, h) { if (!this.lost && (w | 0) >= 0 && (h | 0) >= 0) this.state[SCISSOR_BOX] = [x | 0, y | 0, w | 0, h | 0]; }
  blendFuncSeparate(a, b, c, d) {
    if (this.lost) return;
    const constant = (f) => f >= 0x8001 && f <= 0x8004;
    if ([a, b, c, d].some((f) => f > 0x308 && !constant(f))) return;  // INVALID_ENUM
    if ((a === 0x8001 && b === 0x8003) || (a === 0x8003 && b === 0x8001)) return;  // INVALID_OPERATION
    Object.assign(this.state, { [BLEND_SRC_RGB]: a, [BLEND_DST_RGB]: b, [BLEND_SRC_ALPHA]: c, [BLEND_DST_ALPHA]: d });
  }
  blendFunc(s, d) { this.blendFuncSeparate(s, d, s, d); }
  blendEquationSeparate(r, a) {
    const ok = (m) => [0x8006, 0x8007, 0x8008, 0x800A, 0x800B].includes(m);
    if (!this.lost && ok(r) && ok(a)) Object.assign(this.state, { [BLEND_EQUATION_RGB]: r, [BLEND_EQUATION_ALPHA]: a });
  }
  blendEquation(m) { this.blendEquationSeparate(m, m); }
  fire(type) { (this.listeners[type] || []).forEach((f) => f()); }
}

// What the shadowed context answers, and what WebGL (the fake's own state) holds.
const answers = (gl) => TRACKED.map((p) => { const v = gl.getParameter(p); return v instanceof Int32Array ? [...v] : v; });
const truth = (gl) => TRACKED.map((p) => { const v = FakeGL.prototype.getParameter.call(gl, p); return v instanceof Int32Array ? [...v] : v; });

test('a new context: WebGL\'s defaults, answered without asking WebGL', () => {
  const gl = shadowGlState(new FakeGL(300, 150));
  assert.deepEqual(answers(gl), [[0, 0, 300, 150], 1, 0, 1, 0, 0x8006, 0x8006]);
  assert.equal(gl.asked, 0);
  assert.ok(gl.getParameter(SCISSOR_BOX) instanceof Int32Array, 'the scissor box is an Int32Array, as from WebGL');
  gl.getParameter(SCISSOR_BOX)[2] = 5;
  assert.equal(gl.getParameter(SCISSOR_BOX)[2], 300, 'a caller cannot change the copy');
});

test('what ImGui sets and restores each frame is answered from the copy', () => {
  const gl = shadowGlState(new FakeGL(1280, 800));
  gl.blendEquation(0x8006);
  gl.blendFuncSeparate(0x302, 0x303, 1, 0x303);
  gl.scissor(10.7, 20, 300, 400);
  gl.blendEquationSeparate(0x800A, 0x8008);
  gl.blendFunc(0x304, 0x305);
  const before = gl.asked;
  assert.deepEqual(answers(gl), truth(gl));
  assert.equal(gl.asked - before, TRACKED.length, 'only truth() asked WebGL');
  assert.deepEqual(answers(gl)[0], [10, 20, 300, 400]);
});

test('a call WebGL refuses, or may refuse, is not guessed: WebGL is asked again', () => {
  const gl = shadowGlState(new FakeGL(64, 64));
  gl.scissor(1, 2, -3, 4);        // INVALID_VALUE: unchanged
  gl.blendFunc(0x8001, 0x8003);   // CONSTANT_COLOR with CONSTANT_ALPHA: INVALID_OPERATION
  gl.blendEquation(0x1234);       // INVALID_ENUM
  gl.asked = 0;
  assert.deepEqual(answers(gl), truth(gl));
  assert.equal(gl.asked, 2 * TRACKED.length, 'each forgotten value was asked (then known again)');
  gl.asked = 0;
  answers(gl);
  assert.equal(gl.asked, 0, 'asked once, then known');
  gl.blendFunc(0x8001, 1);        // a constant factor WebGL takes: not tracked, still right
  assert.deepEqual(answers(gl), truth(gl));
});

test('a lost context answers null as WebGL does; after its restore WebGL is asked', () => {
  const gl = shadowGlState(new FakeGL(100, 100));
  gl.scissor(5, 5, 10, 10);
  gl.lost = true;
  gl.fire('webglcontextlost');
  assert.equal(gl.getParameter(SCISSOR_BOX), null);
  gl.lost = false;
  Object.assign(gl, new FakeGL(200, 100), { canvas: gl.canvas, listeners: gl.listeners });  // WebGL's defaults again
  gl.fire('webglcontextrestored');
  assert.deepEqual(answers(gl), truth(gl));
  assert.deepEqual(answers(gl)[0], [0, 0, 200, 100]);
});

test('other parameters are WebGL\'s own', () => {
  const gl = shadowGlState(new FakeGL(30, 20));
  assert.deepEqual([...gl.getParameter(0x0BA2)], [0, 0, 30, 20]);
  assert.equal(gl.asked, 1);
});
