/// The HTML elements the extractor treats specially; everything else is `.other`
/// (inline, transparent for text). Classified from the name's bytes without
/// building a String, since every element of every page goes through here.
public enum HTMLTag: UInt8, Sendable {
    case other
    // Never content.
    case script, style, noscript, template, svg, canvas, iframe, object, embed, math, head, title
    case input, select, textarea, button, option, datalist, video, audio, map, dialog
    // Structure and sectioning.
    case html, body, article, main, section, aside, nav, header, footer, div, form, fieldset, details, summary
    case figure, figcaption, address, center, hgroup, menu, legend
    // Text blocks.
    case h1, h2, h3, h4, h5, h6, p, pre, blockquote, ul, ol, li, dl, dt, dd
    case table, caption, thead, tbody, tfoot, tr, td, th
    // Inline elements with a meaning for extraction.
    case a, br, hr, img, time, code, span

    /// Text inside is never part of a page's readable content.
    public var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .canvas, .iframe, .object, .embed, .math, .head, .title,
             .input, .select, .textarea, .button, .option, .datalist, .video, .audio, .map, .dialog:
            return true
        default:
            return false
        }
    }

    /// Starts and ends a block: words on either side never run together.
    public var isBlockBoundary: Bool {
        switch self {
        case .other, .a, .br, .img, .time, .code, .span: return false
        default: return !isNeverContent
        }
    }

    /// Elements that hold other blocks and are candidates for the main content.
    public var isContainer: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .aside, .nav, .header, .footer, .div, .form, .fieldset, .details,
             .figure, .center, .ul, .ol, .dl, .table, .tbody, .thead, .tfoot, .td, .th, .blockquote, .menu, .address, .hgroup:
            return true
        default:
            return false
        }
    }

    public var headingLevel: Int {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }

    /// The lowercase tag name ("other" for unlisted tags), without reflection.
    public var name: String { Self.names[Int(rawValue)] }

    private static let names: [String] = {
        var names = [String](repeating: "other", count: 256)
        for (name, tag) in nameList { names[Int(tag.rawValue)] = name }
        return names
    }()

    init(cName: UnsafePointer<UInt8>) {
        var packed: UInt64 = 0
        var length = 0
        while length < 11 {
            let byte = cName[length]
            if byte == 0 { break }
            if length < 8 { packed |= UInt64(byte | 0x20) << (8 * UInt64(length)) }
            length += 1
        }
        guard length <= 10 else { self = .other; return }
        self = Self.lookup[TagKey(packed: packed, length: UInt8(length))] ?? .other
    }

    private struct TagKey: Hashable {
        var packed: UInt64
        var length: UInt8
    }

    private static let nameList: [(String, HTMLTag)] = [
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template), ("svg", .svg),
            ("canvas", .canvas), ("iframe", .iframe), ("object", .object), ("embed", .embed), ("math", .math),
            ("head", .head), ("title", .title), ("input", .input), ("select", .select), ("textarea", .textarea),
            ("button", .button), ("option", .option), ("datalist", .datalist), ("video", .video), ("audio", .audio),
            ("map", .map), ("dialog", .dialog), ("html", .html), ("body", .body), ("article", .article), ("main", .main),
            ("section", .section), ("aside", .aside), ("nav", .nav), ("header", .header), ("footer", .footer), ("div", .div),
            ("form", .form), ("fieldset", .fieldset), ("details", .details), ("summary", .summary), ("figure", .figure),
            ("figcaption", .figcaption), ("address", .address), ("center", .center), ("hgroup", .hgroup), ("menu", .menu),
            ("legend", .legend), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("p", .p),
            ("pre", .pre), ("blockquote", .blockquote), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt),
            ("dd", .dd), ("table", .table), ("caption", .caption), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot),
            ("tr", .tr), ("td", .td), ("th", .th), ("a", .a), ("br", .br), ("hr", .hr), ("img", .img), ("time", .time),
            ("code", .code), ("span", .span),
        ]

    private static let lookup: [TagKey: HTMLTag] = {
        var table: [TagKey: HTMLTag] = [:]
        for (name, tag) in nameList {
            var packed: UInt64 = 0
            for (offset, byte) in name.utf8.prefix(8).enumerated() { packed |= UInt64(byte | 0x20) << (8 * UInt64(offset)) }
            table[TagKey(packed: packed, length: UInt8(name.utf8.count))] = tag
        }
        return table
    }()
}
