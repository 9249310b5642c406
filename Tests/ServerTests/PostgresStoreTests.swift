import Foundation
import Logging
import PSPConsent
import PSPWallet
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
import Testing

@testable import WalletServer

/// walletd on PostgreSQL: what the other suites do not show (they run on it
/// in `./run test`'s second pass).
@Suite(
  "walletd on PostgreSQL",
  .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct PostgresStoreTests {
  /// A server that does not answer: walletd does not start, and says where it looked.
  @Test func anUnreachableServerIsNamed() async throws {
    var configuration = DaemonConfiguration()
    let directory = TestDirectory()
    configuration.dataDir = directory.path
    configuration.listen = "127.0.0.1:0"
    configuration.database = "postgres://psp@127.0.0.1:1/psp"
    do {
      _ = try await WalletDaemon.start(configuration)
      Issue.record("walletd started without its database")
    } catch {
      #expect("\(error)".contains("cannot reach PostgreSQL at 127.0.0.1:1"))
    }
  }
}

@Suite("walletd's database settings")
struct DatabaseSettingsTests {
  @Test func connectionsAreBounded() throws {
    var configuration = DaemonConfiguration()
    #expect(try configuration.connectionCount() == 16)
    for wrong in [0, -1, 257] {
      configuration.databaseConnections = wrong
      #expect(throws: APIError.self) { try configuration.connectionCount() }
    }
    configuration.apply(environment: ["PSP_DATABASE_CONNECTIONS": "many"])
    #expect(throws: APIError.self) { try configuration.connectionCount() }
  }

  @Test func theLocationComesFromTheSettings() throws {
    var configuration = DaemonConfiguration()
    configuration.dataDir = "/d"
    #expect(try configuration.storeLocation(environment: [:]) == .sqlite(directory: "/d"))
    configuration.apply(environment: ["PSP_DATABASE": "postgres://u@h/db?schema=s"])
    guard
      case .postgres(let location) = try configuration.storeLocation(
        environment: ["PSP_DATABASE_PASSWORD": "secret"])
    else {
      Issue.record("not PostgreSQL")
      return
    }
    #expect(location.password == "secret" && location.schema == "s")
    #expect(!location.description.contains("secret"))
    configuration.database = "mysql://u@h/db"
    #expect(throws: APIError.self) { try configuration.storeLocation(environment: [:]) }
  }
}

/// A writer whose connection is cut in the middle of a transaction: the rest
/// of the write fails (it never goes on, unlocked, on a new connection), the
/// log holds nothing of it, and the next write reconnects.
@Suite(
  "walletd on PostgreSQL: a connection lost in a transaction",
  .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct PostgresLostConnectionTests {
  @Test func theRestOfTheWriteFailsAndNothingIsLogged() async throws {
    guard case .postgres(let location) = try StoreLocation(parsing: try TestStore.freshPostgres())
    else { return }
    let logger = Logger(label: "psp.test.lost")
    let store = try await SQLServerStore.postgres(
      location: location, connections: 1, logger: logger)
    let side = PostgresBlockingConnection(location: location, logger: logger)
    defer { side.close() }
    let wallet = WalletRecord(
      id: WalletID(), ownerSigningKey: "k4.public.x", ownerEncryptionKey: [1],
      consentReceipt: "r", createdAt: 1)
    @Sendable func entry() -> AccessLogEntry {
      AccessLogEntry(
        at: 1, wallet: wallet.id, actor: "k4.pid.x", role: .citizen, action: .walletOpened)
    }
    _ = try await store.write(wallet: wallet.id) { tx in
      try tx.append(entry(), to: tx.createWallet(wallet, envelopes: [], keyStatements: []))
    }
    await #expect(throws: (any Error).self) {
      try await store.write(wallet: wallet.id) { tx in
        let locked = try tx.lock(wallet.id)
        let own = try #require(tx as? SQLTransaction).sql
        let pid = try own.rows("SELECT pg_backend_pid()", [])
        try side.rows("SELECT pg_terminate_backend($1::int)", [pid[0][0]])
        Thread.sleep(forTimeInterval: 0.3)
        return try tx.append(entry(), to: locked)
      }
    }
    #expect(try await store.logPage(wallet: wallet.id, start: 0, limit: 10).size == 1)
    var index: Int? = nil
    for _ in 0..<5 where index == nil {
      index = try? await store.write(wallet: wallet.id) { tx in
        try tx.append(entry(), to: tx.lock(wallet.id))
      }
    }
    #expect(index == 1)
    await store.stop()
  }

  /// A transaction whose end never came (its COMMIT or ROLLBACK not sent, or
  /// failed) is dropped with its connection at the next BEGIN: the next
  /// transaction's COMMIT does not commit it.
  @Test func aTransactionNeverEndedIsNotCommittedByTheNext() async throws {
    guard case .postgres(let location) = try StoreLocation(parsing: try TestStore.freshPostgres())
    else { return }
    let logger = Logger(label: "psp.test.unended")
    let store = try await SQLServerStore.postgres(
      location: location, connections: 1, logger: logger)
    await store.stop()  // the schema made; the rest goes through one connection
    let connection = PostgresBlockingConnection(location: location, logger: logger)
    defer { connection.close() }
    try connection.rows("CREATE TABLE unended (n BIGINT)", [])
    try connection.rows("BEGIN", [])
    try connection.rows("INSERT INTO unended (n) VALUES ($1)", [.integer(1)])
    // No COMMIT, no ROLLBACK: the next transaction begins.
    try connection.rows("BEGIN", [])
    try connection.rows("INSERT INTO unended (n) VALUES ($1)", [.integer(2)])
    try connection.rows("COMMIT", [])
    let rows = try connection.rows("SELECT n FROM unended ORDER BY n", [])
    #expect(rows.map { $0[0].integer } == [2])
  }
}

/// One wallet's writes queued together run in one transaction; one that fails
/// leaves the others (the batch runs again, a write at a time), and the log
/// has no gap and no entry twice.
@Suite(
  "walletd on PostgreSQL: one wallet's writes batched",
  .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct PostgresWalletBatchTests {
  struct Refused: Error {}

  @Test func aFailingWriteInABatchLeavesTheOthers() async throws {
    guard case .postgres(let location) = try StoreLocation(parsing: try TestStore.freshPostgres())
    else { return }
    let store = try await SQLServerStore.postgres(
      location: location, connections: 4, logger: Logger(label: "psp.test.batch"))
    let (wallet, other) = (WalletID(), WalletID())
    @Sendable func entry(_ id: WalletID) -> AccessLogEntry {
      AccessLogEntry(at: 1, wallet: id, actor: "k4.pid.x", role: .citizen, action: .walletOpened)
    }
    for id in [wallet, other] {
      let record = WalletRecord(
        id: id, ownerSigningKey: "k4.public.x", ownerEncryptionKey: [1], consentReceipt: "r",
        createdAt: 1)
      _ = try await store.write(wallet: id) { tx in
        try tx.append(entry(id), to: tx.createWallet(record, envelopes: [], keyStatements: []))
      }
    }
    let before = store.writeCounts
    // 64 writes at once: every fourth appends, then fails; the other wallet's in between.
    let outcomes = await withTaskGroup(of: (Int, Int?).self) { group in
      for number in 0..<64 {
        let id = number % 8 == 7 ? other : wallet
        group.addTask {
          let index = try? await store.write(wallet: id) { tx -> Int in
            let index = try tx.append(entry(id), to: tx.lock(id))
            if number % 4 == 1 { throw Refused() }
            return index
          }
          return (number, index)
        }
      }
      var all: [(Int, Int?)] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    let written = outcomes.filter { $0.1 != nil }
    #expect(written.count == 48)
    #expect(outcomes.allSatisfy { ($0.0 % 4 == 1) == ($0.1 == nil) })
    let mine = written.filter { $0.0 % 8 != 7 }.compactMap(\.1).sorted()
    let others = written.filter { $0.0 % 8 == 7 }.compactMap(\.1).sorted()
    #expect(mine == Array(1...mine.count), "no gap and no index twice")
    #expect(others == Array(1...others.count))
    #expect(try await store.logPage(wallet: wallet, start: 0, limit: 100).size == mine.count + 1)
    #expect(try await store.logPage(wallet: other, start: 0, limit: 100).size == 9)
    let after = store.writeCounts
    #expect(after.writes - before.writes == 48)
    // 64 writes of one wallet at once, none failing: they share COMMITs.
    let succeeded = await withTaskGroup(of: Int?.self) { group in
      for _ in 0..<64 {
        group.addTask {
          try? await store.write(wallet: wallet) { tx in
            try tx.append(entry(wallet), to: tx.lock(wallet))
          }
        }
      }
      var all: [Int] = []
      for await index in group { if let index { all.append(index) } }
      return all
    }
    #expect(succeeded.sorted() == Array((mine.count + 1)...(mine.count + 64)))
    let last = store.writeCounts
    #expect(last.writes - after.writes == 64)
    #expect(last.batches - after.batches < 64, "some writes shared a COMMIT")
    await store.stop()
  }
}
