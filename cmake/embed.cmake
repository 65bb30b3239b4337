# chipatlas_embed(TARGET FUNCTION NAME=PATH... DEPENDS ...): a static library whose one function
# returns the files' bytes (tools/embed.py); rebuilt when a file changes.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
function(chipatlas_embed target func)
  cmake_parse_arguments(E "" "" "FILES;DEPENDS" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/gen/${target}.cpp")
  set(paths)
  foreach(pair ${E_FILES})
    string(REGEX REPLACE "^[^=]*=" "" p "${pair}")
    list(APPEND paths "${p}")
  endforeach()
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/gen"
    COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/embed.py" "${out}" "${func}" ${E_FILES}
    DEPENDS ${paths} ${E_DEPENDS} "${PROJECT_SOURCE_DIR}/tools/embed.py"
    COMMENT "Embedding ${target}" VERBATIM)
  add_library(${target} STATIC "${out}")
  target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/src")
endfunction()
