#!/usr/bin/env bash
# Validates WARC files written by Scour with warcio (the IIPC-community Python WARC
# library): digests (`warcio check`), then every record read back with ArchiveIterator.
# warcio is pip-installed into a throwaway virtualenv; nothing system-wide changes.
#
#   scripts/warcio-check.sh out/raw/scour-*.warc.gz
set -euo pipefail
[ "$#" -ge 1 ] || { echo "usage: $0 FILE.warc.gz..." >&2; exit 2; }

venv="$("$(dirname "$0")/warcio-venv.sh")"

for file in "$@"; do
  echo "== $file"
  "$venv/bin/warcio" check -v "$file"
  "$venv/bin/python" - "$file" <<'PY'
import sys
from collections import Counter
from warcio.archiveiterator import ArchiveIterator

types = Counter()
with open(sys.argv[1], "rb") as stream:
    iterator = ArchiveIterator(stream, check_digests=True)
    for record in iterator:
        types[record.rec_type] += 1
        assert record.rec_headers.protocol == "WARC/1.1", record.rec_headers.protocol
        if record.rec_type == "revisit":
            for name in ("WARC-Refers-To-Target-URI", "WARC-Refers-To-Date", "WARC-Refers-To"):
                assert record.rec_headers.get_header(name), (name, record.rec_headers.get_header("WARC-Target-URI"))
        body = record.content_stream().read()
        if record.rec_type == "response":
            assert record.http_headers is not None, "response without HTTP headers"
            length = record.http_headers.get_header("Content-Length")
            assert length is None or int(length) == len(body), (record.rec_headers.get_header("WARC-Target-URI"), length, len(body))
print("records:", dict(sorted(types.items())))
assert types["warcinfo"] == 1, "expected one warcinfo record"
print("ok")
PY
done
