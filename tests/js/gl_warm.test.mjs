// web/js/gl_warm.js: ImGui's shader program compiled and linked when the context is made, and
// handed to the wasm when it asks for the same program, its checks answered without asking the
// GPU until check() asks WebGL once (after the first frame); anything else is WebGL's as usual.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmShaders } from '../../web/js/gl_warm.js';

const VERTEX = 0x8B31, FRAGMENT = 0x8B30, COMPILE_STATUS = 0x8B81, LINK_STATUS = 0x8B82;
const VS = '#version 300 es\nvoid main() { gl_Position = vec4(0); }\n';
const FS = '#version 300 es\nprecision mediump float;\nout vec4 c;\nvoid main() { c = vec4(1); }\n';

// A stand-in for WebGL2RenderingContext: compiles (a text starting "#version 300 es" is valid),
// links (unless linkFails: a GPU that refuses the program), refuses a shader attached twice, and
// counts compiles, links and status questions (each a wait for the GPU process in a browser).
// Its fence is signalled when asked.
class FakeGL {
  constructor({ linkFails = false } = {}) {
    this.linkFails = linkFails;
    this.compiles = []; this.links = 0; this.questions = 0; this.lost = false; this.listeners = {};
    this.canvas = { addEventListener: (type, f) => { (this.listeners[type] ||= []).push(f); } };
  }
  getExtension() { return null; }
  isContextLost() { return this.lost; }
  flush() {}
  fenceSync() { return {}; }
  getSyncParameter() { return 0x9119; }
  deleteSync() {}
  createShader(type) { return { type, text: '', compiled: null, ok: false }; }
  shaderSource(s, text) { s.text = text; }
  compileShader(s) { this.compiles.push(s.text); s.compiled = s.text; s.ok = s.text.startsWith('#version 300 es'); }
  createProgram() { return { shaders: [], linked: null, ok: false }; }
  attachShader(p, s) {
    if (p.shaders.includes(s)) throw new Error('INVALID_OPERATION: shader attached twice');
    p.shaders.push(s);
  }
  detachShader(p, s) { p.shaders = p.shaders.filter((x) => x !== s); }
  bindAttribLocation(p) { p.bound = true; }
  linkProgram(p) {
    this.links++;
    p.linked = p.shaders.map((s) => s.compiled);
    p.ok = p.shaders.length === 2 && p.shaders.every((s) => s.ok) && !this.linkFails;
  }
  getShaderParameter(s, pname) { this.questions++; return pname === COMPILE_STATUS ? s.ok : null; }
  getShaderInfoLog(s) { this.questions++; return s.ok ? '' : 'ERROR: 0:1: syntax error'; }
  getProgramParameter(p, pname) { this.questions++; return pname === LINK_STATUS ? p.ok : null; }
  getProgramInfoLog(p) { this.questions++; return p.ok ? '' : 'link failed'; }
  fire(type) { (this.listeners[type] || []).forEach((f) => f()); }
}

// ImGui_ImplOpenGL3_CreateDeviceObjects's calls (through Emscripten's GL layer).
function imguiProgram(gl, vs = VS, fs = FS) {
  const check = (s) => [gl.getShaderParameter(s, COMPILE_STATUS), gl.getShaderInfoLog(s)];
  const v = gl.createShader(VERTEX);
  gl.shaderSource(v, vs);
  gl.compileShader(v);
  const vCheck = check(v);
  const f = gl.createShader(FRAGMENT);
  gl.shaderSource(f, fs);
  gl.compileShader(f);
  const fCheck = check(f);
  const p = gl.createProgram();
  gl.attachShader(p, v);
  gl.attachShader(p, f);
  gl.linkProgram(p);
  const pCheck = [gl.getProgramParameter(p, LINK_STATUS), gl.getProgramInfoLog(p)];
  gl.detachShader(p, v);
  gl.detachShader(p, f);
  return { p, vCheck, fCheck, pCheck };
}

const OWN = ['createShader', 'shaderSource', 'compileShader', 'createProgram', 'attachShader', 'linkProgram',
  'detachShader', 'getShaderParameter', 'getShaderInfoLog', 'getProgramParameter', 'getProgramInfoLog'];

test('the same sources: the warm program is handed over, nothing compiled, linked or asked again', async () => {
  const gl = new FakeGL();
  const state = warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  assert.deepEqual(gl.compiles, [VS, FS]);
  assert.equal(gl.links, 1);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(gl.questions, 0, 'the warm-up asks the GPU nothing by itself');
  const r = imguiProgram(gl);
  assert.deepEqual(gl.compiles, [VS, FS], 'no second compile');
  assert.equal(gl.links, 1, 'no second link');
  assert.equal(gl.questions, 0, 'ImGui\'s checks answered without a question to the GPU');
  assert.deepEqual([r.vCheck, r.fCheck, r.pCheck], [[true, ''], [true, ''], [true, '']]);
  assert.deepEqual(r.p.linked, [VS, FS]);
  assert.ok(state.handed && !state.relinked);
  assert.deepEqual(OWN.filter((k) => Object.hasOwn(gl, k)), [], 'the wrappers are gone once ImGui detaches its shaders');
  const again = gl.createProgram();
  assert.notEqual(again, r.p, 'a later program is a new one');
  // After the first frame the page asks WebGL once: the program linked.
  assert.deepEqual(await state.check(), { ok: true, lines: [] });
  // Its status only: a log waits for the GPU process to be done with every frame drawn before it
  // (16-120 ms right after the first frame, session 19), and a linked program's is not reported.
  assert.equal(gl.questions, 1, 'the program\'s status, once');
  assert.equal(await state.check(), await state.check(), 'asked once however often the page calls');
  assert.equal(gl.questions, 1);
});

