#!/usr/bin/env python3
"""Helpers of scripts/check-report-chromium.sh (standard library only).

  pages N DIR                       writes N small synthetic news pages (fixed seed)
  full DOM RUN_DIR [escaped]        checks a rendered report against the run's manifest and part file
  filter DOM RUN_DIR KEY=VALUE...   checks that the rendered table shows exactly the filtered rows
  sorted DOM KEY                    checks that the rendered rows are in descending KEY order
  load-ms DOM                       prints the load time the page wrote into #timing
"""
import html.parser
import json
import os
import random
import sys

PAGE_SIZE = 100


class ReportDOM(html.parser.HTMLParser):
    """What a check needs from Chromium's --dump-dom: charts and bars, table rows, counters."""

    def __init__(self, text):
        super().__init__()
        self.charts, self.rows, self.shown, self.timing, self.scripts, self.bold = {}, [], None, None, 0, 0
        self._chart, self._in_docs, self._in_body, self._row = None, False, False, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "chart" in (a.get("class") or "").split():
            self._chart = a["id"]
            self.charts[self._chart] = {"declared": int(a["data-bars"]), "bars": []}
        elif tag == "g" and self._chart and "bar" in (a.get("class") or "").split():
            self.charts[self._chart]["bars"].append((a["data-label"], int(a["data-count"])))
        elif tag == "table" and a.get("id") == "docs":
            self._in_docs = True
        elif tag == "tbody" and self._in_docs:
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self._row = dict(a, text="")
            self.rows.append(self._row)
        elif tag == "output" and a.get("id") == "shown":
            self.shown = (int(a["data-shown"]), int(a["data-total"]))
        elif tag == "p" and a.get("id") == "timing":
            self.timing = a.get("data-load-ms")
        elif tag == "script":
            self.scripts += 1
        elif tag == "b":
            self.bold += 1

    def handle_data(self, data):
        if self._row is not None:
            self._row["text"] += data

    def handle_endtag(self, tag):
        if tag == "figure":
            self._chart = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "tr":
            self._row = None
        elif tag == "table":
            self._in_docs = False


def fail(message):
    print("check-report: " + message, file=sys.stderr)
    sys.exit(1)


def load(dom_path, run_dir):
    dom = ReportDOM(open(dom_path, encoding="utf-8").read())
    manifest = json.load(open(os.path.join(run_dir, "manifest.json")))
    records = [json.loads(line) for line in open(os.path.join(run_dir, "part-00000.jsonl"), encoding="utf-8")]
    return dom, manifest, records


def expected_bars(counts, shown=10):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) <= shown + 1:
        return ranked
    rest = ranked[shown:]
    return ranked[:shown] + [("other (%d %s)" % (len(rest), "rules"), sum(count for _, count in rest))]


def check_full(dom_path, run_dir, want_escaped=False):
    dom, manifest, records = load(dom_path, run_dir)
    outcomes = [(name, manifest[name]) for name in ("written", "duplicates", "rejected", "unchanged")]
    if dom.charts.get("chart-outcomes", {}).get("bars") != outcomes:
        fail("outcome bars %s, manifest %s" % (dom.charts.get("chart-outcomes"), outcomes))
    reasons = {}
    for reason, count in manifest["reject_reasons"].items():
        key = "duplicate of an earlier document" if reason.startswith("duplicate of ") else reason
        reasons[key] = reasons.get(key, 0) + count
    if len(dom.charts["chart-rejects"]["bars"]) != len(expected_bars(reasons)):
        fail("reject bars %s, reasons %s" % (dom.charts["chart-rejects"], reasons))
    bars = 0
    for stage in manifest["stages"]:
        chart = dom.charts.get("chart-rules-" + stage["stage"])
        if not stage["removed"]:
            if chart:
                fail("a chart for %s, which removed nothing" % stage["stage"])
            continue
        want = expected_bars(stage["removed"])
        got = chart["bars"] if chart else None
        if got != want or chart["declared"] != len(want):
            fail("%s: bars %s, expected %s" % (stage["stage"], got, want))
        bars += len(got)
    written = len(records)
    if dom.shown != (written, written):
        fail("#shown %s, %d written" % (dom.shown, written))
    if len(dom.rows) != min(written, PAGE_SIZE):
        fail("%d rows on the first page, %d written" % (len(dom.rows), written))
    # The rows' data and the page's script; markup in page text stays text.
    if dom.scripts != 2 or dom.bold:
        fail("%d script and %d b elements: page text was not escaped" % (dom.scripts, dom.bold))
    escaped = [row for row in dom.rows if '<script>alert("x")</script>' in row["text"]]
    if want_escaped and not escaped:
        fail("no row shows the fixture's title with its markup as text")
    print("charts: %d, rule bars: %d (as in manifest.json); table: %d rows of %d written on page 1; %d row(s) showing markup"
          " from page text as text" % (len(dom.charts), bars, len(dom.rows), written, len(escaped)))


def matches(record, key, value):
    words = record["word_count"]
    if key == "outlet":
        return (record.get("outlet") or "(none)") == value
    if key == "lang":
        return (record.get("language") or "(none)") == value
    if key == "wmin":
        return words >= int(value)
    if key == "wmax":
        return words <= int(value)
    fail("unknown filter " + key)


