import CSQLite
import Foundation

/// A thin, safe layer over one SQLite connection: prepared statements cached by
/// their SQL text, typed binding, every return code checked. One connection,
/// serialised by a lock: SQLite's own locking handles other processes.
///
/// Errors name the operation, never the bound values (they may be ciphertexts
/// or ids, but a message is not where they belong).
public final class SQLiteDatabase: @unchecked Sendable {
  public enum Value: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null
  }

  public typealias Row = [Value]

  private var handle: OpaquePointer?
  private var statements: [String: OpaquePointer] = [:]
  private let lock = NSLock()
  public let path: String

  /// Opens (creating if needed) the database file with the PSP's settings: WAL,
  /// `synchronous=FULL` (a commit survives power loss), foreign keys on, and
  /// `secure_delete` so deleted rows are overwritten, not left in free pages.
  public init(path: String) throws(WalletError) {
    self.path = path
    var db: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
    guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else {
      if let db { sqlite3_close_v2(db) }
      throw .storage("open the database")
    }
    handle = db
    sqlite3_busy_timeout(db, 5_000)
    sqlite3_extended_result_codes(db, 1)
    try execute("PRAGMA journal_mode=WAL")
    try execute("PRAGMA synchronous=FULL")
    try execute("PRAGMA foreign_keys=ON")
    try execute("PRAGMA secure_delete=ON")
    // Files created here are readable by the owner only.
    chmod(path, 0o600)
  }

  deinit {
    for statement in statements.values { sqlite3_finalize(statement) }
    if let handle { sqlite3_close_v2(handle) }
  }

  /// Runs one or more statements without results (schema, pragmas).
  public func execute(_ sql: String) throws(WalletError) {
    lock.lock()
    defer { lock.unlock() }
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK || code == SQLITE_ROW else { throw .storage(operationName(sql)) }
  }

  /// Runs a statement with bound parameters and returns every row.
  @discardableResult
  public func query(_ sql: String, _ parameters: [Value] = []) throws(WalletError) -> [Row] {
    lock.lock()
    defer { lock.unlock() }
    return try run(sql, parameters)
  }

  /// Runs `body` in one IMMEDIATE transaction (the write lock is taken at once,
  /// so two writers never both read-then-write stale state). Rolled back if
  /// `body` throws.
  public func transaction<R>(_ body: (Transaction) throws(WalletError) -> R) throws(WalletError) -> R {
    lock.lock()
    defer { lock.unlock() }
    _ = try run("BEGIN IMMEDIATE", [])
    do {
      let result = try body(Transaction(database: self))
      _ = try run("COMMIT", [])
      return result
    } catch {
      _ = try? run("ROLLBACK", [])
      throw error
    }
  }

  /// Statements inside a transaction (the lock is already held).
  public struct Transaction {
    let database: SQLiteDatabase
    @discardableResult
    public func query(_ sql: String, _ parameters: [Value] = []) throws(WalletError) -> [Row] {
      try database.run(sql, parameters)
    }
    public var changes: Int { Int(sqlite3_changes(database.handle)) }
  }

  /// Writes the WAL back into the main file and truncates it, so that deleted
  /// data does not linger in the WAL (used after closing a wallet).
  public func checkpointAndTruncateWAL() throws(WalletError) {
    try execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }

  private func run(_ sql: String, _ parameters: [Value]) throws(WalletError) -> [Row] {
    let statement = try prepared(sql)
    defer {
      sqlite3_reset(statement)
      sqlite3_clear_bindings(statement)
    }
    for (index, value) in parameters.enumerated() {
      // `$n` is the n-th value, as in PostgreSQL (SQLite numbers named
      // parameters in the order they first appear); `?` and `?n` by position.
      let named = sqlite3_bind_parameter_index(statement, "$\(index + 1)")
      let position = named > 0 ? named : Int32(index + 1)
      let code: Int32
      switch value {
      case .integer(let v): code = sqlite3_bind_int64(statement, position, v)
      case .text(let v): code = sqlite3_bind_text(statement, position, v, -1, SQLITE_TRANSIENT_PTR)
      case .blob(let v):
        code = v.withUnsafeBytes { raw in
          sqlite3_bind_blob(statement, position, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
            Int32(v.count), SQLITE_TRANSIENT_PTR)
        }
      case .null: code = sqlite3_bind_null(statement, position)
      }
      guard code == SQLITE_OK else { throw .storage("bind a parameter") }
    }
    var rows: [Row] = []
    while true {
      let code = sqlite3_step(statement)
      if code == SQLITE_DONE { break }
      guard code == SQLITE_ROW else {
        let primary = code & 0xFF
        if primary == SQLITE_CONSTRAINT { throw .storage("constraint: \(operationName(sql))") }
        throw .storage(operationName(sql))
      }
      let columns = sqlite3_column_count(statement)
      var row: Row = []
      row.reserveCapacity(Int(columns))
      for column in 0..<columns {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
        case SQLITE_TEXT:
          row.append(.text(String(cString: sqlite3_column_text(statement, column))))
        case SQLITE_BLOB:
          let count = Int(sqlite3_column_bytes(statement, column))
          if count == 0 {
            row.append(.blob([]))
          } else {
            let pointer = sqlite3_column_blob(statement, column)!
            row.append(.blob(Array(UnsafeRawBufferPointer(start: pointer, count: count))))
          }
        default: row.append(.null)
        }
      }
      rows.append(row)
    }
    return rows
  }

  private func prepared(_ sql: String) throws(WalletError) -> OpaquePointer {
    if let cached = statements[sql] { return cached }
    var statement: OpaquePointer?
    guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
      == SQLITE_OK, let statement
    else { throw .storage("prepare \(operationName(sql))") }
    statements[sql] = statement
    return statement
  }

  /// The first words of a statement: enough to say what failed, no data.
  private func operationName(_ sql: String) -> String {
    sql.split(separator: " ").prefix(3).joined(separator: " ")
  }
}

/// SQLite's "copy the bound value now" destructor, which the C macro
/// SQLITE_TRANSIENT expresses as a cast that Swift cannot import.
let SQLITE_TRANSIENT_PTR = unsafeBitCast(Int(-1), to: sqlite3_destructor_type.self)

extension SQLiteDatabase.Value {
  public var integer: Int64? { if case .integer(let v) = self { v } else { nil } }
  public var text: String? { if case .text(let v) = self { v } else { nil } }
  public var blob: [UInt8]? { if case .blob(let v) = self { v } else { nil } }
}
