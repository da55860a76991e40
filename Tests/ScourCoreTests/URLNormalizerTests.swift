import XCTest
@testable import ScourCore

/// RFC 3986 normalization of what robots.txt is matched against and what is requested.
final class URLNormalizerTests: XCTestCase {
    func testDotSegmentsAreRemovedAsRFC3986Says() {
        // RFC 3986 §5.2.4 and §5.4's examples, on absolute paths.
        XCTAssertEqual(URLNormalizer.path("/a/b/c/./../../g"), "/a/g")
        XCTAssertEqual(URLNormalizer.path("/a/../private/p.html"), "/private/p.html")
        XCTAssertEqual(URLNormalizer.path("/./private/p.html"), "/private/p.html")
        XCTAssertEqual(URLNormalizer.path("/../../private/"), "/private/")
        XCTAssertEqual(URLNormalizer.path("/a/b/.."), "/a/")
        XCTAssertEqual(URLNormalizer.path("/a/b/."), "/a/b/")
        XCTAssertEqual(URLNormalizer.path("/a/.hidden/..x/x.."), "/a/.hidden/..x/x..", "dots inside names stay")
        XCTAssertEqual(URLNormalizer.path("/a//b"), "/a//b", "empty segments stay")
        XCTAssertEqual(URLNormalizer.path(""), "/")
        XCTAssertEqual(URLNormalizer.path("/.."), "/")
    }

    func testPercentEncodingsOfUnreservedCharactersAreDecodedAndHexUpperCased() {
        XCTAssertEqual(URLNormalizer.path("/%70rivate/p.html"), "/private/p.html")
        XCTAssertEqual(URLNormalizer.path("/%7Euser/%2d%5F%2E"), "/~user/-_.")
        XCTAssertEqual(URLNormalizer.path("/a%2fb/%3a%c3%a9"), "/a%2Fb/%3A%C3%A9", "reserved and non-ASCII stay encoded")
        XCTAssertEqual(URLNormalizer.path("/%2E%2E/private/"), "/private/", "decoded dots are dot segments")
        XCTAssertEqual(URLNormalizer.path("/100%/x%4"), "/100%25/x%254", "a lone % is encoded")
        XCTAssertEqual(URLNormalizer.path("/caf\u{E9} au"), "/caf%C3%A9%20au", "bytes no URL may hold are encoded")
        XCTAssertEqual(URLNormalizer.query("q=%7e%2f/../x&a=%41"), "q=~%2F/../x&a=A", "no dot segments in a query")
    }

    func testWireURLKeepsOriginAndFragmentAndNormalizesPathAndQuery() {
        XCTAssertEqual(URLNormalizer.wireURL("http://Example.com:8080/a/../%70age?x=%7e#frag/../"),
                       "http://Example.com:8080/page?x=~#frag/../")
        XCTAssertEqual(URLNormalizer.wireURL("https://example.com"), "https://example.com/")
        XCTAssertEqual(URLNormalizer.wireURL("https://example.com?q"), "https://example.com/?q")
        XCTAssertEqual(URLNormalizer.wireURL("http://user@example.com/./a"), "http://user@example.com/a")
        XCTAssertEqual(URLNormalizer.pathAndQuery("http://example.com/a/./b?c=%64"), "/a/b?c=d")
        XCTAssertNil(URLNormalizer.wireURL("example.com/a"))
        let plain = "https://www.example.org/news/2024/story-1.html?id=7&ref=home"
        XCTAssertEqual(URLNormalizer.wireURL(plain), plain, "an ordinary URL is requested as written")
    }

    func testRobotsPatternsAreNormalizedLikeURLs() {
        XCTAssertEqual(URLNormalizer.robotsPattern("/%7euser/"), "/~user/")
        XCTAssertEqual(URLNormalizer.robotsPattern("/a/./b/*.pdf$"), "/a/b/*.pdf$", "* and $ keep their meaning")
        XCTAssertEqual(URLNormalizer.robotsPattern("*.php"), "*.php")
        XCTAssertEqual(URLNormalizer.robotsPattern("/caf\u{E9}"), "/caf%C3%A9")
        let rules = RobotsRules(text: "User-agent: *\nDisallow: /private/\nDisallow: /%7Euser/\nDisallow: /caf\u{E9}/\n",
                                userAgent: "Scour/1")
        for url in ["http://h/a/../private/p.html", "http://h/./private/p.html", "http://h/%70rivate/p.html",
                    "http://h/%2E/private/", "http://h/~user/x", "http://h/%7euser/x", "http://h/caf%c3%a9/x"] {
            XCTAssertFalse(rules.allows(URLNormalizer.pathAndQuery(url)!), url)
        }
        XCTAssertTrue(rules.allows(URLNormalizer.pathAndQuery("http://h/private/../public/p.html")!))
        XCTAssertTrue(rules.allows(URLNormalizer.pathAndQuery("http://h/%2Fprivate/")!), "an encoded slash is not a slash")
    }

    func testFetcherTargetUsesTheNormalizedPathForRobotsAndTheWire() throws {
        let target = try XCTUnwrap(Fetcher.target(of: "HTTP://Example.com:8080/x/../%70rivate/p.html"))
        XCTAssertEqual(target.host, "http://example.com:8080")
        XCTAssertEqual(target.path, "/private/p.html")
        XCTAssertEqual(target.wire, "HTTP://Example.com:8080/private/p.html")
    }

    func testHostNamesThatAreAddressesOrLocal() {
        for host in ["127.0.0.1", "0.0.0.0", "127.1", "0x7f.0.0.1", "::1", "[::1]", "localhost", "LOCALHOST.", "app.localhost"] {
            XCTAssertTrue(HostName.isAddressOrLocal(host), host)
        }
        for host in ["example.com", "www.bbc.co.uk", "localhost.example.com", "1password.com", "abc.0xyz"] {
            XCTAssertFalse(HostName.isAddressOrLocal(host), host)
        }
    }
}
