import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A page parsed by libxml2's HTML parser (recovering, offline, silent).
/// The class owns the C document and frees it when the last reference goes,
/// so no code path can leak a tree.
public final class HTMLTree {
    let document: htmlDocPtr
    /// Errors and warnings libxml2 met while recovering; counted, never printed.
    public let errorCount: Int

    private init(document: htmlDocPtr, errorCount: Int) {
        self.document = document
        self.errorCount = errorCount
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Parses `bytes` as HTML in the given encoding (a name libxml2 or iconv knows).
    /// Returns nil when libxml2 builds no tree at all.
    public static func parse(_ bytes: [UInt8], encoding: String) -> HTMLTree? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        scour_xml_silence_errors()
        var errors: Int32 = 0
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                scour_html_read(pointer, Int32(buffer.count), encoding, &errors)
            }
        }
        guard let parsed else { return nil }
        return HTMLTree(document: parsed, errorCount: Int(errors))
    }

    /// True when libxml2 (itself or through iconv) can decode this encoding name.
    public static func knowsEncoding(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// The `<html>` element (or whatever libxml2 made the root).
    public var root: HTMLNode? {
        xmlDocGetRootElement(document).map(HTMLNode.init)
    }
}

/// A borrowed view of one libxml2 node; valid only while its `HTMLTree` lives.
public struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The tag, classified once from the name's bytes (libxml2 lowercases HTML names).
    public var tag: HTMLTag {
        guard isElement, let name = pointer.pointee.name else { return .other }
        return HTMLTag(cName: name)
    }

    /// The tag name as written (lowercase for HTML elements).
    public var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    public var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    public var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
    public var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(parent)
    }

    /// Child nodes in order.
    public var children: HTMLChildren { HTMLChildren(first: pointer.pointee.children) }

    /// A text node's bytes (UTF-8), without copying into a String.
    public func withContent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let content = pointer.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: content, count: strlen(content)))
    }

    /// A text node's text.
    public var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The value of attribute `name` (lowercase), or nil when absent.
    public func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        return name.withCString { wanted in
            while let current = attribute {
                if let attributeName = current.pointee.name, strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    return Self.attributeValue(current)
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// Every attribute as (name, value), in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                result.append((String(cString: name), Self.attributeValue(current)))
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// An attribute's text (its children's contents joined: entity references split it).
    static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { value += String(cString: content) }
            child = node.pointee.next
        }
        return value
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
    public func forEachDescendant(_ visit: (HTMLNode) -> Bool) {
        guard var current = pointer.pointee.children else { return }
        let stop = pointer
        while true {
            if visit(HTMLNode(current)), current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                current = child
                continue
            }
            while current.pointee.next == nil {
                guard let parent = current.pointee.parent, parent != stop else { return }
                current = parent
            }
            current = current.pointee.next!
        }
    }
}

/// Iterates a node's children without building an array.
public struct HTMLChildren: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?

    init(first: xmlNodePtr?) {
        upcoming = first
    }

    public mutating func next() -> HTMLNode? {
        guard let current = upcoming else { return nil }
        upcoming = current.pointee.next
        return HTMLNode(current)
    }
}
