import Foundation
import Logging
import PSPWallet
import PostgresNIO
import Synchronization

/// walletd's reads: a `PostgresClient` pool on the primary. A pool knows one
/// host only, so when the primary changes — another connection of this walletd
/// found a new one (`PostgresPrimary.chosen`), or a read failed for want of a
/// connection and the primary is found again — a new pool is made for the new
/// host and the old one is shut down (its reads in flight fail, once retried).
final class PostgresReadClient: @unchecked Sendable {
  private struct Pool {
    let host: PostgresLocation.Host
    let client: PostgresClient
    let task: Task<Void, Never>
  }

  private let location: PostgresLocation
  private let primary: PostgresPrimary
  private let connections: Int
  private let logger: Logger
  private let lock = NSLock()
  private var pool: Pool?
  /// Old pools' run tasks, cancelled, waited for on `stop()`.
  private var retired: [Task<Void, Never>] = []
  private var stopped = false
  /// What each connection has prepared, by its pool and its id in that pool
  /// (cleared when the pool is replaced, or grows past 4 per connection).
  private let statements = Mutex<[Lent: PostgresPrepared]>([:])

  /// A connection of one pool (ids start again in each pool).
  private struct Lent: Hashable {
    let pool: ObjectIdentifier
    let id: PostgresConnection.ID
  }

  init(location: PostgresLocation, connections: Int, logger: Logger) {
    self.location = location
    primary = PostgresPrimary.of(location)
    self.connections = connections
    self.logger = logger
  }

  /// How long a read waits before walletd looks whether its host is still the
  /// primary, and then between two looks.
  static let patience: Duration = .seconds(2)

