# The bundled dataset's build-time check: chipatlas_validate (natively, or under node for the
# web build) runs over data/*.json, so invalid data fails the build with FILE:LINE:COL messages.
file(GLOB CHIPATLAS_DATA_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/data/*.json")
list(FILTER CHIPATLAS_DATA_FILES EXCLUDE REGEX "schema\\.json$")
list(SORT CHIPATLAS_DATA_FILES)

# A program the build runs (the validator, the basemap's projection): natively, or compiled for
# node in the web build (its files read and written through node), in build/…/tools there.
function(chipatlas_build_tool target)
  chipatlas_warnings(${target})
  if(CHIPATLAS_WEB)
    target_link_options(${target} PRIVATE -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
    set_target_properties(${target} PROPERTIES CROSSCOMPILING_EMULATOR "node;--no-experimental-fetch"
      RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tools")
  endif()
endfunction()

add_executable(chipatlas_validate "${PROJECT_SOURCE_DIR}/src/app/validate_main.cpp" "${PROJECT_SOURCE_DIR}/src/app/validate.cpp"
  "${PROJECT_SOURCE_DIR}/src/app/glyph_note.cpp")
target_link_libraries(chipatlas_validate PRIVATE chipatlas_core chipatlas_platform_files chipatlas_font_coverage)
chipatlas_build_tool(chipatlas_validate)

set(CHIPATLAS_DATA_VALID "${CMAKE_CURRENT_BINARY_DIR}/gen/dataset.valid")
add_custom_command(OUTPUT "${CHIPATLAS_DATA_VALID}"
  COMMAND chipatlas_validate --quiet ${CHIPATLAS_DATA_FILES}
  COMMAND ${CMAKE_COMMAND} -E touch "${CHIPATLAS_DATA_VALID}"
  DEPENDS chipatlas_validate ${CHIPATLAS_DATA_FILES}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Validating the bundled dataset" VERBATIM)
