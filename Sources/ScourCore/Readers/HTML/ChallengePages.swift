import Foundation

/// Bot-check pages a blocked crawler saved instead of the article (Incapsula, Cloudflare, Project
/// Shield…): a reject that names the vendor tells the operator the crawl was turned away, where
/// "no text in input" would say the page was empty. Signatures are data (`challenge_pages` in
/// `Resources/html/containers.json`), looked for only in small pages (they are a few KiB).
public enum ChallengePages {
    public struct Vendor: Decodable, Sendable, Equatable {
        public var name: String
        public var markers: [String]
    }

    /// Pages larger than this are articles or shells, never a vendor's check page.
    static let largestPage = 32 << 10

    /// The vendor whose marker the page carries, or nil (always nil for a page over 32 KiB).
    /// A few dozen `ByteSearch.occurs` scans of a small page cost microseconds.
    static func vendor(in page: [UInt8], vendors: [Vendor]) -> String? {
        guard page.count <= largestPage, !page.isEmpty else { return nil }
        return page.withUnsafeBytes { hay in
            vendors.first { vendor in
                vendor.markers.contains { marker in
                    var marker = marker
                    return marker.withUTF8 { needle in ByteSearch.occurs(needle, in: hay) }
                }
            }?.name
        }
    }

    /// The reject reason for a page left with no text: the vendor's, else the redirect's, else `otherwise`.
    static func reason(for document: Document, otherwise: String) -> String {
        if let vendor = document.challengeVendor { return "a bot-check page (\(vendor)), not the article" }
        if let target = document.redirectTarget { return "a redirect page (meta refresh to \(target)), not the article" }
        return otherwise
    }
}
