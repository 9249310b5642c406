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
  /// Run on each new connection before its first statement; its error
  /// closes the connection and fails that statement.
  private let onConnect: (@Sendable (_ run: (String) throws -> [[SQLValue]]) throws -> Void)?
  /// Entries appended in the current transaction (`PostgresWriterPool`).
  private(set) var appendedRows: [StoredLogRow] = []

  init(
    location: PostgresLocation, logger: Logger,
    onConnect: (@Sendable (_ run: (String) throws -> [[SQLValue]]) throws -> Void)? = nil
  ) {
    self.location = location
    self.logger = logger
    self.onConnect = onConnect
  }

  private func open() throws -> PostgresConnection {
    if let connection, !connection.isClosed { return connection }
    if inTransaction {
      throw WalletError.storage("the connection to PostgreSQL was lost in a transaction")
    }
    let made = try PostgresConnection.connect(
      on: PostgresConnection.defaultEventLoopGroup.next(),
      configuration: PostgresConnect.configuration(for: location), id: .random(in: 1...Int.max),
      logger: logger
    ).wait()
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
    return made
  }

  @discardableResult
  func rows(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
    try lock.withLock {
      let ends = sql == "COMMIT" || sql == "ROLLBACK"
      if sql == "BEGIN" { inTransaction = false }
      defer { if ends { inTransaction = false } }
      do {
        let result = try open().query(PostgresValues.query(sql, parameters), logger: logger).wait()
        if sql == "BEGIN" { inTransaction = true }
        if sql == "COMMIT", result.metadata.command != "COMMIT" {
          throw WalletError.storage("the transaction failed and was rolled back")
        }
        return try result.rows.map(PostgresValues.row)
      } catch let error as WalletError {
        throw error
      } catch let error as PSQLError where sql == "COMMIT" && error.code != .server {
        // Sent, and the connection failed before the answer: it may have committed.
        throw StoreError.ambiguousCommit
      } catch {
        throw PostgresErrors.storeError(error, location: location)
      }
    }
  }

  func appended(_ row: StoredLogRow) { appendedRows.append(row) }
  func forgetAppended() { appendedRows = [] }

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
