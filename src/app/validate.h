// Command-line validation of dataset files: reads them, runs the core loader and prints every
// diagnostic as FILE:LINE:COL: error: POINTER: MESSAGE. Exit status 0 when valid, 1 otherwise.
#pragma once
#include <string>
#include <vector>

namespace ca {

// Reads files from disk; a missing file is reported like any other problem.
bool read_file(const std::string& path, std::string& out, std::string& error);
int validate_files(const std::vector<std::string>& paths, bool quiet);

}  // namespace ca
