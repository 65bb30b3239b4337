// ImGui's shader program compiled and linked as soon as the map's context exists, then handed to
// the wasm when it asks for the same program (docs/benchmarks.md, "First frame, fourth pass").
//
// The first frame's ImGui_ImplOpenGL3_NewFrame compiles ImGui's two shaders and links them, then
// asks WebGL whether that worked: on software GL the page waited 0.1–0.5 s for the answers. warmShaders(gl)
// starts that work on the new context and wraps the context's createShader, shaderSource,
// compileShader, createProgram, attachShader and linkProgram once: the first shader of each kind
// and the first program made are the warm ones, and a shaderSource with the same text, its
// compileShader and the program's attachShader and linkProgram do nothing. Anything else (other
// text, another shader attached, an attribute bound) is passed to WebGL as usual and the program
// is linked again. The wrappers are removed when ImGui detaches its shaders from the program,
// when the program is linked again, or when the context is lost.
//
// ImGui's compile and link checks of the warm objects are answered without asking the GPU: each
// question waits until the GPU process has done everything before it (on software GL 15–40 ms
// before the first frame; ImGui only prints what they say). They are answered "compiled, linked,
// no log" until checkWarmShaders() (after the first frame; docs/benchmarks.md, "Session 15") has
// asked WebGL once, and from WebGL's answers after that; it resolves with what WebGL said
// whenever the program was handed over and an answer had been assumed, for the page to report.

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
const WRAPPED = ['createShader', 'shaderSource', 'compileShader', 'createProgram', 'attachShader', 'linkProgram',
  'bindAttribLocation', 'detachShader', 'getShaderParameter', 'getShaderInfoLog', 'getProgramParameter', 'getProgramInfoLog'];
const COMPILE_STATUS = 0x8B81, LINK_STATUS = 0x8B82;

