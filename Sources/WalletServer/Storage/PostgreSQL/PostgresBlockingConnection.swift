import Foundation
import Logging
import NIOCore
import PSPWallet
import PostgresNIO

/// One connection used from ordinary threads, one statement at a time, each
/// waited for: a writer's transactions, or the witnessed log's reads (their
/// callers are synchronous by design, `StoreTransaction` and `WitnessStore`).
/// Never used from an event loop thread. Reconnects on the next statement
/// after the connection was lost — but never inside a transaction: between
/// `BEGIN` and its `COMMIT` or `ROLLBACK`, a lost connection fails every
/// statement (the transaction, its locks with it, is gone), and a `COMMIT`
/// that the server answers with anything but `COMMIT` (a transaction that
/// had failed) is an error.
final class PostgresBlockingConnection: SQLExecuting, @unchecked Sendable {
  private let location: PostgresLocation
  private let logger: Logger
  private let lock = NSLock()
  private var connection: PostgresConnection?
  /// Between `BEGIN` and its end.
  private var inTransaction = false
  /// The wallet locked by `lock(wallet:with:)` in this transaction.
  private var held: WalletID?
  /// What this connection has prepared (forgotten with the connection).
  private var prepared = PostgresPrepared()
  /// Run on each new connection before its first statement; its error
  /// closes the connection and fails that statement.
  private let onConnect: (@Sendable (_ run: (String) throws -> [[SQLValue]]) throws -> Void)?
  /// How long a statement other than COMMIT may wait for its answer before
  /// the connection is closed (nil: as long as it takes).
  private let deadline: TimeAmount?

  /// - Parameter deadline: for a connection whose statements the server
  ///   itself ends in time (`statement_timeout`): an answer that never comes
  ///   (a server gone without the connection seeing it) closes the
  ///   connection instead of waiting for ever.
  init(
    location: PostgresLocation, logger: Logger, deadline: TimeAmount? = nil,
    onConnect: (@Sendable (_ run: (String) throws -> [[SQLValue]]) throws -> Void)? = nil
  ) {
    self.location = location
    self.logger = logger
    self.deadline = deadline
    self.onConnect = onConnect
  }

  private func open() throws -> PostgresConnection {
    if let connection, !connection.isClosed { return connection }
    if inTransaction {
      throw WalletError.storage("the connection to PostgreSQL was lost in a transaction")
    }
    // The primary among the hosts, found again on every new connection: after a
    // failover, the promoted standby (and never the old primary, `PostgresPrimary`).
    let made: PostgresConnection
    do {
      made = try PostgresPrimary.of(location).connectWaiting(logger: logger)
    } catch let error as PostgresPrimary.NoPrimary {
      throw WalletError.storage(error.description)
    }
    if let onConnect {
      do {
        try onConnect { sql in
          try made.query(PostgresValues.query(sql, []), logger: logger).wait().rows.map(
            PostgresValues.row)
        }
      } catch {
        try? made.close().wait()
        throw error
      }
    }
    connection = made
    prepared.forgetAll()
    return made
  }

  @discardableResult
  func rows(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
    try lock.withLock {
      let ends = sql == "COMMIT" || sql == "ROLLBACK"
      // A transaction that never ended (its COMMIT or ROLLBACK not sent, or
      // failed): the connection is dropped, so that the server rolls it back,
      // rather than the next one running inside it.
      if sql == "BEGIN", inTransaction { discard() }
      if sql == "BEGIN" || ends { held = nil }
      defer { if ends { inTransaction = false } }
      do {
        let connection = try open()
        // A COMMIT not answered in time (a synchronous standby gone): the
        // connection is closed, and the write is answered as possibly stored.
        // Any other statement past its deadline: the connection is closed and
        // the statement fails.
        let limit = sql == "COMMIT" ? Self.commitDeadline : deadline
        let timer = limit.map { limit in
          connection.eventLoop.scheduleTask(in: limit) {
            let _: EventLoopFuture<Void> = connection.close()
          }
        }
        defer { timer?.cancel() }
        var query = PostgresValues.query(sql, parameters)
        if let plan = prepared.plan(sql, parameters) {
          if let prepare = plan.prepare {
            _ = try connection.query(PostgresQuery(unsafeSQL: prepare), logger: logger).wait()
            prepared.prepared(plan)
          }
          query = PostgresQuery(unsafeSQL: plan.execute)
        }
        let result = try connection.query(query, logger: logger).wait()
        if sql == "BEGIN" { inTransaction = true }
        if sql == "COMMIT", result.metadata.command != "COMMIT" {
          throw WalletError.storage("the transaction failed and was rolled back")
        }
        return try result.rows.map(PostgresValues.row)
      } catch let error as WalletError {
        if ends { discard() }
        throw error
      } catch let error as PSQLError where sql == "COMMIT" && error.code != .server {
        // Sent, and the connection failed before the answer: it may have committed.
        throw StoreError.ambiguousCommit
      } catch {
        if ends { discard() }
        throw PostgresErrors.storeError(error, location: location)
      }
    }
  }

  /// Closes the connection (under the lock): the server ends whatever
  /// transaction it held; the next statement outside a transaction opens
  /// another.
  private func discard() {
    if let connection { try? connection.close().wait() }
    connection = nil
    inTransaction = false
  }

  /// Takes `wallet`'s row lock with `sql` (`SQLDialect.lockWallet`) in the
  /// transaction begun; if the wallet exists, it is `lockedWallet` until the
  /// transaction ends.
  func lock(wallet: WalletID, with sql: String) throws {
    let found = !(try rows(sql, [.blob(wallet.bytes)]).isEmpty)
    lock.withLock { if found, inTransaction { held = wallet } }
  }

  var lockedWallet: WalletID? { lock.withLock { inTransaction ? held : nil } }

  /// How long a COMMIT may wait for its answer (PostgreSQL's own statement
  /// time limit is off for it, see `PostgresWriterPool`).
  static let commitDeadline = TimeAmount.seconds(30)

  /// Whether the connection is there to use (false after it was lost).
  var isOpen: Bool { lock.withLock { connection.map { !$0.isClosed } ?? false } }

  func close() {
    lock.withLock {
      try? connection?.close().wait()
      connection = nil
    }
  }
}

/// PostgreSQL's errors as the service knows them: a constraint violated is a
/// conflict (as on SQLite); anything else a storage failure, in one line that
/// names no value.
enum PostgresErrors {
  static func storeError(_ error: any Error, location: PostgresLocation) -> any Error {
    guard let error = error as? PSQLError else { return error }
    let sentence = PostgresFailure.sentence(for: error, location: location)
    if let state = error.serverInfo?[.sqlState], state.hasPrefix("23") {
      return WalletError.storage("constraint: \(sentence)")
    }
    return WalletError.storage(sentence)
  }
}
