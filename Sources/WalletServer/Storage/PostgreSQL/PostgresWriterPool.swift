import Foundation
import Logging
import PSPWallet

/// walletd's writes on PostgreSQL: `count` threads, each with its own
/// connection, each running one write at a time in its own transaction
/// (READ COMMITTED; the wallet's row lock serialises the writes of one
/// wallet). PostgreSQL groups the flushes of concurrent commits itself.
/// A write returns once its COMMIT is acknowledged: durable (and, with
/// synchronous replication, on the standby).
final class PostgresWriterPool: @unchecked Sendable {
  typealias Operation = @Sendable (any SQLExecuting) throws -> any Sendable

  private struct Pending {
    let operation: Operation
    let continuation: CheckedContinuation<any Sendable, any Error>
  }

  private let condition = NSCondition()
  private var queue: [Pending] = []
  private var stopped = false
  private var running: Int
  private var stopWaiters: [CheckedContinuation<Void, Never>] = []
  private var committed = 0
  private let feed: AppendFeed

  init(location: PostgresLocation, count: Int, feed: AppendFeed, logger: Logger) {
    self.feed = feed
    running = count
    for number in 0..<count {
      let connection = PostgresBlockingConnection(location: location, logger: logger)
      let thread = Thread { self.run(connection) }
      thread.name = "walletd-pg-writer-\(number)"
      thread.start()
    }
  }

  /// Transactions committed (one write each).
  var commits: Int { condition.withLock { committed } }

  func write<R: Sendable>(_ operation: @escaping @Sendable (any SQLExecuting) throws -> R)
    async throws -> R
  {
    let result = try await withCheckedThrowingContinuation {
      (continuation: CheckedContinuation<any Sendable, any Error>) in
      condition.lock()
      defer { condition.unlock() }
      if stopped {
        continuation.resume(throwing: WalletError.storage("walletd is stopping"))
        return
      }
      queue.append(Pending(operation: { try operation($0) }, continuation: continuation))
      condition.signal()
    }
    guard let typed = result as? R else { throw WalletError.storage("a write answered wrongly") }
    return typed
  }

  /// Finishes the writes queued, ends every thread, and returns then.
  func stop() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      condition.lock()
      defer { condition.unlock() }
      stopped = true
      if running == 0 { return continuation.resume() }
      stopWaiters.append(continuation)
      condition.broadcast()
    }
  }

  private func run(_ connection: PostgresBlockingConnection) {
    while true {
      condition.lock()
      while queue.isEmpty && !stopped { condition.wait() }
      if queue.isEmpty {
        running -= 1
        let waiters = running == 0 ? stopWaiters : []
        condition.unlock()
        connection.close()
        for waiter in waiters { waiter.resume() }
        return
      }
      let pending = queue.removeFirst()
      condition.unlock()
      pending.continuation.resume(with: transaction(pending.operation, on: connection))
    }
  }

  private func transaction(_ operation: Operation, on connection: PostgresBlockingConnection)
    -> Result<any Sendable, any Error>
  {
    connection.forgetAppended()
    let result: any Sendable
    do {
      try connection.rows("BEGIN", [])
      result = try operation(connection)
    } catch {
      if connection.isOpen { _ = try? connection.rows("ROLLBACK", []) }
      return .failure(error)
    }
    do {
      try connection.rows("COMMIT", [])
    } catch {
      // Lost while committing: it may or may not be stored.
      if !connection.isOpen { return .failure(StoreError.ambiguousCommit) }
      return .failure(error)
    }
    feed.committed(connection.appendedRows)
    condition.withLock { committed += 1 }
    return .success(result)
  }
}
