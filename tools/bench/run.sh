#!/usr/bin/env bash
# Benchmarks (print figures; nothing here pass/fails): synthetic datasets of 1k, 10k and 50k
# organisations (10x collaborations), native --bench at 1920x1080 under Xvfb, the validator's
# load time, and the browser benchmark (bundled data, then each size through ?data=).
# Usage: tools/bench/run.sh [SIZES...] (default 1000 10000; 50000 makes a 160 MB file)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
OUT="${BENCH_DIR:-build/bench}"
mkdir -p "$OUT"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
run_bench() { xvfb-run -a -s "-screen 0 1920x1080x24" build/native/chipatlas --bench --size 1920x1080 --frames 120 "$@" | tail -n 1; }
echo "# native, bundled data"
run_bench
for n in "${SIZES[@]}"; do
  f="$OUT/synthetic_$n.json"
  [ -f "$f" ] || python3 tools/bench/gen_synthetic.py "$n" "$f" >&2
  echo "# native, $n organisations ($(du -h "$f" | cut -f1))"
  run_bench --data "$f"
  # The same with glibc's malloc asking for transparent huge pages: on a VM where a page fault
  # costs ~10 us this shows how much of the load time is first-touch faults, not work.
  echo "# native, $n organisations, GLIBC_TUNABLES=glibc.malloc.hugetlb=1"
  GLIBC_TUNABLES=glibc.malloc.hugetlb=1 run_bench --data "$f"
  /usr/bin/time -f "validate_wall_s=%e max_rss_kb=%M minor_faults=%R" build/native/chipatlas --validate "$f"
done
echo "# browser, bundled data"
node tests/browser/bench.mjs
for n in "${SIZES[@]}"; do
  echo "# browser, ?data= $n organisations"
  BENCH_DATA="$OUT/synthetic_$n.json" node tests/browser/bench.mjs
done
