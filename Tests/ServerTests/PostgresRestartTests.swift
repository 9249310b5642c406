import Foundation
import PSPConsent
import PSPWallet
import Testing
import WalletClient

@testable import WalletServer

/// A PostgreSQL cluster of the test's own (`scripts/pg-cluster.sh`), so that it
/// can be stopped and started again without disturbing the other tests.
final class PrivateCluster: @unchecked Sendable {
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts/pg-cluster.sh").path
  static var available: Bool {
    PostgresTestDatabase.isAvailable
      && FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/initdb")
  }

  let directory = TestDirectory()
  private(set) var url = ""

  /// Starts the cluster (made on first start) and learns its URL.
  func start() throws {
    try Self.run("start", directory.path + "/pg")
    let port = try String(contentsOfFile: directory.path + "/pg/port", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    url = "postgres://postgres@127.0.0.1:\(port)/postgres"
  }
  func stop() throws { try Self.run("stop", directory.path + "/pg") }
  deinit { try? Self.run("stop", directory.path + "/pg") }

  /// Through the shell, not `Process`: the server the script starts outlives
  /// it, and `Process` then waits for the server too.
  static func run(_ command: String, _ directory: String) throws {
    let status = system("bash '\(script)' \(command) '\(directory)' >/dev/null 2>&1")
    guard status == 0 else { throw SideDatabase.ToolFailed(tool: "pg-cluster.sh \(command)") }
  }
}

@Suite(
  "walletd on PostgreSQL: the server restarts",
  .enabled(if: PrivateCluster.available, "needs PostgreSQL 15's programs and PSP_TEST_DATABASE"),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct PostgresRestartTests {
  /// The server stops (every connection cut) and comes back: walletd's writes
  /// fail meanwhile, then go on; nothing acknowledged is lost, the witnessed
  /// log goes on (receipts are made again), and walletd is not blocked.
  @Test func walletdGoesOnWhenTheServerComesBack() async throws {
    let cluster = PrivateCluster()
    try cluster.start()
    let h = try await ServerHarness.start(witnesses: 2) {
      $0.database = cluster.url + "?schema=walletd"
      $0.databaseConnections = 2
    }
    defer { Task { await h.stop() } }
    let rent = try #require(FieldCatalogue.standard["rent_amount"])
    try await h.citizen.set([("rent_amount", try rent.validate("900,00"))], at: h.now)
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 5, at: h.now)
    _ = try await h.fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    let before = try await h.citizen.verifyLog(since: nil)

    try cluster.stop()
    await #expect(throws: (any Error).self) {
      try await h.citizen.set([("rent_amount", try rent.validate("910,00"))], at: h.now)
    }
    try cluster.start()
    var written = false
    for _ in 0..<40 where !written {
      written =
        (try? await h.citizen.set([("rent_amount", try rent.validate("920,00"))], at: h.now)) != nil
      if !written { try await Task.sleep(for: .milliseconds(250)) }
    }
    #expect(written)
    let read = try await h.fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(!read.values.isEmpty)
    #expect(h.daemon.service.witnessing.blocked == nil)
    let after = try await h.citizen.verifyLog(since: before.checkpoint)
    #expect(after.intact)
    let history = try await h.citizen.history("rent_amount").map(\.record.version)
    #expect(history.contains(2) && history.contains(3))
  }

  /// Requests answered 503 while the server is away are walletd's failures,
  /// not their callers': afterwards a new caller from the same address opens
  /// a session (no 429), however many requests failed meanwhile.
  @Test func anOutageDoesNotThrottleTheCallers() async throws {
    let cluster = PrivateCluster()
    try cluster.start()
    let h = try await ServerHarness.start {
      $0.database = cluster.url + "?schema=walletd"
      $0.databaseConnections = 2
      $0.authFailuresPerMinute = 3
    }
    defer { Task { await h.stop() } }
    try cluster.stop()
    var failed = 0
    for _ in 0..<6 where (try? await h.citizen.fields()) == nil { failed += 1 }
    #expect(failed == 6)
    try cluster.start()
    var opened: CitizenClient? = nil
    var refusal = ""
    for _ in 0..<40 where opened == nil {
      do {
        opened = try await CitizenClient.openWallet(
          h.transport(Identity(kind: .citizen)),
          acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: h.now))
      } catch {
        refusal = "\(error)"
        if refusal.contains("429") { break }
        try await Task.sleep(for: .milliseconds(250))
      }
    }
    #expect(opened != nil, "\(refusal)")
  }
}
