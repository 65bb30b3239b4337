#!/usr/bin/env bash
# The visitor's view: installs what is missing, builds the web app (which writes the site to
# dist/) and serves dist/ on http://127.0.0.1:8080/ (PORT to change it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
bash tools/setup_deps.sh
cmake --preset web >/dev/null
cmake --build --preset web
exec python3 tools/serve.py --dir dist --host 127.0.0.1 --port "${PORT:-8080}"
