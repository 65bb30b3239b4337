#!/usr/bin/env bash
# Before/after comparison for refactors that must not change what is drawn.
#   tools/screens/compare.sh render OUTDIR   screenshots of a matrix of views (regions × modes ×
#                                            selections, dark theme, languages, small/embed sizes,
#                                            a large synthetic dataset) with build/native/chipatlas
#                                            under Xvfb, plus OUTDIR/drawhash.txt: headless
#                                            fingerprints of the UI's draw data while hovering and
#                                            clicking everywhere (tools/screens/drawhash.cpp)
#   tools/screens/compare.sh drawhash OUTDIR only the fingerprints
#   tools/screens/compare.sh compare A B     pixel-exact comparison of two such folders
# Render the unchanged tree first (keep that folder outside the repository), then the changed one.
# BIN (default build/native/chipatlas), BUILD (default build/native) and SRC (default src: the
# headers of the sources BUILD was built from) may be overridden;
# SYNTH (default /tmp/screens-synth2k.json) is generated with tools/bench/gen_synthetic.py.
set -euo pipefail
SELF=$(realpath "$0")
cd "$(dirname "$SELF")/../.."
BUILD=${BUILD:-build/native}
BIN=${BIN:-$BUILD/chipatlas}
SYNTH=${SYNTH:-/tmp/screens-synth2k.json}
DEPS=${CHIPATLAS_DEPS:-$HOME/.cache/chipatlas}
SRC=${SRC:-src}  # headers matching BUILD's libraries (drawhash)

render_all() {  # runs inside one Xvfb server
    local out=$1 n=0
    shot() {  # NAME SIZE REGION HASH [more args]
        local name=$1 size=$2 region=$3 hash=$4
        shift 4
        "$BIN" --screenshot "$out/$name.png" --size "$size" --region "$region" --hash "$hash" "$@" >/dev/null
        n=$((n + 1))
    }
    local t=2023-09-01
    for r in all gba korea taiwan japan; do
        for m in snapshot window cumulative; do
            shot "$r-$m" 1280x800 "$r" "#t=$t&mode=$m"
            shot "$r-$m-sel-astri" 1280x800 "$r" "#t=$t&mode=$m&sel=astri"
            shot "$r-$m-sel-ase" 1280x800 "$r" "#t=$t&mode=$m&sel=ase"
            shot "$r-$m-sel-motie_global_packaging" 1280x800 "$r" "#t=$t&mode=$m&sel=motie_global_packaging"
        done
        shot "$r-cumulative-dark" 1280x800 "$r" "#t=$t&mode=cumulative&theme=dark"
        shot "$r-snapshot-dark-sel-astri" 1280x800 "$r" "#t=$t&mode=snapshot&theme=dark&sel=astri"
        shot "$r-cumulative-lang-both" 1280x800 "$r" "#t=$t&mode=cumulative&lang=both"
        shot "$r-cumulative-lang-native" 1280x800 "$r" "#t=$t&mode=cumulative&lang=native"
        shot "$r-window-win3-2022" 1280x800 "$r" "#t=2022-09-01&mode=window&win=3"
    done
    shot phone-all 390x740 all "#t=$t&mode=cumulative"
    shot phone-gba-sel-astri 390x740 gba "#t=$t&mode=cumulative&sel=astri"
    shot embed-320x240 320x240 all "#t=$t&mode=cumulative&embed=1"
    shot embed-640x400-dark 640x400 taiwan "#t=$t&mode=snapshot&embed=1&theme=dark"
    shot reduced-motion-korea 1280x800 korea "#t=$t&mode=snapshot&rm=1"
    # A large dataset: level of detail (over 3,000 arcs), the label cap, many clusters.
    for r in all gba taiwan japan; do
        for m in snapshot cumulative; do
            shot "synth-$r-$m" 1280x800 "$r" "#t=2015-06-01&mode=$m" --data "$SYNTH"
        done
    done
    shot synth-gba-window-2005 1280x800 gba "#t=2005-06-01&mode=window&win=12" --data "$SYNTH"
    echo "rendered $n screenshots into $out"
}

case "${1:-}" in
_render_all)  # inside xvfb-run
    render_all "$2"
    ;;
render)
    out=${2:?usage: compare.sh render OUTDIR}
    mkdir -p "$out"
    [ -f "$SYNTH" ] || python3 tools/bench/gen_synthetic.py 2000 "$SYNTH" >/dev/null
    # Two X screens: the pointer starts at the screen's centre. On a 1600x1000 screen it lies
    # over the middle of the centred window (whatever it hovers is drawn); on a 4000x3000 one
    # it lies outside the window (a hover-free state).
    BIN=$BIN SYNTH=$SYNTH xvfb-run -a -s "-screen 0 4000x3000x24" bash "$SELF" _render_all "$out"
    mkdir -p "$out/pointer-centre"
    BIN=$BIN SYNTH=$SYNTH xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
        '$BIN' --screenshot '$out/pointer-centre/all-cumulative.png' --size 1280x800 --region all --hash '#t=2023-09-01&mode=cumulative' >/dev/null
        for r in gba korea taiwan japan; do
            '$BIN' --screenshot \"$out/pointer-centre/\$r-snapshot.png\" --size 1280x800 --region \$r --hash '#t=2023-09-01&mode=snapshot' >/dev/null
        done"
    "$SELF" drawhash "$out"
    ;;
drawhash)  # only the headless fingerprints
    out=${2:?usage: compare.sh drawhash OUTDIR}
    mkdir -p "$out"
    [ -f "$SYNTH" ] || python3 tools/bench/gen_synthetic.py 2000 "$SYNTH" >/dev/null
    c++ -std=c++20 -O2 -DImDrawIdx="unsigned int" -DIMGUI_DISABLE_DEMO_WINDOWS -DIMGUI_DISABLE_OBSOLETE_FUNCTIONS \
        -I"$SRC" -isystem "$DEPS/src/imgui" tools/screens/drawhash.cpp -o "$out/drawhash.bin" \
        -Wl,--start-group "$BUILD/src/ui/libchipatlas_ui.a" "$BUILD/src/core/libchipatlas_core.a" \
        "$BUILD/libchipatlas_data.a" "$BUILD/libchipatlas_assets.a" "$BUILD/libimgui.a" -Wl,--end-group
    "$out/drawhash.bin" > "$out/drawhash.txt"
    "$out/drawhash.bin" --data "$SYNTH" > "$out/drawhash-synth.txt"
    rm -f "$out/drawhash.bin"
    echo "draw-data fingerprints: $(cat "$out"/drawhash*.txt | wc -l) scenarios"
    ;;
compare)
    a=${2:?usage: compare.sh compare A B}
    b=${3:?usage: compare.sh compare A B}
    rc=0
    python3 tools/screens/pngdiff.py "$a" "$b" || rc=1
    python3 tools/screens/pngdiff.py "$a/pointer-centre" "$b/pointer-centre" || rc=1
    for f in drawhash.txt drawhash-synth.txt; do
        if diff "$a/$f" "$b/$f" >/dev/null; then
            echo "$f: $(wc -l < "$a/$f") scenarios, all identical"
        else
            echo "$f: scenarios that differ:"
            diff "$a/$f" "$b/$f" | grep '^[<>]' || true
            rc=1
        fi
    done
    exit $rc
    ;;
*)
    sed -n 2,15p "$SELF"
    exit 2
    ;;
esac
