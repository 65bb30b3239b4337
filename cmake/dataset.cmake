# The bundled dataset: validated at build time by chipatlas_validate (natively, or under node
# for the web build), so invalid data fails the build with FILE:LINE:COL messages; then embedded.
file(GLOB CHIPATLAS_DATA_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/data/*.json")
list(FILTER CHIPATLAS_DATA_FILES EXCLUDE REGEX "schema\\.json$")
list(SORT CHIPATLAS_DATA_FILES)

add_executable(chipatlas_validate "${PROJECT_SOURCE_DIR}/src/app/validate_main.cpp" "${PROJECT_SOURCE_DIR}/src/app/validate.cpp")
target_link_libraries(chipatlas_validate PRIVATE chipatlas_core chipatlas_platform_files)
chipatlas_warnings(chipatlas_validate)
if(CHIPATLAS_WEB)
  target_link_options(chipatlas_validate PRIVATE -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
  set_target_properties(chipatlas_validate PROPERTIES CROSSCOMPILING_EMULATOR "node;--no-experimental-fetch"
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tools")
endif()

set(_embed_pairs)
foreach(f ${CHIPATLAS_DATA_FILES})
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${f}")
  list(APPEND _embed_pairs "${rel}=${f}")
endforeach()
set(_stamp "${CMAKE_CURRENT_BINARY_DIR}/gen/dataset.valid")
add_custom_command(OUTPUT "${_stamp}"
  COMMAND chipatlas_validate --quiet ${CHIPATLAS_DATA_FILES}
  COMMAND ${CMAKE_COMMAND} -E touch "${_stamp}"
  DEPENDS chipatlas_validate ${CHIPATLAS_DATA_FILES}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Validating the bundled dataset" VERBATIM)
chipatlas_embed(chipatlas_data embedded_dataset FILES ${_embed_pairs} DEPENDS "${_stamp}")

file(GLOB CHIPATLAS_FONT_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/fonts/*.otf")
list(SORT CHIPATLAS_FONT_FILES)
set(_asset_pairs)
foreach(f "${PROJECT_SOURCE_DIR}/assets/basemap.bin" ${CHIPATLAS_FONT_FILES})
  if(EXISTS "${f}")
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${f}")
    list(APPEND _asset_pairs "${rel}=${f}")
  endif()
endforeach()
chipatlas_embed(chipatlas_assets embedded_assets FILES ${_asset_pairs})
