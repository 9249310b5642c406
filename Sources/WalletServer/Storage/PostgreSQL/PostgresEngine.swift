import Foundation
import Logging
import PSPWallet
import PostgresNIO

/// walletd's data in a PostgreSQL schema: reads through a `PostgresClient`
/// pool, writes on the `PostgresWriterPool`'s threads, the witnessed log's
/// reads on a connection of their own that also holds this walletd's claim
/// on the schema (one walletd per schema for now: the witnessed log learns
/// new entries from this process's commits, `AppendFeed`).
final class PostgresEngine: SQLEngine, @unchecked Sendable {
  let location: PostgresLocation
  private let client: PostgresClient
  private let clientTask: Task<Void, Never>
  private let writers: PostgresWriterPool
  private let witnessReads: PostgresBlockingConnection
  private let feed = AppendFeed()

  /// The advisory lock class of a walletd's claim on its schema.
  static let claimClass: Int32 = 7472

  let dialect = SQLDialect(
    insertionOrder: "seq", registrationOrder: "position",
    lockWallet: "SELECT closed_at FROM wallets WHERE id = $1 FOR NO KEY UPDATE",
    lockStatementID: "SELECT pg_advisory_xact_lock(7471, hashtext($1))")

  /// Migrates the schema, claims it, and starts the pools.
  static func open(location: PostgresLocation, writers: Int, logger: Logger)
    async throws -> PostgresEngine
  {
    try await PostgresMigrator.migrate(location: location, logger: logger)
    // The claim is taken again on every new connection (after the server
    // restarted, or a standby took over).
    let schema = location.schema
    let witnessReads = PostgresBlockingConnection(location: location, logger: logger) { run in
      // The whole log is read at start: no statement time limit on this connection.
      _ = try run("SET statement_timeout = 0")
      let claimed = try run(
        "SELECT pg_try_advisory_lock(\(claimClass), hashtext(current_schema()))")
      guard claimed.first?[0] == .integer(1) else {
        throw WalletError.storage(
          "another walletd serves the schema \(schema); one walletd per schema for now")
      }
    }
    do { try witnessReads.rows("SELECT 1", []) } catch {
      witnessReads.close()
      throw error
    }
    return PostgresEngine(
      location: location, writers: writers, witnessReads: witnessReads, logger: logger)
  }

  private init(
    location: PostgresLocation, writers: Int, witnessReads: PostgresBlockingConnection,
    logger: Logger
  ) {
    self.location = location
    self.witnessReads = witnessReads
    let host = location.hosts[0]
    var configuration = PostgresClient.Configuration(
      host: host.name, port: host.port, username: location.user, password: location.password,
      database: location.database, tls: .disable)
    configuration.options.additionalStartupParameters = PostgresConnect.startupParameters(
      for: location)
    configuration.options.maximumConnections = writers
    // The pool's own messages (every failed reconnection) only from warnings up.
    var background = logger
    background.logLevel = max(logger.logLevel, .warning)
    let client = PostgresClient(configuration: configuration, backgroundLogger: background)
    self.client = client
    clientTask = Task { await client.run() }
    self.writers = PostgresWriterPool(
      location: location, count: writers, feed: feed, logger: logger)
  }

  func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]] {
    do {
      var rows: [[SQLValue]] = []
      for try await row in try await client.query(PostgresValues.query(sql, parameters)) {
        rows.append(try PostgresValues.row(row))
      }
      return rows
    } catch {
      throw PostgresErrors.storeError(error, location: location)
    }
  }

  func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLExecuting) throws -> R)
    async throws -> R
  {
    try await writers.write(body)
  }

  var writeCounts: (batches: Int, writes: Int) {
    let commits = writers.commits
    return (commits, commits)
  }

  func ping() async throws { _ = try await rows("SELECT 1", []) }

  func stop() async {
    await writers.stop()
    clientTask.cancel()
    await clientTask.value
    witnessReads.close()
  }

  /// PostgreSQL keeps deleted rows until VACUUM, and its WAL, standbys and
  /// backups keep old pages: nothing here can make them unrecoverable at once.
  func eraseDeleted() async {}

  var witnessStore: any WitnessStore {
    SQLWitnessStore(reads: witnessReads, engine: self, feed: feed)
  }
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
