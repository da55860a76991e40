#!/usr/bin/env bash
# Replays Scour's archives in pywb, revisits included: fetches a page twice with a state
# (a response, then a 304 archived as a revisit naming the first capture), indexes both
# archives in a pywb collection and checks that pywb serves the page's text for both
# captures. pywb goes into a throwaway virtualenv (.build/venv-pywb; large, so this is a
# script, not part of the test suite). Everything listens on 127.0.0.1 only.
#
#   swift build && scripts/pywb-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scour="$root/.build/debug/scour"
[ -x "$scour" ] || { echo "pywb-check: build first (swift build)" >&2; exit 2; }
venv="${PYWB_VENV:-$root/.build/venv-pywb}"
if [ ! -x "$venv/bin/wayback" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pywb
fi

work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"

# The test suite's fixture server: /etag answers a request with If-None-Match "v1" with a 304.
python3 "$root/Tests/ScourCLITests/Fixtures/http_server.py" "$work/stats.json" > server.out &
pids+=($!)
for _ in $(seq 50); do grep -q PORT server.out 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/^PORT //p' server.out)"
[ -n "$port" ] || { echo "pywb-check: fixture server did not start" >&2; exit 1; }
url="http://127.0.0.1:$port/etag"
echo "$url" > list.urls
cat > pipeline.json <<JSON
{"fetch": {"delay_ms": 0, "timeout_s": 5}, "output": {"layout": "runs", "dir": "out"},
 "state": {"enabled": true, "path": "out/state.sqlite"}}
JSON
"$scour" fetch list.urls --warc raw1 --config pipeline.json
sleep 1.1   # a second apart: pywb tells captures apart by their 14-digit timestamps
"$scour" fetch list.urls --warc raw2 --config pipeline.json 2>&1 | tee fetch2.err
grep -q "1 unchanged" fetch2.err || { echo "pywb-check: second fetch got no 304" >&2; exit 1; }

"$venv/bin/wb-manager" init scour >/dev/null
"$venv/bin/wb-manager" add scour raw1/*.warc.gz raw2/*.warc.gz >/dev/null
wayback_port=$((port + 1))
"$venv/bin/wayback" --bind 127.0.0.1 -p "$wayback_port" > wayback.log 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$wayback_port/" && break; sleep 0.2; done

date_of() { "$venv/bin/python" - "$1" "$2" <<'PY'
import sys
from warcio.archiveiterator import ArchiveIterator
for record in ArchiveIterator(open(sys.argv[1], "rb")):
    if record.rec_type == sys.argv[2]:
        print(record.rec_headers.get_header("WARC-Date").replace("-", "").replace(":", "").replace("T", "").replace("Z", ""))
        break
PY
}
first="$(date_of raw1/*.warc.gz response)"
second="$(date_of raw2/*.warc.gz revisit)"
[ -n "$second" ] || { echo "pywb-check: no revisit record in the second archive" >&2; exit 1; }
status=0
for stamp in "$first" "$second"; do
  body="$(curl -s -w '\nHTTP %{http_code}' "http://127.0.0.1:$wayback_port/scour/${stamp}id_/$url")"
  if grep -q "The city council approved" <<<"$body" && grep -q "HTTP 200" <<<"$body"; then
    echo "ok: capture $stamp replays the page"
  else
    echo "FAIL: capture $stamp: $(tail -c 300 <<<"$body")" >&2
    status=1
  fi
done
exit "$status"
