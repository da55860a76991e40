import CSQLite

public enum StateError: Error, Sendable, CustomStringConvertible {
    case open(path: String, reason: String)
    case query(path: String, sql: String, reason: String)
    /// The state path names a FIFO, device, folder or socket: refused, never opened or replaced.
    case notAFile(path: String, kind: String)

    public var description: String {
        switch self {
        case let .notAFile(path, kind): return "\(path): is \(kind), not a file: the state must be a regular file"
        case let .open(path, reason): return "\(path): cannot open state database: \(reason)"
        case let .query(path, sql, reason): return "\(path): state query failed (\(reason)): \(sql.prefix(80))"
        }
    }
}

/// A value bound to or read from a SQL statement.
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)
    case blob([UInt8])

    var text: String? { if case let .text(value) = self { return value } else { return nil } }
    var int: Int64? { if case let .int(value) = self { return value } else { return nil } }
    var blob: [UInt8]? { if case let .blob(value) = self { return value } else { return nil } }
}

/// A thin owner of one sqlite3 connection: prepared statements in, rows of `SQLValue` out.
/// Not shared across threads; the runner uses it from one place.
public final class SQLiteDatabase {
    public let path: String
    private var handle: OpaquePointer?

    public init(path: String) throws(StateError) {
        self.path = path
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let reason = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "status \(status)"
            sqlite3_close(connection)
            throw .open(path: path, reason: reason)
        }
        handle = connection
        sqlite3_busy_timeout(connection, 5000)
        // WAL keeps readers working while a run writes; FULL sync makes a commit survive power loss.
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=FULL")
    }

    deinit {
        sqlite3_close(handle)
    }

    public func execute(_ sql: String) throws(StateError) {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let reason = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw .query(path: path, sql: sql, reason: reason)
        }
    }

    /// Runs one statement with bound parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLValue] = []) throws(StateError) -> [[SQLValue]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw .query(path: path, sql: sql, reason: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        for (offset, parameter) in parameters.enumerated() {
            let index = Int32(offset + 1)
            switch parameter {
            case .null: sqlite3_bind_null(statement, index)
            case let .int(value): sqlite3_bind_int64(statement, index, value)
            case let .text(value): scour_sqlite3_bind_text(statement, index, value, -1)
            case let .blob(value): value.withUnsafeBytes { _ = scour_sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count)) }
            }
        }
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw .query(path: path, sql: sql, reason: String(cString: sqlite3_errmsg(handle)))
            }
            let columns = sqlite3_column_count(statement)
            rows.append((0..<columns).map { column in
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, column))
                case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
                case SQLITE_BLOB:
                    let count = Int(sqlite3_column_bytes(statement, column))
                    guard count > 0, let base = sqlite3_column_blob(statement, column) else { return .blob([]) }
                    return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
                default: return .null
                }
            })
        }
        return rows
    }

    /// Runs `body` inside one transaction: all of it is committed, or none.
    public func transaction(_ body: () throws(StateError) -> Void) throws(StateError) {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
