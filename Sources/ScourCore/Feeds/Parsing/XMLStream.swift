import CLibXML2

/// What a format reader (RSS, Atom, sitemap) does with the elements of a streamed document.
protocol XMLStreamHandler {
    mutating func start(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError)
    mutating func end(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError)
}

/// An XML document read node by node through libxml2's xmlTextReader: memory stays bounded
/// by the deepest open element, never the whole document (a 50,000-URL sitemap is never a tree).
/// Text is kept only between `capture()` and `takeText()`, for the fields a reader wants.
final class XMLStream {
    struct Element {
        var name: String
        var namespace: String
        /// 0 for the root.
        var depth: Int
    }

    private let reader: xmlTextReaderPtr
    private let error: UnsafeMutablePointer<scour_reader_error>
    private var text: [UInt8] = []
    private var capturing = false

    /// Nil when libxml2 cannot make a reader (empty input, out of memory).
    init?(_ bytes: UnsafeBufferPointer<UInt8>, url: String, forceUTF8: Bool) {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        let error = UnsafeMutablePointer<scour_reader_error>.allocate(capacity: 1)
        error.initialize(to: scour_reader_error())
        scour_xml_silence_errors()
        let made = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            scour_feed_reader($0, Int32(bytes.count), url, forceUTF8 ? 1 : 0, error)
        }
        guard let made else {
            error.deallocate()
            return nil
        }
        self.error = error
        reader = made
    }

    deinit {
        xmlFreeTextReader(reader)
        error.deallocate()
    }

    /// Reads the whole document through `handler`; an empty element is a start then an end.
    func run<Handler: XMLStreamHandler>(_ handler: inout Handler) throws(FeedParseError) {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return }
            if status < 0 { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case 1:
                let element = current()
                try handler.start(element, stream: self)
                if xmlTextReaderIsEmptyElement(reader) == 1 { try handler.end(element, stream: self) }
            case 15:
                try handler.end(current(), stream: self)
            case 3, 4, 13, 14:
                if capturing, let value = xmlTextReaderConstValue(reader) {
                    text.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(value)))
                }
            case 10:
                // Second line behind XMLEntityGuard: libxml2's own view of the DOCTYPE.
                if scour_reader_dtd_declares_entities(reader) == 1 { throw .entityDeclarations(line: line) }
            default:
                break
            }
        }
    }

    private func current() -> Element {
        Element(name: Self.string(xmlTextReaderConstLocalName(reader)) ?? "",
                namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)) ?? "",
                depth: Int(xmlTextReaderDepth(reader)))
    }

    /// Starts keeping text (of this element and its descendants) until `takeText`.
    func capture() {
        text.removeAll(keepingCapacity: true)
        capturing = true
    }

    /// The text kept since `capture`, white space trimmed; nil when there is none.
    func takeText() -> String? {
        capturing = false
        let trimmed = text.drop(while: Self.isSpace).reversed().drop(while: Self.isSpace).reversed()
        return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
    }

    var isCapturing: Bool { capturing }

    /// An attribute of the current element by its qualified name (`href`, `rdf:about`).
    func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { scour_xmlFree(value) }
        return Self.string(value)
    }

    /// The base URI at the current element: the document's URL, changed by any `xml:base` on the way down.
    var baseURI: String? {
        guard let value = xmlTextReaderBaseUri(reader) else { return nil }
        defer { scour_xmlFree(value) }
        return Self.string(value)
    }

    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    private func failure() -> FeedParseError {
        let message = withUnsafeBytes(of: error.pointee.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }.feedTrimmed
        let line = error.pointee.line > 0 ? Int(error.pointee.line) : self.line
        return .malformed(message: message.isEmpty ? "libxml2 could not read the document" : message, line: line)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

extension String {
    /// Without leading and trailing ASCII white space.
    var feedTrimmed: String {
        let bytes = Array(utf8)
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

extension XMLStream {
    /// The first element (the root), read without going further; the DOCTYPE before it is checked.
    func rootElement() throws(FeedParseError) -> Element {
        struct First: XMLStreamHandler {
            var element: XMLStream.Element?
            mutating func start(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError) {
                self.element = element
                throw .notAFeed(lookedLike: "")  // stops the read: only the root was wanted
            }
            mutating func end(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError) {}
        }
        var first = First()
        do {
            try run(&first)
        } catch {
            if let element = first.element { return element }
            throw error
        }
        throw .notAFeed(lookedLike: "XML without any element")
    }
}
