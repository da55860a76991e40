import Foundation

/// NFC and NFD for the word lists and phrases made ready at start-up. ASCII text is its own NFC
/// and NFD, and most phrases are ASCII: Foundation's normalization costs thousands of
/// instructions per string even then, about a quarter of a process's start-up before this.
extension String {
    /// The NFC form (`precomposedStringWithCanonicalMapping`), without the call for ASCII.
    var canonicalComposed: String {
        isASCIIOnly ? self : precomposedStringWithCanonicalMapping
    }

    /// The NFD form (`decomposedStringWithCanonicalMapping`), without the call for ASCII.
    var canonicalDecomposed: String {
        isASCIIOnly ? self : decomposedStringWithCanonicalMapping
    }
}
