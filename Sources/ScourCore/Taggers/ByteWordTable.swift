/// A fixed set of words with a value each, looked up by UTF-8 bytes: no String is made per
/// looked-up word. Open addressing over an FNV-1a hash; words are stored in one byte array.
struct ByteWordTable: Sendable {
    private var storage: [UInt8] = []
    /// Per slot: start in `storage`, length, value; length -1 marks an empty slot.
    private var starts: [Int32]
    private var lengths: [Int32]
    private var values: [UInt64]
    private let mask: Int

    init(_ words: [String: UInt64]) {
        var size = 16
        while size < words.count * 3 { size <<= 1 }
        mask = size - 1
        starts = Array(repeating: 0, count: size)
        lengths = Array(repeating: -1, count: size)
        values = Array(repeating: 0, count: size)
        // Insertion order does not change what a lookup finds.
        for (word, value) in words {
            let bytes = Array(word.utf8)
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & mask
            while lengths[slot] >= 0 {
                if storage[Int(starts[slot])..<Int(starts[slot]) + Int(lengths[slot])].elementsEqual(bytes) { break }
                slot = (slot + 1) & mask
            }
            if lengths[slot] < 0 {
                starts[slot] = Int32(storage.count)
                lengths[slot] = Int32(bytes.count)
                storage += bytes
            }
            values[slot] |= value
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The value of the word with the bytes' ASCII letters lowercased, 0 when it is not in the table.
    func value(folding bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(ASCIIText.fold(byte))) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let length = Int(lengths[slot])
            if length < 0 { return 0 }
            if length == bytes.count {
                let start = Int(starts[slot])
                var equal = true
                for offset in 0..<length where storage[start + offset] != ASCIIText.fold(bytes[offset]) {
                    equal = false
                    break
                }
                if equal { return values[slot] }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The word's value, 0 when it is not in the table.
    func value(for bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var slot = Self.hash(bytes) & mask
        while true {
            let length = Int(lengths[slot])
            if length < 0 { return 0 }
            if length == bytes.count {
                let start = Int(starts[slot])
                var equal = true
                for offset in 0..<length where storage[start + offset] != bytes[offset] {
                    equal = false
                    break
                }
                if equal { return values[slot] }
            }
            slot = (slot + 1) & mask
        }
    }
}
