// chipatlas --format [--check] FILE...: rewrites dataset files into the canonical format
// (core/json_writer.h), or with --check only lists those that differ from it.
#pragma once
#include <string>
#include <vector>

namespace ca {

// Exit status: 0 when every file is (now) canonical, 1 when --check found files that are not or a
// file is not valid JSON (FILE:LINE:COL: error: ... on stderr), 2 for a usage error.
int format_files(const std::vector<std::string>& paths, bool check);

// Writes text to path through a temporary file beside it and a rename; false with why on failure.
bool write_file_replacing(const std::string& path, const std::string& text, std::string& why);

}  // namespace ca
