import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet
import Testing
import WalletAPI
import WalletClient
import WalletServer
import WitnessServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Findings of an attacker's review of the witnessed log (issue 17), each
/// reproduced and now refused: a witness crashed by a size that overflows, a
/// one-shot procuration revived through a grant, a second read of a one-shot
/// grant logged under another role, walletd blocked by a bare 409, and a head
/// proof made while an epoch is stored.
@Suite("Witnessed log: review findings")
struct WitnessReviewTests {
  // MARK: 1. Anyone crashes a witness (unauthenticated)

  /// `AddEpochRequest.init` checks `checkpoint.size == oldSize + 1`; `oldSize`
  /// comes straight from the body ("old 9223372036854775807" is a valid
  /// decimal) and the witness parses before it checks any signature: the
  /// addition traps and the whole psp-witness process dies. The checkpoint
  /// here is signed by a key nobody trusts.
  @Test func aSizeThatWouldOverflowIsRefusedAndTheWitnessLives() async throws {
    let directory = TestDirectory()
    let logSigner = try Ed25519NoteSigner(name: "walletd.example.lu/log", key: SigningKey())
    let witness = try await WitnessDaemon.start(
      WitnessConfiguration(
        dataDir: directory.path + "/w", listen: "127.0.0.1:0", name: "w.example.lu/witness",
        logs: ["walletd.example.lu/log=" + logSigner.verifier.vkey]))
    defer { Task { await witness.stop() } }
    let body = try Self.addEpochBody(old: Int.max)
    var post = URLRequest(url: URL(string: witness.baseURL + "/psp-v1/add-epoch")!)
    post.httpMethod = "POST"
    post.httpBody = Data(body)
    let (_, response) = try await URLSession.shared.data(for: post)
    #expect((response as? HTTPURLResponse)?.statusCode == 400)
    // Still alive: a second request is answered.
    let (_, again) = try await URLSession.shared.data(for: post)
    #expect((again as? HTTPURLResponse)?.statusCode == 400)
  }

  /// An add-epoch body whose checkpoint (size 1) follows `old`, signed by a key no witness trusts.
  static func addEpochBody(old: Int) throws -> [UInt8] {
    let stranger = try Ed25519NoteSigner(name: "stranger.example/key", key: SigningKey())
    let checkpoint = try TlogCheckpoint(
      origin: "walletd.example.lu/log", size: 1, rootHash: [UInt8](repeating: 7, count: 32))
    return Array("psp-v1/add-epoch\nupdates 0\nold \(old)\n\n".utf8)
      + (try stranger.sign(checkpoint.text)).serialized()
  }

  /// The parser alone, no server: an old size that would overflow `old + 1`
  /// (it trapped), and its neighbours, are clean refusals.
  @Test(arguments: [Int.max, Int.max - 1, 2])
  func theParserRefusesAnOldSizeThatDoesNotPrecedeTheCheckpoint(old: Int) throws {
    let body = try Self.addEpochBody(old: old)
    #expect(throws: TransparencyError.self) { _ = try AddEpochRequest.parse(body) }
  }

  // MARK: 2. A one-shot procuration used by a grant: revived, and unflagged

