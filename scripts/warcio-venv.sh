#!/usr/bin/env bash
# Makes (once) a throwaway virtualenv with warcio for the WARC interop checks and prints
# its path. Idempotent and quick when present; nothing system-wide changes.
#   scripts/warcio-venv.sh            -> .build/venv-warcio
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${WARCIO_VENV:-$PWD/.build/venv-warcio}"
if [ ! -x "$venv/bin/warcio" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check warcio >&2
fi
echo "$venv"
