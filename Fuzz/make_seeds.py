#!/usr/bin/env python3
"""Writes a seed corpus for one fuzz target from a sample of the bench pages.

Usage: make_seeds.py TARGET BENCH_DIR OUT_DIR [COUNT]

Run by scripts/fuzz.sh into a temporary folder: bench pages are never committed.
Pages are taken at an even stride over the sorted file list, so a run is repeatable.
"""
import gzip
import json
import os
import sys

# The order FuzzHarness.declaredLabels uses: the first byte of a decode input picks one.
DECLARED_LABEL_COUNT = 24


def pages(bench, folders, suffixes, count):
    files = []
    for folder in folders:
        for root, _, names in os.walk(os.path.join(bench, folder)):
            files += [os.path.join(root, n) for n in names if n.endswith(suffixes)]
    files.sort()
    if not files:
        return []
    stride = max(1, len(files) // count)
    chosen = files[::stride][:count]
    out = []
    for path in chosen:
        with open(path, "rb") as handle:
            data = handle.read()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        out.append((os.path.basename(path), data))
    return out


def html_pages(bench, count):
    return pages(bench, ["aeb-dev", "traf-dev", "dates-dev"], (".gz", ".html"), count)


# Archive and record seeds hold whole records, so pages are cut below libFuzzer's max_len.
RECORD_PAGE_BYTES = 12000


def warc_record(url, body, number):
    body = body[:RECORD_PAGE_BYTES]
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    header = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
              "WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
              "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
              % (url, number, len(http))).encode()
    return header + http + b"\r\n\r\n"


def seeds(target, bench, count):
    if target == "html":
        return html_pages(bench, count)
    if target == "text":
        return pages(bench, ["aeb-text-dev"], (".txt",), count)
    if target == "decode":
        return [("%02d-%s" % (i % DECLARED_LABEL_COUNT, name), bytes([i % DECLARED_LABEL_COUNT]) + data)
                for i, (name, data) in enumerate(html_pages(bench, count))]
    if target == "warc":
        out = []
        found = html_pages(bench, count)
        for i in range(0, len(found), 2):
            group = found[i:i + 2]
            archive = b"".join(warc_record("https://example.org/%s" % name, data, i + j)
                               for j, (name, data) in enumerate(group))
            out.append(("%s.warc" % group[0][0], archive))
            if i % 4 == 0:
                out.append(("%s.warc.gz" % group[0][0], gzip.compress(archive)))
        return out
    if target == "jsonl":
        out = []
        found = html_pages(bench, count)
        texts = pages(bench, ["aeb-text-dev"], (".txt",), count // 2)
        for i in range(0, len(found), 3):
            lines = [json.dumps({"url": "https://example.org/%s" % name, "html": data[:RECORD_PAGE_BYTES].decode("utf-8", "replace")})
                     for name, data in found[i:i + 3]]
            out.append(("%s.jsonl" % found[i][0], ("\n".join(lines) + "\n").encode()))
        for name, data in texts:
            record = {"source": name, "text": data.decode("utf-8", "replace"), "format": "markdown"}
            out.append(("%s.jsonl" % name, (json.dumps(record, ensure_ascii=False) + "\n").encode()))
        return out
    if target == "config":
        return []  # the committed configs under Fuzz/corpus/config are the seeds
    if target == "feed":
        return []  # the committed feeds under Fuzz/corpus/feed are the seeds
    raise SystemExit("unknown target %s" % target)


def main():
    if len(sys.argv) not in (4, 5):
        raise SystemExit(__doc__)
    target, bench, out_dir = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) == 5 else 60
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for name, data in seeds(target, bench, count):
        with open(os.path.join(out_dir, "bench-" + name.replace(os.sep, "_")), "wb") as handle:
            handle.write(data)
        written += 1
    print("%s: %d bench seeds in %s" % (target, written, out_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
