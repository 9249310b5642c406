import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPTransparency

/// A wallet's log under a witnessed checkpoint of the epoch log (`spec/log.md`
/// §5): receipts (one entry) and head proofs, built from a real heads map,
/// epoch tree and cosigned checkpoint, verify; any change does not.
@Suite("Wallet log proofs")
struct WalletLogProofTests {
  let witness = TestWitness()
  let wallets = (0..<4).map { _ in TestWalletLog(count: 30) }
  let timestamp: UInt64 = 1_700_000_123

  /// A heads log after three epochs, and its checkpoint cosigned by `witness`.
  func history() throws -> (TestHeadsLog, SignedNote) {
    let log = TestHeadsLog()
    _ = log.epoch([(wallets[0], 5), (wallets[1], 3)])
    _ = log.epoch([(wallets[0], 12), (wallets[2], 7)])
    _ = log.epoch([(wallets[1], 9)])
    let note = log.signedCheckpoint(3)
    return (log, try note.adding([witness.signer.cosign(note.text, timestamp: timestamp)]))
  }

  func policy(_ log: TestHeadsLog, quorum: Int = 1) throws -> TlogPolicy {
    try TlogPolicy(logs: [log.log.verifier], witnesses: [witness.verifier], quorum: quorum)
  }

  /// The map as it was after `epoch`.
  func map(_ log: TestHeadsLog, after epoch: Int) -> HeadsTree {
    let tree = HeadsTree()
    for (key, head) in log.history[epoch] { tree.set(key, head) }
    return tree
  }

  /// The receipt of `wallet`'s entry `index` as of `epoch`, under `note`.
  func receipt(
    _ log: TestHeadsLog, _ note: SignedNote, wallet: TestWalletLog, index: Int, epoch: Int
  ) throws -> WalletLogProof {
    let head = try #require(log.history[epoch][wallet.key])
    let entry = WalletLogProof.Entry(
      index: UInt64(index), inclusion: wallet.inclusion(index: index, size: Int(head.size)),
      bytes: wallet.entries[index])
    return try WalletLogProof(
      wallet: wallet.wallet, heads: map(log, after: epoch).proof(wallet.key), entry: entry,
      epoch: epoch, epochInclusion: log.epochs.inclusionProof(index: epoch, size: 3),
      checkpoint: note)
  }

  @Test func receiptsAndHeadProofsVerify() throws {
    let (log, note) = try history()
    let policy = try policy(log)
    // The latest head of wallet 0, with its entry 10.
    let latest = try receipt(log, note, wallet: wallets[0], index: 10, epoch: 2)
    let verified = try latest.verify(wallet: wallets[0].wallet, policy: policy)
    #expect(verified.epoch == 2)
    #expect(verified.isLatest)
    #expect(verified.head == wallets[0].head(12))
    #expect(verified.checkpoint == log.checkpoint(3))
    #expect(verified.cosignedAt == [timestamp])
    // An entry as of the first epoch, when the wallet's log had 5 entries.
    let older = try receipt(log, note, wallet: wallets[0], index: 4, epoch: 0)
    let verifiedOlder = try older.verify(wallet: wallets[0].wallet, policy: policy)
    #expect(verifiedOlder.epoch == 0)
    #expect(!verifiedOlder.isLatest)
    #expect(verifiedOlder.head == wallets[0].head(5))
    // A head proof, no entry.
    let head = try WalletLogProof(
      wallet: wallets[2].wallet, heads: log.tree.proof(wallets[2].key), entry: nil, epoch: 2,
      epochInclusion: log.epochs.inclusionProof(index: 2, size: 3), checkpoint: note)
    #expect(try head.verify(wallet: wallets[2].wallet, policy: policy).head == wallets[2].head(7))
    // Every entry of wallet 1 as of the last epoch.
    for index in 0..<9 {
      let proof = try receipt(log, note, wallet: wallets[1], index: index, epoch: 2)
      #expect(try proof.verify(wallet: wallets[1].wallet, policy: policy).head.size == 9)
    }
    // They format back byte for byte.
    for proof in [latest, older, head] {
      let parsed = try WalletLogProof.parse(proof.serialized())
      #expect(parsed == proof)
      #expect(parsed.serialized() == proof.serialized())
    }
    #expect(text(latest.serialized()).hasPrefix("c2sp.org/tlog-proof@v1\nextra "))
  }

  @Test func everyChangeToTheExtraDataIsRefused() throws {
    let (log, note) = try history()
    let policy = try policy(log)
    let good = try receipt(log, note, wallet: wallets[0], index: 7, epoch: 2)
    let extra = try #require(good.proof.extra)
    func accepted(_ extra: [UInt8]) -> Bool {
      guard !extra.isEmpty,
        let tlog = try? TlogProof(
          extra: extra, index: good.proof.index, inclusionProof: good.proof.inclusionProof,
          checkpoint: good.proof.checkpoint),
        let proof = try? WalletLogProof(tlog)
      else { return false }
      return (try? proof.verify(wallet: wallets[0].wallet, policy: policy)) != nil
    }
    #expect(accepted(extra))
    var changes: [String] = []
    for index in extra.indices {
      for bit in [index % 8, (index + 3) % 8] {
        var flipped = extra
        flipped[index] ^= 1 << bit
        if accepted(flipped) { changes.append("bit \(bit) of byte \(index)") }
      }
    }
    for length in 0..<extra.count where accepted(Array(extra.prefix(length))) {
      changes.append("first \(length) bytes")
    }
    if accepted(extra + [0]) { changes.append("a byte added") }
    #expect(changes.isEmpty, "\(changes)")
    // No extra data at all is no wallet log proof.
    let bare = try TlogProof(
      index: good.proof.index, inclusionProof: good.proof.inclusionProof, checkpoint: note)
    #expect(throws: TransparencyError.self) { try WalletLogProof(bare) }
  }

