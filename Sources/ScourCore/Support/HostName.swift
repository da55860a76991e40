/// What a URL's host name says about the site behind it.
public enum HostName {
    /// An IP address (v4, in any form URL parsers accept, or v6) or a local name (`localhost`,
    /// `*.localhost`, RFC 6761): it names a machine, not a site, so no outlet comes from it.
    public static func isAddressOrLocal(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name.contains(":") || name.hasPrefix("[") { return true }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        // WHATWG URL: a host whose last label is a number is an IPv4 address ("127.1", "0x7f.1").
        guard let last = name.split(separator: ".", omittingEmptySubsequences: false).last, !last.isEmpty else { return false }
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return last.hasPrefix("0x") && last.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
    }
}