// Compiles and links ImGui's program on gl and installs the hand-over. Returns the state (tests).
export function warmShaders(gl, sources = SOURCES) {
  const proto = Object.getPrototypeOf(gl);
  const call = (name, ...a) => proto[name].apply(gl, a);
  const state = { handed: false, relinked: false, check: () => Promise.resolve(null) };
  const parallel = gl.getExtension('KHR_parallel_shader_compile');
  const program = call('createProgram');
  if (!program) return state;
  // Per warm shader: its kind, text, whether the wasm has it, and whether it stays as compiled.
  const warm = sources.map(([type, text]) => {
    const shader = call('createShader', type);
    call('shaderSource', shader, text);
    call('compileShader', shader);
    call('attachShader', program, shader);
    return { type, text, shader, given: false, same: false };
  });
  call('linkProgram', program);
  // The statuses and logs ImGui checks: WebGL's once check() has asked (a fence, polled without
  // waiting, says the GPU has done the work), assumed until then.
  const known = new Map();  // a warm shader or the program -> [status, log]
  let fence = gl.fenceSync(0x9117, 0);  // SYNC_GPU_COMMANDS_COMPLETE
  gl.flush();  // to the GPU process now, not at the end of this task
  let live = true, programGiven = false, intact = true, assumed = false, checking = null;
  const of = (s) => warm.find((w) => w.shader === s);
  const stop = () => { live = false; known.clear(); for (const k of WRAPPED) delete gl[k]; };
  const changed = () => { intact = false; known.clear(); };
  let fenced = !fence;
  // Resolves with null, or { ok, lines } (WebGL's link status and log of the program) when ImGui
  // was given an assumed answer for the program it uses. Its shaders are deleted by then: a
  // shader that did not compile fails the link, which the program's log says.
  // A fence placed when check() is called, polled before anything is asked, so that a question
  // waits for no frame drawn before it: called right after the first frame, the check held the
  // page's next task ~50 ms on software GL (session 19).
  const check = () => checking || (checking = new Promise(function (resolve) {
    if (!gl.isContextLost()) {
      if (!fenced) gl.deleteSync(fence);
      fence = gl.fenceSync(0x9117, 0);
      fenced = !fence;
      gl.flush();
    }
    const poll = () => {
      if (gl.isContextLost()) return resolve(null);
      if (!fenced) {
        if (gl.getSyncParameter(fence, 0x9114) !== 0x9119) return void setTimeout(poll, 4);  // SYNC_STATUS, SIGNALED
        gl.deleteSync(fence);
        fenced = true;
      }
      // With KHR_parallel_shader_compile the GPU process compiles and links on its own threads
      // after the fence: a status asked before it is done waits for it (docs/benchmarks.md,
      // "Session 12"). COMPLETION_STATUS_KHR never waits.
      if (parallel && !call('getProgramParameter', program, 0x91B1)) return void setTimeout(poll, 4);
      try { performance.mark('ca:warm'); } catch (e) { /* measurements are optional */ }
      if (!assumed || !state.handed) {  // ImGui asked WebGL, or has not been given this program yet
        if (live && intact) {
          // The logs when asked: a log waits for the GPU process to be done with every frame drawn
          // before it, where a status is answered at once (16-120 ms against <2: session 19).
          for (const w of warm) known.set(w.shader, [call('getShaderParameter', w.shader, COMPILE_STATUS), undefined]);
          known.set(program, [call('getProgramParameter', program, LINK_STATUS), undefined]);
        }
        return resolve(null);
      }
      const linked = call('getProgramParameter', program, LINK_STATUS);
      const log = linked === true ? '' : String(call('getProgramInfoLog', program) || '').trim();  // only to report
      resolve({ ok: linked === true, lines: log ? log.split('\n') : [] });
    };
    setTimeout(poll, 0);
  }));
  state.check = check;
  gl.canvas.addEventListener('webglcontextlost', stop, { once: true });

  gl.createShader = function (type) {
    const w = warm.find((x) => x.type === type && !x.given);
    if (!w || gl.isContextLost()) return call('createShader', type);
    w.given = true;
    return w.shader;
  };
  gl.shaderSource = function (s, text) {
    const w = of(s);
    if (w && text === w.text && !w.same && !w.other) { w.same = true; return; }
    if (w) w.same = false, w.other = true, changed();
    call('shaderSource', s, text);
  };
  gl.compileShader = function (s) {
    const w = of(s);
    if (!(w && w.same)) call('compileShader', s);  // a warm shader with its own text is compiled
  };
  gl.createProgram = function () {
    if (programGiven || gl.isContextLost()) return call('createProgram');
    programGiven = true;
    return program;
  };
  gl.attachShader = function (p, s) {
    if (p === program && of(s)) return;  // attached already
    if (p === program) changed();
    call('attachShader', p, s);
  };
  gl.bindAttribLocation = function (p, i, name) {
    if (p === program) changed();
    call('bindAttribLocation', p, i, name);
  };
  gl.linkProgram = function (p) {
    if (p !== program) return call('linkProgram', p);
    state.handed = intact && warm.every((w) => w.same);
    if (state.handed) return;
    stop();
    state.relinked = true;
    call('linkProgram', p);
  };
  // The program handed over and checked: ImGui detaches its shaders next; WebGL answers from then on.
  gl.detachShader = function (p, s) {
    if (p === program) stop();
    call('detachShader', p, s);
  };
  // The warm objects' status (pname) and log: WebGL's once asked, else assumed (see the top).
  const answer = (name, pname) => function (o, p) {
    if (pname !== undefined && p !== pname) return call(name, o, p);
    let k = known.get(o);
    if (!k && intact && !gl.isContextLost() && (o === program || of(o))) {
      assumed = true;
      k = [true, ''];
    }
    if (k && pname === undefined && k[1] === undefined) k[1] = call(name, o);  // WebGL's log, asked once
    return k ? k[pname === undefined ? 1 : 0] : call(name, o, p);
  };
  gl.getShaderParameter = answer('getShaderParameter', COMPILE_STATUS);
  gl.getShaderInfoLog = answer('getShaderInfoLog');
  gl.getProgramParameter = answer('getProgramParameter', LINK_STATUS);
  gl.getProgramInfoLog = answer('getProgramInfoLog');
  return state;
}
