#!/usr/bin/env python3
"""The layers' include rules (../shared/ARCHITECTURE.md): core includes only core; ui includes
core and ui; platform includes only platform (the app implements its interface); app may
include them all. And no #ifdef __EMSCRIPTEN__ outside src/platform (one file per platform).
Usage: check_layers.py SRC_DIR. Prints each violation as FILE:LINE: message; exit 1 if any."""
import pathlib
import re
import sys

ALLOWED = {"core": {"core"}, "ui": {"core", "ui"}, "platform": {"platform"}, "app": {"core", "ui", "platform", "app"}}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')


def main(src):
    bad = []
    for path in sorted(pathlib.Path(src).rglob("*")):
        if path.suffix not in (".h", ".cpp") or path.parent.name not in ALLOWED:
            continue
        layer = path.parent.name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if m and "/" in m.group(1):
                top = m.group(1).split("/")[0]
                if top in ALLOWED and top not in ALLOWED[layer]:
                    bad.append(f"{path}:{n}: {layer}/ includes {m.group(1)}")
            if "__EMSCRIPTEN__" in line and layer != "platform":
                bad.append(f"{path}:{n}: __EMSCRIPTEN__ outside src/platform")
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "src"))
