#!/usr/bin/env bash
# Installs every build/test dependency of chipatlas from Debian (binary + source packages) and npm.
# Idempotent: does nothing that is already done. Usage: tools/setup_deps.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEPS="${CHIPATLAS_DEPS:-$HOME/.cache/chipatlas}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

PKGS=(build-essential cmake ninja-build pkg-config git ca-certificates dpkg-dev
      emscripten nodejs npm libsdl2-dev nlohmann-json3-dev rapidjson-dev robin-map-dev catch2
      clang clang-format libclang-rt-14-dev
      chromium xvfb xauth libgl1-mesa-dri libgl-dev
      fonts-noto-cjk python3 python3-fonttools python3-brotli libstb-dev
      python3-yaml gettext python3-polib)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere on the machine: accept existing binaries.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]}")
fi

need_src=0
[ -f "$DEPS/src/imgui/imgui.cpp" ] || need_src=1
[ -f "$DEPS/src/SDL2/include/SDL.h" ] || need_src=1

if [ ${#missing[@]} -gt 0 ] || [ $need_src = 1 ]; then
  if [ ! -f /etc/apt/sources.list.d/debsrc.sources ]; then
    $SUDO tee /etc/apt/sources.list.d/debsrc.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Source packages: Dear ImGui (compiled into both builds) and SDL2 (compiled for wasm).
mkdir -p "$DEPS/src"
fetch_src() { # name dest-dir-name
  local name="$1" dest="$2" tmpd
  [ -d "$DEPS/src/$dest" ] && return 0
  tmpd="$(mktemp -d)"
  (cd "$tmpd" && apt-get source -qq "$name" >/dev/null 2>&1 || (cd "$tmpd" && apt-get source --download-only -qq "$name" && dpkg-source -x --skip-patches ./*.dsc))
  local d; d="$(find "$tmpd" -mindepth 1 -maxdepth 1 -type d | head -n1)"
  mv "$d" "$DEPS/src/$dest"
  rm -rf "$tmpd"
}
fetch_src imgui imgui
fetch_src libsdl2 SDL2

# npm packages for the browser tests and the asset pipeline.
if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -d "$ROOT/node_modules/world-atlas" ] ||
   [ ! -d "$ROOT/node_modules/axe-core" ] || [ ! -d "$ROOT/node_modules/esbuild" ] ||
   [ ! -d "$ROOT/node_modules/google-closure-compiler" ]; then
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error)
fi
echo "setup: dependencies ready in $DEPS"
