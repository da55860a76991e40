#!/usr/bin/env bash
# Renders a run's report.html in headless Chromium and checks a screenshot came out.
# Not part of the default test run: it installs chromium (Debian) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/cron.json" <<JSON
{"inputs": ["seeds/"], "output": {"layout": "runs", "dir": "$work/out"}, "state": {"enabled": true, "path": "$work/out/.scour/state.sqlite"}}
JSON
swift build --product scour >/dev/null
.build/debug/scour run --config "$work/cron.json"
report="$work/out/latest/report.html"
test -s "$report"
timeout 60 chromium --headless --no-sandbox --disable-gpu --window-size=1200,2000 \
  --screenshot="$work/report.png" "file://$report" >/dev/null 2>&1
size=$(stat -c %s "$work/report.png")
[ "$size" -gt 20000 ] || { echo "report screenshot too small ($size bytes)" >&2; exit 1; }
cp "$work/report.png" "${1:-/tmp/scour-report.png}"
echo "report rendered: ${1:-/tmp/scour-report.png} ($size bytes)"
