#!/usr/bin/env bash
# Builds SDL2 for WebAssembly from Debian's libsdl2 source package without SDL's slow configure
# step: compiles its sources against SDL_config_emscripten.h and caches libSDL2.a by version.
set -euo pipefail
DEPS="${CHIPATLAS_DEPS:-$HOME/.cache/chipatlas}"
SRC="$DEPS/src/SDL2"
[ -f "$SRC/include/SDL.h" ] || { echo "build_sdl2_wasm: $SRC missing; run tools/setup_deps.sh" >&2; exit 1; }
VER="$(sed -n 's/^Version: *//p' "$SRC/SDL2.spec" | head -n1)"
OUT="$DEPS/sdl2-wasm-$VER"
if [ -f "$OUT/lib/libSDL2.a" ]; then echo "$OUT"; exit 0; fi
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
OBJ="$OUT.tmp/obj"; rm -rf "$OUT.tmp"; mkdir -p "$OBJ"
cd "$SRC/src"
FILES=$(ls *.c atomic/*.c audio/*.c audio/disk/*.c audio/dummy/*.c audio/emscripten/*.c \
  cpuinfo/*.c dynapi/*.c events/*.c file/*.c filesystem/emscripten/*.c haptic/*.c haptic/dummy/*.c \
  joystick/*.c joystick/emscripten/*.c joystick/virtual/*.c libm/*.c loadso/dlopen/*.c locale/*.c \
  locale/emscripten/*.c misc/*.c misc/emscripten/*.c power/*.c power/emscripten/*.c \
  render/*.c render/*/*.c sensor/*.c sensor/dummy/*.c stdlib/*.c thread/*.c thread/generic/*.c \
  timer/*.c timer/unix/*.c video/*.c video/emscripten/*.c video/yuv2rgb/*.c 2>/dev/null)
start=$(date +%s)
echo "build_sdl2_wasm: compiling $(echo "$FILES" | wc -w) files of SDL $VER for wasm…" >&2
echo "$FILES" | xargs -P "$(nproc)" -n 4 sh -c 'for f; do o="'"$OBJ"'/$(echo "$f" | tr / _).o"; emcc -O2 -w -I'"$SRC"'/include -c "$f" -o "$o" || exit 255; done' sh
mkdir -p "$OBJ/../lib" "$OBJ/../include"
emar rcs "$OBJ/../lib/libSDL2.a" "$OBJ"/*.o
cp -r "$SRC/include" "$OBJ/../include/SDL2"
rm -rf "$OBJ"; mv "$OUT.tmp" "$OUT"
echo "build_sdl2_wasm: done in $(( $(date +%s) - start )) s → $OUT" >&2
echo "$OUT"
