import Foundation
import PSPCrypto
import Testing
import WitnessServer

@testable import PSPTransparency

/// psp-witness serving a PSP heads log, in this process, over real HTTP on
/// loopback: `POST /psp-v1/add-epoch`, and add-checkpoint restricted to
/// cosigning again.
@Suite("Witness of a heads log over HTTP", .timeLimit(.minutes(2)))
struct WitnessHeadsHTTPTests {
  let wallets = (0..<4).map { _ in TestWalletLog(count: 30) }

  /// Runs `body` with a fresh witness of `log`, stopped (and its data dir removed) after.
  func withWitness(
    _ log: TestHeadsLog, headsLogs: Bool = true, _ body: (WitnessHarness) async throws -> Void
  ) async throws {
    let harness = try await WitnessHarness.start(logs: [log.log], headsLogs: headsLogs)
    do {
      try await body(harness)
    } catch {
      await harness.stop()
      throw error
    }
    await harness.stop()
  }

  func policy(_ log: TestHeadsLog, _ harness: WitnessHarness) throws -> TlogPolicy {
    try TlogPolicy(
      logs: [log.log.verifier], witnesses: [CosignatureV1Verifier(vkey: harness.daemon.vkey)],
      quorum: 1)
  }

  @Test func epochsAreCosignedAndTheHeadsSurviveARestart() async throws {
    let log = TestHeadsLog()
    try await withWitness(log) { witness in
      #expect(try await witness.latest(log.origin).status == 404)
      let first = log.epoch([(wallets[0], 4), (wallets[1], 9)]).serialized()
      let answer = try await witness.addEpoch(first)
      #expect(answer.status == 200, "\(text(answer.body))")
      let cosigned = try log.signedCheckpoint(1).adding(NoteSignature.parseLines(answer.body))
      #expect(try policy(log, witness).verify(cosigned).size == 1)
      let served = try SignedNote.parse(try await witness.latest(log.origin).body)
      #expect(try policy(log, witness).verify(served).rootHash == log.epochs.root)

      try await witness.restart()
      let record = try #require(try witness.daemon.store.record(origin: log.origin))
      #expect(record.heads?.mapRoot == log.tree.root)
      #expect(record.heads?.frontier.root == log.epochs.root)
      // A replay of the first epoch: 409 and the stored size.
      let replay = try await witness.addEpoch(first)
      #expect(replay.status == 409)
      #expect(replay.contentType == "text/x.tlog.size")
      #expect(replay.body == bytes("1\n"))
      // The second epoch, checked against the heads kept across the restart.
      let second = log.epoch([(wallets[0], 20), (wallets[2], 3)]).serialized()
      #expect(try await witness.addEpoch(second).status == 200)
      #expect(try await witness.addEpoch(first).body == bytes("2\n"))
      #expect(try await witness.addEpoch(second).status == 409)
      #expect(try witness.daemon.store.record(origin: log.origin)?.heads?.mapRoot == log.tree.root)
    }
  }

  @Test func aNonExtensionOrAMalformedEpochIsRefused() async throws {
    let log = TestHeadsLog()
    try await withWitness(log) { witness in
      #expect(try await witness.addEpoch(log.epoch([(wallets[0], 10)]).serialized()).status == 200)
      let before = try witness.daemon.store.record(origin: log.origin)

      // Wallet 0's log shrunk, then rewritten: walletd signed both, the witness refuses.
      let honest = log.replayed()
      let shrunk = try await witness.addEpoch(log.epoch([(wallets[0], 6)]).serialized())
      #expect(shrunk.status == 422)
      #expect(text(shrunk.body) == TransparencyError.headShrank.description + "\n")
      let rewritten = honest.replayed()
      let fork = try await witness.addEpoch(
        rewritten.epoch([(wallets[0].forked(from: 2), 12)]).serialized())
      #expect(fork.status == 422)
      #expect(try witness.daemon.store.record(origin: log.origin) == before)

      // Malformed bodies: 400 with the parser's reason; a body too large: 413.
      let body = honest.epoch([(wallets[0], 12)]).serialized()
      let truncated = try await witness.addEpoch(Array(body.dropLast()))
      #expect(truncated.status == 400)
      #expect(text(truncated.body).hasPrefix("malformed "))
      #expect(try await witness.addEpoch(bytes("psp-v1/add-epoch\nupdates 1\n")).status == 400)
      let huge = Array(repeating: UInt8(0x41), count: AddEpochRequest.maximumByteCount + 1)
      #expect(try await witness.addEpoch(huge).status == 413)

      // The honest epoch is still cosigned.
      #expect(try await witness.addEpoch(body).status == 200)

      // add-checkpoint: the same checkpoint again, yes; growth, no.
      #expect(try await witness.addCheckpoint(request(honest, old: 2, new: 2)).status == 200)
      let next = honest.replayed()
      _ = next.epoch([(wallets[1], 1)])
      #expect(try await witness.addCheckpoint(request(next, old: 2, new: 3)).status == 422)
      #expect(try witness.daemon.store.record(origin: log.origin)?.size == 2)
    }
  }

  @Test func aWitnessOfPlainLogsHasNoEpochs() async throws {
    let log = TestHeadsLog()
    try await withWitness(log, headsLogs: false) { (witness: WitnessHarness) async throws in
      #expect(try await witness.addEpoch(log.epoch([(wallets[0], 2)]).serialized()).status == 404)
      // Its logs grow through add-checkpoint alone.
      #expect(try await witness.addCheckpoint(request(log, old: 0, new: 1)).status == 200)
    }
  }

  /// The add-checkpoint body moving a witness of `log` from `old` to `new` epochs.
  func request(_ log: TestHeadsLog, old: Int, new: Int) throws -> [UInt8] {
    try AddCheckpointRequest(
      oldSize: old, consistencyProof: log.epochs.consistencyProof(oldSize: old, newSize: new),
      note: log.signedCheckpoint(new)
    ).serialized()
  }
}
