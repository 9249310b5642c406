import Foundation
import Logging
import PSPConsent
import PSPWallet

/// `walletd migrate`: copies an embedded installation (walletd's SQLite file)
/// into an empty PostgreSQL schema, in one transaction, and commits only once
/// the copy is checked: the same rows in every table, and every wallet's log
/// with the same root as in the source and extending the head the witnesses
/// saw (`epoch_heads`). Any difference rolls everything back.
public enum StoreCopier {
  /// What was copied.
  public struct Summary: Sendable, Equatable {
    public let wallets: Int
    public let logEntries: Int
    public let rows: Int
  }

  /// Why a copy was refused; no message names a row or a value.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    case noSource(String)
    case notEmpty
    case unknownTable
    case differs(String)
    case logDamaged(Int)

    public var description: String {
      switch self {
      case .noSource(let path):
        "there is no walletd.sqlite at \(path): give walletd's data directory"
      case .unknownTable:
        "the source holds a table or column walletd's schema does not have: nothing was copied"
      case .notEmpty:
        "the target schema already holds wallets: migrate copies into an empty schema only"
      case .differs(let table): "the copy of \(table) differs from the source: nothing was copied"
      case .logDamaged(let count):
        "\(count) wallet logs in the source do not extend their witnessed heads "
          + "(entries changed or lost): nothing was copied"
      }
    }
  }

  /// Rows per INSERT statement.
  static let batch = 200

  /// Copies `source` (walletd's SQLite file, walletd stopped) into `target`.
  public static func copy(
    from source: String, to target: PostgresLocation, logger: Logger
  ) async throws -> Summary {
    guard FileManager.default.fileExists(atPath: source) else {
      throw Failure.noSource(source)
    }
    let from = try SQLiteDatabase(path: source)
    try SchemaMigrator.migrate(from, ServerSchema.migrations)
    try await PostgresMigrator.migrate(location: target, logger: logger)
    let to = PostgresBlockingConnection(location: target, logger: logger)
    defer { to.close() }
    try to.rows("BEGIN", [])
    do {
      // A large copy outlasts the connection's usual limits.
      try to.rows("SET LOCAL statement_timeout = 0", [])
      try to.rows("SET LOCAL idle_in_transaction_session_timeout = 0", [])
      let summary = try copy(from, to)
      try to.rows("COMMIT", [])
      return summary
    } catch {
      _ = try? to.rows("ROLLBACK", [])
      throw error
    }
  }

  /// The copy and its checks, inside the target's transaction.
  static func copy(_ from: SQLiteDatabase, _ to: PostgresBlockingConnection) throws -> Summary {
    // One read transaction on the source: every table as of one moment.
    try from.execute("BEGIN")
    defer { try? from.execute("COMMIT") }
    let tables = try tablesInOrder(from)
    // Only names the target's own schema has reach the target's SQL: the
    // source file may have been made by anyone.
    var known: [String: Set<String>] = [:]
    for row in try to.rows(
      """
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema()
      """, [])
    {
      if let table = row[0].text, let column = row[1].text {
        known[table, default: []].insert(column)
      }
    }
    for table in tables where known[table] == nil { throw Failure.unknownTable }
    for table in tables
    where try to.rows("SELECT 1 FROM \(table) LIMIT 1", []).first != nil {
      throw Failure.notEmpty
    }
    var rows = 0
    for table in tables {
      let columns = try from.query("SELECT name FROM pragma_table_info(?)", [.text(table)])
        .compactMap { $0[0].text }
      guard let targetColumns = known[table], columns.allSatisfy(targetColumns.contains) else {
        throw Failure.unknownTable
      }
      let list = columns.joined(separator: ", ")
      // In rowid order: PostgreSQL's identity columns then keep SQLite's order.
      let source = try from.query("SELECT \(list) FROM \(table) ORDER BY rowid")
      for start in stride(from: 0, to: source.count, by: batch) {
        let chunk = source[start..<min(start + batch, source.count)]
        var values: [String] = []
        var n = 0
        for _ in chunk {
          values.append(
            "("
              + columns.map { _ in
                n += 1; return "$\(n)"
              }.joined(separator: ", ") + ")")
        }
        try to.rows(
          "INSERT INTO \(table) (\(list)) VALUES \(values.joined(separator: ", "))",
          chunk.flatMap { $0 })
      }
      let copied = try to.rows("SELECT COUNT(*) FROM \(table)", []).first?[0].integer ?? -1
      guard copied == Int64(source.count) else { throw Failure.differs(table) }
      rows += source.count
    }
    let (wallets, entries) = try checkLogs(from, to)
    try checkSame("epochs", "SELECT idx, map_root FROM epochs ORDER BY idx", from, to)
    try checkSame(
      "epoch_heads", "SELECT wallet, size, root FROM epoch_heads ORDER BY wallet", from, to)
    return Summary(wallets: wallets, logEntries: entries, rows: rows)
  }

  /// The tables to copy, each after the tables it references.
  static func tablesInOrder(_ database: SQLiteDatabase) throws -> [String] {
    let names = try database.query(
      """
      SELECT name FROM sqlite_master WHERE type = 'table'
      AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name
      """
    ).compactMap { $0[0].text }
    var references: [String: Set<String>] = [:]
    for name in names {
      references[name] = Set(
        try database.query("SELECT \"table\" FROM pragma_foreign_key_list(?)", [.text(name)])
          .compactMap { $0[0].text }.filter { $0 != name })
    }
    var ordered: [String] = []
    var left = names
    while !left.isEmpty {
      guard
        let next = left.first(where: { references[$0, default: []].isSubset(of: Set(ordered)) })
      else { throw WalletError.storage("the tables reference each other in a circle") }
      ordered.append(next)
      left.removeAll { $0 == next }
    }
    return ordered
  }

  /// Every wallet's log: the same leaves, each its entry's hash, the same
  /// root, and extending the head the witnesses saw.
  static func checkLogs(_ from: SQLiteDatabase, _ to: PostgresBlockingConnection) throws -> (
    wallets: Int, entries: Int
  ) {
    let heads = Dictionary(
      uniqueKeysWithValues: try from.query("SELECT wallet, size, root FROM epoch_heads").compactMap
      {
        row -> ([UInt8], (Int, [UInt8]))? in
        guard let wallet = row[0].blob, let size = row[1].integer, let root = row[2].blob else {
          return nil
        }
        return (wallet, (Int(size), root))
      })
    let wallets = try from.query("SELECT id FROM wallets ORDER BY id").compactMap { $0[0].blob }
    var entries = 0
    var damaged = 0
    for wallet in wallets {
      let query = "SELECT entry, leaf FROM log_entries WHERE wallet = $1 ORDER BY idx"
      let source = try from.query(query, [.blob(wallet)])
      let copied = try to.rows(query, [.blob(wallet)])
      guard source == copied else { throw Failure.differs("log_entries") }
      let leaves = copied.compactMap { $0[1].blob }
      let sound = copied.allSatisfy { row in
        row[0].blob.map(MerkleTree.leafHash) == row[1].blob
      }
      let extendsHead =
        heads[wallet].map { size, root in
          leaves.count >= size && MerkleTree.root(leaves[..<size]) == root
        } ?? true
      if !sound || !extendsHead { damaged += 1 }
      entries += copied.count
    }
    if damaged > 0 { throw Failure.logDamaged(damaged) }
    return (wallets.count, entries)
  }

  static func checkSame(
    _ table: String, _ query: String, _ from: SQLiteDatabase, _ to: PostgresBlockingConnection
  ) throws {
    guard try from.query(query) == to.rows(query, []) else { throw Failure.differs(table) }
  }
}
