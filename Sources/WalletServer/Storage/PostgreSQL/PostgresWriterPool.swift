import Foundation
import Logging
import PSPWallet

/// walletd's writes on PostgreSQL: `count` threads, each with its own
/// connection. A thread takes the oldest write whose wallet no other thread
/// is writing, with every other write of that wallet queued behind it (at
/// most `maximumBatch`), and runs them in one transaction (READ COMMITTED):
/// one wallet lock and one COMMIT for them all, as SQLite's group commit does
/// for every write. If one of them fails, the transaction is rolled back, and
/// the writes before it run together again, it alone, the rest together: a
/// failure is only its own. Writes of other wallets run meanwhile on the
/// other threads; a write of no wallet (`nil`) runs alone. The wallet's
/// row lock still serialises the writes of one wallet across walletd, and
/// PostgreSQL groups the flushes of concurrent commits. A write returns once
/// its COMMIT is acknowledged: durable (and, with synchronous replication,
/// on the standby).
final class PostgresWriterPool: @unchecked Sendable {
  typealias Operation = @Sendable (any SQLExecuting) throws -> any Sendable

  private struct Pending {
    let wallet: WalletID?
    let operation: Operation
    let continuation: CheckedContinuation<any Sendable, any Error>
  }

  /// At most 64 writes a batch: a transaction holds its wallet's lock while
  /// they run, and a batch rolled back runs them all again.
  static let maximumBatch = 64
  /// Takes a wallet's row lock (`$1`: the wallet id).
  private let lockWallet: String

  private let condition = NSCondition()
  private var queue: [Pending] = []
  /// The wallets a thread is writing now.
  private var busy: Set<WalletID> = []
  private var stopped = false
  private var running: Int
  private var stopWaiters: [CheckedContinuation<Void, Never>] = []
  private var committed = (batches: 0, writes: 0)

  init(location: PostgresLocation, count: Int, lockWallet: String, logger: Logger) {
    running = count
    self.lockWallet = lockWallet
    for number in 0..<count {
      // The server ends a writer's statements within `statement_timeout`
      // (15 s): no answer after 45 s means a connection that is gone.
      let connection = PostgresBlockingConnection(
        location: location, logger: logger, deadline: .seconds(45))
      let thread = Thread { self.run(connection) }
      thread.name = "walletd-pg-writer-\(number)"
      thread.start()
    }
  }

  /// Transactions committed, and the writes that succeeded in them.
  var commits: (batches: Int, writes: Int) { condition.withLock { committed } }

  func write<R: Sendable>(
    wallet: WalletID?, _ operation: @escaping @Sendable (any SQLExecuting) throws -> R
  ) async throws -> R {
    let result = try await withCheckedThrowingContinuation {
      (continuation: CheckedContinuation<any Sendable, any Error>) in
      condition.lock()
      defer { condition.unlock() }
      if stopped {
        continuation.resume(throwing: WalletError.storage("walletd is stopping"))
        return
      }
      queue.append(
        Pending(wallet: wallet, operation: { try operation($0) }, continuation: continuation))
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
      var batch = nextBatch()
      while batch.isEmpty && !(stopped && queue.isEmpty) {
        condition.wait()
        batch = nextBatch()
      }
      if batch.isEmpty {
        running -= 1
        let waiters = running == 0 ? stopWaiters : []
        condition.unlock()
        connection.close()
        for waiter in waiters { waiter.resume() }
        return
      }
      condition.unlock()
      let results = transaction(batch, on: connection)
      condition.withLock {
        if let wallet = batch[0].wallet { busy.remove(wallet) }
        committed.batches += results.commits
        committed.writes += results.each.count { if case .success = $0 { true } else { false } }
        // Writes of that wallet may have queued meanwhile.
        condition.broadcast()
      }
      for (pending, result) in zip(batch, results.each) {
        pending.continuation.resume(with: result)
      }
    }
  }

  /// Under the lock: the oldest write whose wallet is free, and the writes of
  /// that wallet queued after it; the wallet is marked busy.
  private func nextBatch() -> [Pending] {
    guard let first = queue.firstIndex(where: { $0.wallet.map { !busy.contains($0) } ?? true })
    else { return [] }
    guard let wallet = queue[first].wallet else { return [queue.remove(at: first)] }
    var batch: [Pending] = []
    var rest: [Pending] = []
    rest.reserveCapacity(queue.count)
    for (index, pending) in queue.enumerated() {
      if index >= first, pending.wallet == wallet, batch.count < Self.maximumBatch {
        batch.append(pending)
      } else {
        rest.append(pending)
      }
    }
    queue = rest
    busy.insert(wallet)
    return batch
  }