  /// A one-shot procuration with `grant` (valid: one purpose, one
  /// administration, short). `issueGrant` consumes it in `consumptions` but
  /// logs only `grant-issued`: `LogFacts.learn` ignores that action and
  /// `LogReader` counts only `procuration-used`. Deleting the consumption row
  /// (the very attack the suite says "revives nothing") lets Paul use it again
  /// on the honest walletd, and Maria's verified log does not flag it.
  @Test func aOneShotProcurationUsedByAGrantIsNotRevived() async throws {
    let h = try await ServerHarness.start(witnesses: 2)
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    let procuration = try await h.citizen.procuration(
      to: h.paul.publicIdentity, kind: .oneShot, purposes: ["aide-sociale"],
      administration: "office-social-redange", circle: nil, actions: [.grant], days: 7, at: h.now)
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    let ownerKey = try await trustee.ownerKey(wallet: wallet)
    func grant() async -> String? {
      await refusalCode {
        _ = try await trustee.grant(
          wallet: wallet, ownerKey: ownerKey, procuration: procuration, to: "office-social-redange",
          purpose: "aide-sociale", kind: .oneShot, days: 5, at: h.now)
      }
    }
    #expect(await grant() == nil)
    // Honest: a second use is refused while the row is there.
    #expect(await grant() != nil)
    try h.database().query(
      "DELETE FROM consumptions WHERE statement = ?", [.text(procuration.id.rawValue)])
    // walletd, still running, refuses: its log holds the use.
    #expect(await grant() == "procuration-used")
    try await h.restart {
      try h.database().query(
        "DELETE FROM consumptions WHERE statement = ?", [.text(procuration.id.rawValue)])
    }
    #expect(await grant() == "procuration-used")
    // Maria's verified log holds one allowed grant under it, and its use.
    let log = try await h.citizen.verifyLog(since: nil)
    #expect(log.intact)
    let uses = log.entries.filter {
      $0.action == .grantIssued && $0.procuration == procuration.id && $0.outcome == .allowed
    }
    #expect(uses.count == 1)
    #expect(
      log.entries.contains { $0.action == .procurationUsed && $0.procuration == procuration.id })
    #expect(!log.usedMoreThanOnce.contains(procuration.id))
  }

  // MARK: 3. A one-shot grant read twice; the second read logged as role "citizen"

  /// The administration's receipt predicate checks action, actor, grant,
  /// purpose and fields, not `role`; `LogReader` counts a grant's use only
  /// when `role == .administration`. A hostile walletd serves a second read of
  /// a one-shot grant and logs it with `role: citizen`: the office's client
  /// opens the data, Maria's verified log shows two reads and flags nothing.
  @Test func aSecondReadLoggedUnderAnotherRoleIsRefusedAndFlagged() async throws {
    let h = try await ServerHarness.start(witnesses: 2)
    let proxy = try await RewritingProxy.start(upstream: h.url)
    defer {
      Task {
        await proxy.stop()
        await h.stop()
      }
    }
    let wallet = h.citizen.walletID
    let grant = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", kind: .oneShot, days: 5, at: h.now)
    let office = AdministrationClient(
      transport: Transport(baseURL: proxy.url, identity: h.officeID, trust: h.trust(h.officeID)))
    let first = try await office.read(wallet: wallet, grant: grant.id, purpose: "aide-sociale")
    #expect(!first.values.isEmpty)
    let answer = try #require(proxy.lastAnswer("POST", "/v1/reads"))
    let served = try JSONDecoder().decode(ReadResponseBody.self, from: Data(answer.body))

    // The operator's walletd logs the second read, as the citizen's role.
    let db = try h.database()
    let next = try #require(
      try db.query(
        "SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entries WHERE wallet = ?", [.blob(wallet.bytes)]
      )
      .first?[0].integer)
    let entry = AccessLogEntry(
      at: h.now, wallet: wallet, actor: h.officeID.publicIdentity.keyID, role: .citizen,
      action: .fieldsRead,
      purpose: "aide-sociale", fields: first.values.map(\.field), grant: grant.id)
    let bytes = entry.canonicalBytes()
    try db.query(
      "INSERT INTO log_entries (wallet, idx, entry, leaf) VALUES (?, ?, ?, ?)",
      [.blob(wallet.bytes), .integer(next), .blob(bytes), .blob(MerkleTree.leafHash(bytes))])
    // On PostgreSQL walletd learns new entries from its own commits: the
    // operator's walletd restarts to take in the one inserted behind it.
    if TestStore.onPostgres { try await h.restart() }
    h.daemon.service.witnessing.poke()
    let receipt = try await h.daemon.service.witnessing.receipt(wallet: wallet, index: Int(next))

    // ... and serves the first answer again with that receipt.
    let forged = ReadResponseBody(
      grant: served.grant, records: served.records, keys: served.keys, manifest: served.manifest,
      consentReceipt: served.consentReceipt, procurations: served.procurations, receipt: receipt)
    let encoded = try JSONEncoder().encode(forged)
    proxy.rewrite("POST", "/v1/reads") { _ in .init(status: 200, body: Array(encoded)) }
    // The office's client refuses: the entry is not its read as an administration.
    await #expect(throws: ClientError.forged(.receiptInvalid("its entry is not this access"))) {
      _ = try await office.read(wallet: wallet, grant: grant.id, purpose: "aide-sociale")
    }
    #expect(proxy.rewritten >= 1)
    // Maria's verified log shows both reads and flags the grant as used twice.
    let log = try await h.citizen.verifyLog(since: nil)
    #expect(log.intact)
    #expect(log.usedMoreThanOnce.contains(grant.id))
  }

  // MARK: 4. One unauthenticated 409 blocks walletd for good

  /// walletd believes a witness's "409 Conflict" body (`LogWitnessing.size`)
  /// with no proof: one witness it does not even need for the quorum (or
  /// anyone on the path to it, the URLs are http) answers "999999" and walletd
  /// refuses every write until an operator steps in.
  @Test func aBareConflictFromAWitnessDoesNotBlockWalletd() async throws {
    let h = try await ServerHarness.start(witnesses: 2)
    defer { Task { await h.stop() } }
    let fake = try await FakeWitness.start()
    defer { Task { await fake.stop() } }
    // w1's address now answers lies: walletd must not believe them.
    h.configuration.witnesses = [
      "\(h.witnesses[0].baseURL) \(h.witnesses[0].vkey)", "\(fake.url) \(h.witnesses[1].vkey)",
    ]
    try await h.restart()
    // walletd asks both at start and on each epoch: give it a few rounds.
    for _ in 0..<3 {
      try await h.citizen.set(
        [("rent_amount", try FieldCatalogue.standard["rent_amount"]!.validate("900,00"))], at: h.now
      )
      try await Task.sleep(for: .milliseconds(300))
    }
    #expect(h.daemon.service.witnessing.blocked == nil)
  }

  // MARK: 5. headProof between makeEpoch and persist: an invalid proof

  /// `round()` moves `tree` and `epochs` in `makeEpoch`, then awaits
  /// `persist` with `pending` still nil; `headProof`'s fast path (pending nil,
  /// carry empty) then proves a wallet in the NEW map under the OLD
  /// checkpoint. Honest clients get a proof that does not verify (a false
  /// forgery alarm). Another wallet writes while Maria's head is asked for.
  @Test func headProofsMadeWhileEpochsAreStoredVerify() async throws {
    let h = try await ServerHarness.start(witnesses: 2)
    defer { Task { await h.stop() } }
    let maria = h.citizen.walletID
    let jean = try await CitizenClient.openWallet(
      h.transport(Identity(kind: .citizen)),
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: h.now))
    let policy = try h.witnessPolicy.tlogPolicy()
    let witnessing = h.daemon.service.witnessing
    let writer = Task {
      for i in 0..<150 {
        try await jean.set(
          [("rent_amount", try FieldCatalogue.standard["rent_amount"]!.validate("\(800 + i),00"))],
          at: h.now)
      }
    }
    let firstError = ReviewText()
    let bad = ReviewCounter()
    let good = ReviewCounter()
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          while !writer.isCancelled, bad.value == 0, good.value < 2_000 {
            guard let text = try? await witnessing.headProof(wallet: maria) else { continue }
            do {
              _ = try WalletLogProof.parse(Array(text.utf8)).verify(wallet: maria, policy: policy)
              good.increment()
            } catch {
              firstError.setOnce("\(error)")
              bad.increment()
            }
            if good.value > 20_000 { return }
          }
        }
      }
      group.addTask {
        _ = try? await writer.value
        writer.cancel()
      }
    }
    print(
      "headProof during epochs: \(good.value) verified, \(bad.value) did not: \(firstError.value ?? "-")"
    )
    #expect(bad.value == 0, "\(firstError.value ?? "")")
    #expect(good.value > 0)
  }
}

