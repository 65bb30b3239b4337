#!/usr/bin/env bash
# The test command: installs what is missing, builds native + web, and runs every test:
# the page's unit tests (node:test, no browser), ctest (Catch2 core, headless UI, native
# screenshots, validator), the dataset quote check (chipatlas --validate --sources), a short
# libFuzzer run and the browser tests (Chromium + playwright-core).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
bash tools/setup_deps.sh || exit 1
passed=0; failed=0; failures=()
step() {  # name, command...
  local name="$1"; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}
step "page logic unit tests (node:test)" node --test tests/js/
step "C++ formatting (clang-format, .clang-format)" bash tools/check_format.sh
step "no function in src/ over 120 lines" python3 tools/function_lengths.py --max 120 --top 3 src
step "configure+build native" bash -c 'cmake --preset native >/dev/null && cmake --build --preset native'
step "ctest (core, ui, native screenshots, validator)" ctest --preset native -j2
# The source texts are third-party articles, kept outside the repository (../shared/sources,
# or CHIPATLAS_SOURCES): where they are absent, say so plainly and let everything else run.
quotes() {
  local dir="${CHIPATLAS_SOURCES:-../shared/sources}"
  if [ ! -d "$dir" ]; then
    echo "quotes NOT verified: source texts not found at $dir (set CHIPATLAS_SOURCES)"
    return 0
  fi
  build/native/chipatlas --validate --sources "$dir" data/*.json
}
step "dataset quotes occur in the source texts (chipatlas --validate --sources)" quotes
step "configure+build web" bash -c 'cmake --preset web >/dev/null && cmake --build --preset web'
step "browser tests (Chromium + playwright-core)" node --test --test-concurrency=1 tests/browser/
step "fuzz the loader, the commands and edit sequences (short runs)" bash tools/fuzz.sh "${CHIPATLAS_FUZZ_SECONDS:-20}"
echo
echo "=== summary"
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
