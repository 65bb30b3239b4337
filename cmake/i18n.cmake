# The app's message catalogues: tools/i18n/build_catalogues.py compiles po/app/*.po (and the
# generated pseudo-locale en-XA) into ${CHIPATLAS_I18N_DIR}/LANG.mo, and the editor's own texts
# into LANG.edit.mo (an editing visit's, added to LANG.mo's). Natively they are compiled
# into the binary (embedded_catalogues); the web site serves them as i18n/LANG.mo (with
# i18n/LANG.otf, the glyphs they add), fetched only for the language shown (English: none).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(CHIPATLAS_I18N_DIR "${CMAKE_BINARY_DIR}/i18n")
file(GLOB _po_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/po/app/*.po")
set(CHIPATLAS_CATALOGUES)
foreach(po ${_po_files})
  get_filename_component(lang "${po}" NAME_WE)
  list(APPEND CHIPATLAS_CATALOGUES "${lang}")
endforeach()
list(APPEND CHIPATLAS_CATALOGUES en-XA)
set(_mo_outputs)
set(_mo_pairs)
foreach(lang ${CHIPATLAS_CATALOGUES})
  list(APPEND _mo_outputs "${CHIPATLAS_I18N_DIR}/${lang}.mo" "${CHIPATLAS_I18N_DIR}/${lang}.edit.mo")
  list(APPEND _mo_pairs "i18n/${lang}.mo=${CHIPATLAS_I18N_DIR}/${lang}.mo" "i18n/${lang}.edit.mo=${CHIPATLAS_I18N_DIR}/${lang}.edit.mo")
endforeach()
# Each catalogue also carries the bundled data's translations into its language (--data: the
# web site's wasm embeds the data without them, cmake/embed_data.cmake).
file(GLOB _catalogue_data CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/data/*.json")
add_custom_command(OUTPUT ${_mo_outputs}
  COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/i18n/build_catalogues.py"
          --po-dir "${PROJECT_SOURCE_DIR}/po/app" --out "${CHIPATLAS_I18N_DIR}" --data "${PROJECT_SOURCE_DIR}/data"
  DEPENDS ${_po_files} "${PROJECT_SOURCE_DIR}/po/app/chipatlas.pot" ${_catalogue_data}
          "${PROJECT_SOURCE_DIR}/tools/i18n/build_catalogues.py" "${PROJECT_SOURCE_DIR}/tools/i18n/common.py"
          "${PROJECT_SOURCE_DIR}/tools/i18n/data_translations.py"
  COMMENT "Compiling the message catalogues (tools/i18n/build_catalogues.py)" VERBATIM)
# LANG.otf: the characters of each catalogue that the bundled ui.otf lacks, in the language's
# own Noto Sans CJK face (tools/fonts/make_fonts.py --i18n): shipped like the catalogues.
set(_otf_outputs)
set(_po_args)
foreach(lang ${CHIPATLAS_CATALOGUES})
  list(APPEND _otf_outputs "${CHIPATLAS_I18N_DIR}/${lang}.otf")
  list(APPEND _mo_pairs "i18n/${lang}.otf=${CHIPATLAS_I18N_DIR}/${lang}.otf")
  if(lang STREQUAL "en-XA")
    list(APPEND _po_args --po "${CHIPATLAS_I18N_DIR}/en-XA.po")
  else()
    list(APPEND _po_args --po "${PROJECT_SOURCE_DIR}/po/app/${lang}.po")
  endif()
endforeach()
# translations.otf: the data's translations in every language beyond ui.otf, one face: the web
# editor's (it shows every language's translations; README "Translating").
list(APPEND _otf_outputs "${CHIPATLAS_I18N_DIR}/translations.otf")
file(GLOB _i18n_font_data CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/data/*.json")
add_custom_command(OUTPUT ${_otf_outputs}
  COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py" --i18n "${CHIPATLAS_I18N_DIR}" ${_po_args}
          --data "${PROJECT_SOURCE_DIR}/data" --extra "${PROJECT_SOURCE_DIR}/tools/fonts/ui_chars.txt" --quiet
  DEPENDS ${_mo_outputs} ${_i18n_font_data} "${PROJECT_SOURCE_DIR}/tools/fonts/ui_chars.txt" "${PROJECT_SOURCE_DIR}/tools/fonts/make_fonts.py"
  COMMENT "Fonts for the catalogues' characters (tools/fonts/make_fonts.py --i18n)" VERBATIM)
add_custom_target(chipatlas_mo ALL DEPENDS ${_mo_outputs} ${_otf_outputs})
if(CHIPATLAS_WEB)
  chipatlas_embed(chipatlas_catalogues embedded_catalogues)  # none: the page fetches them
  chipatlas_embed(chipatlas_edit_fonts embedded_edit_fonts FILES "i18n/translations.otf=${CHIPATLAS_I18N_DIR}/translations.otf")
else()
  chipatlas_embed(chipatlas_catalogues embedded_catalogues FILES ${_mo_pairs})
  chipatlas_embed(chipatlas_edit_fonts embedded_edit_fonts)  # none: natively the system's Noto Sans CJK
endif()
