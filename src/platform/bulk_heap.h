// Prepares the C heap for one burst of allocations (loading a large dataset) so that the pages
// it touches come as transparent huge pages where the OS allows it; a no-op elsewhere.
#pragma once
#include <cstddef>
#include <memory>

namespace ca {

// While alive: with glibc on Linux, large allocations come from the main heap instead of their
// own mmap, and the heap is grown once by about `expected_bytes` with MADV_HUGEPAGE on the new
// range. A 4 KiB page fault costs ~13 µs on the VMs we measured, and a 10k-organisation load
// touches ~25k pages; as 2 MiB pages the same memory costs a few ms. Zeroing those pages still
// costs the kernel 15-250 ms on such VMs, so a helper thread pre-faults the grown range
// (MADV_POPULATE_WRITE, 2 MiB at a time, never writing) on the other core while the load
// parses. The destructor stops and joins it, restores malloc's defaults and gives free pages
// back (malloc_trim). Below 8 MiB it does nothing. For benchmarks, CHIPATLAS_BULK_HEAP=off
// turns it off and =hugepages keeps the huge pages without the pre-faulting thread.
class BulkHeapScope {
public:
    explicit BulkHeapScope(size_t expected_bytes);
    ~BulkHeapScope();
    BulkHeapScope(const BulkHeapScope&) = delete;
    BulkHeapScope& operator=(const BulkHeapScope&) = delete;
    bool active() const { return active_; }
    // Whether this build can do it at all (glibc on Linux, without a sanitizer's malloc).
    static bool supported();

private:
    struct Prefault;  // the helper thread (only where the C library is glibc)
    bool active_ = false;
    std::unique_ptr<Prefault> prefault_;
};

}  // namespace ca
