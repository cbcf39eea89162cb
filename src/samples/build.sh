#!/bin/sh
# Regenerates every file in sample-docs/ from the UTF-8 sources in src/samples/texts/.
# Dev-time only; needs python3, libreoffice (libreoffice-writer-nogui) and fonts-noto-cjk.
set -eu
cd "$(dirname "$0")"
command -v libreoffice >/dev/null 2>&1 || { echo "libreoffice not found (apt-get install libreoffice-writer-nogui fonts-noto-cjk)" >&2; exit 1; }
fc-list :lang=zh | grep -q . || { echo "no CJK font found (apt-get install fonts-noto-cjk)" >&2; exit 1; }
exec python3 build.py "$@"
