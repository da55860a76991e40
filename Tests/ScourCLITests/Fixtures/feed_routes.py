"""Feed, sitemap and article routes for the feed tests (imported by http_server.py).
Every route is under /feeds/, /site/ or /articles/; `serve` returns False for other paths."""
import gzip

ARTICLE = (
    "<!doctype html><html><head><title>%s</title>%s</head><body><article><h1>%s</h1>"
    "<p>%s</p><p>%s</p></article></body></html>"
)


def article(name, prose):
    """A page with a headline and prose but no date, author or tags in its markup, unless `dated`."""
    head = ""
    if name == "dated":
        head = '<meta property="article:published_time" content="2025-03-03T09:00:00Z">'
    body = prose.replace("council", "council of %s" % name)
    return (ARTICLE % ("Article %s" % name, head, "Article %s" % name, body, body.replace("budget", "plan"))).encode()


def rss(items, title="Test Gazette"):
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
             "<channel><title>%s</title><link>/</link>" % title]
    for link, date, creator, category in items:
        parts.append("<item><title>Story %s</title><link>%s</link><pubDate>%s</pubDate>"
                     "<dc:creator>%s</dc:creator><category>%s</category></item>"
                     % (link.rsplit("/", 1)[-1].split("?")[0], link, date, creator, category))
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def atom():
    # Relative links, resolved against the feed's URL (/feeds/atom.xml): ../articles/… is /articles/….
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom Weekly</title><id>urn:test:atom</id><updated>2025-02-02T10:00:00Z</updated>"
            '<entry><title>Atom one</title><link rel="alternate" href="../articles/atom-1#top"/><id>urn:a1</id>'
            "<published>2025-02-01T08:30:00Z</published><updated>2025-02-02T08:30:00Z</updated>"
            "<author><name>Ann Atom</name></author></entry>"
            '<entry><title>Shared story</title><link href="../articles/rss-1"/><id>urn:a2</id>'
            "<updated>2025-02-01T07:00:00Z</updated></entry>"
            "</feed>").encode()


def json_feed(base):
    return ('{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Daily", "items": ['
            '{"id": "j1", "url": "%s/articles/json-1?utm_source=feed&utm_medium=rss", "title": "JSON one",'
            ' "date_published": "2025-01-15T12:00:00Z", "authors": [{"name": "Jay Son"}], "tags": ["science"]}]}'
            % base).encode()


def urlset(base, names, news=False):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
             ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for name in names:
        parts.append("<url><loc>%s/articles/%s</loc><lastmod>2025-01-20</lastmod>" % (base, name))
        if news:
            parts.append("<news:news><news:publication><news:name>Sitemap Times</news:name><news:language>en</news:language>"
                         "</news:publication><news:publication_date>2025-01-19T06:00:00Z</news:publication_date>"
                         "<news:title>News %s</news:title></news:news>" % name)
        parts.append("</url>")
    parts.append("</urlset>")
    return "".join(parts).encode()


def sitemap_index(base, children):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    parts += ["<sitemap><loc>%s%s</loc></sitemap>" % (base, child) for child in children]
    parts.append("</sitemapindex>")
    return "".join(parts).encode()


BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
        '<rss version="2.0"><channel><title>&f;</title><item><link>/articles/bomb-1</link></item></channel></rss>')

XXE = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY ext SYSTEM "%s/feeds/xxe-target">]>'
       '<rss version="2.0"><channel><title>&ext;</title><item><link>/articles/xxe-1</link></item></channel></rss>')


def serve(handler, path, prose):
    port = handler.server.server_address[1]
    base = "http://%s:%d" % (handler.host_name() or "127.0.0.1", port)
    seen = handler.seen_count
    xml = "application/xml; charset=utf-8"
    if path.startswith("/articles/"):
        handler.send(200, article(path[len("/articles/"):].split("?")[0], prose), "text/html; charset=utf-8")
    elif path == "/feeds/rss.xml":
        handler.send(200, rss([("%s/articles/rss-1" % base, "Mon, 06 Jan 2025 09:15:00 GMT", "Rita Reporter", "politics"),
                               ("%s/articles/rss-2?utm_source=rss#comments" % base, "Tue, 07 Jan 2025 10:00:00 GMT",
                                "Sam Scribe", "city"),
                               ("%s/articles/dated" % base, "Wed, 08 Jan 2025 11:00:00 GMT", "Dee Dated", "city")]),
                     "application/rss+xml")
    elif path == "/feeds/atom.xml":
        handler.send(200, atom(), "application/atom+xml")
    elif path == "/feeds/feed.json":
        handler.send(200, json_feed(base), "application/feed+json")
    elif path == "/feeds/sitemap-index.xml":
        handler.send(200, sitemap_index(base, ["/feeds/news-sitemap.xml.gz", "/feeds/pages.txt"]), xml)
    elif path == "/feeds/news-sitemap.xml.gz":
        handler.send(200, gzip.compress(urlset(base, ["news-1", "news-2"], news=True)), "application/gzip")
    elif path == "/feeds/pages.txt":
        handler.send(200, ("%s/articles/plain-1\n%s/articles/news-1\n" % (base, base)).encode(), "text/plain")
    elif path == "/feeds/robots-sitemap.xml":
        handler.send(200, urlset(base, ["robots-1"]), xml)
    elif path == "/site/":
        handler.send(200, ('<!doctype html><html><head><title>Site</title>'
                           '<link rel="alternate" type="application/rss+xml" title="News" href="../feeds/site-rss.xml">'
                           "</head><body><p>Welcome</p></body></html>").encode(), "text/html; charset=utf-8")
    elif path == "/feeds/site-rss.xml":
        handler.send(200, rss([("/articles/site-1", "Thu, 09 Jan 2025 08:00:00 GMT", "Hugo Home", "local")], "Site News"),
                     "application/rss+xml")
    elif path == "/feeds/growing.xml":
        # Two articles at first; a third from the second request on.
        items = [("/articles/grow-1", "Fri, 10 Jan 2025 08:00:00 GMT", "Gail Grow", "a"),
                 ("/articles/grow-2", "Sat, 11 Jan 2025 08:00:00 GMT", "Gail Grow", "a")]
        if seen > 1:
            items.insert(0, ("/articles/grow-3", "Sun, 12 Jan 2025 08:00:00 GMT", "Gail Grow", "a"))
        handler.send(200, rss(items), "application/rss+xml")
    elif path == "/feeds/once.xml":
        # Read once; broken from then on.
        if seen == 1:
            handler.send(200, rss([("/articles/once-1", "Mon, 13 Jan 2025 09:00:00 GMT", "Otto Once", "a")]), "application/rss+xml")
        else:
            handler.send(500, b"feed generator down")
    elif path == "/feeds/etag.xml":
        if handler.headers.get("If-None-Match") == '"feed-v1"':
            handler.send_response(304)
            handler.send_header("ETag", '"feed-v1"')
            handler.end_headers()
        else:
            handler.send(200, rss([("/articles/etag-1", "Mon, 13 Jan 2025 08:00:00 GMT", "Eve Tag", "a")]),
                         "application/rss+xml", headers=[("ETag", '"feed-v1"')])
    elif path == "/feeds/bomb.xml":
        handler.send(200, BOMB.encode(), xml)
    elif path == "/feeds/xxe.xml":
        handler.send(200, (XXE % base).encode(), xml)
    elif path == "/feeds/xxe-target":
        handler.send(200, b"secret")
    elif path == "/feeds/not-a-feed.xml":
        handler.send(200, b"<?xml version='1.0'?><catalog><book/></catalog>", xml)
    else:
        return False
    return True
