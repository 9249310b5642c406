import PSPWallet

/// A value bound to, or read from, a statement: the same four kinds on every engine.
public typealias SQLValue = SQLiteDatabase.Value

/// Runs statements inside one transaction (or, for the witnessed log's
/// reads, on one connection), synchronously. Parameters are written `$1`,
/// `$2`… in the order they first appear: both engines bind them by position.
public protocol SQLExecuting {
  @discardableResult
  func rows(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]]
  /// The wallet whose lock (`SQLDialect.lockWallet`) the engine took in this
  /// transaction before running the write, if any: `StoreTransaction.lock`
  /// need not take it again.
  var lockedWallet: WalletID? { get }
}

extension SQLExecuting {
  public var lockedWallet: WalletID? { nil }
}

extension SQLExecuting {
  /// Inserts `values` (each a row of `columns`), many rows a statement: one
  /// round trip for a write's records, keys or heads instead of one each.
  /// `suffix` follows each statement's rows (an `ON CONFLICT` clause).
  func insert(
    into table: String, _ columns: [String], _ values: [[SQLValue]], then suffix: String = ""
  ) throws {
    var start = 0
    while start < values.count {
      let part = values[start..<min(start + sqlRowsPerInsert, values.count)]
      var tuples: [String] = []
      var parameters: [SQLValue] = []
      for row in part {
        let first = parameters.count
        tuples.append("(" + row.indices.map { "$\(first + $0 + 1)" }.joined(separator: ", ") + ")")
        parameters += row
      }
      try rows(
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
          + tuples.joined(separator: ", ") + suffix, parameters)
      start += part.count
    }
  }
}

/// At most 64 rows (and, in walletd's tables, 640 parameters) an `INSERT`.
let sqlRowsPerInsert = 64

/// What one database engine gives the SQL store: reads, durable transactions
/// on its writer, its SQL dialect and the witnessed log's access.
public protocol SQLEngine: Sendable {
  var dialect: SQLDialect { get }
  /// A read outside any write transaction.
  func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]]
  /// Runs `body` in one transaction (perhaps with other writes of `wallet`);
  /// its failure undoes nothing of theirs; returns once it is durable.
  func transaction<R: Sendable>(
    wallet: WalletID?, _ body: @escaping @Sendable (any SQLExecuting) throws -> R
  ) async throws -> R
  var writeCounts: (batches: Int, writes: Int) { get }
  func ping() async throws
  func stop() async
  /// After a wallet closed: makes deleted rows unrecoverable where the engine can.
  func eraseDeleted() async
  var witnessStore: any WitnessStore { get }
  /// The sessions, when several walletd share the database (nil: one
  /// walletd keeps them in memory).
  var sharedSessions: (any SessionStore)? { get }
}

extension SQLEngine {
  /// A transaction of no wallet's (the witnessed log's).
  func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLExecuting) throws -> R)
    async throws -> R
  {
    try await transaction(wallet: nil, body)
  }
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
  /// Appends entry `$2` with leaf hash `$3` to wallet `$1`'s log at the next
  /// index, and answers that index: one statement, under the wallet's lock.
  public let appendEntry: String
  /// Answers the bytes the data takes in the database (one integer).
  public let bytesStored: String

  /// The append where one walletd writes: the witnessing finds new entries by rowid.
  static let appendOnly = """
    INSERT INTO log_entries (wallet, idx, entry, leaf)
    SELECT $1, COALESCE(MAX(idx) + 1, 0), $2, $3 FROM log_entries WHERE wallet = $1
    RETURNING idx
    """

  public static let sqlite = SQLDialect(
    insertionOrder: "rowid", registrationOrder: "rowid", lockWallet: nil, lockStatementID: nil,
    appendEntry: appendOnly,
    bytesStored: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
}
