import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// c2sp.org/tlog-proof: the format, and the four verification steps.
@Suite("Tlog proofs")
struct TlogProofTests {
  let log = TestLog(count: 13)
  let witness = TestWitness()

  func proof(index: Int, size: Int = 13, extra: [UInt8]? = nil) throws -> TlogProof {
    let note = log.signedCheckpoint(size)
    let cosigned = try note.adding([try witness.signer.cosign(note.text, timestamp: 1_700_000_000)])
    return try TlogProof(
      extra: extra, index: index,
      inclusionProof: MerkleTree.inclusionProof(index: index, leaves: log.leaves[0..<size]),
      checkpoint: cosigned)
  }

  var policy: TlogPolicy {
    try! TlogPolicy(logs: [log.verifier], witnesses: [witness.verifier], quorum: 1)
  }

  @Test func everyLeafOfARealTreeIsProvenAndFormatsBack() throws {
    for index in 0..<13 {
      let made = try proof(
        index: index, extra: index.isMultiple(of: 2) ? bytes("leaf \(index)") : nil)
      let parsed = try TlogProof.parse(made.serialized())
      #expect(parsed == made)
      #expect(parsed.serialized() == made.serialized())
      #expect(try parsed.verify(leafHash: log.leaves[index], policy: policy).size == 13)
    }
  }

  @Test func aProofForAnotherLeafOrIndexFails() throws {
    let made = try proof(index: 5)
    #expect(throws: TransparencyError.inclusionProofFailed) {
      try made.verify(leafHash: log.leaves[6], policy: policy)
    }
    let moved = try TlogProof(
      index: 6, inclusionProof: made.inclusionProof, checkpoint: made.checkpoint)
    #expect(throws: TransparencyError.inclusionProofFailed) {
      try moved.verify(leafHash: log.leaves[5], policy: policy)
    }
    let outside = try TlogProof(
      index: 13, inclusionProof: made.inclusionProof, checkpoint: made.checkpoint)
    #expect(throws: TransparencyError.inclusionProofFailed) {
      try outside.verify(leafHash: log.leaves[5], policy: policy)
    }
  }

  @Test func theCheckpointMustSatisfyThePolicy() throws {
    let made = try proof(index: 2)
    let stricter = try TlogPolicy(
      logs: [log.verifier],
      witnesses: [witness.verifier, TestWitness(name: "w2.example").verifier], quorum: 2)
    #expect(throws: TransparencyError.quorumNotMet(required: 2, valid: 1)) {
      try made.verify(leafHash: log.leaves[2], policy: stricter)
    }
    let otherLog = try TlogPolicy(
      logs: [TestLog(origin: log.origin).verifier], witnesses: [], quorum: 0)
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try made.verify(leafHash: log.leaves[2], policy: otherLog)
    }
  }

  @Test func malformedProofsAreRefused() throws {
    let good = text(try proof(index: 3).serialized())
    let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let hash = lines[2]
    func with(_ replace: (inout [String]) -> Void) -> String {
      var copy = lines
      replace(&copy)
      return copy.joined(separator: "\n")
    }
    for bad in [
      with { $0[0] = "c2sp.org/tlog-proof@v2" },
      with { $0[1] = "index 03" },
      with { $0[1] = "index -3" },
      with { $0[1] = "Index 3" },
      with { $0.insert("extra ", at: 1) },
      with { $0.insert("extra !!", at: 1) },
      with { $0[2] = String(hash.dropLast()) },  // not canonical base64
      with { $0[2] = "AAAA" },  // 3 bytes, not 32
      with { $0.remove(at: 2 + 4) },  // no blank line before the checkpoint
      with { $0.insert(contentsOf: Array(repeating: hash, count: 60), at: 2) },  // 64 proof lines
      String(good.dropLast()),  // no final newline
    ] {
      #expect(throws: TransparencyError.self, "\(bad)") { try TlogProof.parse(bytes(bad)) }
    }
    #expect(throws: TransparencyError.self) {
      try TlogProof(extra: [], index: 0, inclusionProof: [], checkpoint: proof(index: 0).checkpoint)
    }
  }
}
