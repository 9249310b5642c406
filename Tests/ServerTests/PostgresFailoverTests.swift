import Foundation
import Logging
import PSPConsent
import PSPWallet
import PostgresNIO
import Testing
import WalletClient

@testable import WalletServer

/// A primary and its standby of the test's own (`scripts/pg-cluster.sh`): the
/// primary in `a`, the standby `psp_standby` in `b`, streaming from it.
final class ReplicatedCluster: @unchecked Sendable {
  let directory = TestDirectory()
  var primaryDirectory: String { directory.path + "/a" }
  var standbyDirectory: String { directory.path + "/b" }
  let primary: PostgresLocation.Host
  let standby: PostgresLocation.Host

  /// `synchronous`: a commit on the primary is acknowledged once the standby has it on disk.
  init(synchronous: Bool) throws {
    try Self.run("start '\(directory.path)/a'" + (synchronous ? " --sync-standby" : ""))
    try Self.run("standby '\(directory.path)/b' '\(directory.path)/a'")
    primary = try Self.host(directory.path + "/a")
    standby = try Self.host(directory.path + "/b")
  }

  /// The primary dies as in a crash (`pg_ctl stop -m immediate`).
  func crashPrimary() throws {
    try Self.run("stop '\(primaryDirectory)'", environment: "PSP_PG_STOP_MODE=immediate")
  }
  /// `pg_ctl promote`; returns once the standby accepts writes.
  func promoteStandby() throws { try Self.run("promote '\(standbyDirectory)'") }
  /// The old primary started again as a primary, on its old timeline.
  /// The old primary started again as a primary that accepts writes at once
  /// (its synchronous standby dropped): the worst case for the fence.
  func restartOldPrimary() throws {
    try Self.run("start '\(primaryDirectory)' --no-sync-standby")
  }

  deinit {
    try? Self.run("stop '\(primaryDirectory)'", environment: "PSP_PG_STOP_MODE=immediate")
    try? Self.run("stop '\(standbyDirectory)'", environment: "PSP_PG_STOP_MODE=immediate")
  }

  /// walletd's location on `hosts`, in that order.
  func location(_ hosts: [PostgresLocation.Host]) throws -> String {
    "postgres://postgres@" + hosts.map(\.description).joined(separator: ",")
      + "/postgres?schema=walletd"
  }

  /// One host alone, to look at what it holds.
  func only(_ host: PostgresLocation.Host) throws -> PostgresLocation {
    guard case .postgres(let location) = try StoreLocation(parsing: try self.location([host]))
    else { throw PostgresTestDatabase.NotPostgres() }
    return location
  }

  /// Through the shell, as `PrivateCluster` does: `Process` waits for the server too.
  private static func run(_ arguments: String, environment: String = "") throws {
    let status = system(
      "\(environment) bash '\(PrivateCluster.script)' \(arguments) >/dev/null 2>&1")
    guard status == 0 else { throw SideDatabase.ToolFailed(tool: "pg-cluster.sh \(arguments)") }
  }

  private static func host(_ directory: String) throws -> PostgresLocation.Host {
    let text = try String(contentsOfFile: directory + "/port", encoding: .utf8)
    guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw SideDatabase.ToolFailed(tool: "pg-cluster.sh (no port)")
    }
    return PostgresLocation.Host(name: "127.0.0.1", port: port)
  }
}

/// What the clients were told: writes acknowledged, failed, and one-shot
/// procurations consumed.
final class FailoverTally: @unchecked Sendable {
  private let lock = NSLock()
  private var written: [(writer: Int, field: FieldID, value: FieldValue)] = []
  private var uses: [StatementID: Int] = [:]
  private var failures = 0
  private var afterPromotion = 0
  private var promoted: ContinuousClock.Instant?
  private var firstAfterPromotion: ContinuousClock.Instant?

