#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build scour (release),
# and run the default pipeline (pipeline.json: seeds/ -> out/articles.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release --product scour
.build/release/scour run --config pipeline.json
echo "scour: wrote out/articles.jsonl (rejects in out/rejects.jsonl)" >&2
