# Compiler warnings for the project's own targets (not for ImGui or SDL sources).
function(chipatlas_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
endfunction()
