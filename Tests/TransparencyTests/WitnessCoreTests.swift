import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// The add-checkpoint state machine of c2sp.org/tlog-witness, without HTTP.
@Suite("Witness logic")
struct WitnessCoreTests {
  let log = TestLog(count: 40)
  let witness = TestWitness()
  var core: WitnessCore { witness.core([log]) }

  /// Runs `body` against `state`, keeping the new record as a real witness would.
  func run(_ body: [UInt8], _ state: inout WitnessState, now: UInt64 = 1_700_000_000)
    -> WitnessResponse
  {
    let (response, next) = core.addCheckpoint(body, state: state, now: now)
    #expect((response.status == 200) == (next != nil), "a new state exactly when cosigned")
    if let next { state = next }
    return response
  }

  @Test func theFirstCheckpointIsCosignedAndRecorded() throws {
    var state = WitnessState()
    let outcome = run(log.request(old: 0, new: 10), &state)
    #expect(outcome.status == 200)
    // The answer is one cosignature line that verifies over the checkpoint.
    let lines = try NoteSignature.parseLines(outcome.body)
    #expect(lines.count == 1)
    #expect(CosignatureV1.timestamp(of: lines[0]) == 1_700_000_000)
    let note = try log.signedCheckpoint(10).adding(lines)
    let policy = try TlogPolicy(logs: [log.verifier], witnesses: [witness.verifier], quorum: 1)
    #expect(try policy.verify(note).size == 10)
    // The record keeps the log's signature and the cosignature.
    #expect(state[log.origin]?.size == 10)
    #expect(state[log.origin]?.rootHash == log.root(10))
    #expect(state[log.origin]?.note == note)
  }

  @Test func extensionsWithValidConsistencyProofsAreCosigned() {
    var state = WitnessState()
    var old = 0
    for new in [1, 2, 3, 7, 8, 16, 17, 31, 40] {
      #expect(run(log.request(old: old, new: new), &state).status == 200, "\(old) to \(new)")
      old = new
    }
    #expect(state[log.origin]?.size == 40)
  }

  @Test func aForkIsRefusedWith422() {
    var state = WitnessState()
    #expect(run(log.request(old: 0, new: 10), &state).status == 200)
    let fork = log.forked(from: 7)
    // A larger tree that does not extend the cosigned one.
    #expect(run(fork.request(old: 10, new: 20), &state).status == 422)
    // A proof from the fork against the stored root fails too.
    let mixed = try! AddCheckpointRequest(
      oldSize: 10, consistencyProof: fork.consistencyProof(from: 10, to: 20),
      note: log.signedCheckpoint(20))
    #expect(run(mixed.serialized(), &state).status == 422)
    // The same size with another root.
    #expect(run(fork.request(old: 10, new: 10), &state).status == 422)
    #expect(state[log.origin]?.rootHash == log.root(10))
    // The same size and root again is cosigned again.
    #expect(run(log.request(old: 10, new: 10), &state).status == 200)
  }

  @Test func aRollbackIsRefused() {
    var state = WitnessState()
    #expect(run(log.request(old: 0, new: 20), &state).status == 200)
    // Claiming the stored size: old > size is a bad request.
    let claimed = try! AddCheckpointRequest(
      oldSize: 20, consistencyProof: [], note: log.signedCheckpoint(12))
    #expect(run(claimed.serialized(), &state).status == 400)
    // Claiming a smaller old size: a conflict that tells the stored size.
    let stale = run(log.request(old: 5, new: 12), &state)
    #expect(stale.status == 409)
    #expect(stale.body == bytes("20\n"))
    #expect(stale.contentType == "text/x.tlog.size")
    #expect(state[log.origin]?.size == 20)
  }

  @Test func aStaleOldSizeIsAConflictWithTheStoredSize() {
    var state = WitnessState()
    #expect(run(log.request(old: 0, new: 8), &state).status == 200)
    let outcome = run(log.request(old: 0, new: 12), &state)
    #expect(outcome.status == 409)
    #expect(outcome.body == bytes("8\n"))
    #expect(outcome.contentType == "text/x.tlog.size")
    #expect(run(log.request(old: 3, new: 12), &state).body == bytes("8\n"))
  }

  @Test func anUnknownOriginIs404() {
    var state = WitnessState()
    let stranger = TestLog(origin: "elsewhere.example/log")
    #expect(run(stranger.request(old: 0, new: 3), &state).status == 404)
  }

