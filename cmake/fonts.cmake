# The font subsets follow the data: tools/fonts/make_fonts.py cuts Noto Sans CJK down to the
# characters of data/*.json and the UI into the build tree whenever one of them changes.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(CHIPATLAS_FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(CHIPATLAS_FONT_NAMES ui.otf cjk_ja.otf cjk_ko.otf cjk_sc.otf symbols.otf)
set(_font_outputs)
foreach(n ${CHIPATLAS_FONT_NAMES} coverage.txt chars.txt LICENSE-OFL.txt)
  list(APPEND _font_outputs "${CHIPATLAS_FONT_DIR}/${n}")
endforeach()
# All of data/*.json (schema.json's strings too, as make_fonts.py reads them).
file(GLOB _font_data CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/data/*.json")
add_custom_command(OUTPUT ${_font_outputs}
  COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py"
          --data "${PROJECT_SOURCE_DIR}/data" --extra "${PROJECT_SOURCE_DIR}/tools/fonts/ui_chars.txt"
          --out "${CHIPATLAS_FONT_DIR}" --quiet
  DEPENDS ${_font_data} "${PROJECT_SOURCE_DIR}/tools/fonts/ui_chars.txt"
          "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py" "${PROJECT_SOURCE_DIR}/tools/fonts/check_fonts.c"
  COMMENT "Subsetting Noto Sans CJK to the data's characters (tools/fonts/make_fonts.py)" VERBATIM)

# What the bundled UI font draws, for --validate's note and the app's run-time fallback.
chipatlas_embed(chipatlas_font_coverage embedded_font_coverage
  FILES "assets/fonts/coverage.txt=${CHIPATLAS_FONT_DIR}/coverage.txt")
