import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// A witness of a PSP heads log (`WitnessCore.addEpoch`, `spec/log.md` §6):
/// it cosigns an epoch only if every wallet's log only grew and the epoch log
/// grew by the map root it computed itself; the plain add-checkpoint can then
/// only cosign the same checkpoint again.
@Suite("Witness of a heads log")
struct WitnessEpochTests {
  let witness = TestWitness()
  let wallets = (0..<6).map { _ in TestWalletLog(count: 40) }

  /// Submits `request` against `record`; on a cosignature, checks it and returns the new record.
  func submit(
    _ request: AddEpochRequest, _ core: WitnessCore, _ record: WitnessRecord?, now: UInt64 = 7
  ) -> WitnessOutcome {
    let outcome = core.addEpoch(request, stored: record, now: now)
    #expect((outcome.status == 200) == (outcome.newRecord != nil))
    return outcome
  }

  func policy(_ log: TestHeadsLog) -> TlogPolicy {
    try! TlogPolicy(logs: [log.log.verifier], witnesses: [witness.verifier], quorum: 1)
  }

  /// A log after two epochs, its core and the witness's record.
  func twoEpochs() -> (TestHeadsLog, WitnessCore, WitnessRecord) {
    let log = TestHeadsLog()
    let core = witness.headsCore([log])
    var record = submit(log.epoch([(wallets[0], 4), (wallets[1], 10)]), core, nil).newRecord
    record = submit(log.epoch([(wallets[0], 12), (wallets[2], 1)]), core, record).newRecord
    return (log, core, record!)
  }

  @Test func aChainOfEpochsIsCosigned() throws {
    let log = TestHeadsLog()
    let core = witness.headsCore([log])
    var record: WitnessRecord?
    var sizes = Array(repeating: 0, count: wallets.count)
    for epoch in 0..<10 {
      var moving: [(TestWalletLog, Int)] = []
      for (index, wallet) in wallets.enumerated() where (epoch + index) % 4 != 0 {
        sizes[index] = min(40, sizes[index] + epoch + index)
        moving.append((wallet, sizes[index]))
      }
      let request = log.epoch(moving)
      let outcome = submit(request, core, record, now: 100 + UInt64(epoch))
      #expect(outcome.status == 200, "epoch \(epoch): \(text(outcome.response.body))")
      record = outcome.newRecord
      // The answer is a cosignature over the epoch log's checkpoint.
      let lines = try NoteSignature.parseLines(outcome.response.body)
      #expect(CosignatureV1.timestamp(of: lines[0]) == 100 + UInt64(epoch))
      let cosigned = try log.signedCheckpoint(epoch + 1).adding(lines)
      #expect(try policy(log).verify(cosigned).size == epoch + 1)
      // The witness holds the map root walletd holds, and the epoch tree's edge.
      #expect(record?.size == epoch + 1)
      #expect(record?.heads?.mapRoot == log.tree.root)
      #expect(record?.heads?.mapRoot == HeadsMap.root(log.heads))
      #expect(record?.heads?.frontier.root == log.epochs.root)
      #expect(record?.note == cosigned)
    }
  }

