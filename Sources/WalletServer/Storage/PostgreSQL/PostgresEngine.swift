import Foundation
import Logging
import PSPWallet
import PostgresNIO

/// walletd's data in a PostgreSQL schema that several walletd may share:
/// reads through a `PostgresClient` pool, writes on the `PostgresWriterPool`'s
/// threads, the witnessed log's reads on a connection of their own, which
/// also holds the lead of the log when this walletd makes its epochs
/// (`PostgresLead`). Every append queues its entry in `log_appends` for the
/// walletd that leads.
final class PostgresEngine: SQLEngine, @unchecked Sendable {
  let location: PostgresLocation
  private let reads: PostgresReadClient
  private let writers: PostgresWriterPool
  private let witnessReads: PostgresBlockingConnection
  private let lead: PostgresLead

  static let lockWallet = "SELECT closed_at FROM wallets WHERE id = $1 FOR NO KEY UPDATE"

  let dialect = SQLDialect(
    insertionOrder: "seq", registrationOrder: "position",
    lockWallet: PostgresEngine.lockWallet,
    lockStatementID: "SELECT pg_advisory_xact_lock(7471, hashtext($1))",
    appendEntry: """
      WITH appended AS (
        INSERT INTO log_entries (wallet, idx, entry, leaf)
        SELECT $1, COALESCE(MAX(idx) + 1, 0), $2, $3 FROM log_entries WHERE wallet = $1
        RETURNING wallet, idx)
      INSERT INTO log_appends (wallet, idx) SELECT wallet, idx FROM appended RETURNING idx
      """,
    bytesStored: """
      SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'
      """)

  /// Migrates the schema and starts the pools.
  static func open(location: PostgresLocation, writers: Int, logger: Logger)
    async throws -> PostgresEngine
  {
    try await PostgresMigrator.migrate(location: location, logger: logger)
    let lead = PostgresLead()
    let witnessReads = PostgresBlockingConnection(location: location, logger: logger) { run in
      try lead.connected(run)
    }
    lead.use(witnessReads)
    do { try witnessReads.rows("SELECT 1", []) } catch {
      witnessReads.close()
      throw error
    }
    return PostgresEngine(
      location: location, writers: writers, witnessReads: witnessReads, lead: lead,
      logger: logger)
  }

  private init(
    location: PostgresLocation, writers: Int, witnessReads: PostgresBlockingConnection,
    lead: PostgresLead, logger: Logger
  ) {
    self.location = location
    self.witnessReads = witnessReads
    self.lead = lead
    // On the primary, and on the next one after a failover.
    reads = PostgresReadClient(location: location, connections: writers, logger: logger)
    self.writers = PostgresWriterPool(
      location: location, count: writers, lockWallet: Self.lockWallet, logger: logger)
  }

  func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]] {
    do {
      return try await reads.rows(sql, parameters)
    } catch {
      throw PostgresErrors.storeError(error, location: location)
    }
  }

  func transaction<R: Sendable>(
    wallet: WalletID?, _ body: @escaping @Sendable (any SQLExecuting) throws -> R
  ) async throws -> R {
    try await writers.write(wallet: wallet, body)
  }

  var writeCounts: (batches: Int, writes: Int) {
    writers.commits
  }

  func ping() async throws {
    do { try await reads.ping() } catch {
      throw PostgresErrors.storeError(error, location: location)
    }
  }

  func stop() async {
    await writers.stop()
    await reads.stop()
    witnessReads.close()
  }

  /// PostgreSQL keeps deleted rows until VACUUM, and its WAL, standbys and
  /// backups keep old pages: nothing here can make them unrecoverable at once.
  func eraseDeleted() async {}

  var witnessStore: any WitnessStore {
    SQLWitnessStore(reads: witnessReads, engine: self, lead: lead)
  }

  var sharedSessions: (any SessionStore)? { SQLSessionStore(engine: self) }
}

extension SQLServerStore {
  /// walletd's store in the PostgreSQL schema `location` names (migrated first).
  /// `connections` write, as many at most read.
  public static func postgres(location: PostgresLocation, connections: Int, logger: Logger)
    async throws -> SQLServerStore
  {
    SQLServerStore(
      engine: try await PostgresEngine.open(
        location: location, writers: connections, logger: logger))
  }
}
