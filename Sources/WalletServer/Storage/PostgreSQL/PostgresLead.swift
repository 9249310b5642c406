import Foundation
import PSPWallet

/// Which walletd of a schema makes the witnessed log's epochs: the one that
/// holds a session advisory lock on the witnessing's own connection. The lock
/// goes with that connection: when it is made again (the server restarted, a
/// standby took over), the lock is taken again if it was held — and the
/// witnessing reads the whole log again, since another walletd may have led
/// meanwhile — and if another walletd took it, the statement that reconnected
/// fails, so that nothing is taken from the queue of appends without the lead.
/// The server notices a leader that went silent within about 10 s (TCP
/// keepalives on this connection) and frees the lock.
final class PostgresLead: LeadClaim, @unchecked Sendable {
  /// The advisory lock class of the lead (the key: the schema's name).
  static let lockClass: Int32 = 7472
  static let take = "SELECT pg_try_advisory_lock(\(lockClass), hashtext(current_schema()))"

  private let lock = NSLock()
  private var held = false
  private var regained = false
  private var connection: PostgresBlockingConnection?

  /// The connection the lock lives on (set once, before any statement runs).
  func use(_ connection: PostgresBlockingConnection) {
    lock.withLock { self.connection = connection }
  }

  func claim() throws -> Lead {
    guard let connection = lock.withLock({ connection }) else { return .following }
    if lock.withLock({ held }) {
      // A lost connection is made again here, and the lock with it, or not.
      if !connection.isOpen { try connection.rows("SELECT 1", []) }
      return lock.withLock {
        guard held else { return .following }
        defer { regained = false }
        return regained ? .regained : .leading
      }
    }
    let taken = try connection.rows(Self.take, []).first?[0] == .integer(1)
    lock.withLock { held = taken }
    return taken ? .leading : .following
  }

  /// Run on every new connection of the witnessing, before its first statement.
  func connected(_ run: (String) throws -> [[SQLValue]]) throws {
    // The whole log is read at start: no statement time limit on this connection.
    _ = try run("SET statement_timeout = 0")
    // A leader cut off holds the lock until the server sees its connection dead.
    _ = try run("SET tcp_keepalives_idle = 5")
    _ = try run("SET tcp_keepalives_interval = 2")
    _ = try run("SET tcp_keepalives_count = 3")
    guard lock.withLock({ held }) else { return }
    if try run(Self.take).first?[0] == .integer(1) {
      lock.withLock { regained = true }
      return
    }
    lock.withLock { held = false }
    throw WalletError.storage("another walletd makes the witnessed log's epochs now")
  }
}
