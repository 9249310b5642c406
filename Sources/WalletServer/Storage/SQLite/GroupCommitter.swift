import Foundation
import PSPWallet

/// Every write of walletd goes through one thread that batches them: it takes
/// all the writes waiting, runs each in its own SAVEPOINT inside one IMMEDIATE
/// transaction, commits once (one fsync with `synchronous=FULL`, ≈ 0.4 ms here),
/// and only then answers each caller. A caller is therefore answered only once
/// what it wrote — a log entry above all — is durable, and N concurrent writes
/// cost one fsync instead of N. One write failing rolls back its own savepoint
/// only; the others commit.
///
/// Because all writes run on this one connection, one after another, a write
/// that checks then inserts (a one-shot consumption) cannot interleave with
/// another: exactly once holds under any concurrency.
public final class GroupCommitter: @unchecked Sendable {
  public typealias Operation = @Sendable (SQLiteDatabase.Transaction) throws -> any Sendable

  private struct Pending {
    let operation: Operation
    let continuation: CheckedContinuation<any Sendable, any Error>
  }

  private let database: SQLiteDatabase
  private let condition = NSCondition()
  private var queue: [Pending] = []
  private var stopped = false
  private var finished = false
  private var stopWaiters: [CheckedContinuation<Void, Never>] = []
  private var thread: Thread?
  private var committedBatches = 0
  private var committedWrites = 0
  /// Batches committed and writes in them, for metrics and benchmarks.
  public var batches: Int { condition.withLock { committedBatches } }
  public var writes: Int { condition.withLock { committedWrites } }
  public let maximumBatch: Int

  public init(database: SQLiteDatabase, maximumBatch: Int = 256) {
    self.database = database
    self.maximumBatch = maximumBatch
    // The thread keeps the committer alive until `stop()` lets it end.
    let thread = Thread { self.run() }
    thread.name = "walletd-group-commit"
    self.thread = thread
    thread.start()
  }

  /// Runs `operation` in the next batch; returns once the batch is committed.
  public func write<R: Sendable>(_ operation: @escaping @Sendable (SQLiteDatabase.Transaction) throws -> R)
    async throws -> R
  {
    let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
      condition.lock()
      if stopped {
        condition.unlock()
        continuation.resume(throwing: WalletError.storage("walletd is stopping"))
        return
      }
      queue.append(Pending(operation: { try operation($0) }, continuation: continuation))
      condition.signal()
      condition.unlock()
    }
    return result as! R
  }

  /// Finishes the writes already queued, stops the thread, and returns once
  /// it has ended.
  public func stop() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      condition.lock()
      stopped = true
      if finished {
        condition.unlock()
        continuation.resume()
        return
      }
      stopWaiters.append(continuation)
      condition.signal()
      condition.unlock()
    }
  }

  private func run() {
    while true {
      condition.lock()
      while queue.isEmpty && !stopped { condition.wait() }
      if queue.isEmpty && stopped {
        finished = true
        let waiters = stopWaiters
        stopWaiters = []
        condition.unlock()
        for waiter in waiters { waiter.resume() }
        return
      }
      let batch = Array(queue.prefix(maximumBatch))
      queue.removeFirst(batch.count)
      condition.unlock()
      commit(batch)
    }
  }

  private func commit(_ batch: [Pending]) {
    var results: [Result<any Sendable, any Error>] = []
    do {
      try database.transaction { (tx) throws(WalletError) in
        for (index, pending) in batch.enumerated() {
          let savepoint = "w\(index)"
          try tx.query("SAVEPOINT \(savepoint)")
          do {
            results.append(.success(try pending.operation(tx)))
            try tx.query("RELEASE \(savepoint)")
          } catch {
            results.append(.failure(error))
            try tx.query("ROLLBACK TO \(savepoint)")
            try tx.query("RELEASE \(savepoint)")
          }
        }
      }
      condition.withLock {
        committedBatches += 1
        committedWrites += batch.count
      }
      for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
    } catch {
      // The commit itself failed: nothing of the batch is durable.
      for pending in batch { pending.continuation.resume(throwing: error) }
    }
  }
}
