#!/usr/bin/env bash
# Runs the whole test suite. The CLI tests run the built binary, so build first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
# warcio for the WARC interop tests (cached in .build/venv-warcio; a failure only makes them skip).
scripts/warcio-venv.sh >/dev/null || echo "scour: warcio virtualenv not made; WARC interop tests will skip" >&2
swift build
swift test "$@"
