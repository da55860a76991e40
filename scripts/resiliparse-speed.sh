#!/usr/bin/env bash
# Times `scour run --jobs 1` against resiliparse's main-content extraction (one core each) on
# the same HTML files, in alternating rounds (the machine's speed drifts), and prints pages/s
# per round and the ratio pair by pair. resiliparse is pip-installed into a throwaway
# virtualenv under .build; nothing system-wide changes.
#
#   scripts/resiliparse-speed.sh DIR [ROUNDS]     (DIR: .html or .html.gz files, recursive)
#   SCOUR=path/to/scour overrides the binary (default .build/release/scour).
set -euo pipefail
[ "$#" -ge 1 ] || { echo "usage: $0 DIR [ROUNDS]" >&2; exit 2; }
cd "$(dirname "$0")/.."
input="$(cd "$1" && pwd)"
rounds="${2:-5}"
scour="${SCOUR:-$PWD/.build/release/scour}"
[ -x "$scour" ] || { echo "no $scour: build with 'swift build -c release --product scour'" >&2; exit 2; }

venv="${RESILIPARSE_VENV:-$PWD/.build/venv-resiliparse}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import resiliparse' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check resiliparse >&2
fi

exec "$venv/bin/python" "$PWD/scripts/resiliparse_speed.py" "$scour" "$input" "$rounds"
