#!/usr/bin/env bash
# Runs Scour under Apache Spark in local mode (RDD.pipe over partitions of JSONL records)
# and checks the union of the partitions' output equals a single-process run's output.
# Not part of the default test run: it installs pyspark from PyPI (large) and needs Java (17 is on the machine).
# Usage: scripts/spark-check.sh [SET_DIR] [PARTITIONS]   (default ../shared/bench/aeb-text-dev, 4)
set -euo pipefail
cd "$(dirname "$0")/.."

set_dir=${1:-../shared/bench/aeb-text-dev}
partitions=${2:-4}
python3 -c "import pyspark" 2>/dev/null || pip install --quiet pyspark
swift build -c release --product scour >/dev/null
scour="$PWD/.build/release/scour"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Cross-document dedup depends on which documents share a process; compare with it off.
echo '{"duplicates": {"enabled": false}}' > "$work/pipeline.json"

# One record per page: {"source", "text"} for text dumps, {"source", "html"} for HTML pages.
python3 - "$set_dir" "$work/records.jsonl" <<'PY'
import gzip, json, os, sys
root, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as sink:
    for sub, key in (("text", "text"), ("html", "html")):
        folder = os.path.join(root, sub)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            data = gzip.open(path).read() if name.endswith(".gz") else open(path, "rb").read()
            sink.write(json.dumps({"source": name, key: data.decode("utf-8", "replace")}) + "\n")
PY

"$scour" run --config "$work/pipeline.json" --stdin --stdout --jobs 1 < "$work/records.jsonl" > "$work/single.jsonl" 2>/dev/null

SCOUR="$scour" CONFIG="$work/pipeline.json" python3 - "$work/records.jsonl" "$work/spark.jsonl" "$partitions" <<'PY'
import os, shlex, sys
from pyspark import SparkContext
records, out, partitions = sys.argv[1], sys.argv[2], int(sys.argv[3])
sc = SparkContext("local[2]", "scour-check")
sc.setLogLevel("ERROR")
# RDD.pipe takes one command string (it splits it with shlex).
command = " ".join(shlex.quote(part) for part in
                   [os.environ["SCOUR"], "run", "--config", os.environ["CONFIG"], "--stdin", "--stdout", "--jobs", "1"])
lines = sc.textFile(records).repartition(partitions).pipe(command).collect()
sc.stop()
with open(out, "w", encoding="utf-8") as sink:
    for line in lines:
        sink.write(line + "\n")
PY

single=$(sort "$work/single.jsonl" | sha256sum | cut -c1-16)
spark=$(sort "$work/spark.jsonl" | sha256sum | cut -c1-16)
echo "single process: $(wc -l < "$work/single.jsonl") records ($single); spark, $partitions partitions: $(wc -l < "$work/spark.jsonl") records ($spark)"
[ "$single" = "$spark" ] || { echo "spark output differs from the single-process run" >&2; exit 1; }
echo "ok: the union of the partitions equals the single-process output"
