import Foundation
import PSPConsent
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// Three walletd on one PostgreSQL schema (issue 15): any of them serves any
/// request. Sessions opened on one are used on the others and each counter
/// once across all; a one-shot statement is used once however the attempts
/// are spread; a revocation through one is refused at once by the others; one
/// walletd makes the epochs and the others answer receipts from them; when it
/// stops, another takes the lead.
@Suite(
  "Several walletd on one database",
  .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct SeveralWalletdTests {
  /// The harness's walletd (it started first: it leads) and two more on its schema.
  static func three(witnesses: Int = 0) async throws -> (ServerHarness, [WalletDaemon]) {
    let database = try TestStore.freshPostgres()
    let h = try await ServerHarness.start(witnesses: witnesses) {
      $0.database = database
      $0.databaseConnections = 4
    }
    var others: [WalletDaemon] = []
    for _ in 0..<2 { others.append(try await h.another()) }
    return (h, others)
  }

  static func stop(_ h: ServerHarness, _ others: [WalletDaemon]) async {
    for daemon in others { await daemon.stop() }
    await h.stop()
  }

  /// One person's program through a balancer that sends each request to the
  /// next walletd: a session opened on one is used on the others, and every
  /// answer that carries a receipt verifies, whoever made the epoch.
  @Test func everyRequestMayGoToAnyWalletd() async throws {
    let (h, others) = try await Self.three()
    let balancer = try await RewritingProxy.start(upstreams: [h.url] + others.map(\.baseURL))
    defer {
      Task {
        await balancer.stop()
        await Self.stop(h, others)
      }
    }
    let maria = try await CitizenClient.connect(
      Transport(baseURL: balancer.url, identity: h.maria, trust: h.trust(h.maria)),
      wallet: h.citizen.walletID)
    let fns = AdministrationClient(
      transport: Transport(baseURL: balancer.url, identity: h.fnsID, trust: h.trust(h.fnsID)))
    let grant = try await maria.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    for _ in 0..<3 {
      let read = try await fns.read(
        wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      #expect(Set(read.values.map(\.field)) == Set(grant.fields))
    }
    let log = try await maria.log()
    #expect(log.filter { $0.action == .fieldsRead && $0.outcome == .allowed }.count == 3)
    #expect(balancer.served.allSatisfy { $0 >= 3 }, "\(balancer.served)")
  }

  /// A request replayed to another walletd is refused there; a session
  /// unknown to all is unknown everywhere.
  @Test func aCounterIsUsedOnceAcrossWalletd() async throws {
    let (h, others) = try await Self.three()
    defer { Task { await Self.stop(h, others) } }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    #expect(try await raw.request("GET", path, counter: 1).0 == 200)
    for other in others {
      let there = RawClient(
        url: other.baseURL, identity: h.maria, session: raw.session, key: raw.key)
      let (status, data) = try await there.request("GET", path, counter: 1)
      #expect(status == 401)
      #expect(RawClient.problem(data)?.detail.contains("replay") == true)
    }
    let second = RawClient(
      url: others[0].baseURL, identity: h.maria, session: raw.session, key: raw.key)
    #expect(try await second.request("GET", path, counter: 2).0 == 200)
    #expect(try await raw.request("GET", path, counter: 2).0 == 401)
    let stranger = RawClient(
      url: others[1].baseURL, identity: h.maria, session: "AAAAAAAAAAAAAAAAAAAAAA", key: raw.key)
    #expect(try await stranger.request("GET", path, counter: 1).0 == 401)
  }

  /// A session row edited in the database no longer opens: another caller's
  /// key put in, a later end, or another session's wrapped key moved in — the
  /// wrapped session key is bound to the row's id, keys and end.
  @Test func anEditedSessionRowOpensNothing() async throws {
    let (h, others) = try await Self.three()
    defer { Task { await Self.stop(h, others) } }
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    let database = try h.database()
    var sessions: [RawClient] = []
    for _ in 0..<4 { sessions.append(try await RawClient.open(h.url, identity: h.maria)) }
    try database.query(
      "UPDATE sessions SET signing_key = $1 WHERE id = $2",
      [.blob(h.paul.signingKey.publicKey.bytes), .text(sessions[0].session)])
    try database.query(
      "UPDATE sessions SET expires = expires + 86400 WHERE id = $1", [.text(sessions[1].session)])
    try database.query(
      "UPDATE sessions SET wrapped_key = (SELECT wrapped_key FROM sessions WHERE id = $1) WHERE id = $2",
      [.text(sessions[3].session), .text(sessions[2].session)])
    // Each read by a walletd that has not cached it yet.
    for (index, raw) in sessions.prefix(3).enumerated() {
      let there = RawClient(
        url: others[index % 2].baseURL, identity: h.maria, session: raw.session, key: raw.key)
      let (status, data) = try await there.request("GET", path, counter: 1)
      #expect(status == 401, "edit \(index)")
      #expect(RawClient.problem(data)?.detail.contains("unknown session") == true, "edit \(index)")
    }
    // The untouched one still opens, anywhere.
    let intact = RawClient(
      url: others[1].baseURL, identity: h.maria, session: sessions[3].session, key: sessions[3].key)
    #expect(try await intact.request("GET", path, counter: 1).0 == 200)
  }

  /// 64 trustees' programs race for one one-shot procuration, spread over the
  /// three walletd: exactly one filing, one use in the log.
  @Test func sixtyFourConsumersOverThreeWalletd() async throws {
    let (h, others) = try await Self.three()
    defer { Task { await Self.stop(h, others) } }
    let trustees = ([h.url] + others.map(\.baseURL)).map {
      TrusteeClient(
        transport: Transport(
          baseURL: $0, identity: h.paul, trust: h.trust(h.paul), timeout: ServerHarness.patience))
    }
    let outcomes = try await h.raceForOneShotProcuration(trustees, attempts: 64)
    #expect(outcomes.filter { $0 == "ok" }.count == 1)
    #expect(ServerHarness.losersRefused(outcomes), "\(Set(outcomes))")
    let log = try await h.citizen.log()
    #expect(log.filter { $0.action == .procurationUsed && $0.outcome == .allowed }.count == 1)
    #expect(try await h.citizen.filings().count == 1)
  }

  /// A grant read through one walletd (verified and cached there), revoked
  /// through another: the next read on the first is refused.
  @Test func aRevocationThroughOneIsRefusedAtOnceOnTheOthers() async throws {
    let (h, others) = try await Self.three()
    defer { Task { await Self.stop(h, others) } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    let fnsThere = AdministrationClient(
      transport: Transport(baseURL: others[0].baseURL, identity: h.fnsID, trust: h.trust(h.fnsID)))
    _ = try await fnsThere.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(others[0].service.verifiedGrants.grant(grant.id, token: grant.token) != nil)
    try await h.citizen.change(grant, .revoke, at: h.now)
    #expect(
      await refusalCode {
        _ = try await fnsThere.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      } == "revoked")
  }

  /// An administration registered through one walletd is served by the others
  /// within their registry's reading interval, and their verified grants are
  /// forgotten (to be verified again against the new registry).
  @Test func aRegistrationReachesTheOthers() async throws {
    let (h, others) = try await Self.three()
    defer { Task { await Self.stop(h, others) } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    _ = try await AdministrationClient(
      transport: Transport(baseURL: others[1].baseURL, identity: h.fnsID, trust: h.trust(h.fnsID))
    ).read(wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(others[1].service.verifiedGrants.count == 1)
    let wiltz = Identity(kind: .administration)
    let before = others[1].service.administrations().administrations.count
    try await OperatorClient(transport: h.transport(h.operatorIdentity)).register(
      certificate: h.certificate(
        wiltz, id: "office-social-wiltz", kind: .officeSocial, purposes: ["aide-sociale"]))
    let deadline = ContinuousClock.now + .seconds(10)
    while others[1].service.administrations().administrations.count == before,
      ContinuousClock.now < deadline
    {
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(others[1].service.administrations().administrations.count == before + 1)
    #expect(others[1].service.verifiedGrants.count == 0)
  }

  /// With two witnesses and writes going on through the leader (epochs one
  /// after another, the older notes dropped once both witnesses hold a later
  /// one): reads through the two followers, each waiting for its receipt,
  /// are all answered.
  @Test func followersKeepUpUnderLoad() async throws {
    let (h, others) = try await Self.three(witnesses: 2)
    defer { Task { await Self.stop(h, others) } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    let citizen = h.citizen!
    let now = h.now
    let writes = Task {
      var step = 0
      while !Task.isCancelled {
        step += 1
        let value = try FieldCatalogue.standard["rent_amount"]!.validate("\(800 + step),00")
        try await citizen.set([("rent_amount", value)], at: now)
      }
    }
    defer { writes.cancel() }
    var answered = 0
    for round in 0..<12 {
      let fns = AdministrationClient(
        transport: Transport(
          baseURL: others[round % 2].baseURL, identity: h.fnsID, trust: h.trust(h.fnsID)))
      let read = try await fns.read(
        wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      #expect(!read.receipt.isEmpty)
      answered += 1
    }
    writes.cancel()
    #expect(answered == 12)
    let epochs = try h.database().query("SELECT COUNT(*) FROM epochs").first?[0].integer ?? 0
    #expect(epochs > 12, "the writes made \(epochs) epochs")
  }

  /// The lead's connection is cut by the server (as a network failure would):
  /// the lock goes with it, a walletd takes the lead (the same one on a new
  /// connection, or another), reads the whole log again, and reads through
  /// every walletd still carry receipts that verify.
  @Test func theLeadSurvivesItsConnectionCut() async throws {
    let (h, others) = try await Self.three(witnesses: 2)
    defer { Task { await Self.stop(h, others) } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    let database = try h.database()
    // This schema's lead only (other tests' schemas have theirs).
    let lead = """
      FROM pg_locks WHERE locktype = 'advisory' AND classid = 7472 AND granted
      AND objid::bigint = (hashtext(current_schema())::bigint & 4294967295)
      """
    let leaders = try database.query("SELECT pid " + lead)
    #expect(leaders.count == 1)
    for cut in 0..<2 {
      _ = try database.query("SELECT pg_terminate_backend(pid) " + lead)
      for url in [h.url] + others.map(\.baseURL) {
        let fns = AdministrationClient(
          transport: Transport(baseURL: url, identity: h.fnsID, trust: h.trust(h.fnsID)))
        let read = try await fns.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
        #expect(Set(read.values.map(\.field)) == Set(grant.fields), "cut \(cut)")
      }
    }
    let after = try database.query("SELECT pid " + lead)
    #expect(after.count == 1)
    let log = try await h.citizen.log()
    #expect(log.filter { $0.action == .fieldsRead && $0.outcome == .allowed }.count == 6)
  }

  /// With two witnesses: the walletd that leads stops; another takes the lead,
  /// and writes through the last one still carry receipts that verify.
  @Test func anotherWalletdTakesTheLead() async throws {
    let (h, others) = try await Self.three(witnesses: 2)
    defer { Task { await Self.stop(h, others) } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    await h.daemon.stop()
    let fns = AdministrationClient(
      transport: Transport(baseURL: others[1].baseURL, identity: h.fnsID, trust: h.trust(h.fnsID)))
    for _ in 0..<3 {
      let read = try await fns.read(
        wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      #expect(Set(read.values.map(\.field)) == Set(grant.fields))
    }
    let maria = try await CitizenClient.connect(
      Transport(baseURL: others[0].baseURL, identity: h.maria, trust: h.trust(h.maria)),
      wallet: h.citizen.walletID)
    let log = try await maria.log()
    #expect(log.filter { $0.action == .fieldsRead && $0.outcome == .allowed }.count == 3)
  }
}