def check_filter(dom_path, run_dir, filters):
    dom, _, records = load(dom_path, run_dir)
    pairs = [item.split("=", 1) for item in filters]
    expected = [r for r in records if all(matches(r, k, v) for k, v in pairs)]
    if not expected:
        fail("the filter %s matches nothing: choose another" % filters)
    if dom.shown != (len(expected), len(records)):
        fail("#shown %s, expected %d of %d" % (dom.shown, len(expected), len(records)))
    if len(dom.rows) != min(len(expected), PAGE_SIZE):
        fail("%d rows shown, expected %d" % (len(dom.rows), min(len(expected), PAGE_SIZE)))
    attribute = {"outlet": "data-outlet", "lang": "data-lang"}
    for row in dom.rows:
        for key, value in pairs:
            if key in attribute and row.get(attribute[key], "(none)") != value:
                fail("row %s has %s=%s, filter %s" % (row["data-n"], key, row.get(attribute[key]), value))
            if key == "wmin" and int(row["data-words"]) < int(value) or key == "wmax" and int(row["data-words"]) > int(value):
                fail("row %s has %s words, filter %s=%s" % (row["data-n"], row["data-words"], key, value))
    print("filter %s: %d of %d documents, %d rows shown, all matching" % (" ".join(filters), len(expected), len(records), len(dom.rows)))


def check_sorted(dom_path, key):
    dom = ReportDOM(open(dom_path, encoding="utf-8").read())
    values = [float(row["data-" + key]) for row in dom.rows]
    if not values or values != sorted(values, reverse=True):
        fail("rows not in descending %s order: %s" % (key, values[:10]))
    print("sorted by %s, descending: first %g, last on page %g" % (key, values[0], values[-1]))


WORDS = {
    "en": "the council voted on tuesday to approve budget for coming year after long debate about cost of repairs bridge "
          "and schools in north town members said plan would raise spending roads while money parks stay".split(),
    "fr": "le conseil municipal a voté mardi soir nouveau budget de la ville pour année prochaine après un long débat sur "
          "coût des travaux du vieux pont et les écoles dans nord commune".split(),
    "de": "der stadtrat hat am dienstag den neuen haushalt für das kommende jahr nach einer langen debatte über die kosten "
          "der reparatur brücke und schulen im norden stadt beschlossen".split(),
    "es": "el consejo municipal votó el martes para aprobar nuevo presupuesto de la ciudad para el próximo año después de "
          "un largo debate sobre costo reparación del puente y las escuelas".split(),
}
OUTLETS = ["The Gazette", "Daily Ledger", "Le Quotidien", "Die Zeitung", "El Diario", "Harbour Times",
           "Valley News", "Morning Star", "City Post", "Evening Herald", "Riverside Review", "Coastal Courier"]
BOILERPLATE = ["menu", "nav", "footer", "sidebar", "share", "social", "newsletter", "related", "promo", "trending",
               "popular", "subscribe", "cookie", "comments", "breadcrumb", "banner"]


def write_pages(count, folder):
    """Small news pages: an outlet, a language, 2-40 paragraphs, two to six boilerplate containers of 1-29 links."""
    rng = random.Random(18)
    os.makedirs(folder, exist_ok=True)
    for number in range(count):
        lang = ["en", "en", "fr", "de", "es"][number % 5]
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        words = WORDS[lang]
        title = " ".join(rng.choice(words) for _ in range(8)).capitalize() + " %d" % number
        paragraphs = "".join("<p>%s.</p>" % " ".join(rng.choice(words) for _ in range(rng.randrange(20, 60)))
                             for _ in range(rng.randrange(2, 40)))
        chrome = "".join('<div class="%s">%s</div>' % (token, " ".join(
            '<a href="/%s/%d">%s %s %d</a>' % (token, k, token, rng.choice(words), k) for k in range(rng.randrange(1, 30))))
            for token in rng.sample(BOILERPLATE, rng.randrange(2, 7)))
        page = ('<!doctype html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
                '<meta property="og:site_name" content="%s"><link rel="canonical" href="https://example.org/%d">'
                '</head><body>%s<article><h1>%s</h1>%s</article></body></html>\n'
                % (lang, title, outlet, number, chrome, title, paragraphs))
        with open(os.path.join(folder, "page-%05d.html" % number), "w", encoding="utf-8") as handle:
            handle.write(page)


def main(argv):
    if len(argv) >= 3 and argv[0] == "pages":
        write_pages(int(argv[1]), argv[2])
    elif len(argv) in (3, 4) and argv[0] == "full":
        check_full(argv[1], argv[2], argv[3:] == ["escaped"])
    elif len(argv) >= 4 and argv[0] == "filter":
        check_filter(argv[1], argv[2], argv[3:])
    elif len(argv) == 3 and argv[0] == "sorted":
        check_sorted(argv[1], argv[2])
    elif len(argv) == 2 and argv[0] == "load-ms":
        dom = ReportDOM(open(argv[1], encoding="utf-8").read())
        if dom.timing is None:
            fail("no load time in the page")
        print(dom.timing)
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
