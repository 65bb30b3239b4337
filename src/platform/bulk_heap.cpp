// BulkHeapScope: glibc's mallopt and sbrk plus madvise(MADV_HUGEPAGE) on the grown heap.
// Other C libraries (Emscripten's, macOS's) get the no-op branch.
#include "platform/bulk_heap.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#endif

namespace ca {

#if defined(__linux__) && defined(__GLIBC__)

namespace {
constexpr size_t kMin = 8u << 20;
constexpr uintptr_t kHuge = 2u << 20;
// glibc's defaults (malloc/malloc.c): what the destructor puts back.
constexpr int kDefaultMmapMax = 65536;
constexpr int kDefaultTrim = 128 * 1024;
constexpr int kDefaultTopPad = 128 * 1024;
}  // namespace

BulkHeapScope::BulkHeapScope(size_t expected_bytes) {
    if (expected_bytes < kMin) return;
    const size_t want = std::min<size_t>(expected_bytes, size_t{1} << 30);
    // Everything from the main heap, which is never trimmed while the scope lasts.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(want * 2));
    mallopt(M_TOP_PAD, 0);
    auto* before = static_cast<char*>(sbrk(0));
    void* grow = std::malloc(want);  // moves the break up by about `want`
    auto* after = static_cast<char*>(sbrk(0));
    std::free(grow);                  // back to the heap's top chunk, kept (trim threshold)
    mallopt(M_TOP_PAD, static_cast<int>(std::min<size_t>(want, 256u << 20)));  // later growth in big steps
    const auto lo = (reinterpret_cast<uintptr_t>(before) + kHuge - 1) & ~(kHuge - 1);
    const auto hi = reinterpret_cast<uintptr_t>(after) & ~(kHuge - 1);
    if (grow && before != reinterpret_cast<char*>(-1) && hi > lo)
        madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);  // best effort: THP may be off
    active_ = true;
}

BulkHeapScope::~BulkHeapScope() {
    if (!active_) return;
    mallopt(M_MMAP_MAX, kDefaultMmapMax);
    mallopt(M_TOP_PAD, kDefaultTopPad);
    mallopt(M_TRIM_THRESHOLD, kDefaultTrim);
    malloc_trim(0);
}

#else

BulkHeapScope::BulkHeapScope(size_t) {}
BulkHeapScope::~BulkHeapScope() = default;

#endif

}  // namespace ca