  func wrote(_ writer: Int, _ field: FieldID, _ value: FieldValue) {
    lock.withLock {
      written.append((writer, field, value))
      countAfterPromotion()
    }
  }
  func consumed(_ procuration: StatementID) {
    lock.withLock {
      uses[procuration, default: 0] += 1
      countAfterPromotion()
    }
  }
  func fail() { lock.withLock { failures += 1 } }
  func markPromoted() { lock.withLock { promoted = .now } }
  /// Under the lock.
  private func countAfterPromotion() {
    guard promoted != nil else { return }
    afterPromotion += 1
    if firstAfterPromotion == nil { firstAfterPromotion = .now }
  }
  /// From the promotion to the first write acknowledged after it.
  var switchover: Duration? {
    lock.withLock { promoted.flatMap { start in firstAfterPromotion.map { $0 - start } } }
  }

  var acknowledged: Int { lock.withLock { written.count + uses.values.reduce(0, +) } }
  var acknowledgedAfterPromotion: Int { lock.withLock { afterPromotion } }
  var failed: Int { lock.withLock { failures } }
  var writes: [(writer: Int, field: FieldID, value: FieldValue)] { lock.withLock { written } }
  var consumptions: [StatementID: Int] { lock.withLock { uses } }
}

/// How walletd chooses among the hosts, without a server.
@Suite("PostgreSQL: choosing the primary")
struct PostgresPrimaryTests {
  /// The fence alone: a primary on a lower timeline than one already seen is
  /// refused, and so is a standby; the refusals name the host.
  @Test func theTimelineFenceRefusesAnOldPrimary() throws {
    guard
      case .postgres(let location) = try StoreLocation(
        parsing:
          "postgres://u:secret@127.0.0.1:1,127.0.0.1:2/d?schema=fence_\(UInt32.random(in: 0...UInt32.max))"
      )
    else { throw PostgresTestDatabase.NotPostgres() }
    let primary = PostgresPrimary.of(location)
    let (old, new) = (location.hosts[0], location.hosts[1])
    #expect(primary.admit(old, standby: false, timeline: 1) == nil)
    #expect(primary.admit(new, standby: true, timeline: 1) == "127.0.0.1:2 is a standby")
    #expect(primary.admit(new, standby: false, timeline: 2) == nil)
    #expect(primary.chosen == new)
    let refusal = try #require(primary.admit(old, standby: false, timeline: 1))
    #expect(refusal.contains("127.0.0.1:1 is on timeline 1, below timeline 2"))
    #expect(!refusal.contains("secret"))
    #expect(primary.chosen == new)
    // Another schema on the same hosts shares the fence.
    #expect(PostgresPrimary.of(try location.with(schema: "other")).chosen == new)
  }
}

