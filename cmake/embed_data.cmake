# The bundled dataset (once validate_data.cmake's check passed), the basemap and the fonts,
# compiled into static libraries by chipatlas_embed (embed.cmake).
set(_embed_pairs)
foreach(f ${CHIPATLAS_DATA_FILES})
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${f}")
  list(APPEND _embed_pairs "${rel}=${f}")
endforeach()
chipatlas_embed(chipatlas_data embedded_dataset FILES ${_embed_pairs} DEPENDS "${CHIPATLAS_DATA_VALID}")

# The fonts are made in the build tree from the data (cmake/fonts.cmake); their names stay
# assets/fonts/*.otf inside the binary.
include(fonts)
set(_asset_pairs)
if(EXISTS "${PROJECT_SOURCE_DIR}/assets/basemap.bin")
  list(APPEND _asset_pairs "assets/basemap.bin=${PROJECT_SOURCE_DIR}/assets/basemap.bin")
endif()
foreach(n ${CHIPATLAS_FONT_NAMES})
  list(APPEND _asset_pairs "assets/fonts/${n}=${CHIPATLAS_FONT_DIR}/${n}")
endforeach()
chipatlas_embed(chipatlas_assets embedded_assets FILES ${_asset_pairs})
