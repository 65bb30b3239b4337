#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 20;
# use 600+ on demand): fuzz_loader (the dataset loader; seeds: the bundled data and
# tests/data) and fuzz_commands (the JSON command interface on the bundled dataset; seeds:
# tests/fuzz/commands_seed) and fuzz_edits (random edit sequences on the bundled dataset, with
# undo all; seeds: tests/fuzz/edits_seed, random bytes long enough for 32 operations).
# `bash tools/fuzz.sh SECONDS loader|commands|edits` runs one of them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_TO_RUN="${1:-20}"
WHICH="${2:-all}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_loader fuzz_commands fuzz_edits

if [[ "$WHICH" == all || "$WHICH" == loader ]]; then
  CORPUS="build/fuzz/corpus"
  mkdir -p "$CORPUS"
  cp data/*.json tests/data/*.json tests/data/quotes/*.json "$CORPUS"/ 2>/dev/null || true
  echo "== fuzz_loader, ${SECONDS_TO_RUN} s"
  build/fuzz/fuzz_loader -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=1 -print_final_stats=1 "$CORPUS" 2>&1 | tail -n 20
fi

if [[ "$WHICH" == all || "$WHICH" == commands ]]; then
  CORPUS="build/fuzz/corpus_commands"
  mkdir -p "$CORPUS"
  cp tests/fuzz/commands_seed/* "$CORPUS"/
  echo "== fuzz_commands, ${SECONDS_TO_RUN} s"
  build/fuzz/fuzz_commands -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=1 -print_final_stats=1 "$CORPUS" 2>&1 | tail -n 20
fi

if [[ "$WHICH" == all || "$WHICH" == edits ]]; then
  CORPUS="build/fuzz/corpus_edits"
  mkdir -p "$CORPUS"
  cp tests/fuzz/edits_seed/* "$CORPUS"/
  echo "== fuzz_edits, ${SECONDS_TO_RUN} s"
  build/fuzz/fuzz_edits -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -len_control=0 -timeout=30 -rss_limit_mb=2048 \
    -detect_leaks=1 -print_final_stats=1 "$CORPUS" 2>&1 | tail -n 20
fi
