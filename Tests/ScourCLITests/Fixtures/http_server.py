#!/usr/bin/env python3
"""Test HTTP server for Scour's fetch tests: binds 127.0.0.1 on a free port, prints
"PORT <n>" and serves fixed scenarios until killed. /stats returns request counts per path,
which are also written to the file named by the first argument after every request; each
request's host name and path, in arrival order, are appended to that name + ".log".
"--slow-host NAME:SECONDS" gives host NAME a robots.txt Crawl-delay of SECONDS for every agent."""
import gzip
import http.server
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import feed_routes  # noqa: E402

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about road repairs. "
    "Members agreed that the money would be spent on the worst streets first, and that residents "
    "would be told about the work in advance. The mayor said the plan was a fair compromise between "
    "the districts, and that the council would review the progress again in the spring."
)

counts = {}
in_flight = {"now": 0, "max": 0}
# Request counts per path are also written here after every request (argv[1], optional).
ARGS = [a for a in sys.argv[1:]]
SLOW_HOST = None
if "--slow-host" in ARGS:
    at = ARGS.index("--slow-host")
    name, seconds = ARGS[at + 1].rsplit(":", 1)
    SLOW_HOST = (name, seconds)
    del ARGS[at:at + 2]
STATS_FILE = ARGS[0] if ARGS else None
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/plain; charset=utf-8", headers=(), gzip_body=False, length=True):
        if gzip_body and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers = list(headers) + [("Content-Encoding", "gzip")]
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 65536):
                piece = body[start:start + 65536]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")

    def do_GET(self):
        path = self.path
        with lock:
            counts[path] = counts.get(path, 0) + 1
            seen = counts[path]
            if STATS_FILE:
                with open(STATS_FILE + ".tmp", "w") as out:
                    json.dump(counts, out)
                os.replace(STATS_FILE + ".tmp", STATS_FILE)
                with open(STATS_FILE + ".log", "a") as log:
                    log.write("%s %s\n" % (self.host_name(), path))
        self.seen_count = seen
        text = (PROSE + "\n\n" + PROSE.replace("council", "committee") + "\n").encode()
        if feed_routes.serve(self, path, PROSE):
            pass
        elif path == "/stats":
            self.send(200, json.dumps(counts).encode(), "application/json")
        elif path == "/robots.txt" and SLOW_HOST and self.host_name() == SLOW_HOST[0]:
            self.send(200, b"User-agent: *\nCrawl-delay: %s\nDisallow: /private/\n" % SLOW_HOST[1].encode())
        elif path == "/robots.txt":
            sitemap = "Sitemap: http://%s:%d/feeds/robots-sitemap.xml\n" % (self.host_name(), self.server.server_address[1])
            self.send(200, b"User-agent: slowbot\nCrawl-delay: 1\nDisallow: /private/\n\n"
                           b"User-agent: *\nDisallow: /private/\n\n" + sitemap.encode())
        elif path.startswith("/hold"):
            # Tracks the most requests in flight at once, to check per-host limits.
            with lock:
                in_flight["now"] += 1
                in_flight["max"] = max(in_flight["max"], in_flight["now"])
                counts["max_in_flight"] = in_flight["max"]
            time.sleep(0.3)
            with lock:
                in_flight["now"] -= 1
            self.send(200, text)
        elif path == "/text":
            self.send(200, text, gzip_body=True)
        elif path == "/page":
            html = "<!doctype html><html><head><title>Budget</title></head><body><p>%s</p></body></html>" % PROSE
            self.send(200, html.encode(), "text/html; charset=utf-8", gzip_body=True)
        elif path == "/redirect":
            self.send(302, b"", headers=[("Location", "/text")])
        elif path == "/to-private":
            self.send(301, b"", headers=[("Location", "/private/page")])
        elif path == "/to-other-host":
            # Same server under another name: another host as far as politeness and robots.txt go.
            port = self.server.server_address[1]
            self.send(302, b"", headers=[("Location", "http://localhost:%d/private/other" % port)])
        elif path.startswith("/loop"):
            self.send(302, b"", headers=[("Location", "/loop-a" if path == "/loop-b" else "/loop-b")])
        elif path == "/missing":
            self.send(404, b"not here")
        elif path == "/flaky":
            if seen == 1:
                self.send(500, b"try again")
            else:
                self.send(200, text)
        elif path == "/limited":
            if seen == 1:
                self.send(429, b"slow down", headers=[("Retry-After", "1")])
            else:
                self.send(200, text)
        elif path == "/retry-after-decimal":
            self.send(429, b"slow down", headers=[("Retry-After", "2.5")])
        elif path == "/retry-after-date":
            self.send(503, b"down for maintenance", headers=[("Retry-After", "Wed, 21 Oct 2037 07:28:00 GMT")])
        elif path == "/always-500":
            self.send(500, b"broken")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, text)
        elif path == "/big":
            self.send(200, b"word " * 400000, length=False)
        elif path == "/big-declared":
            self.send(200, b"word " * 400000)
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path.startswith("/private/"):
            self.send(200, text)
        elif path.startswith("/slow-etag/"):
            time.sleep(0.1)
            if self.headers.get("If-None-Match") == '"s1"':
                self._not_modified()
            else:
                self.send(200, text.replace(b"council", path.encode()), headers=[("ETag", '"s1"')])
        elif path.startswith("/numbered/"):
            self.send(200, text.replace(b"council", path.encode()))
        elif path == "/always-304":
            # Not modified, whatever the request asked: a broken server or cache.
            self._not_modified()
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self._not_modified()
            else:
                self.send(200, text, headers=[("ETag", '"v1"'), ("Last-Modified", "Tue, 02 Jan 2024 10:00:00 GMT")])
        elif path.startswith("/mirror/"):
            self.serve_mirror(path)
        elif path == "/latin1":
            self.send(200, ("Caf\u00e9 cr\u00e8me. " + PROSE + "\n").encode("latin-1"), "text/plain; charset=iso-8859-1")
        else:
            self.send(404, b"unknown path")

    def serve_mirror(self, path):
        """A small site as wget mirrors it: server-side pages (.php, a query in the name), a style
        sheet, and a page sent gzip-compressed whatever the client asked (wget saves those bytes)."""
        def page(title, prose):
            return ("<!DOCTYPE html><html><head><title>%s</title><link rel=stylesheet href=site.css></head>"
                    "<body><nav><a href=index.php>Home</a> <a href=story.php?id=3>Story</a> <a href=packed.html>Packed</a></nav>"
                    "<article><h1>%s</h1><p>%s</p></article></body></html>" % (title, title, prose)).encode()
        if path == "/mirror/index.php":
            self.send(200, page("Council budget", PROSE), "text/html; charset=utf-8")
        elif path == "/mirror/story.php?id=3":
            self.send(200, page("Road repairs", PROSE.replace("council", "committee")), "text/html; charset=utf-8")
        elif path == "/mirror/packed.html":
            body = gzip.compress(page("Spring review", PROSE.replace("budget", "plan")))
            self.send(200, body, "text/html; charset=utf-8", headers=[("Content-Encoding", "gzip")])
        elif path == "/mirror/site.css":
            self.send(200, b"body { color: #222 }", "text/css")
        else:
            self.send(404, b"unknown path")

    def host_name(self):
        return self.headers.get("Host", "").rsplit(":", 1)[0]

    def _not_modified(self):
        self.send_response(304)
        self.send_header("ETag", '"v1"')
        self.end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # Clients that time out or abort (on purpose, in the tests) reset connections.
        pass


def main():
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
