// Catch2 main for the core tests (discovered by ctest through catch_discover_tests).
// One translation unit defines the runner; the others only add TEST_CASEs.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
