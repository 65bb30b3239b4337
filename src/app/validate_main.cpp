// chipatlas_validate: the dataset validator without the app (used by the build to reject
// invalid bundled data; runs under node in the web build).
// Usage: chipatlas_validate [--quiet] [--sources DIR] FILE...
#include <cstring>
#include <string>
#include <vector>

#include "app/validate.h"

int main(int argc, char** argv) {
    bool quiet = false;
    std::string sources;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quiet") == 0)
            quiet = true;
        else if (std::strcmp(argv[i], "--sources") == 0 && i + 1 < argc)
            sources = argv[++i];
        else
            files.emplace_back(argv[i]);
    }
    return ca::validate_files(files, quiet, sources);
}
