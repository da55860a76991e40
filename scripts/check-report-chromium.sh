#!/usr/bin/env bash
# Renders runs' report.html in headless Chromium, takes screenshots and checks the DOM:
#  1. a known run (seeds, the report fixtures, a duplicate, two rejects): the charts have the
#     bars of manifest.json, the table one row per written document, one script element;
#  2. the same page loaded with ?outlet=…, ?lang=…&wmin=… and ?sort=words&desc=1: the page's
#     own script reads the query on load, so --dump-dom shows the filtered, sorted table;
#  3. a run of 10,000 synthetic pages: the same checks, and the time Chromium takes to load
#     the page (performance.now() at the load event, written into #timing), three times.
# Usage: scripts/check-report-chromium.sh [SHOTS_DIR] (default out/report-check, not in git).
# Set SCOUR to a built binary to skip the build (a release binary makes step 3 faster);
# REPORT_PAGES changes the size of step 3. Not part of the default test run: it installs
# chromium (Debian) if missing. At its end it runs scripts/check-index-chromium.sh for index.html.
set -euo pipefail
cd "$(dirname "$0")/.."

shots=$(mkdir -p "${1:-out/report-check}" && cd "${1:-out/report-check}" && pwd)
pages=${REPORT_PAGES:-10000}
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
if [ -z "${SCOUR:-}" ]; then
  swift build --product scour >/dev/null
  SCOUR=.build/debug/scour
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() { python3 scripts/check-report.py "$@"; }
chrome() { timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }
dom() { chrome --dump-dom "file://$1" > "$2"; }
shot() {
  chrome --window-size="$3" --screenshot="$2" "file://$1" >/dev/null
  local size; size=$(stat -c %s "$2")
  [ "$size" -gt 20000 ] || { echo "screenshot $2 too small ($size bytes)" >&2; exit 1; }
  echo "screenshot: $2 ($size bytes)"
}
run() { # run FOLDER_OF_INPUTS OUT_DIR
  printf '{"inputs": ["%s"], "output": {"layout": "runs", "dir": "%s"}, "state": {"enabled": true, "path": "%s/.scour/state.sqlite"}}\n' \
    "$1" "$2" "$2" > "$work/cron.json"
  "$SCOUR" run --config "$work/cron.json" 2>&1 | tail -1
}

echo "== a known run"
mkdir -p "$work/known"
cp seeds/* Tests/ScourCLITests/Fixtures/report/*.html "$work/known/"
cp seeds/000_c6cf82f3579e74d0.txt "$work/known/copy.txt"
: > "$work/known/empty.txt"
printf x > "$work/known/photo.png"
run "$work/known" "$work/out"
known=$(cd "$work/out/latest" && pwd -P)
dom "$known/report.html" "$work/known.dom"
check full "$work/known.dom" "$known" escaped
dom "$known/report.html?outlet=Le%20Quotidien" "$work/outlet.dom"
check filter "$work/outlet.dom" "$known" "outlet=Le Quotidien"
dom "$known/report.html?lang=en&wmin=1120" "$work/lang.dom"
check filter "$work/lang.dom" "$known" lang=en wmin=1120
dom "$known/report.html?sort=words&desc=1" "$work/sorted.dom"
check sorted "$work/sorted.dom" words
shot "$known/report.html" "$shots/known-report.png" 1280,2600
shot "$known/report.html?lang=en&wmin=1120" "$shots/known-filtered.png" 1280,2000

echo "== $pages synthetic pages"
check pages "$pages" "$work/many"
start=$(date +%s%N)
run "$work/many" "$work/many-out"
echo "run: $(( ($(date +%s%N) - start) / 1000000 )) ms"
many=$(cd "$work/many-out/latest" && pwd -P)
echo "report.html: $(stat -c %s "$many/report.html") bytes for $pages documents"
dom "$many/report.html" "$work/many.dom"
check full "$work/many.dom" "$many"
dom "$many/report.html?outlet=Harbour%20Times&wmin=500" "$work/many-outlet.dom"
check filter "$work/many-outlet.dom" "$many" "outlet=Harbour Times" wmin=500
dom "$many/report.html?sort=removed&desc=1" "$work/many-sorted.dom"
check sorted "$work/many-sorted.dom" removed
for round in 1 2 3; do
  dom "$many/report.html" "$work/many-$round.dom"
  echo "chromium load, round $round: $(check load-ms "$work/many-$round.dom") ms (performance.now() at the load event)"
done
shot "$many/report.html" "$shots/many-report.png" 1280,2600
shot "$many/report.html?outlet=Harbour%20Times&sort=words&desc=1" "$shots/many-filtered.png" 1280,3000
echo "report check passed; screenshots in $shots"

# The index over runs (scour report): its own script makes seven runs, one of them unusual.
echo "== index.html over runs"
SCOUR="$SCOUR" scripts/check-index-chromium.sh "$shots/index.png"
