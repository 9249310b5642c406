import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// Ed25519 cosignatures v1 (c2sp.org/tlog-cosignature) and the k-of-n policy.
@Suite("Cosignatures and policy")
struct CosignatureTests {
  let log = TestLog(count: 9)
  let witnesses = (1...3).map { TestWitness(name: "witness.example.lu/w\($0)") }

  @Test func aCosignatureVerifiesOverTheCheckpointText() throws {
    let key = SigningKey()
    let signer = try CosignatureV1Signer(name: "witness.example.lu/w1", key: key)
    // "SHA-256(<name> || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]"
    let digest = SHA256.hash(bytes("witness.example.lu/w1\n"), [0x04], key.publicKey.bytes)
    #expect(signer.keyID == digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) })
    let text = log.checkpoint(9).text
    let line = try signer.cosign(text, timestamp: 1_700_000_123)
    #expect(CosignatureV1.timestamp(of: line) == 1_700_000_123)
    #expect(Array(line.signature.prefix(8)) == [0, 0, 0, 0, 0x65, 0x53, 0xF1, 0x7B])
    // The Ed25519 signature is over "cosignature/v1\ntime <t>\n" || text.
    let ed25519 = try Signature(Array(line.signature[8...]))
    #expect(
      key.publicKey.isValidSignature(
        ed25519, for: bytes("cosignature/v1\ntime 1700000123\n" + text)))
    let note = try SignedNote(text: text, signatures: [line])
    #expect(try note.verify(by: [signer.verifier]) == [line])
    // Over another checkpoint, or with another timestamp, it fails.
    #expect(throws: TransparencyError.self) {
      try SignedNote(text: log.checkpoint(8).text, signatures: [line]).verify(by: [signer.verifier])
    }
    var restamped = line.signature
    restamped[7] ^= 1
    #expect(!signer.verifier.isValid(signature: restamped, over: bytes(text)))
  }

  @Test func theVkeyHasTypeFour() throws {
    let signer = witnesses[0].signer
    let parsed = try VerifierKey.parse(signer.vkey)
    #expect(parsed.type == 0x04)
    #expect(try CosignatureV1Verifier(vkey: signer.vkey) == signer.verifier)
  }

  @Test func timestampsOutsideOneToTwoToTheSixtyThreeAreRefused() throws {
    let text = log.checkpoint(9).text
    #expect(throws: TransparencyError.invalidTimestamp(0)) {
      try witnesses[0].signer.cosign(text, timestamp: 0)
    }
    #expect(throws: TransparencyError.invalidTimestamp(1 << 63)) {
      try witnesses[0].signer.cosign(text, timestamp: 1 << 63)
    }
    // A validly signed message with a timestamp of 2^63 is still refused.
    let key = SigningKey()
    let verifier = try CosignatureV1Verifier(name: "w", publicKey: key.publicKey)
    let signature = key.signature(
      for: CosignatureV1.message(checkpointText: bytes(text), timestamp: 1 << 63))
    #expect(
      !verifier.isValid(
        signature: [0x80, 0, 0, 0, 0, 0, 0, 0] + signature.bytes, over: bytes(text)))
  }

  @Test func aNoteSignatureOfTheSameKeyIsNotACosignature() throws {
    // Type 0x01 and type 0x04 give different key IDs: the line is unknown.
    let key = SigningKey()
    let asLog = try Ed25519NoteSigner(name: "w", key: key)
    let asWitness = try CosignatureV1Signer(name: "w", key: key)
    #expect(asLog.keyID != asWitness.keyID)
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try asLog.sign(log.checkpoint(9).text).verify(by: [asWitness.verifier])
    }
  }

  func cosigned(by signers: [TestWitness], size: Int = 9) throws -> SignedNote {
    let note = log.signedCheckpoint(size)
    return try note.adding(
      signers.map { try $0.signer.cosign(note.text, timestamp: 1_700_000_000) })
  }

  @Test func theQuorumCountsDistinctValidWitnesses() throws {
    let policy = try TlogPolicy(
      logs: [log.verifier], witnesses: witnesses.map(\.verifier), quorum: 2)
    #expect(try policy.verify(try cosigned(by: [witnesses[0], witnesses[2]])).size == 9)
    #expect(throws: TransparencyError.quorumNotMet(required: 2, valid: 1)) {
      try policy.verify(try cosigned(by: [witnesses[1]]))
    }
    // One witness twice is one witness.
    #expect(throws: TransparencyError.quorumNotMet(required: 2, valid: 1)) {
      try policy.verify(try cosigned(by: [witnesses[1], witnesses[1]]))
    }
    // Unknown witnesses do not count.
    #expect(throws: TransparencyError.quorumNotMet(required: 2, valid: 1)) {
      try policy.verify(try cosigned(by: [witnesses[1], TestWitness(name: "elsewhere.example/w")]))
    }
    // A known witness whose cosignature fails rejects the note.
    let note = try cosigned(by: [witnesses[0], witnesses[1]])
    let last = note.signatures[2]
    var broken = last.signature
    broken[20] ^= 4
    let tampered = try SignedNote(
      text: note.text,
      signatures: Array(note.signatures.prefix(2)) + [
        try NoteSignature(name: last.name, keyID: last.keyID, signature: broken)
      ])
    #expect(throws: TransparencyError.signatureFailed(name: last.name, keyID: last.keyID)) {
      try policy.verify(tampered)
    }
  }

  @Test func theLogMustSignUnderItsOrigin() throws {
    let policy = try TlogPolicy(logs: [log.verifier], witnesses: [], quorum: 0)
    #expect(try policy.verify(log.signedCheckpoint(3)).size == 3)
    let other = TestLog(origin: "elsewhere.example/log")
    #expect(throws: TransparencyError.unknownOrigin("elsewhere.example/log")) {
      try policy.verify(other.signedCheckpoint(3))
    }
    // The right origin signed by another key: no known signature.
    let impostor = TestLog(origin: log.origin)
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try policy.verify(impostor.signedCheckpoint(3))
    }
  }

  @Test func policiesMustBeSatisfiableAndUnambiguous() throws {
    let keys = witnesses.map(\.verifier)
    #expect(throws: TransparencyError.self) {
      try TlogPolicy(logs: [log.verifier], witnesses: keys, quorum: 4)
    }
    #expect(throws: TransparencyError.self) {
      try TlogPolicy(logs: [log.verifier], witnesses: keys, quorum: -1)
    }
    #expect(throws: TransparencyError.self) {
      try TlogPolicy(logs: [log.verifier], witnesses: [keys[0], keys[0]], quorum: 1)
    }
    #expect(throws: TransparencyError.self) {
      try TlogPolicy(logs: [log.verifier, log.verifier], witnesses: [], quorum: 0)
    }
  }
}
