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
  /// One walletd per schema for now: a second one is refused at start, with
  /// the reason, and the first one goes on serving.
  @Test func aSecondWalletdOnTheSameSchemaIsRefused() async throws {
    var configuration = DaemonConfiguration()
    let directory = TestDirectory()
    configuration.dataDir = directory.path
    configuration.listen = "127.0.0.1:0"
    configuration.database = try TestStore.freshPostgres()
    configuration.databaseConnections = 2
    let first = try await WalletDaemon.start(configuration)
    defer { Task { await first.stop() } }
    await #expect(throws: APIError.self) { _ = try await WalletDaemon.start(configuration) }
    do { _ = try await WalletDaemon.start(configuration) } catch {
      #expect("\(error)".contains("another walletd serves the schema"))
    }
    let (_, response) = try await URLSession.shared.data(
      from: URL(string: first.baseURL + "/readyz")!)
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
  }

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
    _ = try await store.write { tx in
      try tx.append(entry(), to: tx.createWallet(wallet, envelopes: [], keyStatements: []))
    }
    await #expect(throws: (any Error).self) {
      try await store.write { tx in
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
      index = try? await store.write { tx in try tx.append(entry(), to: tx.lock(wallet.id)) }
    }
    #expect(index == 1)
    await store.stop()
  }
}
