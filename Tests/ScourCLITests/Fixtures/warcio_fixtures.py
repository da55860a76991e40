"""Writes a WARC with warcio's writer from the HTML files of a folder, each page's payload
in one of the forms other crawlers archive: raw chunked + gzip, de-chunked with the
Transfer-Encoding header kept (Internet Archive), raw deflate (no zlib header), plain.

    python warcio_fixtures.py PAGES_DIR OUT.warc.gz BASE_URL
"""
import gzip
import io
import os
import sys
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def chunked(data, size=100):
    out = b""
    for start in range(0, len(data), size):
        piece = data[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def raw_deflate(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


FORMS = [
    ("chunked+gzip", lambda body: chunked(gzip.compress(body)), [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]),
    ("dechunked", lambda body: body, [("Transfer-Encoding", "chunked")]),
    ("raw-deflate", raw_deflate, [("Content-Encoding", "deflate")]),
    ("plain", lambda body: body, []),
]


def main():
    pages, out, base = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(out, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for index, name in enumerate(sorted(os.listdir(pages))):
            with open(os.path.join(pages, name), "rb") as handle:
                body = handle.read()
            _, encode, headers = FORMS[index % len(FORMS)]
            payload = encode(body)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")] + headers, protocol="HTTP/1.1")
            record = writer.create_warc_record("%s/%s" % (base, name), "response", payload=io.BytesIO(payload),
                                               length=len(payload), http_headers=http)
            writer.write_record(record)


if __name__ == "__main__":
    main()