/// A "witness" that answers every request 409 with a size far ahead.
final class FakeWitness: @unchecked Sendable {
  let url: String
  private let task: Task<Void, any Error>
  private let group: ServiceGroup

  private init(url: String, task: Task<Void, any Error>, group: ServiceGroup) {
    self.url = url
    self.task = task
    self.group = group
  }

  static func start() async throws -> FakeWitness {
    let bound = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "fake-witness")
    logger.logLevel = .critical
    let app = Application(
      responder: CallbackResponder<BasicRequestContext> { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/x.tlog.size"
        return Response(
          status: .conflict, headers: headers,
          body: .init(byteBuffer: ByteBuffer(string: "999999\n")))
      },
      configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake"),
      onServerRunning: { channel in
        bound.continuation.yield(channel.localAddress?.port ?? 0)
        bound.continuation.finish()
      },
      logger: logger)
    // A graceful stop, never a cancelled serving task (apple/swift-nio#3481).
    let group = ServiceGroup(
      configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    let task = Task { try await group.run() }
    var iterator = bound.stream.makeAsyncIterator()
    guard let port = await iterator.next(), port != 0 else {
      await group.triggerGracefulShutdown()
      throw RewritingProxy.ProxyError.notListening
    }
    return FakeWitness(url: "http://127.0.0.1:\(port)", task: task, group: group)
  }

  func stop() async {
    await group.triggerGracefulShutdown()
    _ = try? await task.value
  }
}

/// A counter shared by tasks.
final class ReviewCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = 0
  var value: Int { lock.withLock { stored } }
  func increment() { lock.withLock { stored += 1 } }
}

final class ReviewText: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: String?
  var value: String? { lock.withLock { stored } }
  func setOnce(_ text: String) { lock.withLock { if stored == nil { stored = text } } }
}
