# SDL2 as the imported target SDL2::SDL2: Debian's libsdl2-dev natively; for the web build,
# SDL2 2.26.5 compiled from Debian's source package by tools/build_sdl2_wasm.sh (cached).
if(CHIPATLAS_WEB)
  execute_process(COMMAND bash "${PROJECT_SOURCE_DIR}/tools/build_sdl2_wasm.sh"
    OUTPUT_VARIABLE SDL2_WASM_DIR OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _sdl_rc)
  if(NOT _sdl_rc EQUAL 0)
    message(FATAL_ERROR "building SDL2 for wasm failed")
  endif()
  add_library(SDL2::SDL2 STATIC IMPORTED)
  set_target_properties(SDL2::SDL2 PROPERTIES IMPORTED_LOCATION "${SDL2_WASM_DIR}/lib/libSDL2.a"
    INTERFACE_INCLUDE_DIRECTORIES "${SDL2_WASM_DIR}/include/SDL2")
else()
  find_package(SDL2 REQUIRED)
endif()