  @Test func aMissingOrFailingLogSignatureIs403() throws {
    var state = WitnessState()
    // Signed by another key under the same origin: no trusted signature.
    #expect(run(TestLog(origin: log.origin).request(old: 0, new: 3), &state).status == 403)
    // The trusted key's line with a broken signature, even beside a good one.
    let note = log.signedCheckpoint(3)
    let good = note.signatures[0]
    var broken = good.signature
    broken[0] ^= 0x80
    let bad = try NoteSignature(name: good.name, keyID: good.keyID, signature: broken)
    let request = try AddCheckpointRequest(
      oldSize: 0, consistencyProof: [], note: SignedNote(text: note.text, signatures: [good, bad]))
    #expect(run(request.serialized(), &state).status == 403)
    #expect(state[log.origin] == nil)
  }

  @Test func unknownSignaturesAreIgnoredAndNotKept() throws {
    var state = WitnessState()
    let note = log.signedCheckpoint(4)
    let other = try TestWitness(name: "other.example/w").signer.cosign(note.text, timestamp: 5)
    let request = try AddCheckpointRequest(
      oldSize: 0, consistencyProof: [], note: note.adding([other]))
    #expect(run(request.serialized(), &state).status == 200)
    #expect(
      state[log.origin]?.note.signatures.map(\.name) == [log.origin, "witness.example.lu/w1"])
  }

  @Test func theEmptyTreeNeedsTheEmptyRoot() throws {
    var state = WitnessState()
    let wrong = try log.signer.sign(
      TlogCheckpoint(origin: log.origin, size: 0, rootHash: log.root(1)).text)
    let request = try AddCheckpointRequest(oldSize: 0, consistencyProof: [], note: wrong)
    #expect(run(request.serialized(), &state).status == 422)
    #expect(run(log.request(old: 0, new: 0), &state).status == 200)
    #expect(run(log.request(old: 0, new: 5), &state).status == 200)
  }

  @Test func aProofFromSizeZeroMustBeEmpty() throws {
    var state = WitnessState()
    let request = try AddCheckpointRequest(
      oldSize: 0, consistencyProof: log.consistencyProof(from: 3, to: 9),
      note: log.signedCheckpoint(9))
    #expect(run(request.serialized(), &state).status == 422)
  }

  @Test func malformedBodiesAre400() {
    var state = WitnessState()
    let good = text(log.request(old: 0, new: 4))
    for bad in [
      "",
      "old 0\n",
      "old 00\n\n" + good.dropFirst(7),
      "old -1\n\n" + good.dropFirst(7),
      "Old 0\n\n" + good.dropFirst(7),
      "old 0\nnot base64\n\n" + good.dropFirst(7),
      "old 0\n\n" + "example.lu/psp-log\n4\n",
      String(good.dropLast()),
    ] {
      #expect(run(bytes(bad), &state).status == 400, "\(bad)")
    }
    // 64 consistency proof lines: more than the 63 a client may send.
    let hash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
    #expect(
      run(bytes("old 0\n" + String(repeating: hash, count: 64) + "\n" + good.dropFirst(7)), &state)
        .status == 400)
    #expect(
      run(bytes("old 0\n" + String(repeating: hash, count: 63) + "\n" + good.dropFirst(7)), &state)
        .status == 422)
  }

  @Test func aClockAtZeroGetsNoCosignature() {
    var state = WitnessState()
    #expect(run(log.request(old: 0, new: 4), &state, now: 0).status == 500)
    #expect(state[log.origin] == nil)
  }

  @Test func severalKeysForOneOriginAndSeveralLogs() throws {
    let rotated = TestLog(origin: log.origin)
    let second = TestLog(origin: "example.lu/second")
    let core = try WitnessCore(
      cosigner: witness.signer,
      logs: [
        (log.origin, log.verifier), (log.origin, rotated.verifier),
        (second.origin, second.verifier),
      ])
    var state = WitnessState()
    for (made, origin) in [
      (log.request(old: 0, new: 3), log.origin), (second.request(old: 0, new: 2), second.origin),
    ] {
      let (response, next) = core.addCheckpoint(made, state: state, now: 9)
      #expect(response.status == 200)
      #expect(next?[origin] != nil)
      state = next ?? state
    }
    #expect(state[log.origin]?.size == 3)
    #expect(state[second.origin]?.size == 2)
    #expect(core.isKnown(origin: second.origin))
    #expect(!core.isKnown(origin: "example.lu/third"))
  }
}