  @Test func aProofForAnotherWalletOrEntryIsRefused() throws {
    let (log, note) = try history()
    let policy = try policy(log)
    let good = try receipt(log, note, wallet: wallets[0], index: 7, epoch: 2)
    // Asked for another wallet.
    #expect(throws: TransparencyError.self) {
      try good.verify(wallet: wallets[1].wallet, policy: policy)
    }
    // Another wallet's number over wallet 0's place in the map.
    let relabelled = try WalletLogProof(
      wallet: wallets[1].wallet, heads: good.heads, entry: good.entry, epoch: 2,
      epochInclusion: good.proof.inclusionProof, checkpoint: note)
    #expect(throws: TransparencyError.inclusionProofFailed) {
      try relabelled.verify(wallet: wallets[1].wallet, policy: policy)
    }
    // A wallet not in the map: its (true) proof of absence is no proof of a head.
    let absent = try WalletLogProof(
      wallet: wallets[3].wallet, heads: log.tree.proof(wallets[3].key), entry: nil, epoch: 2,
      epochInclusion: good.proof.inclusionProof, checkpoint: note)
    #expect(throws: TransparencyError.self) {
      try absent.verify(wallet: wallets[3].wallet, policy: policy)
    }
    // The entry altered, moved, or past the head; another wallet's entry.
    let entry = try #require(good.entry)
    var altered = entry.bytes
    altered[3] ^= 1
    for bad in [
      WalletLogProof.Entry(index: entry.index, inclusion: entry.inclusion, bytes: altered),
      WalletLogProof.Entry(index: entry.index + 1, inclusion: entry.inclusion, bytes: entry.bytes),
      WalletLogProof.Entry(index: 12, inclusion: entry.inclusion, bytes: wallets[0].entries[12]),
      WalletLogProof.Entry(
        index: entry.index, inclusion: entry.inclusion, bytes: wallets[1].entries[7]),
      WalletLogProof.Entry(index: entry.index, inclusion: [], bytes: entry.bytes),
    ] {
      let proof = try WalletLogProof(
        wallet: wallets[0].wallet, heads: good.heads, entry: bad, epoch: 2,
        epochInclusion: good.proof.inclusionProof, checkpoint: note)
      #expect(throws: TransparencyError.inclusionProofFailed) {
        try proof.verify(wallet: wallets[0].wallet, policy: policy)
      }
    }
    // The head of an older epoch claimed at the latest epoch.
    let stale = try WalletLogProof(
      wallet: wallets[0].wallet, heads: map(log, after: 0).proof(wallets[0].key), entry: nil,
      epoch: 2, epochInclusion: good.proof.inclusionProof, checkpoint: note)
    #expect(throws: TransparencyError.inclusionProofFailed) {
      try stale.verify(wallet: wallets[0].wallet, policy: policy)
    }
    // Entries are at most 1 MiB.
    #expect(throws: TransparencyError.self) {
      try WalletLogProof(
        wallet: wallets[0].wallet, heads: good.heads,
        entry: WalletLogProof.Entry(
          index: 0, inclusion: [], bytes: Array(repeating: 0x20, count: (1 << 20) + 1)),
        epoch: 2, epochInclusion: good.proof.inclusionProof, checkpoint: note)
    }
  }

  @Test func theCheckpointMustSatisfyThePolicy() throws {
    let (log, note) = try history()
    let good = try receipt(log, note, wallet: wallets[0], index: 3, epoch: 1)
    let second = TestWitness(name: "w2.example")
    let stricter = try TlogPolicy(
      logs: [log.log.verifier], witnesses: [witness.verifier, second.verifier], quorum: 2)
    #expect(throws: TransparencyError.quorumNotMet(required: 2, valid: 1)) {
      try good.verify(wallet: wallets[0].wallet, policy: stricter)
    }
    let otherLog = try TlogPolicy(
      logs: [TestHeadsLog(origin: log.origin).log.verifier], witnesses: [witness.verifier],
      quorum: 1)
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try good.verify(wallet: wallets[0].wallet, policy: otherLog)
    }
    // Unwitnessed: the log's signature alone.
    let unwitnessed = try WalletLogProof(
      wallet: wallets[0].wallet, heads: good.heads, entry: good.entry, epoch: 1,
      epochInclusion: good.proof.inclusionProof, checkpoint: log.signedCheckpoint(3))
    #expect(throws: TransparencyError.quorumNotMet(required: 1, valid: 0)) {
      try unwitnessed.verify(wallet: wallets[0].wallet, policy: policy(log))
    }
    // With both witnesses the stricter policy holds, and both times are told.
    let both = try note.adding([second.signer.cosign(note.text, timestamp: timestamp + 1)])
    let cosigned = try WalletLogProof(
      wallet: wallets[0].wallet, heads: good.heads, entry: good.entry, epoch: 1,
      epochInclusion: good.proof.inclusionProof, checkpoint: both)
    let verified = try cosigned.verify(wallet: wallets[0].wallet, policy: stricter)
    #expect(verified.cosignedAt.sorted() == [timestamp, timestamp + 1])
  }
}
