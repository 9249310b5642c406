import Foundation
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

/// The attacks of issue 17, each by an operator holding walletd's database and
/// key, against a real walletd and two real witnesses on loopback. Each must
/// be refused or told to the person; the suite counts attacks tried and
/// accepted (`spec/log.md` §9).
@Suite("Witnessed log: attacks")
struct WitnessedLogAttackTests {
  final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var tried = 0
    private(set) var accepted: [String] = []

    /// `defended` says whether the attack was refused or told.
    func attack(
      _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
      _ defended: () async throws -> Bool
    )
      async
    {
      lock.withLock { tried += 1 }
      do {
        if try await !defended() {
          lock.withLock { accepted.append(what) }
          Issue.record("accepted: \(what)", sourceLocation: sourceLocation)
        }
      } catch {
        lock.withLock { accepted.append(what) }
        Issue.record("\(what): \(error)", sourceLocation: sourceLocation)
      }
    }

    func finish(_ suite: String) {
      print("witnessed log, \(suite): \(tried) attacks tried, \(accepted.count) accepted")
      #expect(accepted.isEmpty)
    }
  }

  static func start() async throws -> ServerHarness {
    try await ServerHarness.start(witnesses: 2)
  }

  /// Paul's one-shot procuration for the aide sociale, and a filing under it
  /// that answers walletd's refusal code (nil when filed).
  static func paulFiles(_ h: ServerHarness) async throws -> (
    Procuration, @Sendable () async -> String?
  ) {
    let procuration = try await h.paulsProcuration()
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    let (wallet, now) = (h.citizen.walletID, h.now)
    let ownerKey = try await trustee.ownerKey(wallet: wallet)
    return (
      procuration,
      {
        await refusalCode {
          _ = try await trustee.file(
            wallet: wallet, ownerKey: ownerKey, procuration: procuration, purpose: "aide-sociale",
            at: "office-social-redange", at: now)
        }
      }
    )
  }

  /// What each witness answers to `request`.
  static func post(_ request: AddEpochRequest, to witnesses: [WitnessDaemon]) async throws -> [Int]
  {
    var answers: [Int] = []
    for witness in witnesses {
      var post = URLRequest(url: URL(string: witness.baseURL + "/psp-v1/add-epoch")!)
      post.httpMethod = "POST"
      post.httpBody = Data(request.serialized())
      let (_, response) = try await URLSession.shared.data(for: post)
      answers.append((response as? HTTPURLResponse)?.statusCode ?? 0)
    }
    return answers
  }

  /// "A read erased": the FNS read; the operator deletes the log entries from
  /// Maria's last verified size on and restarts walletd.
  @Test func aReadErasedIsFound() async throws {
    let h = try await Self.start()
    defer { Task { await h.stop() } }
    let tally = Tally()
    let wallet = h.citizen.walletID
    let verified = try await h.citizen.verifyLog(since: nil)
    #expect(verified.intact)
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 10, at: h.now)
    let read = try await h.fns.read(
      wallet: wallet, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(!read.receipt.isEmpty)

    try await h.restart {
      try h.database().query(
        "DELETE FROM log_entries WHERE wallet = ? AND idx >= ?",
        [.blob(wallet.bytes), .integer(Int64(verified.size))])
    }
    await tally.attack("entries deleted, seen by Maria's device") {
      let after = try await h.citizen.verifyLog(since: verified.checkpoint)
      return !after.intact && after.problem == "entries are missing"
    }
    await tally.attack("entries deleted, seen by a new device") {
      let fresh = ClientTrust(
        registrars: [h.registrar.signingKey.publicKey], witnesses: h.witnessPolicy)
      let device = Transport(baseURL: h.url, identity: h.maria, trust: fresh)
      let after = try await LogReader.verify(device, wallet: wallet, since: nil)
      return !after.intact && after.problem == "entries are missing"
    }
    await tally.attack("a write to the wallet whose log lost entries") {
      let code = await refusalCode {
        try await h.citizen.set(
          [("rent_amount", try FieldCatalogue.standard["rent_amount"]!.validate("900,00"))],
          at: h.now)
      }
      return code == "unavailable"
    }
    // The FNS's receipt still proves the read, offline, against the witnesses.
    await tally.attack("the FNS's receipt disowned") {
      let proof = try WalletLogProof.parse(Array(read.receipt.utf8))
      let checked = try proof.verify(wallet: wallet, policy: h.witnessPolicy.tlogPolicy())
      let entry = try AccessLogEntry.decode(canonical: try #require(proof.entry?.bytes))
      return checked.head.size > UInt64(verified.size) && entry.action == .fieldsRead
        && entry.grant == grant.id
    }
    tally.finish("a read erased")
  }

  /// A one-shot procuration used twice (its consumption row deleted, while
  /// walletd runs and across a restart), and a one-shot grant read twice.
  @Test func deletedConsumptionsReviveNothing() async throws {
    let h = try await Self.start()
    defer { Task { await h.stop() } }
    let tally = Tally()
    let wallet = h.citizen.walletID
    let (procuration, file) = try await Self.paulFiles(h)
    #expect(await file() == nil)
    let grant = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", kind: .oneShot, days: 5, at: h.now)
    func read() async -> String? {
      await refusalCode {
        _ = try await h.office.read(wallet: wallet, grant: grant.id, purpose: "aide-sociale")
      }
    }
    #expect(await read() == nil)
    let db = try h.database()
    try db.query("DELETE FROM consumptions")
    await tally.attack("a one-shot procuration's use deleted, walletd running") {
      await file() == "procuration-used"
    }
    await tally.attack("a one-shot grant's use deleted, walletd running") {
      await read() == "already-used"
    }
    try await h.restart { try h.database().query("DELETE FROM consumptions") }
    await tally.attack("a one-shot procuration's use deleted, walletd restarted") {
      await file() == "procuration-used"
    }
    await tally.attack("a one-shot grant's use deleted, walletd restarted") {
      await read() == "already-used"
    }
    // Revocations: the status row deleted, across a restart.
    let durable = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 5, at: h.now)
    try await h.citizen.change(durable, .revoke, at: h.now)
    try await h.restart {
      try h.database().query(
        "DELETE FROM status_changes WHERE ref = ?", [.text(durable.id.rawValue)])
    }
    await tally.attack("a revocation row deleted, walletd restarted") {
      await refusalCode {
        _ = try await h.fns.read(wallet: wallet, grant: durable.id, purpose: "allocation-vie-chere")
      } == "revoked"
    }
    // Maria's log shows each one-shot statement used once.
    let log = try await h.citizen.verifyLog(since: nil)
    #expect(log.intact)
    #expect(
      !log.usedMoreThanOnce.contains(procuration.id) && !log.usedMoreThanOnce.contains(grant.id))
    tally.finish("deleted consumptions and revocations")
  }

  /// A backup from before a use, restored: walletd learns from the witnesses
  /// that they saw more, refuses every write and says why.
  @Test func aRestoredBackupRefusesWrites() async throws {
    let h = try await Self.start()
    defer { Task { await h.stop() } }
    let tally = Tally()
    let (_, file) = try await Self.paulFiles(h)
    let backup = h.directory.path + "/backup"
    try await h.restart { try h.database().backup(to: backup) }
    #expect(await file() == nil)
    let before = try await h.citizen.verifyLog(since: nil)
    try await h.restart { try h.database().restore(from: backup) }
    // walletd asks the witnesses at start: give it a moment.
    var blocked: String? = nil
    for _ in 0..<100 where blocked == nil {
      blocked = h.daemon.service.witnessing.blocked
      try await Task.sleep(for: .milliseconds(50))
    }
    await tally.attack("a backup restored: walletd goes on writing") {
      let reason = try #require(blocked)
      return reason.contains("has seen") && reason.contains("restored")
    }
    await tally.attack("a backup restored: the one-shot procuration usable again") {
      await file() != nil
    }
    await tally.attack("a backup restored: Maria's device shown the old log") {
      let after = try await h.citizen.verifyLog(since: before.checkpoint)
      return !after.intact
    }
    tally.finish("a backup restored")
  }

  /// A fork: with walletd's key, the operator signs another history for one
  /// client; the witnesses never cosigned it, so no client accepts it, and a
  /// witness asked to cosign it refuses.
  @Test func aForkIsNeverCosigned() async throws {
    let h = try await Self.start()
    defer { Task { await h.stop() } }
    let tally = Tally()
    let wallet = h.citizen.walletID
    let honest = try await h.citizen.verifyLog(since: nil)
    #expect(honest.intact)
    let key = try DaemonKey.loadOrCreate(in: h.directory.path)
    let signer = try Ed25519NoteSigner(name: DaemonConfiguration.defaultLogOrigin, key: key)
    // The fork: Maria's log without its last entry, in a map of its own.
    let entries = try h.database().query(
      "SELECT leaf FROM log_entries WHERE wallet = ? ORDER BY idx", [.blob(wallet.bytes)]
    ).compactMap { $0[0].blob }.dropLast()
    let tree = HeadsTree()
    tree.set(HeadsKey(wallet: wallet), WalletHead(leaves: entries[...]))
    var epochs = EpochTree()
    epochs.append(mapRoot: tree.root)
    let checkpoint = try TlogCheckpoint(
      origin: DaemonConfiguration.defaultLogOrigin, size: epochs.size, rootHash: epochs.root)
    let forged = try WalletLogProof(
      wallet: wallet, heads: tree.proof(HeadsKey(wallet: wallet)), entry: nil, epoch: 0,
      epochInclusion: [], checkpoint: signer.sign(checkpoint.text))
    await tally.attack("a fork served to a second client") {
      do {
        _ = try LogProofCheck.verify(
          String(decoding: forged.serialized(), as: UTF8.self), wallet: wallet,
          trust: h.trust(h.paul))
        return false
      } catch ClientError.forged { return true }
    }
    await tally.attack("a witness asked to cosign the fork") {
      let request = try AddEpochRequest(
        updates: [
          HeadsUpdate(
            key: HeadsKey(wallet: wallet), before: HeadsTree().proof(HeadsKey(wallet: wallet)),
            head: WalletHead(leaves: entries[...]), consistency: [])
        ],
        checkpoint: AddCheckpointRequest(
          oldSize: 0, consistencyProof: [], note: signer.sign(checkpoint.text)))
      let answers = try await Self.post(request, to: h.witnesses)
      return answers.allSatisfy { $0 == 409 }
    }
    // The same fork at the witnesses' own size: Maria's head moves backwards.
    await tally.attack("a witness asked to cosign a shrunk head at its size") {
      let db = try h.database()
      let real = HeadsTree()
      for row in try db.query("SELECT wallet, size, root FROM epoch_heads") {
        let id = try WalletID(bytes: try #require(row[0].blob))
        real.set(
          HeadsKey(wallet: id),
          try WalletHead(
            size: UInt64(try #require(row[1].integer)), root: try #require(row[2].blob)))
      }
      var realEpochs = EpochTree()
      for row in try db.query("SELECT map_root FROM epochs ORDER BY idx") {
        realEpochs.append(mapRoot: try #require(row[0].blob))
      }
      let key = HeadsKey(wallet: wallet)
      let shrunk = WalletHead(leaves: entries[...])
      let update = try HeadsUpdate(key: key, before: real.proof(key), head: shrunk, consistency: [])
      real.set(key, shrunk)
      let old = realEpochs.size
      realEpochs.append(mapRoot: real.root)
      let next = try TlogCheckpoint(
        origin: DaemonConfiguration.defaultLogOrigin, size: realEpochs.size,
        rootHash: realEpochs.root)
      let request = try AddEpochRequest(
        updates: [update],
        checkpoint: AddCheckpointRequest(
          oldSize: old,
          consistencyProof: realEpochs.consistencyProof(oldSize: old, newSize: old + 1),
          note: signer.sign(next.text)))
      let answers = try await Self.post(request, to: h.witnesses)
      return answers.allSatisfy { $0 == 422 }
    }
    tally.finish("a fork")
  }
}
