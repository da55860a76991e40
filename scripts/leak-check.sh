#!/usr/bin/env bash
# Runs scour under valgrind's memcheck over a folder of pages and reports leaks.
# Usage: scripts/leak-check.sh [DIR] (default ../shared/bench/aeb-dev/html). Not part of the default test run.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-../shared/bench/aeb-dev/html}
command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
swift build -c release --product scour >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite \
  --error-exitcode=3 --log-file="$work/valgrind.log" \
  .build/release/scour run --jobs 1 --input "$dir" --output "$work/out.jsonl" --rejects "$work/rejects.jsonl" || status=$?
grep -E "definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY" "$work/valgrind.log"
exit "${status:-0}"