  func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]] {
    let used = try current()
    do {
      // With one host there is nowhere else to go.
      if location.hosts.count == 1 { return try await rows(sql, parameters, on: used.client) }
      // A pool whose host died does not always fail its reads: some wait for a
      // connection (up to a minute), and some, seen in flight when the server
      // was killed, were never answered, even once the pool was shut down. So
      // a read that is slow is given up as soon as another host is the primary.
      return try await Self.first(
        { [self] in try await rows(sql, parameters, on: used.client) },
        unless: { [self] in try await movedAway(from: used.host) })
    } catch {
      guard Self.lostServer(error), !Task.isCancelled,
        (try? await primary.find(logger: logger)) != nil
      else { throw Self.named(error) }
      // The server answers again, but a pool that failed to connect while it
      // was away waits before it tries again (and refuses every read until
      // then): a new pool.
      if !(error is PSQLError) { renew(used) }
      // Only a read is sent again: a statement that writes (the shared
      // sessions' rows) may have been applied before the failure.
      guard Self.reads(sql) else { throw Self.named(error) }
      // The host failed, or is no longer the primary: read again once, on the
      // primary found now (perhaps the same host, back).
      do { return try await rows(sql, parameters, on: try current().client) } catch {
        throw Self.named(error)
      }
    }
  }

  /// Whether `sql` only reads (a SELECT, or a WITH that only selects).
  static func reads(_ sql: String) -> Bool {
    let text = sql.drop { $0.isWhitespace }.uppercased()
    guard text.hasPrefix("SELECT") || text.hasPrefix("WITH") else { return false }
    return !["INSERT ", "UPDATE ", "DELETE "].contains { text.contains($0) }
  }

  /// Returns once another host than `host` is the primary: chosen by another
  /// connection of this walletd, or found by a look every `patience`.
  private func movedAway(from host: PostgresLocation.Host) async throws {
    while true {
      try await Task.sleep(for: Self.patience)
      if let chosen = primary.chosen, chosen != host { return }
      if let found = try? await primary.find(logger: logger), found != host { return }
    }
  }

  /// PostgreSQL's and walletd's errors as they are; the pool's own (shut down,
  /// given up) and a read given up as a storage failure (503, not 400).
  private static func named(_ error: any Error) -> any Error {
    if error is PSQLError || error is WalletError || error is CancellationError { return error }
    return WalletError.storage("the connection to PostgreSQL was lost")
  }

  /// The host of a read given up was no longer the primary.
  struct Moved: Error {}

  /// `work`'s result, or `Moved` if `moved` returns first. Both run in tasks of
  /// their own, so that a read that never ends is left behind (cancelled)
  /// instead of waited for.
  private static func first<T: Sendable>(
    _ work: @escaping @Sendable () async throws -> T,
    unless moved: @escaping @Sendable () async throws -> Void
  ) async throws -> T {
    let outcome = Outcome<T>()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        outcome.start(continuation)
        outcome.add(
          Task {
            do { outcome.finish(.success(try await work())) } catch {
              outcome.finish(.failure(error))
            }
          })
        outcome.add(
          Task {
            do {
              try await moved()
              outcome.finish(.failure(Moved()))
            } catch {}
          })
      }
    } onCancel: {
      outcome.finish(.failure(CancellationError()))
    }
  }

  /// The one answer of `first`: the first to finish resumes, and cancels the rest.
  private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var tasks: [Task<Void, Never>] = []

    func start(_ continuation: CheckedContinuation<T, any Error>) {
      let done: Result<T, any Error>? = lock.withLock {
        if let early { return early }
        self.continuation = continuation
        return nil
      }
      if let done { continuation.resume(with: done) }
    }

    func add(_ task: Task<Void, Never>) {
      let cancel = lock.withLock {
        if early != nil { return true }
        tasks.append(task)
        return false
      }
      if cancel { task.cancel() }
    }

    func finish(_ result: Result<T, any Error>) {
      let (waiting, running): (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) =
        lock.withLock {
          if early != nil { return (nil, []) }
          early = result
          defer {
            continuation = nil
            tasks = []
          }
          return (continuation, tasks)
        }
      for task in running { task.cancel() }
      waiting?.resume(with: result)
    }
  }

  /// Fails unless the pool's host answers as a primary within the fence (see
  /// `PostgresPrimary`); when it is not one, the primary is found again for the
  /// next reads. Run by walletd's health check, it moves the reads off an old
  /// primary even when no read or write failed.
  func ping() async throws {
    let used = try current()
    let answer = try await Self.first(
      { [self] in try await rows(PostgresPrimary.probe, [], on: used.client) },
      unless: { [self] in try await movedAway(from: used.host) })
    let refusal: String?
    switch PostgresPrimary.role(answer) {
    case .primary(let timeline):
      refusal = primary.admit(used.host, standby: false, timeline: timeline)
    case .standby: refusal = "\(used.host) is a standby"
    case nil: refusal = "\(used.host) answered the probe wrongly"
    }
    if let refusal {
      _ = try? await primary.find(logger: logger)
      throw WalletError.storage(refusal)
    }
  }

  /// Shuts every pool down and waits for them.
  func stop() async {
    let tasks = lock.withLock {
      stopped = true
      let all = retired + (pool.map { [$0.task] } ?? [])
      pool = nil
      retired = []
      return all
    }
    for task in tasks {
      task.cancel()
      await task.value
    }
  }

  /// A new pool on `used`'s host in place of `used` (unless already replaced).
  private func renew(_ used: Pool) {
    lock.withLock {
      guard !stopped, let old = pool, old.client === used.client,
        (primary.chosen ?? location.hosts[0]) == old.host
      else { return }
      logger.notice("PostgreSQL reads take a new pool on \(old.host)")
      _ = replacePool(on: old.host)
    }
  }

  /// The pool on the host last chosen as primary (made now if it changed).
  private func current() throws -> Pool {
    return try lock.withLock {
      // Read under the lock: a host read before it could move the pool back.
      let host = primary.chosen ?? location.hosts[0]
      if stopped { throw WalletError.storage("walletd is stopping") }
      if let pool, pool.host == host { return pool }
      if pool != nil { logger.notice("PostgreSQL reads move to \(host)") }
      return replacePool(on: host)
    }
  }

  /// Under the lock: a new pool on `host`; the old one, if any, is shut down
  /// (waited for on `stop()`), and what its connections had prepared forgotten.
  private func replacePool(on host: PostgresLocation.Host) -> Pool {
    if let old = pool {
      old.task.cancel()
      retired.append(old.task)
    }
    statements.withLock { $0 = [:] }
    let made = makePool(host)
    pool = made
    return made
  }

  private func makePool(_ host: PostgresLocation.Host) -> Pool {
    var configuration = PostgresClient.Configuration(
      host: host.name, port: host.port, username: location.user, password: location.password,
      database: location.database, tls: .disable)
    configuration.options.additionalStartupParameters = PostgresConnect.startupParameters(
      for: location)
    configuration.options.maximumConnections = connections
    // The pool's own messages (every failed reconnection) only from warnings up.
    var background = logger
    background.logLevel = max(logger.logLevel, .warning)
    let client = PostgresClient(configuration: configuration, backgroundLogger: background)
    return Pool(host: host, client: client, task: Task { await client.run() })
  }

  /// `sql` on one connection of the pool, prepared there (`PostgresPrepared`).
  private func rows(_ sql: String, _ parameters: [SQLValue], on client: PostgresClient)
    async throws -> [[SQLValue]]
  {
    try await client.withConnection { connection in
      let lent = Lent(pool: ObjectIdentifier(client), id: connection.id)
      do {
        return try await rows(sql, parameters, on: connection, lent)
      } catch let error as PSQLError where error.serverInfo?[.sqlState] == "26000" {
        // A statement this connection was thought to have and has not (one
        // deallocated behind walletd's back): prepared again, once.
        statements.withLock { $0[lent] = nil }
        return try await rows(sql, parameters, on: connection, lent)
      }
    }
  }

  private func rows(
    _ sql: String, _ parameters: [SQLValue], on connection: PostgresConnection, _ lent: Lent
  ) async throws -> [[SQLValue]] {
    let plan = statements.withLock { $0[lent, default: PostgresPrepared()] }.plan(
      sql, parameters)
    if let prepare = plan?.prepare {
      _ = try await connection.query(PostgresQuery(unsafeSQL: prepare), logger: logger)
        .collect()
      statements.withLock { all in
        if all.count > 4 * connections { all = [:] }
        all[lent, default: PostgresPrepared()].prepared(plan!)
      }
    }
    var rows: [[SQLValue]] = []
    let query =
      plan.map { PostgresQuery(unsafeSQL: $0.execute) } ?? PostgresValues.query(sql, parameters)
    for try await row in try await connection.query(query, logger: logger) {
      rows.append(try PostgresValues.row(row))
    }
    return rows
  }

  /// A failure of the server or of the way to it, not of the statement: the
  /// connection was lost or refused, the pool was shut down, the server is
  /// shutting down or cannot take connections (57P01–57P03, class 08) or is
  /// read-only (25006, a standby).
  private static func lostServer(_ error: any Error) -> Bool {
    if error is CancellationError { return false }
    guard let error = error as? PSQLError else { return true }
    guard error.code == .server else { return true }
    let state = error.serverInfo?[.sqlState] ?? ""
    // 57P01–57P03: the server shuts down or cannot take connections; not 57014,
    // a statement cancelled (its time limit), which is the statement's own failure.
    return ["57P01", "57P02", "57P03", "25006"].contains(state) || state.hasPrefix("08")
  }
}
