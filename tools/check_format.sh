#!/usr/bin/env bash
# Checks that src/ and tests/ are formatted as .clang-format says (clang-format --dry-run
# --Werror); with --fix, formats them in place. Usage: tools/check_format.sh [--fix]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CF="$(command -v clang-format-14 || command -v clang-format || true)"
[ -n "$CF" ] || { echo "check_format: clang-format not found (apt-get install clang-format)" >&2; exit 2; }
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')
if [ "${1:-}" = "--fix" ]; then
  "$CF" -i "${files[@]}"
  echo "check_format: formatted ${#files[@]} files"
else
  "$CF" --dry-run --Werror "${files[@]}"
  echo "check_format: ${#files[@]} files formatted as .clang-format says"
fi
