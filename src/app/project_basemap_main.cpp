// chipatlas_project_basemap: a CABM v2 basemap (degrees) written as v3 (world km), so that the app
// parses the map without projecting it at start (the build runs it; under node for the web build).
// Usage: chipatlas_project_basemap IN OUT
#include <cstdio>
#include <string>
#include <vector>

#include "core/basemap.h"

namespace {

bool read_all(const char* path, std::vector<uint8_t>& out) {
    std::FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    uint8_t buf[65536];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
    const bool ok = !std::ferror(f);
    std::fclose(f);
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: chipatlas_project_basemap IN.bin OUT.bin\n");
        return 2;
    }
    std::vector<uint8_t> in, out;
    if (!read_all(argv[1], in)) {
        std::fprintf(stderr, "%s: cannot be read\n", argv[1]);
        return 1;
    }
    std::string error;
    if (!ca::project_basemap(in.data(), in.size(), out, error)) {
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
