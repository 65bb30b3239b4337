// BulkHeapScope on the machine's real C library: big blocks come from the heap while it lasts,
// the grown heap is marked for huge pages, and malloc's defaults come back afterwards.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "platform/bulk_heap.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#define CA_GLIBC_HEAP 1
#endif

// Where the scope does nothing (a sanitizer's malloc), the glibc tests have nothing to check.
#define REQUIRE_SUPPORTED() \
    do { if (!ca::BulkHeapScope::supported()) { WARN("BulkHeapScope is a no-op in this build"); return; } } while (0)

namespace {

#ifdef CA_GLIBC_HEAP
// Blocks malloc currently holds in their own mmap.
size_t mmapped_blocks() { return mallinfo2().hblks; }

// The line starting with `key` in the /proc/self/smaps entry of the mapping that holds p, or "".
std::string smaps_line(const void* p, const char* key) {
    std::ifstream in("/proc/self/smaps");
    const auto a = reinterpret_cast<uintptr_t>(p);
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        unsigned long lo = 0, hi = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2 && line.find(':') > line.find('-')) {
            inside = a >= lo && a < hi;
            continue;
        }
        if (inside && line.rfind(key, 0) == 0) return line;
    }
    return "";
}

std::string vm_flags_of(const void* p) { return smaps_line(p, "VmFlags:"); }

// Resident kB of the mapping that holds p, or -1.
long rss_kb_of(const void* p) {
    long kb = -1;
    return std::sscanf(smaps_line(p, "Rss:").c_str(), "Rss: %ld kB", &kb) == 1 ? kb : -1;
}

bool thp_available() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string s;
    std::getline(in, s);
    return s.find("[never]") == std::string::npos && !s.empty();
}
#endif

struct EnvVar {  // sets a variable for one test, then removes it
    explicit EnvVar(const char* value) { setenv("CHIPATLAS_BULK_HEAP", value, 1); }
    ~EnvVar() { unsetenv("CHIPATLAS_BULK_HEAP"); }
};

}  // namespace

TEST_CASE("BulkHeapScope: small hints do nothing, nor does CHIPATLAS_BULK_HEAP=off") {
    ca::BulkHeapScope small(1 << 20);
    CHECK_FALSE(small.active());
    EnvVar off("off");
    ca::BulkHeapScope big(64u << 20);
    CHECK_FALSE(big.active());
}

#ifdef CA_GLIBC_HEAP
TEST_CASE("BulkHeapScope: big blocks from the huge-page heap while active, malloc's defaults after") {
    REQUIRE_SUPPORTED();
    constexpr size_t kHint = 64u << 20, kBlock = 16u << 20;
    const size_t before = mmapped_blocks();
    {
        ca::BulkHeapScope scope(kHint);
        REQUIRE(scope.active());
        auto* big = static_cast<char*>(std::malloc(kBlock));  // by default: a block of its own mmap
        REQUIRE(big);
        std::memset(big, 1, kBlock);
        CHECK(mmapped_blocks() == before);
        if (thp_available()) {
            const std::string flags = vm_flags_of(big + kBlock - 1);  // well inside the grown range
            INFO(flags);
            CHECK(flags.find(" hg") != std::string::npos);
        }
        std::free(big);
    }
    // Larger than anything the heap has free: mmap'd again once the defaults are back.
    void* huge = std::malloc(4 * kHint);
    REQUIRE(huge);
    CHECK(mmapped_blocks() == before + 1);
    std::free(huge);
}

TEST_CASE("BulkHeapScope: the helper thread makes the grown heap resident before it is touched") {
    REQUIRE_SUPPORTED();
    constexpr size_t kHint = 64u << 20;
    ca::BulkHeapScope scope(kHint);
    REQUIRE(scope.active());
    // A block that is allocated but never written: only the pre-faulting thread can make its
    // pages resident. Polled (the thread runs on its own), up to a generous deadline.
    auto* block = static_cast<char*>(std::malloc(kHint / 2));
    REQUIRE(block);
    const char* probe = block + kHint / 2 - 1;
    long kb = 0;
    for (int i = 0; i < 500 && kb < 16 * 1024; ++i) {
        kb = rss_kb_of(probe);
        if (kb < 16 * 1024) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(kb >= 16 * 1024);
    std::free(block);
}

TEST_CASE("BulkHeapScope: CHIPATLAS_BULK_HEAP=hugepages keeps huge pages but no helper thread") {
    REQUIRE_SUPPORTED();
    EnvVar mode("hugepages");
    constexpr size_t kHint = 64u << 20;
    ca::BulkHeapScope scope(kHint);
    REQUIRE(scope.active());
    auto* block = static_cast<char*>(std::malloc(kHint / 2));
    REQUIRE(block);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(rss_kb_of(block + kHint / 2 - 1) < 16 * 1024);  // nothing pre-faulted it
    std::free(block);
}
#endif
