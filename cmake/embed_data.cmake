# The bundled dataset (once validate_data.cmake's check passed), the basemap and the fonts,
# compiled into static libraries by chipatlas_embed (embed.cmake).
set(_embed_pairs)
foreach(f ${CHIPATLAS_DATA_FILES})
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${f}")
  list(APPEND _embed_pairs "${rel}=${f}")
endforeach()
chipatlas_embed(chipatlas_data embedded_dataset FILES ${_embed_pairs} DEPENDS "${CHIPATLAS_DATA_VALID}")

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
