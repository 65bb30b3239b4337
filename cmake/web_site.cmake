# The web build's executable and its site: chipatlas_web_site(TARGET) links TARGET for WebGL2
# without eval (strict CSP) or a filesystem, and writes the deployable site to dist/.
include(notices)
set(CHIPATLAS_DIST_DIR "${PROJECT_SOURCE_DIR}/dist" CACHE PATH
  "Where the web build writes the site to publish (a mirror: files not in the site are removed)")
option(CHIPATLAS_WEB_PROFILE "Web build: keep function names in the wasm (--profiling-funcs) for CPU profiles" OFF)
# The allocator (docs/benchmarks.md, "Allocator and glue flags" and issue 17's fourth pass):
# emmalloc, 3 KB gzip smaller than dlmalloc; dlmalloc to measure against it.
set(CHIPATLAS_WEB_MALLOC "emmalloc" CACHE STRING "Web build: the allocator (-sMALLOC=emmalloc or dlmalloc)")

# WebAssembly features beyond the first version the wasm may use (docs/benchmarks.md, "Session 10:
# the inliner and wasm features"): each is a clang -m<feature> for every file and the link, and
# binaryen's --enable-<feature> for the wasm-opt pass below. Bulk memory (memcpy/memset as one
# instruction), non-trapping float-to-int and sign extension: every browser with WebGL 2 has them
# (Chrome 75, Firefox 79, Safari 15); the 10k frame and the parse ~10 % faster, 2 KB smaller.
set(CHIPATLAS_WEB_FEATURES "bulk-memory;nontrapping-fptoint;sign-ext" CACHE STRING
  "Web build: wasm features beyond MVP (bulk-memory;nontrapping-fptoint;sign-ext;simd128)")
# A function with one caller is inlined into it whatever its size: App::frame had grown to 61 KB
# of wasm (every view in it), and the browser's optimising compiler spent ~0.25 s of CPU on it
# while the page started, beside the first frame (docs/benchmarks.md, "First frame, seventh
# pass"). binaryen's part is capped here; clang's by [[gnu::noinline]] on the views (ui/ui.h) and
# the scene's passes (core/map_scene.h), stb_truetype's by its own file (cmake/imgui.cmake).
set(CHIPATLAS_WEB_ONE_CALLER_INLINE "200" CACHE STRING
  "Web build: largest function (binaryen expressions) binaryen inlines into its one caller (empty: all, binaryen's default)")
set(CHIPATLAS_WASM_OPT_ARGS "")
if(NOT CHIPATLAS_WEB_ONE_CALLER_INLINE STREQUAL "")
  list(APPEND CHIPATLAS_WASM_OPT_ARGS "--one-caller-inline-max-function-size=${CHIPATLAS_WEB_ONE_CALLER_INLINE}")
  add_link_options("-sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=${CHIPATLAS_WEB_ONE_CALLER_INLINE}")
endif()
foreach(f IN LISTS CHIPATLAS_WEB_FEATURES)
  add_compile_options(-m${f})
  add_link_options(-m${f})
  string(REPLACE "nontrapping-fptoint" "nontrapping-float-to-int" b "${f}")
  string(REPLACE "simd128" "simd" b "${b}")
  list(APPEND CHIPATLAS_WASM_OPT_ARGS "--enable-${b}")
endforeach()

