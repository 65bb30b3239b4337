# The bundled dataset (once validate_data.cmake's check passed), the basemap and the fonts,
# compiled into static libraries by chipatlas_embed (embed.cmake).
# "NAME=PATH" pairs for chipatlas_embed, each named by its path from the source tree.
function(chipatlas_source_pairs out)
  set(pairs)
  foreach(f ${ARGN})
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${f}")
    list(APPEND pairs "${rel}=${f}")
  endforeach()
  set(${out} ${pairs} PARENT_SCOPE)
endfunction()
chipatlas_source_pairs(_embed_pairs ${CHIPATLAS_DATA_FILES})
chipatlas_embed(chipatlas_data embedded_dataset FILES ${_embed_pairs} DEPENDS "${CHIPATLAS_DATA_VALID}")
if(CHIPATLAS_WEB)
  # The web site's wasm (not the editor's): the same files without the collaborations'
  # translations, which each language's i18n/LANG.mo carries (cmake/i18n.cmake), each other value
  # on its line and column (tools/i18n/data_translations.py --strip).
  set(_site_pairs)
  foreach(f ${CHIPATLAS_DATA_FILES})
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${f}")
    set(_stripped "${CMAKE_CURRENT_BINARY_DIR}/gen/site/${rel}")
    add_custom_command(OUTPUT "${_stripped}"
      COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/i18n/data_translations.py" --strip "${f}" "${_stripped}"
      DEPENDS "${f}" "${PROJECT_SOURCE_DIR}/tools/i18n/data_translations.py"
      COMMENT "The site's ${rel} without its translations" VERBATIM)
    list(APPEND _site_pairs "${rel}=${_stripped}")
  endforeach()
  chipatlas_embed(chipatlas_data_site embedded_dataset FILES ${_site_pairs} DEPENDS "${CHIPATLAS_DATA_VALID}")
endif()

# The bundled stories (stories/*.json but its schema), checked against the dataset first
# (chipatlas_validate takes story files too); whatever links the dataset gets them.
file(GLOB CHIPATLAS_STORY_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/stories/*.json")
list(FILTER CHIPATLAS_STORY_FILES EXCLUDE REGEX "schema\\.json$")
list(SORT CHIPATLAS_STORY_FILES)
set(CHIPATLAS_STORIES_VALID "${CMAKE_CURRENT_BINARY_DIR}/gen/stories.valid")
add_custom_command(OUTPUT "${CHIPATLAS_STORIES_VALID}"
  COMMAND chipatlas_validate --quiet ${CHIPATLAS_DATA_FILES} ${CHIPATLAS_STORY_FILES}
  COMMAND ${CMAKE_COMMAND} -E touch "${CHIPATLAS_STORIES_VALID}"
  DEPENDS chipatlas_validate ${CHIPATLAS_DATA_FILES} ${CHIPATLAS_STORY_FILES}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Validating the bundled stories" VERBATIM)
add_custom_target(chipatlas_stories_valid ALL DEPENDS "${CHIPATLAS_STORIES_VALID}")
if(CHIPATLAS_WEB)
  # The web page fetches them from stories/ when a story is asked for (cmake/web_site.cmake,
  # web/js/story_files.js): they are not part of the first visit's wasm.
  chipatlas_embed(chipatlas_stories embedded_stories)
else()
  chipatlas_source_pairs(_story_pairs ${CHIPATLAS_STORY_FILES})
  chipatlas_embed(chipatlas_stories embedded_stories FILES ${_story_pairs} DEPENDS "${CHIPATLAS_STORIES_VALID}")
endif()
target_link_libraries(chipatlas_data PUBLIC chipatlas_stories)
if(CHIPATLAS_WEB)
  target_link_libraries(chipatlas_data_site PUBLIC chipatlas_stories)
endif()

# The fonts are made in the build tree from the data (cmake/fonts.cmake); their names stay
# assets/fonts/*.otf inside the binary.
include(fonts)
# The basemaps are projected here (v2 in degrees -> v3 in world km, tools/basemap/README.md) by
# chipatlas_project_basemap (natively, or under node for the web build), so that the app does not
# project ~18 k points before its first frame (docs/benchmarks.md, "Session 17").
add_executable(chipatlas_project_basemap "${PROJECT_SOURCE_DIR}/src/app/project_basemap_main.cpp")
target_link_libraries(chipatlas_project_basemap PRIVATE chipatlas_core chipatlas_platform_files)
chipatlas_build_tool(chipatlas_project_basemap)  # cmake/validate_data.cmake
set(_asset_pairs)
foreach(n basemap.bin basemap_outer.bin)
  if(EXISTS "${PROJECT_SOURCE_DIR}/assets/${n}")
    set(_projected "${CMAKE_CURRENT_BINARY_DIR}/gen/assets/${n}")
    add_custom_command(OUTPUT "${_projected}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/gen/assets"
      COMMAND chipatlas_project_basemap "${PROJECT_SOURCE_DIR}/assets/${n}" "${_projected}"
      DEPENDS chipatlas_project_basemap "${PROJECT_SOURCE_DIR}/assets/${n}"
      COMMENT "Projecting assets/${n}" VERBATIM)
    list(APPEND _asset_pairs "assets/${n}=${_projected}")
  endif()
endforeach()
foreach(n ${CHIPATLAS_FONT_NAMES})
  list(APPEND _asset_pairs "assets/fonts/${n}=${CHIPATLAS_FONT_DIR}/${n}")
endforeach()
chipatlas_embed(chipatlas_assets embedded_assets FILES ${_asset_pairs})
