import Foundation

/// Where JSON lines go: an atomically replaced file, or a stream such as stdout.
public protocol LineSink: AnyObject {
    func writeLine(_ line: String) throws(OutputError)
    /// Everything written so far is delivered (a file is synced and moved into place).
    func commit() throws(OutputError)
    func abandon()
    /// Called after each batch: streams deliver what they have, files need not.
    func flushBatch() throws(OutputError)
}

extension AtomicFileWriter: LineSink {
    public func flushBatch() throws(OutputError) {}
}

/// Lines written straight to a stream (stdout for Hadoop Streaming, Spark's pipe,
/// GNU parallel), flushed after every batch so the consumer sees them early.
public final class StreamSink: LineSink {
    private let handle: FileHandle
    private let name: String
    private var pending = Data()

    public init(handle: FileHandle, name: String) {
        self.handle = handle
        self.name = name
    }

    public func writeLine(_ line: String) throws(OutputError) {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        if pending.count >= 1 << 20 { try flushBatch() }
    }

    public func flushBatch() throws(OutputError) {
        guard !pending.isEmpty else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            throw .writeFailed(path: name, reason: "\(error)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    public func commit() throws(OutputError) { try flushBatch() }

    public func abandon() { try? flushBatch() }
}