# Links a wasm target for the page: WebGL2 without eval (strict CSP) or a filesystem; its .js
# and .wasm go into build/web/site (then dist/).
function(chipatlas_web_link target)
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/site" SUFFIX ".js")
  # The page calls only the exported C functions, through malloc'd buffers (web/js/runtime.js);
  # no ccall/cwrap, which copy strings onto the wasm stack.
  target_link_options(${target} PRIVATE
    -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0
    -sFILESYSTEM=0 -sENVIRONMENT=web -sEXIT_RUNTIME=0 -sINITIAL_MEMORY=33554432
    -sMALLOC=${CHIPATLAS_WEB_MALLOC} -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_TRACK_ERRORS=0 -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0 -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
    "-sEXPORTED_FUNCTIONS=_main,_ca_command,_ca_load_dataset,_ca_load_datasets,_ca_add_font,_ca_add_catalogue,_ca_bench,_malloc,_free"
    -fno-exceptions "--js-library=${PROJECT_SOURCE_DIR}/src/platform/run_web.js")
  # The profiling build (preset web-profile): the wasm keeps its functions' names, so a CPU
  # profile (tools/bench/profile_web.mjs) names them; same optimisation otherwise.
  if(CHIPATLAS_WEB_PROFILE)
    target_link_options(${target} PRIVATE --profiling-funcs)
  endif()
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/src/platform/run_web.js")
  # Closure (npm google-closure-compiler, the version Emscripten 3.1.6 works with; Debian's is too
  # old) minifies the glue JS: 33.4 -> 19.3 KB gzip of the first visit (src/platform/run_web.js
  # declares what SDL2's EM_ASM code calls, which Closure would refuse). Without the npm package (a
  # machine not set up by tools/setup_deps.sh) the glue is left as Emscripten writes it.
  set(closure "${PROJECT_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
  if(EXISTS "${closure}" AND NOT CHIPATLAS_WEB_PROFILE)
    # The Module properties the page sets (web/js/boot.js, runtime.js): Closure drops the glue's
    # handling of the others. TextDecoder always (every WebGL2 browser has it); no GL string
    # rewriting nor temporary buffer pools. Together -0.5 KB gzip.
    target_link_options(${target} PRIVATE --closure 1 -sTEXTDECODER=2 -sGL_POOL_TEMP_BUFFERS=0
      -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
      "-sINCOMING_MODULE_JS_API=instantiateWasm,postRun,preRun,arguments,canvas,print,printErr,onAbort,quit,preMainLoop,onRuntimeInitialized,locateFile,preinitializedWebGLContext")
    set_property(TARGET ${target} PROPERTY RULE_LAUNCH_LINK
      "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${closure} NODE_PATH=/usr/share/nodejs")
  else()
    message(STATUS "web: ${closure} not found: the glue JS is not minified by Closure (run tools/setup_deps.sh)")
  endif()
endfunction()

function(chipatlas_web_site target)
  # build/web/site holds what the build generates for the site (chipatlas.js + chipatlas.wasm,
  # licenses/*.txt, ...); dist/ is that folder plus web/, and nothing else: the build tree
  # (CMakeCache.txt, build.ninja, lib*.a, ...) and the browser tests' datasets are never in it.
  set(site "${CMAKE_BINARY_DIR}/site")
  if(EXISTS "${site}/index.html")  # a build tree from before dist/: site/ held a copy of web/
    file(REMOVE_RECURSE "${site}")
  endif()
  chipatlas_web_link(${target})
  # The first visit's wasm once more through binaryen's -Oz until it stops shrinking (wasm-opt
  # --converge; binaryen comes with Debian's emscripten): -2.2 KB gzip (docs/benchmarks.md,
  # "Payload, session 8"). Not in the profiling build, whose names it would keep anyway.
  find_program(CHIPATLAS_WASM_OPT wasm-opt)
  if(CHIPATLAS_WASM_OPT AND NOT CHIPATLAS_WEB_PROFILE)
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND "${CHIPATLAS_WASM_OPT}" -Oz --converge ${CHIPATLAS_WASM_OPT_ARGS} "${site}/${target}.wasm" -o "${site}/${target}.wasm"
      COMMENT "wasm-opt -Oz --converge ${target}.wasm" VERBATIM)
  endif()
  chipatlas_notices("${site}/licenses")
  # The page's modules, bundled and minified by esbuild (npm): dist/js/ holds one file per
  # module script the pages load (js/boot.js, js/gl_early.js), not web/js/'s sources, so the first
  # visit fetches a few files instead of 25 (docs/benchmarks.md, "First frame"). Runs on every
  # build (about 0.5 s): a module added to web/js/ and imported is picked up by itself.
  find_program(CHIPATLAS_NODE node REQUIRED)
  set(bundle "${CMAKE_BINARY_DIR}/bundle")
  add_custom_target(web_bundle ALL
    COMMAND "${CHIPATLAS_NODE}" "${PROJECT_SOURCE_DIR}/tools/web/bundle.mjs" --out "${bundle}"
    COMMENT "Bundling web/js/ (esbuild) into ${bundle}/js" VERBATIM)
  # Runs on every build (cheap: unchanged files are left alone), so an edit to web/ alone, or a
  # file removed from it, reaches dist/. Whatever else writes into ${site} adds itself with
  # add_dependencies(web_dist ITS_TARGET).
  add_custom_target(web_dist ALL
    COMMAND ${CMAKE_COMMAND} "-DDEST=${CHIPATLAS_DIST_DIR}"
      "-DSOURCES=${site};${PROJECT_SOURCE_DIR}/web;${bundle}" "-DEXCLUDE=${PROJECT_SOURCE_DIR}/web/js"
      -P "${PROJECT_SOURCE_DIR}/cmake/mirror_site.cmake"
    COMMENT "Writing the site to ${CHIPATLAS_DIST_DIR}" VERBATIM)
  add_dependencies(web_dist ${target} web_notices web_bundle)
  # fonts/slice-XXXX.otf: every character of Noto Sans CJK, 256 code points a file, fetched by
  # the page only for characters a run-time dataset has and the bundled fonts lack.
  set(stamp "${CMAKE_BINARY_DIR}/fonts/slices.stamp")
  add_custom_command(OUTPUT "${stamp}"
    COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py" --slices "${site}/fonts" --quiet
    COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
    DEPENDS "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py"
    COMMENT "Cutting Noto Sans CJK into slices for the web (${site}/fonts)" VERBATIM)
  add_custom_target(web_font_slices ALL DEPENDS "${stamp}")
  # i18n/LANG.mo: the message catalogues (cmake/i18n.cmake), fetched for the language shown.
  add_custom_target(web_catalogues ALL
    COMMAND ${CMAKE_COMMAND} -E copy_directory "${CHIPATLAS_I18N_DIR}" "${site}/i18n"
    COMMAND ${CMAKE_COMMAND} -E remove -f "${site}/i18n/en-XA.po"
    # The editor's font is in chipatlas_edit.wasm (cmake/i18n.cmake): the page never fetches it.
    COMMAND ${CMAKE_COMMAND} -E remove -f "${site}/i18n/translations.otf"
    DEPENDS chipatlas_mo VERBATIM)
  add_dependencies(web_dist web_catalogues)
  add_dependencies(web_dist web_font_slices)
  # i18n/<id>.json: the page's texts in each language but English (po/web/*.po, through msgfmt
  # --check), fetched only when that language is chosen; en-XA, the pseudo-locale, made here too.
  file(GLOB web_po CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/po/web/*.po" "${PROJECT_SOURCE_DIR}/po/web/*.pot")
  set(i18n_stamp "${CMAKE_BINARY_DIR}/i18n.stamp")
  add_custom_command(OUTPUT "${i18n_stamp}"
    COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/i18n/compile_web_po.py" --out "${site}"
    COMMAND ${CMAKE_COMMAND} -E touch "${i18n_stamp}"
    DEPENDS "${PROJECT_SOURCE_DIR}/tools/i18n/compile_web_po.py" "${PROJECT_SOURCE_DIR}/tools/i18n/common.py" ${web_po}
    COMMENT "Compiling the page's catalogues (po/web/) into ${site}/i18n" VERBATIM)
  add_custom_target(web_i18n ALL DEPENDS "${i18n_stamp}")
  add_dependencies(web_dist web_i18n)
  # stories/: the bundled stories (checked against the data first), fetched by the page only when
  # a story is asked for (web/js/story_files.js), and index.json, the list of their files.
  set(story_names)
  foreach(f ${CHIPATLAS_STORY_FILES})
    get_filename_component(n "${f}" NAME)
    list(APPEND story_names "\"${n}\"")
  endforeach()
  list(JOIN story_names "," story_list)
  file(WRITE "${CMAKE_BINARY_DIR}/stories-index.json" "{\"files\":[${story_list}]}\n")
  add_custom_target(web_stories ALL
    COMMAND ${CMAKE_COMMAND} -E make_directory "${site}/stories"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CHIPATLAS_STORY_FILES} "${PROJECT_SOURCE_DIR}/stories/schema.json" "${site}/stories/"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_BINARY_DIR}/stories-index.json" "${site}/stories/index.json"
    VERBATIM)
  add_dependencies(web_stories chipatlas_stories_valid)
  add_dependencies(web_dist web_stories)
endfunction()