@Suite(
  "walletd on PostgreSQL: failover to a standby",
  .enabled(if: PrivateCluster.available, "needs PostgreSQL 15's programs and PSP_TEST_DATABASE"),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct PostgresFailoverTests {
  /// Given the standby first, walletd skips it and writes to the primary.
  @Test func walletdWritesToThePrimaryWhenTheStandbyIsListedFirst() async throws {
    let cluster = try ReplicatedCluster(synchronous: false)
    let database = try cluster.location([cluster.standby, cluster.primary])
    let h = try await ServerHarness.start {
      $0.database = database
      $0.databaseConnections = 2
    }
    defer { Task { await h.stop() } }
    let rent = try #require(FieldCatalogue.standard["rent_amount"])
    try await h.citizen.set([("rent_amount", try rent.validate("910,00"))], at: h.now)
    #expect(try await h.citizen.history("rent_amount").count == 2)
    guard case .postgres(let location) = try StoreLocation(parsing: database) else { return }
    #expect(PostgresPrimary.of(location).chosen == cluster.primary)
    let onPrimary = try await Self.count("field_records", on: cluster.only(cluster.primary))
    #expect(onPrimary > 0)
  }

  /// The issue's test: a primary with a synchronous standby; walletd is given
  /// both; clients write under load; the primary dies (`-m immediate`) and the
  /// standby is promoted while they write. Every write walletd acknowledged is
  /// in the promoted database, no one-shot procuration is consumed twice, and
  /// the old primary, started again, is never written to (the timeline fence).
  @Test func noAcknowledgedWriteIsLostWhenTheStandbyIsPromoted() async throws {
    let cluster = try ReplicatedCluster(synchronous: true)
    let database = try cluster.location([cluster.primary, cluster.standby])
    let h = try await ServerHarness.start {
      $0.database = database
      $0.databaseConnections = 4
      // All 28 clients come from 127.0.0.1, and each loses its session at the
      // promotion (sessions are in unlogged tables, which a standby does not
      // hold): their 401s would use up one address's budget of 30 a minute.
      $0.authFailuresPerMinute = 1_000
    }
    defer { Task { await h.stop() } }
    let tally = FailoverTally()
    let stop = Flag()
    let now = h.now

    // 16 writers: four citizens, each on four fields of their own wallet.
    var opened: [CitizenClient] = []
    for _ in 0..<4 {
      let citizen = Identity(kind: .citizen)
      opened.append(
        try await CitizenClient.openWallet(
          h.transport(citizen),
          acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now)))
    }
    let writers = opened
    let fields: [FieldID] = [
      "rent_amount", "household_income", "monthly_expenses", "debts_arrears",
    ]
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    _ = try await h.paulsProcuration()  // Paul may learn Maria's key once he holds one.
    let ownerKey = try await trustee.ownerKey(wallet: h.citizen.walletID)
    let wallet = h.citizen.walletID
    let load = Task {
      await withTaskGroup(of: Void.self) { group in
        for (number, writer) in writers.enumerated() {
          for field in fields {
            group.addTask {
              var step = 0
              while !stop.isSet {
                step += 1
                guard let value = try? FieldCatalogue.standard[field]!.validate("\(100 + step),00")
                else { return }
                do {
                  try await writer.set([(field, value)], at: now)
                  tally.wrote(number, field, value)
                } catch {
                  // Not acknowledged (503 while no primary; an ambiguous commit is a 503 too).
                  tally.fail()
                  try? await Task.sleep(for: .milliseconds(50))
                }
              }
            }
          }
        }
        // Four more: Maria gives Paul one-shot procurations, which he uses twice at once.
        for _ in 0..<4 {
          group.addTask {
            while !stop.isSet {
              guard let procuration = try? await h.paulsProcuration() else {
                tally.fail()
                try? await Task.sleep(for: .milliseconds(50))
                continue
              }
              await withTaskGroup(of: Void.self) { pair in
                for _ in 0..<2 {
                  pair.addTask {
                    do {
                      _ = try await trustee.file(
                        wallet: wallet, ownerKey: ownerKey, procuration: procuration,
                        purpose: "aide-sociale", at: "office-social-redange", at: now)
                      tally.consumed(procuration.id)
                    } catch { tally.fail() }
                  }
                }
              }
            }
          }
        }
      }
    }

    // The primary dies once writes flow, and the standby is promoted.
    for _ in 0..<600 where tally.acknowledged < 40 { try await Task.sleep(for: .milliseconds(50)) }
    let beforeCrash = tally.acknowledged
    try cluster.crashPrimary()
    try await Task.sleep(for: .milliseconds(300))
    try cluster.promoteStandby()
    tally.markPromoted()
    // The load goes on until writes succeed on the promoted standby.
    for _ in 0..<1200 where tally.acknowledgedAfterPromotion < 40 {
      try await Task.sleep(for: .milliseconds(50))
    }
    stop.set()
    await load.value
    #expect(tally.acknowledgedAfterPromotion >= 40)

    // Every acknowledged write is in the promoted database (walletd now reads
    // nothing else: the old primary is down).
    var lost: [String] = []
    for (number, field, value) in tally.writes {
      let history = try await writers[number].history(field)
      if !history.contains(where: { $0.value == value }) {
        lost.append("\(number) \(field) \(value)")
      }
    }
    let log = try await h.citizen.log()
    var doubles = 0
    for (procuration, acknowledged) in tally.consumptions {
      let used = log.filter {
        $0.action == .procurationUsed && $0.outcome == .allowed && $0.procuration == procuration
      }.count
      if acknowledged > 1 || used > 1 { doubles += 1 }
      if used < acknowledged { lost.append("procuration \(procuration) used") }
    }
    let procurationsUsed = log.filter { $0.action == .procurationUsed && $0.outcome == .allowed }
    let usedTwice = Dictionary(grouping: procurationsUsed, by: { $0.procuration }).values
      .filter { $0.count > 1 }.count
    print(
      "failover: 1 cycle; acknowledged \(tally.acknowledged) (\(beforeCrash) before the crash, "
        + "\(tally.acknowledgedAfterPromotion) after the promotion), lost \(lost.count), "
        + "failed \(tally.failed), procurations consumed \(tally.consumptions.count), "
        + "double consumptions \(doubles + usedTwice); first write after the promotion in "
        + "\(tally.switchover.map { "\($0)" } ?? "-")")
    // The witnessed log goes on over the promoted database.
    #expect(h.daemon.service.witnessing.blocked == nil)
    #expect(try await h.citizen.verifyLog(since: nil).intact)
    #expect(lost.isEmpty, "\(lost.prefix(10))")
    #expect(doubles == 0)
    #expect(usedTwice == 0)

    // The fence: the old primary comes back as a primary, on its old timeline.
    // walletd's connections to the new primary are cut, so that each tries the
    // hosts again in order (the old primary first): none may use it.
    try cluster.restartOldPrimary()
    let oldPrimary = try cluster.only(cluster.primary)
    let newPrimary = try cluster.only(cluster.standby)
    let onOldBefore = try await Self.count("field_records", on: oldPrimary)
    #expect(
      try await Self.count("(SELECT 1 WHERE NOT pg_is_in_recovery()) AS p", on: oldPrimary) == 1)
    let fenceStart = ContinuousClock.now
    try await Self.cutWalletdConnections(on: newPrimary)
    let rent = try #require(FieldCatalogue.standard["rent_amount"])
    var written = false
    for _ in 0..<40 where !written {
      written =
        (try? await h.citizen.set([("rent_amount", try rent.validate("999,00"))], at: now)) != nil
      if !written { try await Task.sleep(for: .milliseconds(250)) }
    }
    #expect(written)
    print(
      "failover: fence: written to the new primary \(ContinuousClock.now - fenceStart) after the cut"
    )
    let last = try rent.validate("999,00")
    #expect(try await h.citizen.history("rent_amount").contains { $0.value == last })
    #expect(try await Self.count("field_records", on: oldPrimary) == onOldBefore)
    guard case .postgres(let location) = try StoreLocation(parsing: database) else { return }
    #expect(PostgresPrimary.of(location).chosen == cluster.standby)
    #expect(PostgresPrimary.of(location).fence >= 2)
    // The old primary is up, listed first, and answers as a primary: refused.
    let (connection, host) = try await PostgresPrimary.of(location).connect(
      logger: PostgresTestDatabase.logger)
    try await connection.close()
    #expect(host == cluster.standby)
  }

  private static func count(_ table: String, on location: PostgresLocation) async throws -> Int64 {
    try await PostgresTestDatabase.withConnection(location) { connection in
      let rows = try await connection.query(
        PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"),
        logger: PostgresTestDatabase.logger
      ).collect()
      return try #require(rows.first).decode(Int64.self)
    }
  }

  /// Ends every walletd session on the server but this one.
  private static func cutWalletdConnections(on location: PostgresLocation) async throws {
    try await PostgresTestDatabase.withConnection(location) { connection in
      _ = try await connection.query(
        """
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'walletd' AND pid <> pg_backend_pid()
        """, logger: PostgresTestDatabase.logger
      ).collect()
    }
  }
}

/// Set once, read from any task.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
