// ImGui's shader program compiled and linked as soon as the map's context exists, then handed to
// the wasm when it asks for the same program (docs/benchmarks.md, "First frame, fourth pass").
//
// The first frame's ImGui_ImplOpenGL3_NewFrame compiles ImGui's two shaders and links them, then
// asks WebGL whether that worked: on software GL the page waited ~0.1 s for it. warmShaders(gl)
// starts that work on the new context (KHR_parallel_shader_compile where there is one, so the
// GPU process compiles while the page loads) and wraps the context's createShader, shaderSource,
// compileShader, createProgram, attachShader and linkProgram once: the first shader of each kind
// and the first program made are the warm ones, and a shaderSource with the same text, its
// compileShader and the program's attachShader and linkProgram do nothing. Anything else (other
// text, another shader attached, an attribute bound) is passed to WebGL as usual and the program
// is linked again. The wrappers are removed once the program is linked or the context is lost.

// imgui_impl_opengl3.cpp (1.86), "#version 300 es" (src/platform/sdl_gl.cpp): the sources the
// wasm gives glShaderSource, joined as Emscripten joins them. A browser test checks they match.
const IN = 'in vec2 Frag_UV;\nin vec4 Frag_Color;\n';
const OUT = IN.replace(/in /g, 'out ');
const SOURCES = [
  [0x8B31, '#version 300 es\nprecision highp float;\nlayout (location = 0) in vec2 Position;\n' +
    'layout (location = 1) in vec2 UV;\nlayout (location = 2) in vec4 Color;\nuniform mat4 ProjMtx;\n' + OUT +
    'void main()\n{\n    Frag_UV = UV;\n    Frag_Color = Color;\n    gl_Position = ProjMtx * vec4(Position.xy,0,1);\n}\n'],
  [0x8B30, '#version 300 es\nprecision mediump float;\nuniform sampler2D Texture;\n' + IN +
    'layout (location = 0) out vec4 Out_Color;\nvoid main()\n{\n    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);\n}\n'],
];
const WRAPPED = ['createShader', 'shaderSource', 'compileShader', 'createProgram', 'attachShader', 'linkProgram', 'bindAttribLocation'];

// Compiles and links ImGui's program on gl and installs the hand-over. Returns the state (tests).
export function warmShaders(gl, sources = SOURCES) {
  const proto = Object.getPrototypeOf(gl);
  const state = { handed: false, relinked: false };
  gl.getExtension('KHR_parallel_shader_compile');
  const program = proto.createProgram.call(gl);
  if (!program) return state;
  // Per warm shader: its kind, text, whether the wasm has it, and whether it stays as compiled.
  const warm = sources.map(([type, text]) => {
    const shader = proto.createShader.call(gl, type);
    proto.shaderSource.call(gl, shader, text);
    proto.compileShader.call(gl, shader);
    proto.attachShader.call(gl, program, shader);
    return { type, text, shader, given: false, same: false };
  });
  proto.linkProgram.call(gl, program);
  gl.flush();  // to the GPU process now, not at the end of this task
  let programGiven = false, intact = true;
  const of = (s) => warm.find((w) => w.shader === s);
  const stop = () => { for (const k of WRAPPED) delete gl[k]; };
  gl.canvas.addEventListener('webglcontextlost', stop, { once: true });

  gl.createShader = function (type) {
    const w = warm.find((x) => x.type === type && !x.given);
    if (!w || gl.isContextLost()) return proto.createShader.call(gl, type);
    w.given = true;
    return w.shader;
  };
  gl.shaderSource = function (s, text) {
    const w = of(s);
    if (w && text === w.text && !w.same) { w.same = true; return; }
    if (w) intact = false;
    proto.shaderSource.call(gl, s, text);
  };
  gl.compileShader = function (s) {
    const w = of(s);
    if (!(w && w.same && intact)) proto.compileShader.call(gl, s);
  };
  gl.createProgram = function () {
    if (programGiven || gl.isContextLost()) return proto.createProgram.call(gl);
    programGiven = true;
    return program;
  };
  gl.attachShader = function (p, s) {
    if (p === program && of(s)) return;  // attached already
    if (p === program) intact = false;
    proto.attachShader.call(gl, p, s);
  };
  gl.bindAttribLocation = function (p, i, name) {
    if (p === program) intact = false;
    proto.bindAttribLocation.call(gl, p, i, name);
  };
  gl.linkProgram = function (p) {
    if (p !== program) return proto.linkProgram.call(gl, p);
    stop();
    state.handed = intact && warm.every((w) => w.same);
    if (!state.handed) {
      state.relinked = true;
      proto.linkProgram.call(gl, p);
    }
  };
  return state;
}
