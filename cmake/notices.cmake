# The licence notices the web site ships: chipatlas_notices(DIR) adds the target web_notices,
# which copies each shipped dependency's Debian copyright file (or licence file) into DIR.
function(chipatlas_notices dir)
  # name in DIR -> file it is copied from. Debian's copyright files first; the rest where no
  # Debian file exists (the font subsets' OFL, the basemap's Natural Earth and world-atlas notes).
  set(notices
    "chipatlas.txt=${PROJECT_SOURCE_DIR}/LICENSE"
    "dear-imgui.txt=${CHIPATLAS_DEPS}/src/imgui/debian/copyright"
    "sdl2.txt=${CHIPATLAS_DEPS}/src/SDL2/debian/copyright"
    "nlohmann-json.txt=/usr/share/doc/nlohmann-json3-dev/copyright"
    "rapidjson.txt=/usr/share/doc/rapidjson-dev/copyright"
    "robin-map.txt=/usr/share/doc/robin-map-dev/copyright"
    "emscripten.txt=/usr/share/doc/emscripten/copyright"
    "noto-sans-cjk-ofl.txt=${PROJECT_SOURCE_DIR}/assets/fonts/LICENSE-OFL.txt"
    "noto-sans-cjk.txt=/usr/share/doc/fonts-noto-cjk/copyright"
    "natural-earth.txt=${PROJECT_SOURCE_DIR}/assets/NATURAL-EARTH.txt"
    "world-atlas.txt=${PROJECT_SOURCE_DIR}/node_modules/world-atlas/LICENSE")
  set(outputs "")
  foreach(entry IN LISTS notices)
    string(FIND "${entry}" "=" eq)
    string(SUBSTRING "${entry}" 0 ${eq} name)
    math(EXPR from_at "${eq} + 1")
    string(SUBSTRING "${entry}" ${from_at} -1 from)
    if(NOT EXISTS "${from}")
      message(FATAL_ERROR "licence notice ${name}: ${from} not found (run tools/setup_deps.sh)")
    endif()
    add_custom_command(OUTPUT "${dir}/${name}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
      COMMAND ${CMAKE_COMMAND} -E copy "${from}" "${dir}/${name}"
      DEPENDS "${from}" COMMENT "Licence notice ${name}" VERBATIM)
    list(APPEND outputs "${dir}/${name}")
  endforeach()
  add_custom_target(web_notices ALL DEPENDS ${outputs})
endfunction()
