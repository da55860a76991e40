import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A page parsed by libxml2's HTML parser (recovering, offline, silent) into a
/// compact tree built from its SAX events (see sax_tree.h): the same elements,
/// attributes and text nodes libxml2's own tree would hold, in flat arrays
/// freed at once. The class owns the storage and frees it when the last
/// reference goes, so no code path can leak a tree.
public final class HTMLTree {
    let storage: UnsafeMutablePointer<scour_tree>
    /// Errors and warnings libxml2 met while recovering; counted, never printed.
    public let errorCount: Int
    /// The parse was stopped at its time budget; the tree holds only what came before.
    public let timedOut: Bool

    private init(storage: UnsafeMutablePointer<scour_tree>) {
        self.storage = storage
        self.errorCount = Int(storage.pointee.errors)
        self.timedOut = storage.pointee.timed_out != 0
    }

    deinit {
        scour_tree_free(storage)
    }

    /// Parses `bytes` as HTML in the given encoding (a name libxml2 or iconv knows), stopping
    /// (with `timedOut` set) after `budgetNanoseconds` when it is above 0.
    /// Returns nil when libxml2 builds no tree at all.
    ///
    /// `checkedUTF8`: the caller validated the bytes as UTF-8, so libxml2 reads them without
    /// a converter (which would copy the page once more). A page with a NUL byte among its
    /// first four goes through the converter all the same: libxml2 would take it for UTF-16.
    ///
    /// `standIns`: the attribute values `RawTextElider.elideForParsing` replaced in `bytes`; the tree
    /// holds the values themselves.
    public static func parse(_ bytes: [UInt8], encoding: String, checkedUTF8: Bool = false, budgetNanoseconds: Int64 = 0,
                             standIns: ParserStandIns? = nil) -> HTMLTree? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let withoutConverter: Int32 = checkedUTF8 && encoding == "UTF-8" ? 1 : 0
        scour_xml_silence_errors()
        let values = standIns ?? ParserStandIns()
        let parsed: UnsafeMutablePointer<scour_tree>? = bytes.withUnsafeBufferPointer { buffer in
            values.source.withUnsafeBufferPointer { standInBytes in
                values.ranges.withUnsafeBufferPointer { standInRanges in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                        scour_html_read_tree_with_standins(pointer, Int32(buffer.count), encoding, withoutConverter, budgetNanoseconds,
                                                           standInBytes.baseAddress, standInRanges.baseAddress, UInt32(values.count))
                    }
                }
            }
        }
        guard let parsed else { return nil }
        // A page has a few hundred distinct names; each is classified once, not once per element.
        let tree = parsed.pointee
        for index in 0..<Int(tree.name_count) {
            tree.name_tags[index] = HTMLTag(cName: tree.bytes + Int(tree.names[index].offset)).rawValue
        }
        return HTMLTree(storage: parsed)
    }

    /// True when libxml2 (itself or through iconv) can decode this encoding name.
    public static func knowsEncoding(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// The `<html>` element (or whatever libxml2 made the root).
    public var root: HTMLNode? {
        let root = storage.pointee.root
        return root >= 0 ? HTMLNode(storage, root) : nil
    }
}

/// A borrowed view of one node; valid only while its `HTMLTree` lives.
public struct HTMLNode: Equatable {
    let tree: UnsafeMutablePointer<scour_tree>
    let index: Int32

    init(_ tree: UnsafeMutablePointer<scour_tree>, _ index: Int32) {
        self.tree = tree
        self.index = index
    }

    @inline(__always) var node: UnsafeMutablePointer<scour_node> { tree.pointee.nodes + Int(index) }

    private func related(_ index: Int32) -> HTMLNode? {
        index >= 0 ? HTMLNode(tree, index) : nil
    }

    public var isElement: Bool { node.pointee.type == UInt8(SCOUR_NODE_ELEMENT) }
    public var isText: Bool {
        let type = node.pointee.type
        return type == UInt8(SCOUR_NODE_TEXT) || type == UInt8(SCOUR_NODE_CDATA)
    }

    /// The tag, classified once per distinct name when the tree was built.
    public var tag: HTMLTag {
        guard isElement else { return .other }
        return HTMLTag(rawValue: tree.pointee.name_tags[Int(node.pointee.name)]) ?? .other
    }

    /// The tag name as written (lowercase for HTML elements); "text" for a text node, as libxml2 names it.
    public var name: String {
        if isElement { return String(cString: nameBytes(node.pointee.name)) }
        return node.pointee.type == UInt8(SCOUR_NODE_TEXT) ? "text" : ""
    }

