#!/usr/bin/env bash
# Runs the whole test suite. The CLI tests run the built binary, so build first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build
swift test "$@"
