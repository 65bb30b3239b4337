#!/usr/bin/env bash
# Builds and runs the native app (pass chipatlas options through, e.g. --data FILE).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash tools/setup_deps.sh
cmake --preset native >/dev/null
cmake --build --preset native --target chipatlas
exec build/native/chipatlas "$@"