    /// Whether this is an element named `name` (lowercase ASCII), compared on the name's bytes.
    func hasName(_ name: StaticString) -> Bool {
        guard isElement else { return false }
        let entry = tree.pointee.names[Int(node.pointee.name)]
        guard Int(entry.length) == name.utf8CodeUnitCount else { return false }
        return memcmp(tree.pointee.bytes + Int(entry.offset), name.utf8Start, name.utf8CodeUnitCount) == 0
    }

    private func nameBytes(_ name: some BinaryInteger) -> UnsafeMutablePointer<UInt8> {
        tree.pointee.bytes + Int(tree.pointee.names[Int(name)].offset)
    }

    public var firstChild: HTMLNode? { related(node.pointee.first_child) }
    public var nextSibling: HTMLNode? { related(node.pointee.next_sibling) }
    public var parent: HTMLNode? { related(node.pointee.parent) }

    /// Child nodes in order.
    public var children: HTMLChildren { HTMLChildren(tree: tree, first: node.pointee.first_child) }

    /// The input line a text node started on (as libxml2 counts it; 0 for elements).
    public var line: Int { Int(node.pointee.line) }

    /// A text node's bytes (UTF-8), without copying into a String.
    public func withContent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isText else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: tree.pointee.bytes + Int(node.pointee.text), count: Int(node.pointee.text_length)))
    }

    /// A text node's text.
    public var content: String {
        withContent { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with each attribute's name (lowercase) and value bytes, in document order,
    /// without building Strings; `body` returns false to stop.
    public func forEachAttribute(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Bool) {
        let first = Int(node.pointee.first_attribute)
        for offset in 0..<Int(node.pointee.attribute_count) {
            let attribute = tree.pointee.attributes[first + offset]
            let entry = tree.pointee.names[Int(attribute.name)]
            let name = UnsafeBufferPointer(start: tree.pointee.bytes + Int(entry.offset), count: Int(entry.length))
            let value = UnsafeBufferPointer(start: tree.pointee.bytes + Int(attribute.value), count: Int(attribute.value_length))
            if !body(name, value) { return }
        }
    }

    /// The value of attribute `name` (lowercase), or nil when absent.
    public func attribute(_ name: String) -> String? {
        var found: String?
        var wanted = name
        wanted.withUTF8 { wanted in
            forEachAttribute { attributeName, value in
                guard attributeName.count == wanted.count,
                      attributeName.count == 0 || memcmp(attributeName.baseAddress!, wanted.baseAddress!, wanted.count) == 0 else { return true }
                found = String(decoding: value, as: UTF8.self)
                return false
            }
        }
        return found
    }

    /// Every attribute as (name, value), in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        forEachAttribute { name, value in
            result.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
            return true
        }
        return result
    }

    /// All text below this node, in document order (iterative: deep trees do not overflow the stack).
    public var textContent: String {
        var bytes: [UInt8] = []
        forEachDescendant { node in
            if node.isText { node.withContent { bytes.append(contentsOf: $0) } }
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Visits descendants depth-first in document order; `visit` returns false to skip a node's children.
    /// With `limit`, the walk ends after that many visits.
    public func forEachDescendant(limit: Int = .max, _ visit: (HTMLNode) -> Bool) {
        let nodes = tree.pointee.nodes!
        var current = nodes[Int(index)].first_child
        guard current >= 0 else { return }
        var visits = 0
        while visits < limit {
            visits += 1
            let entry = nodes[Int(current)]
            if visit(HTMLNode(tree, current)), entry.first_child >= 0 {
                current = entry.first_child
                continue
            }
            var climber = current
            while nodes[Int(climber)].next_sibling < 0 {
                let parent = nodes[Int(climber)].parent
                guard parent >= 0, parent != index else { return }
                climber = parent
            }
            current = nodes[Int(climber)].next_sibling
        }
    }
}

/// Iterates a node's children without building an array.
public struct HTMLChildren: Sequence, IteratorProtocol {
    let tree: UnsafeMutablePointer<scour_tree>
    var upcoming: Int32

    init(tree: UnsafeMutablePointer<scour_tree>, first: Int32) {
        self.tree = tree
        upcoming = first
    }

    public mutating func next() -> HTMLNode? {
        guard upcoming >= 0 else { return nil }
        let current = HTMLNode(tree, upcoming)
        upcoming = tree.pointee.nodes[Int(upcoming)].next_sibling
        return current
    }
}