  /// Each refusal leaves the record as it was; the honest epoch is then still cosigned.
  @Test func anEpochThatIsNotAnExtensionIsRefused() throws {
    let (log, core, record) = twoEpochs()
    let w = wallets[0]
    func refused(_ request: AddEpochRequest, _ why: String, status: Int = 422) {
      let outcome = submit(request, core, record)
      #expect(outcome.status == status, "\(text(outcome.response.body))")
      #expect(text(outcome.response.body).contains(why), "\(text(outcome.response.body))")
      #expect(outcome.newRecord == nil)
    }
    let shrank = TransparencyError.headShrank.description
    let proofFailed = TransparencyError.headsProofFailed.description
    /// walletd's next epoch with `updates` in place of the honest moves,
    /// signed as walletd would (the epoch log grown by the resulting map).
    func epoch(_ build: (TestHeadsLog) -> [HeadsUpdate]) -> AddEpochRequest {
      let copy = log.replayed()
      return copy.close(build(copy))
    }

    // A wallet's head shrunk (walletd's map then agrees: only the witness stops it).
    refused(epoch { $0.moves([(w, 8)]) }, shrank)
    // A wallet's log rewritten, at a larger size.
    refused(epoch { $0.moves([(w.forked(from: 5), 20)]) }, shrank)
    // A changed root at the same size.
    refused(epoch { $0.moves([(w.forked(from: 11), 12)]) }, shrank)
    // A consistency proof that is wrong.
    refused(
      epoch {
        var proof = w.consistency(from: 12, to: 20)
        proof[proof.count - 1][5] ^= 1
        return [$0.move(w.key, to: w.head(20), consistency: proof)]
      }, shrank)
    // A wallet's old head misstated: the proof claims size 10, the map holds 12.
    refused(
      epoch {
        let real = $0.tree.proof(w.key)
        let lie = try! HeadsProof(siblings: real.siblings, terminal: .head(w.head(10)))
        $0.tree.set(w.key, w.head(20))
        return [
          try! HeadsUpdate(
            key: w.key, before: lie, head: w.head(20), consistency: w.consistency(from: 10, to: 20))
        ]
      }, proofFailed)
    // A wallet claimed absent to restart its log.
    refused(
      epoch {
        let real = $0.tree.proof(w.key)
        let lie = try! HeadsProof(siblings: real.siblings, terminal: .empty)
        $0.tree.set(w.key, w.forked(from: 0).head(2))
        return [
          try! HeadsUpdate(
            key: w.key, before: lie, head: w.forked(from: 0).head(2), consistency: [])
        ]
      }, proofFailed)
    // A move proven in another map (a walletd whose map forked), in an epoch
    // log that extends the cosigned one; and that forked epoch log itself.
    let other = TestHeadsLog(origin: log.origin, key: log.log.signer.key)
    _ = other.epoch([(wallets[3], 4)])
    _ = other.epoch([(wallets[3], 5)])
    refused(
      epoch {
        let v = wallets[3]
        let foreign = other.tree.proof(v.key)
        $0.tree.set(v.key, v.head(9))
        return [
          try! HeadsUpdate(
            key: v.key, before: foreign, head: v.head(9), consistency: v.consistency(from: 5, to: 9)
          )
        ]
      }, proofFailed)
    refused(other.epoch([(wallets[3], 9)]), "the consistency proof does not verify")
    // A wallet moving twice in one epoch.
    refused(epoch { $0.moves([(w, 15)]) + $0.moves([(w, 20)]) }, "moves twice")
    // The right moves, but the checkpoint's root is not the epoch tree the
    // witness computes: another map root appended.
    let honest = log.replayed()
    let updates = honest.moves([(w, 20)])
    var wrong = honest.epochs
    wrong.append(mapRoot: HeadsMap.empty)
    refused(
      try! AddEpochRequest(
        updates: updates,
        checkpoint: AddCheckpointRequest(
          oldSize: 2, consistencyProof: wrong.consistencyProof(oldSize: 2, newSize: 3),
          note: log.log.signer.sign(
            TlogCheckpoint(origin: log.origin, size: 3, rootHash: wrong.root).text))),
      "the epoch does not match")
    // A stale old size: 409 with the stored size.
    let stale = try AddEpochRequest(
      updates: [],
      checkpoint: AddCheckpointRequest(
        oldSize: 1, consistencyProof: [], note: log.signedCheckpoint(2)))
    let conflict = submit(stale, core, record)
    #expect(conflict.status == 409)
    #expect(conflict.response.contentType == "text/x.tlog.size")
    #expect(conflict.response.body == bytes("2\n"))
    // An unknown log, another key for the origin, a witness of plain logs.
    let stranger = TestHeadsLog(origin: "elsewhere.example/heads")
    refused(stranger.epoch([(w, 1)]), "unknown log origin", status: 404)
    let impostor = TestHeadsLog(origin: log.origin)
    _ = impostor.epoch([])
    _ = impostor.epoch([])
    refused(impostor.epoch([]), "no signature from a known key", status: 403)
    let request = honest.close(updates)
    let plain = witness.core([log.log])
    #expect(plain.addEpoch(request, stored: record, now: 7).status == 404)

    // After all that, the honest epoch.
    #expect(submit(request, core, record).status == 200)
  }

  /// On a heads log the plain add-checkpoint only cosigns the same checkpoint
  /// again (a fresh timestamp); growth must come with its wallets' moves.
  @Test func thePlainAddCheckpointOnlyCosignsAgain() throws {
    let (log, core, record) = twoEpochs()
    let again = try AddCheckpointRequest(
      oldSize: 2, consistencyProof: [], note: log.signedCheckpoint(2))
    let outcome = core.addCheckpoint(again, stored: record, now: 99)
    #expect(outcome.status == 200)
    #expect(
      CosignatureV1.timestamp(of: try NoteSignature.parseLines(outcome.response.body)[0]) == 99)
    #expect(outcome.newRecord?.heads == record.heads)
    #expect(outcome.newRecord?.size == 2)

    // Growth with a valid consistency proof is refused.
    let next = log.replayed()
    _ = next.epoch([(wallets[4], 3)])
    let grown = try AddCheckpointRequest(
      oldSize: 2, consistencyProof: next.epochs.consistencyProof(oldSize: 2, newSize: 3),
      note: next.signedCheckpoint(3))
    let refusal = core.addCheckpoint(grown, stored: record, now: 99)
    #expect(refusal.status == 422)
    #expect(refusal.newRecord == nil)

    // From nothing: the empty epoch log is cosigned, and the first epoch follows.
    let fresh = TestHeadsLog()
    let empty = try AddCheckpointRequest(
      oldSize: 0, consistencyProof: [], note: fresh.signedCheckpoint(0))
    let freshCore = witness.headsCore([fresh])
    let start = freshCore.addCheckpoint(empty, stored: nil, now: 5)
    #expect(start.status == 200)
    #expect(start.newRecord?.heads == HeadsRecord.start)
    let first = freshCore.addEpoch(fresh.epoch([(wallets[5], 2)]), stored: start.newRecord, now: 6)
    #expect(first.status == 200)
  }
}
