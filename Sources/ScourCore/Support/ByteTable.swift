/// A small fixed table from byte strings to a value, for looking up words of a page by their
/// UTF-8 bytes without building a String (no validation, no SipHash). Open addressing, FNV-1a.
struct ByteTable<Value: Sendable>: Sendable {
    /// Slot → entry number + 1 (0 empty).
    private var slots: [Int32]
    /// Entry n's key is `bytes[offsets[n]..<offsets[n + 1]]`.
    private var offsets: [Int32] = [0]
    private var bytes: [UInt8] = []
    private var values: [Value] = []
    private let mask: Int

    /// Keys given more than once keep the first value; `merge` combines instead when given.
    init(_ entries: [([UInt8], Value)], merge: ((Value, Value) -> Value)? = nil) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = [Int32](repeating: 0, count: capacity)
        for (key, value) in entries {
            if let entry = entry(for: key) {
                if let merge { values[entry] = merge(values[entry], value) }
                continue
            }
            bytes += key
            offsets.append(Int32(bytes.count))
            values.append(value)
            var slot = Self.hash(key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(values.count)
        }
    }

    var isEmpty: Bool { values.isEmpty }

    subscript(key: [UInt8]) -> Value? {
        key.withUnsafeBufferPointer { value(for: $0) }
    }

    /// The value of the key made of these bytes, nil when it is not in the table.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        entry(for: key, folding: false).map { values[$0] }
    }

    /// The value of the key made of these bytes with ASCII letters lowercased.
    func value(folding key: UnsafeBufferPointer<UInt8>) -> Value? {
        entry(for: key, folding: true).map { values[$0] }
    }

    private func entry(for key: [UInt8]) -> Int? {
        key.withUnsafeBufferPointer { entry(for: $0, folding: false) }
    }

    private func entry(for key: UnsafeBufferPointer<UInt8>, folding: Bool) -> Int? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(folding ? ASCIIText.fold(byte) : byte)) &* 0x0000_0100_0000_01B3 }
        var slot = Self.slot(of: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let start = Int(offsets[stored - 1]), end = Int(offsets[stored])
            if end - start == key.count {
                var offset = 0
                while offset < key.count, bytes[start + offset] == (folding ? ASCIIText.fold(key[offset]) : key[offset]) { offset += 1 }
                if offset == key.count { return stored - 1 }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ key: [UInt8]) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return slot(of: hash)
    }

    @inline(__always)
    private static func slot(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
