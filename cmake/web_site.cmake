# The web build's executable and its site: chipatlas_web_site(TARGET) links TARGET for WebGL2
# without eval (strict CSP) or a filesystem, and gathers the deployable files in build/web/site.
function(chipatlas_web_site target)
  # build/web/site holds chipatlas.js + chipatlas.wasm and a copy of web/, and nothing else
  # (the build tree around it, CMakeCache.txt, build.ninja, ..., is never served).
  set(site "${CMAKE_BINARY_DIR}/site")
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${site}" SUFFIX ".js")
  target_compile_options(${target} PRIVATE -fno-exceptions)
  # The page calls only the exported C functions, through malloc'd buffers (web/js/runtime.js);
  # no ccall/cwrap, which copy strings onto the wasm stack.
  target_link_options(${target} PRIVATE
    -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0
    -sFILESYSTEM=0 -sENVIRONMENT=web -sEXIT_RUNTIME=0 -sINITIAL_MEMORY=33554432
    "-sEXPORTED_FUNCTIONS=_main,_ca_command,_ca_load_dataset,_ca_add_font,_malloc,_free"
    -fno-exceptions)
  # A target of its own, so an edit to web/ alone is copied on the next build.
  add_custom_target(web_files ALL
    COMMAND ${CMAKE_COMMAND} -E copy_directory "${PROJECT_SOURCE_DIR}/web" "${site}"
    COMMENT "Copying web/ into ${site}" VERBATIM)
  # fonts/slice-XXXX.otf: every character of Noto Sans CJK, 256 code points a file, fetched by
  # the page only for characters a run-time dataset has and the bundled fonts lack.
  set(stamp "${CMAKE_BINARY_DIR}/fonts/slices.stamp")
  add_custom_command(OUTPUT "${stamp}"
    COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py" --slices "${site}/fonts" --quiet
    COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
    DEPENDS "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py"
    COMMENT "Cutting Noto Sans CJK into slices for the web (${site}/fonts)" VERBATIM)
  add_custom_target(web_font_slices ALL DEPENDS "${stamp}")
endfunction()
