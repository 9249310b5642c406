import Foundation
import PSPCrypto
import Testing
import WitnessServer

@testable import PSPTransparency

/// psp-witness's service, in this process, over real HTTP on loopback.
@Suite("Witness over HTTP", .timeLimit(.minutes(2)))
struct WitnessServerTests {
  /// Runs `body` with a fresh witness, stopped (and its data dir removed) after.
  func withWitness(_ logs: [TestLog], _ body: (WitnessHarness) async throws -> Void) async throws {
    let harness = try await WitnessHarness.start(logs: logs)
    do {
      try await body(harness)
    } catch {
      await harness.stop()
      throw error
    }
    await harness.stop()
  }

  func policy(_ log: TestLog, _ harness: WitnessHarness) throws -> TlogPolicy {
    try TlogPolicy(
      logs: [log.verifier], witnesses: [CosignatureV1Verifier(vkey: harness.daemon.vkey)], quorum: 1
    )
  }

  @Test func theAddCheckpointProtocol() async throws {
    let log = TestLog(count: 40)
    try await withWitness([log]) { witness in
      #expect(try await witness.latest(log.origin).status == 404)

      // The first checkpoint, from old size 0.
      let first = try await witness.addCheckpoint(log.request(old: 0, new: 10))
      #expect(first.status == 200)
      let cosigned = try log.signedCheckpoint(10).adding(NoteSignature.parseLines(first.body))
      #expect(try policy(log, witness).verify(cosigned).size == 10)

      // An extension with a consistency proof.
      #expect(try await witness.addCheckpoint(log.request(old: 10, new: 25)).status == 200)

      // A fork: the same log key, a history that does not extend the cosigned one.
      let fork = log.forked(from: 20)
      #expect(try await witness.addCheckpoint(fork.request(old: 25, new: 30)).status == 422)
      #expect(try await witness.addCheckpoint(fork.request(old: 25, new: 25)).status == 422)

      // A rollback: a smaller size, claimed from the stored size or from its own.
      let rollback = try AddCheckpointRequest(
        oldSize: 25, consistencyProof: [], note: log.signedCheckpoint(20))
      #expect(try await witness.addCheckpoint(rollback.serialized()).status == 400)
      let smaller = try await witness.addCheckpoint(log.request(old: 20, new: 20))
      #expect(smaller.status == 409)

      // A stale old size: 409, the stored size in text/x.tlog.size.
      let stale = try await witness.addCheckpoint(log.request(old: 10, new: 30))
      #expect(stale.status == 409)
      #expect(stale.contentType == "text/x.tlog.size")
      #expect(stale.body == bytes("25\n"))

      // An unknown origin, a bad signature, a malformed body.
      #expect(
        try await witness.addCheckpoint(
          TestLog(origin: "elsewhere.example/log").request(old: 0, new: 3)
        ).status == 404)
      #expect(
        try await witness.addCheckpoint(TestLog(origin: log.origin).request(old: 25, new: 30))
          .status == 403)
      #expect(try await witness.addCheckpoint(bytes("old 25\n")).status == 400)
      #expect(
        try await witness.addCheckpoint(Array(repeating: 0x41, count: (1 << 20) + 9000)).status
          == 413)

      // The latest cosigned checkpoint, for monitors: the log's signature and the witness's.
      let latest = try await witness.latest(log.origin)
      #expect(latest.status == 200)
      let note = try SignedNote.parse(latest.body)
      #expect(try policy(log, witness).verify(note).size == 25)
      #expect(note.signatures.count == 2)
      #expect(
        try await witness.get("/\(String(repeating: "0", count: 64))/checkpoint").status == 404)
      #expect(try await witness.get("/not-a-hash/checkpoint").status == 404)
      #expect(try await witness.get("/add-checkpoint").status != 200)
    }
  }

  @Test func theStateAndTheKeySurviveARestart() async throws {
    let log = TestLog(count: 20)
    try await withWitness([log]) { witness in
      let vkey = witness.daemon.vkey
      #expect(try await witness.addCheckpoint(log.request(old: 0, new: 10)).status == 200)
      try await witness.restart()

      #expect(witness.daemon.vkey == vkey)
      #expect(
        try WitnessDaemon.vkey(WitnessHarness.configuration(witness.directory, witness.name, [log]))
          == vkey)
      let stale = try await witness.addCheckpoint(log.request(old: 0, new: 12))
      #expect(stale.status == 409)
      #expect(stale.body == bytes("10\n"))
      #expect(
        try await witness.addCheckpoint(log.forked(from: 5).request(old: 10, new: 12)).status == 422
      )
      #expect(try await witness.addCheckpoint(log.request(old: 10, new: 12)).status == 200)
      #expect(
        try SignedNote.parse(try await witness.latest(log.origin).body).text
          == log.checkpoint(12).text)

      // The key is the owner's alone.
      let attributes = try FileManager.default.attributesOfItem(
        atPath: witness.directory + "/witness.key")
      #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
  }

  @Test func aDataDirAnswersToOneName() async throws {
    let log = TestLog(count: 4)
    try await withWitness([log]) { witness in
      await witness.daemon.stop()
      await #expect(throws: WitnessServerError.self) {
        try await WitnessDaemon.start(
          WitnessHarness.configuration(witness.directory, "another.example/w", [log]))
      }
      try await witness.restart()
    }
  }

  @Test func badSettingsAreRefusedBeforeStarting() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psp-witness-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let log = TestLog(count: 4)
    for settings in [
      WitnessConfiguration(
        dataDir: directory, listen: "127.0.0.1:0", name: "a b", logs: [log.logArgument]),
      WitnessConfiguration(
        dataDir: directory, listen: "nowhere", name: "w", logs: [log.logArgument]),
      WitnessConfiguration(
        dataDir: directory, listen: "127.0.0.1:0", name: "w", logs: ["no-equals-sign"]),
      WitnessConfiguration(
        dataDir: directory, listen: "127.0.0.1:0", name: "w", logs: ["\(log.origin)=not+a+vkey"]),
    ] {
      await #expect(throws: (any Error).self) { try await WitnessDaemon.start(settings) }
    }
  }

  /// "checking the old size against the latest checkpoint and persisting the
  /// new checkpoint must be performed atomically": of concurrent requests
  /// moving the log from one size to one larger size with different roots,
  /// exactly one is cosigned, and the others learn the new size.
  @Test func concurrentForksNeverBothGetACosignature() async throws {
    var log = TestLog(count: 4 + 8 * 3)
    try await withWitness([log]) { witness in
      #expect(try await witness.addCheckpoint(log.request(old: 0, new: 4)).status == 200)
      var size = 4
      for round in 0..<8 {
        let (old, new) = (size, size + 3)
        let variants = [log] + (0..<3).map { log.forked(from: old, tag: "-round\(round)-\($0)") }
        let answers = try await withThrowingTaskGroup(of: (Int, WitnessHarness.Answer).self) {
          group in
          for (index, variant) in variants.enumerated() {
            group.addTask {
              (index, try await witness.addCheckpoint(variant.request(old: old, new: new)))
            }
          }
          return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        let winners = answers.filter { $0.value.status == 200 }
        #expect(winners.count == 1, "round \(round): \(answers.mapValues(\.status))")
        #expect(
          answers.values.filter { $0.status == 409 }.allSatisfy { $0.body == bytes("\(new)\n") })
        guard let (index, answer) = winners.first else { return }
        // The one cosignature is over the winner's checkpoint, which the witness now serves.
        let winner = variants[index]
        let note = try winner.signedCheckpoint(new).adding(NoteSignature.parseLines(answer.body))
        #expect(try policy(winner, witness).verify(note).rootHash == winner.root(new))
        let served = try SignedNote.parse(try await witness.latest(log.origin).body)
        #expect(try TlogCheckpoint(text: served.text).rootHash == winner.root(new))
        log = winner
        size = new
      }
    }
  }
}