test('a program the GPU refused after ImGui was told it linked: check() says so, with the log', async () => {
  const gl = new FakeGL({ linkFails: true });
  const state = warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  const r = imguiProgram(gl);
  assert.deepEqual(r.pCheck, [true, ''], 'assumed in the first frame');
  assert.equal(gl.questions, 0);
  assert.deepEqual(await state.check(), { ok: false, lines: ['link failed'] });
});

test('check() before ImGui asks: WebGL\'s answers are asked once, and ImGui\'s checks answered from them', async () => {
  const gl = new FakeGL({ linkFails: true });
  const state = warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  assert.equal(await state.check(), null, 'nothing assumed: nothing to report');
  assert.equal(gl.questions, 3, 'each shader\'s and the program\'s status (their logs when asked)');
  const r = imguiProgram(gl);
  assert.equal(gl.questions, 6, 'each log asked once, when ImGui asks');
  assert.deepEqual([r.vCheck, r.fCheck, r.pCheck], [[true, ''], [true, ''], [false, 'link failed']], 'ImGui is told the truth');
});

test('a lost context: check() asks nothing and reports nothing', async () => {
  const gl = new FakeGL();
  const state = warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  imguiProgram(gl);
  gl.lost = true;
  assert.equal(await state.check(), null);
  assert.equal(gl.questions, 0);
});

test('another vertex shader: it is compiled and the program linked again, with WebGL\'s answers', async () => {
  const gl = new FakeGL();
  const state = warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  const bad = 'void main() {}\n';  // no #version: fails to compile
  const r = imguiProgram(gl, bad, FS);
  assert.deepEqual(gl.compiles, [VS, FS, bad]);
  assert.equal(gl.links, 2);
  assert.deepEqual(r.vCheck, [false, 'ERROR: 0:1: syntax error'], 'the new shader\'s own status');
  assert.deepEqual(r.pCheck, [false, 'link failed'], 'not the warm program\'s answer');
  assert.deepEqual(r.p.linked, [bad, FS]);
  assert.ok(!state.handed && state.relinked);
  assert.equal(await state.check(), null, 'ImGui had WebGL\'s own answers: nothing to report');
});

test('an attribute bound before linking: linked again', async () => {
  const gl = new FakeGL();
  warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  const v = gl.createShader(VERTEX); gl.shaderSource(v, VS); gl.compileShader(v);
  const f = gl.createShader(FRAGMENT); gl.shaderSource(f, FS); gl.compileShader(f);
  const p = gl.createProgram();
  gl.attachShader(p, v); gl.attachShader(p, f);
  gl.bindAttribLocation(p, 0, 'Position');
  gl.linkProgram(p);
  assert.equal(gl.links, 2);
  assert.ok(p.bound);
});

test('a lost context: the wrappers go, and shaders and programs are new ones', () => {
  const gl = new FakeGL();
  warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
  gl.lost = true;
  gl.fire('webglcontextlost');
  assert.deepEqual(OWN.filter((k) => Object.hasOwn(gl, k)), []);
  gl.lost = false;
  const r = imguiProgram(gl);
  assert.deepEqual(gl.compiles, [VS, FS, VS, FS]);
  assert.equal(gl.links, 2);
  assert.deepEqual(r.pCheck, [true, '']);
});

// With KHR_parallel_shader_compile the GPU compiles after the fence: a status asked before it is
// done waits for it (the page held ~0.2 s: docs/benchmarks.md, "Session 12"). check() asks
// COMPLETION_STATUS_KHR, which never waits, until it says done; only then the statuses.
test('with parallel compile check() asks the statuses only once COMPLETION_STATUS_KHR says the program is linked', async () => {
  const COMPLETION_STATUS_KHR = 0x91B1;
  const gl = new FakeGL();
  let done = false, completionAsked = 0, askedEarly = 0;
  gl.getExtension = (name) => (name === 'KHR_parallel_shader_compile' ? {} : null);
  const { getShaderParameter, getProgramParameter } = FakeGL.prototype;
  FakeGL.prototype.getShaderParameter = function (s, pname) {
    if (!done) askedEarly++;
    return getShaderParameter.call(this, s, pname);
  };
  FakeGL.prototype.getProgramParameter = function (p, pname) {
    if (pname === COMPLETION_STATUS_KHR) { completionAsked++; return done; }
    if (!done) askedEarly++;
    return getProgramParameter.call(this, p, pname);
  };
  try {
    const state = warmShaders(gl, [[VERTEX, VS], [FRAGMENT, FS]]);
    const checked = state.check();
    for (let i = 0; i < 100 && completionAsked < 3; i++) await new Promise((r) => setTimeout(r, 1));
    assert.ok(completionAsked >= 3, 'it keeps asking whether the program is done');
    assert.equal(gl.questions, 0, 'no status or log asked before the GPU is done');
    done = true;
    assert.equal(await checked, null);
    assert.equal(gl.questions, 3);
    assert.equal(askedEarly, 0);
    const { vCheck, fCheck, pCheck } = imguiProgram(gl);
    assert.deepEqual([vCheck, fCheck, pCheck], [[true, ''], [true, ''], [true, '']]);
    assert.equal(gl.questions, 6, 'ImGui\'s statuses answered from the warm-up\'s copy, each log asked once');
  } finally {
    FakeGL.prototype.getShaderParameter = getShaderParameter;
    FakeGL.prototype.getProgramParameter = getProgramParameter;
  }
});
