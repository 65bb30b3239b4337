// chipatlas_project_basemap: a CABM v2 basemap (degrees) written as v3 (world km), so that the app
// parses the map without projecting it at start (the build runs it; under node for the web build).
// Usage: chipatlas_project_basemap IN OUT
#include <cstdio>
#include <string>
#include <vector>

#include "core/basemap.h"
#include "platform/file_text.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: chipatlas_project_basemap IN.bin OUT.bin\n");
        return 2;
    }
    ca::FileText in;
    if (!in.open(argv[1])) {
        std::fprintf(stderr, "%s: cannot be read\n", argv[1]);
        return 1;
    }
    std::vector<uint8_t> out;
    std::string error;
    const std::string_view bytes = in.text();
    if (!ca::project_basemap(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out, error)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], error.c_str());
        return 1;
    }
    std::FILE* f = std::fopen(argv[2], "wb");
    const bool ok = f && std::fwrite(out.data(), 1, out.size(), f) == out.size();
    if (f && std::fclose(f) != 0) return 1;
    if (!ok) {
        std::fprintf(stderr, "%s: cannot be written\n", argv[2]);
        return 1;
    }
    return 0;
}
