import Foundation
import PSPWallet

/// walletd's SQLite file (WAL, `synchronous=FULL`): reads on one connection,
/// every write through the `GroupCommitter` thread on a second, the
/// witnessed log's reads on a third.
final class SQLiteEngine: SQLEngine {
  private let reader: SQLiteDatabase
  private let committer: GroupCommitter
  private let witnessReads: SQLiteDatabase

  /// Opens (or creates) the file and brings its schema up to date.
  init(path: String) throws {
    reader = try SQLiteWalletStore(path: path).database
    try SchemaMigrator.migrate(reader, ServerSchema.migrations)
    committer = GroupCommitter(database: try SQLiteDatabase(path: path))
    witnessReads = try SQLiteDatabase(path: path)
  }

  var dialect: SQLDialect { .sqlite }

  func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]] {
    try reader.query(sql, parameters)
  }

  /// Every write goes to the one group commit, whatever its wallet.
  func transaction<R: Sendable>(
    wallet: WalletID?, _ body: @escaping @Sendable (any SQLExecuting) throws -> R
  ) async throws -> R {
    try await committer.write { tx in try body(tx) }
  }

  var writeCounts: (batches: Int, writes: Int) { (committer.batches, committer.writes) }
  func ping() async throws { _ = try reader.query("SELECT 1") }
  func stop() async { await committer.stop() }

  /// Deleted pages are zeroed (`secure_delete`); the WAL still holds old page
  /// images until it is checkpointed and truncated.
  func eraseDeleted() async { try? reader.checkpointAndTruncateWAL() }

  var witnessStore: any WitnessStore {
    SQLWitnessStore(reads: witnessReads, engine: self, lead: nil)
  }

  /// One walletd on a SQLite file: its sessions stay in memory.
  var sharedSessions: (any SessionStore)? { nil }
}

extension SQLiteDatabase: SQLExecuting {
  public func rows(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
    try query(sql, parameters)
  }
}

extension SQLiteDatabase.Transaction: SQLExecuting {
  public func rows(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
    try query(sql, parameters)
  }
}

extension SQLServerStore {
  /// walletd's store in the SQLite file at `path`.
  public static func sqlite(path: String) throws -> SQLServerStore {
    SQLServerStore(engine: try SQLiteEngine(path: path))
  }
}
