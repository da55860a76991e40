#!/usr/bin/env bash
# Makes a known set of runs in the runs layout (five ordinary runs of the seeds, one whose
# inputs are half binary files, one ordinary again), renders their index.html in headless
# Chromium, takes a screenshot and checks the DOM Chromium built: one bar or point per run in
# every chart, the figures equal to the manifests', the unusual run flagged with a link to its
# report.html. Not part of the default test run: it installs chromium (Debian) if missing.
# Usage: scripts/check-index-chromium.sh [SCREENSHOT.png]   (SCOUR=path, or SCOUR_BIN=path, to use a built binary)
# scripts/check-report-chromium.sh runs it at its end, so one command checks both pages.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SCOUR_BIN=${SCOUR_BIN:-${SCOUR:-}}
if [ -z "${SCOUR_BIN:-}" ]; then
  swift build --product scour >/dev/null
  SCOUR_BIN=.build/debug/scour
fi
mkdir -p "$work/in"
cp seeds/* "$work/in/"
cat > "$work/cron.json" <<JSON
{"inputs": ["$work/in"], "output": {"layout": "runs", "dir": "$work/out"}, "state": {"enabled": true, "path": "$work/out/.scour/state.sqlite"}}
JSON
run() { "$SCOUR_BIN" run --config "$work/cron.json" --full --jobs 2 2>/dev/null; }
for _ in 1 2 3 4 5; do run; done
# As many binary files (a fixed byte pattern with NULs) as seeds, named as HTML pages.
python3 - "$work/in" <<'PY'
import sys
for i in range(5):
    open(f"{sys.argv[1]}/blob{i}.html", "wb").write(bytes((k * 37 + i * 11) % 256 for k in range(4096)))
PY
run
rm "$work"/in/blob*.html
run

index="$work/out/index.html"
test -s "$index"
timeout 60 chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$index" > "$work/dom.html" 2>/dev/null
timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2400 \
  --screenshot="$work/index.png" "file://$index" >/dev/null 2>&1

python3 - "$work/out" "$work/dom.html" <<'PY'
import json, os, sys
from html.parser import HTMLParser

out, dom_path = sys.argv[1], sys.argv[2]
runs = [json.loads(line) for line in open(f"{out}/manifest.jsonl")]
ids = [run["run_id"] for run in runs]
unusual = ids[5]

class Elements(HTMLParser):
    """Every element's tag and attributes, with the data-chart of the svg it sits in."""
    def __init__(self):
        super().__init__()
        self.found, self.chart = [], None
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.chart = attrs.get("data-chart")
        self.found.append((tag, attrs, self.chart))
    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = None

parser = Elements()
parser.feed(open(dom_path, encoding="utf-8").read())
elements = parser.found
problems = []
def check(ok, message):
    if not ok:
        problems.append(message)

def in_chart(chart, tag, cls):
    return [a for t, a, c in elements if c == chart and t == tag and cls in (a.get("class") or "").split()]

groups = in_chart("documents", "g", "run")
check([g["data-run"] for g in groups] == ids, f"documents chart: {len(groups)} bars for {len(ids)} runs")
for g, run in zip(groups, runs):
    for key in ("inputs", "written", "duplicates", "rejected", "unchanged"):
        check(g.get("data-" + key) == str(run[key]), f"documents chart: {key} of {run['run_id']} is {g.get('data-' + key)}, manifest {run[key]}")
bars = in_chart("time", "rect", "bar")
check([b["data-run"] for b in bars] == ids, f"time chart: {len(bars)} bars for {len(ids)} runs")
for b, run in zip(bars, runs):
    check(abs(float(b["data-seconds"]) - run["duration_ms"] / 1000) < 0.001, f"time chart: seconds of {run['run_id']}")
rejects = in_chart("rejects", "g", "run")
check([g.get("data-rejected") for g in rejects] == [str(run["rejected"]) for run in runs], "rejects chart: counts differ from the manifests")
series = in_chart("rules", "path", "series")
check(len(series) > 0, "rules chart: no series")
for s in series:
    check(len(s["data-values"].split(",")) == len(ids), f"rules chart: {s['data-rule']} has {len(s['data-values'].split(','))} points for {len(ids)} runs")
boxes = [a for t, a, c in elements if c == "words" and t == "g" and a.get("class") == "box"]
check(len(boxes) > 0, "words charts: no box")

flags = [a for t, a, c in elements if t == "tr" and a.get("class") == "flag"]
figures = {f["data-figure"] for f in flags if f["data-run"] == unusual}
check({"rejected", "inputs"} <= figures, f"the half-binary run {unusual} is not flagged for rejects and inputs: {figures}")
links = [a["href"] for t, a, c in elements if t == "a" and a.get("href", "").startswith(unusual)]
check(f"{unusual}/report.html" in links, f"no link to {unusual}/report.html")
check(os.path.isfile(f"{out}/{unusual}/report.html"), "the flagged run's report.html is missing")
marks = [a for t, a, c in elements if c == "documents" and t == "a" and a.get("class") == "flag"]
check(unusual in [m["data-run"] for m in marks], f"documents chart: no flag mark on {unusual}")
check(not any(t == "script" for t, a, c in elements), "the page has a script")
# Bars are coloured by class: a class the style sheet does not know (say "o0/" from an
# unquoted value before "/>") draws black.
known = {"o0", "o1", "o2", "o3", "bar"} | {f"p{i}" for i in range(8)}
odd = {a.get("class") for t, a, c in elements if t == "rect" and c in ("documents", "time", "rejects")} - known
check(not odd, f"bars with unknown classes: {odd}")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"index DOM ok: {len(ids)} runs, {len(series)} rule series, {len(boxes)} word boxes, flags on {unusual}: {sorted(figures)}")
PY

size=$(stat -c %s "$work/index.png")
[ "$size" -gt 20000 ] || { echo "index screenshot too small ($size bytes)" >&2; exit 1; }
cp "$work/index.png" "${1:-/tmp/scour-index.png}"
echo "index rendered: ${1:-/tmp/scour-index.png} ($size bytes, page $(stat -c %s "$index") bytes)"
