// BulkHeapScope: glibc's mallopt and sbrk plus madvise(MADV_HUGEPAGE) on the grown heap.
// Other C libraries (Emscripten's, macOS's) get the no-op branch.
#include "platform/bulk_heap.h"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

// Sanitizers replace malloc: glibc's knobs would then tune a heap nobody allocates from.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CA_MALLOC_REPLACED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define CA_MALLOC_REPLACED 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(CA_MALLOC_REPLACED)
#define CA_GLIBC_HEAP 1
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdint>
#include <string_view>
#include <thread>
#endif

namespace ca {

#ifdef CA_GLIBC_HEAP

bool BulkHeapScope::supported() { return true; }

namespace {
constexpr size_t kMin = 8u << 20;
constexpr uintptr_t kHuge = 2u << 20;
// glibc's defaults (mallopt(3)): what the destructor puts back. (Having set them, glibc no
// longer moves its mmap threshold by itself: it stays at its initial 128 KiB.)
constexpr int kDefaultMmapMax = 65536;
constexpr int kDefaultTrim = 128 * 1024;
constexpr int kDefaultTopPad = 128 * 1024;

// CHIPATLAS_BULK_HEAP=off or =hugepages (no pre-faulting thread): for before/after benchmarks.
enum class Mode { Full, HugePages, Off };
Mode mode_from_env() {
    const char* v = std::getenv("CHIPATLAS_BULK_HEAP");
    if (!v) return Mode::Full;
    const std::string_view s(v);
    return s == "off" ? Mode::Off : s == "hugepages" ? Mode::HugePages : Mode::Full;
}
}  // namespace

struct BulkHeapScope::Prefault {
    std::atomic<bool> stop{false};
    std::thread thread;
};

BulkHeapScope::BulkHeapScope(size_t expected_bytes) {
    const Mode mode = mode_from_env();
    if (expected_bytes < kMin || mode == Mode::Off) return;
    const size_t want = std::min<size_t>(expected_bytes, size_t{1} << 30);
    // Everything from the main heap, which is never trimmed while the scope lasts.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(std::min<size_t>(want * 2, INT_MAX)));
    mallopt(M_TOP_PAD, 0);
    auto* before = static_cast<char*>(sbrk(0));
    void* grow = std::malloc(want);  // moves the break up by about `want`
    auto* after = static_cast<char*>(sbrk(0));
    std::free(grow);                  // back to the heap's top chunk, kept (trim threshold)
    mallopt(M_TOP_PAD, static_cast<int>(std::min<size_t>(want, 256u << 20)));  // later growth in big steps
    const auto lo = (reinterpret_cast<uintptr_t>(before) + kHuge - 1) & ~(kHuge - 1);
    const auto hi = reinterpret_cast<uintptr_t>(after) & ~(kHuge - 1);
    active_ = true;
    if (!grow || before == reinterpret_cast<char*>(-1) || hi <= lo) return;
    madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);  // best effort: THP may be off
    // Lowest addresses first: the heap hands them out first. Pages the load has already touched
    // are skipped by the kernel; an error (an old kernel without MADV_POPULATE_WRITE) just ends it.
    if (mode == Mode::HugePages) return;
    prefault_ = std::make_unique<Prefault>();
    prefault_->thread = std::thread([stop = &prefault_->stop, lo, hi] {
        for (uintptr_t p = lo; p < hi && !stop->load(std::memory_order_relaxed); p += kHuge)
            if (madvise(reinterpret_cast<void*>(p), std::min<uintptr_t>(kHuge, hi - p), MADV_POPULATE_WRITE) != 0) break;
    });
}

BulkHeapScope::~BulkHeapScope() {
    if (!active_) return;
    if (prefault_) {
        prefault_->stop = true;
        prefault_->thread.join();
    }
    mallopt(M_MMAP_MAX, kDefaultMmapMax);
    mallopt(M_TOP_PAD, kDefaultTopPad);
    mallopt(M_TRIM_THRESHOLD, kDefaultTrim);
    malloc_trim(0);
}

#else

bool BulkHeapScope::supported() { return false; }
struct BulkHeapScope::Prefault {};
BulkHeapScope::BulkHeapScope(size_t) {}
BulkHeapScope::~BulkHeapScope() = default;

#endif

}  // namespace ca
