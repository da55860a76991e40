/// The attributes the markup scan reads from a `<meta>` (or any element with a `content`), in one
/// pass over the element's attributes: each is the first of its name, as `HTMLNode.attribute(_:)`
/// would find it, without a search of the attributes per name.
struct MetaAttributes {
    var content: String?
    var name: String?
    var property: String?
    var itemprop: String?
    var httpEquiv: String?

    init(_ node: HTMLNode) {
        var content: String?, name: String?, property: String?, itemprop: String?, httpEquiv: String?
        node.forEachAttribute { attribute, value in
            switch attribute.count {
            case 7 where content == nil && MarkupBytes.equals(attribute, "content"):
                content = String(decoding: value, as: UTF8.self)
            case 4 where name == nil && MarkupBytes.equals(attribute, "name"):
                name = String(decoding: value, as: UTF8.self)
            case 8 where property == nil && MarkupBytes.equals(attribute, "property"):
                property = String(decoding: value, as: UTF8.self)
            case 8 where itemprop == nil && MarkupBytes.equals(attribute, "itemprop"):
                itemprop = String(decoding: value, as: UTF8.self)
            case 10 where httpEquiv == nil && MarkupBytes.equals(attribute, "http-equiv"):
                httpEquiv = String(decoding: value, as: UTF8.self)
            default:
                break
            }
            return true
        }
        self.content = content
        self.name = name
        self.property = property
        self.itemprop = itemprop
        self.httpEquiv = httpEquiv
    }
}
