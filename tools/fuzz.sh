#!/usr/bin/env bash
# Builds the libFuzzer target for the dataset loader (clang, ASan + UBSan) and runs it for
# SECONDS (default 20; use 600+ on demand). Seeds: the bundled data and tests/data.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_TO_RUN="${1:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_loader
CORPUS="build/fuzz/corpus"
mkdir -p "$CORPUS"
cp data/*.json tests/data/*.json "$CORPUS"/ 2>/dev/null || true
build/fuzz/fuzz_loader -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -detect_leaks=1 -print_final_stats=1 "$CORPUS" 2>&1 | tail -n 20
