#!/usr/bin/env bash
# Times the data editor's loop (README, "Publishing"): change one string in
# data/collaborations.json, validate, rebuild web (dist/ ready) and native; then restores the
# file and rebuilds. Needs both builds in place (it builds them first, untimed).
# Usage: bash tools/bench/data_loop.sh [ROUNDS]   (default 3; prints one JSON line per round,
# each step as [wall seconds, CPU seconds])
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
ROUNDS="${1:-3}"
FILE=data/collaborations.json
BACKUP="$(mktemp)"
cp -p "$FILE" "$BACKUP"
restore() { cp -p "$BACKUP" "$FILE"; rm -f "$BACKUP"; }
trap restore EXIT

# "WALL CPU" seconds of a command (CPU: user + sys of it and its children, which the machine's
# load barely changes; wall time does).
secs() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  python3 -c "import sys; r, u, s = map(float, sys.argv[1:]); print('[%.1f,%.1f]' % (r, u + s))" $t
}
echo "untimed: bringing both builds up to date" >&2
cmake --build --preset native >/dev/null
cmake --build --preset web >/dev/null
for r in $(seq 1 "$ROUNDS"); do
  # One string edited: the first collaboration's summary gets " (edit N)" appended.
  python3 - "$FILE" "$r" <<'PY'
import re, sys
path, n = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text, count = re.subn(r'("summary": "[^"]*?)(")', lambda m: m.group(1) + " (edit %s)" % n + m.group(2), text, count=1)
assert count == 1
open(path, "w", encoding="utf-8").write(text)
PY
  v=$(secs build/native/chipatlas --validate data/collaborations.json data/events.json data/organisations.json data/sources.json)
  w=$(secs cmake --build --preset web)
  grep -aq "(edit $r)" dist/chipatlas.wasm || { echo "dist/ does not carry the edit" >&2; exit 1; }
  n=$(secs cmake --build --preset native --target chipatlas)
  a=$(secs cmake --build --preset native)
  cp -p "$BACKUP" "$FILE"; touch "$FILE"
  echo "{\"round\":$r,\"validate_s\":$v,\"web_to_dist_s\":$w,\"native_app_s\":$n,\"native_tests_too_s\":$a,\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  cmake --build --preset web >/dev/null
  cmake --build --preset native >/dev/null
done