  /// Runs the batch in one transaction. When one of its writes fails, the
  /// transaction is rolled back, and the writes before it run together again,
  /// it alone, and the writes after it together: a write's failure stays its
  /// own, and costs the others one run more. Returns the transactions
  /// committed and each write's outcome, in order.
  private func transaction(_ batch: [Pending], on connection: PostgresBlockingConnection)
    -> (commits: Int, each: [Result<any Sendable, any Error>])
  {
    if batch.count == 1 {
      let result = alone(batch[0], on: connection)
      if case .success = result { return (1, [result]) }
      return (0, [result])
    }
    switch together(batch, on: connection) {
    case .committed(let values): return (1, values.map { .success($0) })
    case .failed(let error): return (0, batch.map { _ in .failure(error) })
    case .failedAt(let index):
      let parts = [batch[..<index], batch[index...index], batch[(index + 1)...]]
      var commits = 0
      var each: [Result<any Sendable, any Error>] = []
      for part in parts where !part.isEmpty {
        let outcome = transaction(Array(part), on: connection)
        commits += outcome.commits
        each += outcome.each
      }
      return (commits, each)
    }
  }

  private enum Together {
    case committed([any Sendable])
    /// The batch failed as a whole (its lock, its connection, its COMMIT).
    case failed(any Error)
    /// The write at this index failed; the transaction was rolled back.
    case failedAt(Int)
  }

  /// The batch in one transaction, without savepoints (two statements fewer
  /// a write): the wallet's lock once, every write, one COMMIT. The writes
  /// are functions of the transaction and of values they were given, so a
  /// batch rolled back may run them again.
  private func together(_ batch: [Pending], on connection: PostgresBlockingConnection) -> Together {
    var values: [any Sendable] = []
    values.reserveCapacity(batch.count)
    do {
      try connection.rows("BEGIN", [])
      // If the wallet's lock cannot be had (lock_timeout), the batch fails at once.
      if let wallet = batch[0].wallet { try connection.lock(wallet: wallet, with: lockWallet) }
    } catch {
      rollBack(connection)
      return .failed(error)
    }
    for (index, pending) in batch.enumerated() {
      do { values.append(try pending.operation(connection)) } catch {
        guard connection.isOpen else {
          rollBack(connection)
          return .failed(
            WalletError.storage("the connection to PostgreSQL was lost in a transaction"))
        }
        rollBack(connection)
        return .failedAt(index)
      }
    }
    do { try commit(connection) } catch { return .failed(error) }
    return .committed(values)
  }

  /// One write in its own transaction.
  private func alone(_ pending: Pending, on connection: PostgresBlockingConnection)
    -> Result<any Sendable, any Error>
  {
    let value: any Sendable
    do {
      try connection.rows("BEGIN", [])
      if let wallet = pending.wallet { try connection.lock(wallet: wallet, with: lockWallet) }
      value = try pending.operation(connection)
    } catch {
      rollBack(connection)
      return .failure(error)
    }
    do { try commit(connection) } catch { return .failure(error) }
    return .success(value)
  }

  private func rollBack(_ connection: PostgresBlockingConnection) {
    if connection.isOpen { _ = try? connection.rows("ROLLBACK", []) }
  }

  /// Commits. A COMMIT whose answer was lost is `StoreError.ambiguousCommit`
  /// (it may or may not be stored: `PostgresBlockingConnection`); any other
  /// failure stored nothing.
  private func commit(_ connection: PostgresBlockingConnection) throws {
    do {
      // A statement timeout that fires while COMMIT waits for the synchronous
      // standby does not fail it: PostgreSQL warns and answers COMMIT for a
      // write the standby may not have. So COMMIT has no server time limit;
      // the connection's own deadline ends the wait instead, and the write is
      // answered as possibly stored.
      try connection.rows("SET LOCAL statement_timeout = 0", [])
    } catch {
      rollBack(connection)
      throw error
    }
    try connection.rows("COMMIT", [])
  }
}
