# Dear ImGui 1.86 compiled from Debian's source package (tools/setup_deps.sh unpacks it), the
# same sources for native and web; 32-bit indices so big maps never hit the 64K-vertex limit.
set(IMGUI_DIR "${CHIPATLAS_DEPS}/src/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run tools/setup_deps.sh")
endif()
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/imgui_demo.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_compile_definitions(imgui PUBLIC "ImDrawIdx=unsigned int" IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(CHIPATLAS_WEB)
  # The font atlas is rasterised here (stb_truetype) before the first frame, and the draw lists are
  # built here every frame: at -O2 outside LTO the atlas took ~40 % less time in the browser
  # (docs/benchmarks.md, "First frame, sixth pass"). With the inliner back it costs 9.2 KB gzip of
  # wasm and keeps the bundled frame at 0.7 ms instead of 0.8 ("Session 10").
  # stb_truetype's (and stb_rect_pack's) implementation is in its own file, at the same level
  # (cmake/imgui_stb_truetype.cpp), so that the atlas build does not inline it: one 21 KB wasm
  # function took the browser's optimising compiler ~0.1 s of CPU while the page started, to speed
  # up an atlas already built (docs/benchmarks.md, "First frame, seventh pass"). Nor does it inline
  # its own functions (-fno-inline-functions): stbtt_Rasterize with its edge filling inlined (7 KB)
  # still took TurboFan ~90 ms of CPU during start-up, on the cores the first frame needs
  # (docs/benchmarks.md, "Session 12").
  set(stb "${PROJECT_SOURCE_DIR}/cmake/imgui_stb_truetype.cpp")
  target_sources(imgui PRIVATE "${stb}")
  set_source_files_properties("${IMGUI_DIR}/imgui_draw.cpp" PROPERTIES COMPILE_OPTIONS "-O2;-fno-lto")
  set_source_files_properties("${stb}" PROPERTIES COMPILE_OPTIONS "-O2;-fno-lto;-fno-inline-functions")
  set_property(SOURCE "${IMGUI_DIR}/imgui_draw.cpp" APPEND PROPERTY COMPILE_DEFINITIONS
    IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION IMGUI_DISABLE_STB_RECT_PACK_IMPLEMENTATION)
endif()

if(CHIPATLAS_APP)
  include(sdl2)  # SDL2::SDL2, native or compiled for wasm
  add_library(imgui_backends STATIC
    "${IMGUI_DIR}/backends/imgui_impl_sdl.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  target_link_libraries(imgui_backends PUBLIC imgui)
  if(CMAKE_CXX_FLAGS MATCHES "fsanitize=[^ ]*undefined")
    # ImGui 1.86's GL3W loader (imgui_impl_opengl3_loader.h:751) writes one past its proc
    # array on load: a known third-party bug outside our code. Keep UBSan's bounds check off there.
    target_compile_options(imgui_backends PRIVATE -fno-sanitize=bounds)
  endif()
  if(CHIPATLAS_WEB)
    target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
  else()
    find_package(OpenGL REQUIRED)
    target_link_libraries(imgui_backends PUBLIC OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
  target_link_libraries(imgui_backends PUBLIC SDL2::SDL2)
endif()
