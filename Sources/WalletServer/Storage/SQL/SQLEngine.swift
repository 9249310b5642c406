import PSPWallet

/// A value bound to, or read from, a statement: the same four kinds on every engine.
public typealias SQLValue = SQLiteDatabase.Value

/// Runs statements inside one transaction (or, for the witnessed log's
/// reads, on one connection), synchronously. Parameters are written `$1`,
/// `$2`… in the order they first appear: both engines bind them by position.
public protocol SQLExecuting {
  @discardableResult
  func rows(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]]
  /// Told of every log entry appended in this transaction (an engine that
  /// feeds the witnessed log from its commits keeps them; SQLite need not).
  func appended(_ row: StoredLogRow)
}

extension SQLExecuting {
  public func appended(_ row: StoredLogRow) {}
}

/// What one database engine gives the SQL store: reads, durable transactions
/// on its writer, its SQL dialect and the witnessed log's access.
public protocol SQLEngine: Sendable {
  var dialect: SQLDialect { get }
  /// A read outside any write transaction.
  func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]]
  /// Runs `body` in one transaction; returns once it is durable.
  func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLExecuting) throws -> R)
    async throws -> R
  var writeCounts: (batches: Int, writes: Int) { get }
  func ping() async throws
  func stop() async
  /// After a wallet closed: makes deleted rows unrecoverable where the engine can.
  func eraseDeleted() async
  var witnessStore: any WitnessStore { get }
}

/// Where the engines' SQL differs.
public struct SQLDialect: Sendable {
  /// The column giving the order rows were inserted in (SQLite's `rowid`,
  /// PostgreSQL's identity column `seq`).
  public let insertionOrder: String
  /// The same for `administrations` (`rowid`; PostgreSQL: `position`).
  public let registrationOrder: String
  /// Run first in every wallet write, with the wallet id as `$1`: takes the
  /// wallet's lock and answers one row (its `closed_at`) if the wallet exists.
  /// nil: the engine's transactions are serial already (SQLite).
  public let lockWallet: String?
  /// Run before a statement id is checked for reuse, with the id as `$1`,
  /// so that two transactions never both find an id free. nil: serial engine.
  public let lockStatementID: String?

  public static let sqlite = SQLDialect(
    insertionOrder: "rowid", registrationOrder: "rowid", lockWallet: nil, lockStatementID: nil)
}
