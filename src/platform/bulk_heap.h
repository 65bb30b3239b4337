// Prepares the C heap for one burst of allocations (loading a large dataset) so that the pages
// it touches come as transparent huge pages where the OS allows it; a no-op elsewhere.
#pragma once
#include <cstddef>

namespace ca {

// While alive: with glibc on Linux, large allocations come from the main heap instead of their
// own mmap, and the heap is grown once by about `expected_bytes` with MADV_HUGEPAGE on the new
// range. A 4 KiB page fault costs ~13 µs on the VMs we measured, and a 10k-organisation load
// touches ~25k pages; as 2 MiB pages the same memory costs a few ms. The destructor restores
// malloc's defaults and gives free pages back (malloc_trim). Below 8 MiB it does nothing.
class BulkHeapScope {
public:
    explicit BulkHeapScope(size_t expected_bytes);
    ~BulkHeapScope();
    BulkHeapScope(const BulkHeapScope&) = delete;
    BulkHeapScope& operator=(const BulkHeapScope&) = delete;
    bool active() const { return active_; }

private:
    bool active_ = false;
};

}  // namespace ca
