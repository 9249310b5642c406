import Foundation
import Logging
import PSPConsent
import PSPWallet
import Testing

@testable import WalletServer

/// `walletd migrate`: an embedded installation moved to PostgreSQL keeps its
/// data, its used statements and every wallet's witnessed log; a copy that
/// does not check out commits nothing.
@Suite(
  "walletd migrate", .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct MigrateTests {
  static let logger = Logger(label: "psp.test.migrate")

  /// A walletd on SQLite with witnesses, Maria's fields, a one-shot grant used.
  static func embedded() async throws -> (ServerHarness, Grant) {
    let h = try await ServerHarness.start(witnesses: 2) {
      $0.database = nil
      $0.databaseConnections = nil
    }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .oneShot, days: 5, at: h.now)
    _ = try await h.fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    return (h, grant)
  }

  @Test func theInstallationMovesWhole() async throws {
    let (h, grant) = try await Self.embedded()
    defer { Task { await h.stop() } }
    let before = try await h.citizen.verifyLog(since: nil)
    await h.daemon.stop()
    guard case .postgres(let target) = try StoreLocation(parsing: try TestStore.freshPostgres())
    else { return }
    let summary = try await StoreCopier.copy(
      from: h.directory.path + "/walletd.sqlite", to: target, logger: Self.logger)
    #expect(summary.wallets == 1)
    #expect(summary.logEntries == before.entries.count)
    // walletd on PostgreSQL, same key and witnesses: the log goes on, the use holds.
    h.configuration.database = target.description
    h.configuration.databaseConnections = 4
    try await h.restart()
    let after = try await h.citizen.verifyLog(since: before.checkpoint)
    #expect(after.intact)
    let code = await refusalCode {
      _ = try await h.fns.read(
        wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    }
    #expect(code == "already-used")
    let durable = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 5, at: h.now)
    let read = try await h.fns.read(
      wallet: h.citizen.walletID, grant: durable.id, purpose: "allocation-vie-chere")
    #expect(!read.values.isEmpty)
    // A second copy into the same schema is refused.
    await #expect(throws: StoreCopier.Failure.notEmpty) {
      _ = try await StoreCopier.copy(
        from: h.directory.path + "/walletd.sqlite", to: target, logger: Self.logger)
    }
  }

  /// An entry changed in the source: the copy is refused and nothing is left.
  @Test func aChangedLogIsNotCopied() async throws {
    let (h, _) = try await Self.embedded()
    defer { Task { await h.stop() } }
    await h.daemon.stop()
    let source = try SQLiteDatabase(path: h.directory.path + "/walletd.sqlite")
    try source.query(
      "UPDATE log_entries SET entry = ? WHERE idx = 0", [.blob(Array("forged".utf8))])
    guard case .postgres(let target) = try StoreLocation(parsing: try TestStore.freshPostgres())
    else { return }
    await #expect(throws: StoreCopier.Failure.logDamaged(1)) {
      _ = try await StoreCopier.copy(
        from: h.directory.path + "/walletd.sqlite", to: target, logger: Self.logger)
    }
    let left = try SideDatabase(h.configuration.with(database: target.description))
    #expect(try left.query("SELECT COUNT(*) FROM wallets").first?[0].integer == 0)
    #expect(try left.query("SELECT COUNT(*) FROM log_entries").first?[0].integer == 0)
  }
}

extension DaemonConfiguration {
  func with(database: String) -> DaemonConfiguration {
    var copy = self
    copy.database = database
    return copy
  }
}
