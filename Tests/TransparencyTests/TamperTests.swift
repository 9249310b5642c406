import PSPCrypto
import Testing

@testable import PSPTransparency

/// Every single bit flip and every truncation of a signed note, and of a
/// cosigned checkpoint, is refused: by the parser, or by verification.
@Suite("Tampering")
struct TamperTests {
  /// Whether `raw` is accepted as a note that `accept` verifies.
  static func isAccepted(_ raw: [UInt8], _ accept: (SignedNote) throws(TransparencyError) -> Void)
    -> Bool
  {
    guard let note = try? SignedNote.parse(raw) else { return false }
    return (try? accept(note)) != nil
  }

  static func flipsAndTruncationsAreRefused(
    _ raw: [UInt8], _ accept: (SignedNote) throws(TransparencyError) -> Void
  ) -> [String] {
    var accepted: [String] = []
    let original = isAccepted(raw, accept)
    #expect(original, "the untouched note must be accepted")
    for index in raw.indices {
      for bit in 0..<8 {
        var flipped = raw
        flipped[index] ^= 1 << bit
        if isAccepted(flipped, accept) { accepted.append("flip of bit \(bit) of byte \(index)") }
      }
    }
    for length in 0..<raw.count {
      if isAccepted(Array(raw.prefix(length)), accept) { accepted.append("first \(length) bytes") }
      if isAccepted(Array(raw.suffix(length)), accept) { accepted.append("last \(length) bytes") }
    }
    return accepted
  }

  @Test func everyChangeToTheSignedNoteExampleIsRefused() throws {
    let verifier = try Ed25519NoteVerifier(vkey: SpecExampleTests.exampleVkey)
    let accepted = Self.flipsAndTruncationsAreRefused(bytes(SpecExampleTests.exampleNote)) {
      note throws(TransparencyError) in
      try note.verify(by: [verifier])
    }
    #expect(accepted.isEmpty, "\(accepted)")
  }

  @Test func everyChangeToACosignedCheckpointIsRefused() throws {
    let log = TestLog(count: 5)
    let witness = TestWitness()
    let checkpoint = log.signedCheckpoint(5)
    let cosigned = try checkpoint.adding([
      try witness.signer.cosign(checkpoint.text, timestamp: 1_700_000_000)
    ])
    let policy = try TlogPolicy(logs: [log.verifier], witnesses: [witness.verifier], quorum: 1)
    let accepted = Self.flipsAndTruncationsAreRefused(cosigned.serialized()) {
      note throws(TransparencyError) in
      _ = try policy.verify(note)
    }
    #expect(accepted.isEmpty, "\(accepted)")
  }

  @Test func everyChangeToACosignatureLineIsRefusedByTheWitnessKeyAlone() throws {
    let log = TestLog(count: 5)
    let witness = TestWitness()
    let text = log.checkpoint(5).text
    let line = bytes(try witness.signer.cosign(text, timestamp: 1_700_000_000).line)
    let accepted = Self.flipsAndTruncationsAreRefused(bytes(text) + [0x0A] + line) {
      note throws(TransparencyError) in
      try note.verify(by: [witness.verifier])
    }
    #expect(accepted.isEmpty, "\(accepted)")
  }
}
