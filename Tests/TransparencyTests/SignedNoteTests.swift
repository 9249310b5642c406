import PSPCrypto
import Testing

@testable import PSPTransparency

/// The rules of c2sp.org/signed-note: format, names, limits, and which
/// signatures count.
@Suite("Signed notes")
struct SignedNoteTests {
  let alice = try! Ed25519NoteSigner(name: "example.lu/alice", key: SigningKey())
  let bob = try! Ed25519NoteSigner(name: "example.lu/bob", key: SigningKey())

  func note(_ raw: String) -> Result<SignedNote, TransparencyError> {
    Result { () throws(TransparencyError) in try SignedNote.parse(bytes(raw)) }
  }

  func isMalformed(_ raw: String) -> Bool {
    if case .failure(.malformedNote) = note(raw) { return true }
    return false
  }

  var line: String { try! alice.signature(for: "hello\n").line }

  @Test func aSignedNoteRoundTripsByteForByte() throws {
    let signed = try alice.sign("hello\nworld\n").adding([try bob.signature(for: "hello\nworld\n")])
    let parsed = try SignedNote.parse(signed.serialized())
    #expect(parsed == signed)
    #expect(parsed.serialized() == signed.serialized())
    #expect(try parsed.verify(by: [alice.verifier, bob.verifier]).count == 2)
  }

  @Test func theTextEndsAtTheLastBlankLine() throws {
    let text = "first\n\nsecond\n\n"
    let parsed = try SignedNote.parse(bytes(text + "\n" + (try alice.signature(for: text)).line))
    #expect(parsed.text == text)
    // A signature line before the last blank line belongs to the text.
    let raw =
      "body\n\n\(try bob.signature(for: "body\n").line)\n\(try alice.signature(for: "x\n").line)"
    let split = try SignedNote.parse(bytes(raw))
    #expect(split.signatures.count == 1)
    #expect(split.text.hasPrefix("body\n\n— example.lu/bob "))
  }

  @Test(arguments: [
    "hello\n\n",  // no signature line
    "hello\n",  // no blank line
    "hello\n\n— example.lu/alice AAAA",  // no final newline
    "hello\r\n\n— example.lu/alice AAAAAAA=\n",  // a control character
    "hel\tlo\n\n— example.lu/alice AAAAAAA=\n",
    "hello\n\n- example.lu/alice AAAAAAA=\n",  // a hyphen, not an em dash
    "hello\n\n—  AAAAAAA=\n",  // an empty name
    "hello\n\n— example.lu/a+b AAAAAAA=\n",  // '+' in the name
    "hello\n\n— example.lu/a\u{00A0}b AAAAAAA=\n",  // a Unicode space in the name
    "hello\n\n— example.lu/alice\n",  // no signature
    "hello\n\n— example.lu/alice AAAAAA==\n",  // only a key ID (4 bytes)
    "hello\n\n— example.lu/alice AAAAAAA\n",  // base64 without its padding
    "hello\n\n— example.lu/alice AAAAAAB=\n",  // non-zero unused bits
    "hello\n\n— example.lu/alice AAAA AAA=\n",  // a space in the signature
    "hello\n\n— example.lu/alice AAAAAA-_\n",  // base64url, not standard base64
  ])
  func malformedNotesAreRefused(_ raw: String) {
    #expect(isMalformed(raw))
  }

  @Test func invalidUTF8IsRefused() {
    var raw = bytes("hello \n\n" + line)
    raw[5] = 0xFF
    #expect(throws: TransparencyError.malformedNote("not valid UTF-8")) {
      try SignedNote.parse(raw)
    }
  }

  @Test func theNumberOfSignaturesIsBounded() throws {
    let one = try alice.signature(for: "hello\n")
    #expect(
      try SignedNote.parse(bytes("hello\n\n" + String(repeating: one.line, count: 100))).signatures
        .count == 100)
    #expect(isMalformed("hello\n\n" + String(repeating: one.line, count: 101)))
    #expect(throws: TransparencyError.self) {
      try SignedNote(text: "hello\n", signatures: Array(repeating: one, count: 101))
    }
  }

  @Test func theSizeIsBounded() throws {
    let big = String(repeating: "a", count: SignedNote.maximumByteCount) + "\n"
    #expect(isMalformed(big + "\n" + line))
  }

  @Test func unknownKeysAreIgnoredAndOneKnownMustVerify() throws {
    let signed = try alice.sign("hello\n").adding([try bob.signature(for: "hello\n")])
    #expect(try signed.verify(by: [alice.verifier]).map(\.name) == ["example.lu/alice"])
    // Same name, other key (hence other key ID): unknown, ignored.
    let impostor = try Ed25519NoteSigner(name: "example.lu/alice", key: SigningKey())
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try signed.verify(by: [impostor.verifier])
    }
    // No signature from a known key: rejected.
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try alice.sign("hello\n").verify(by: [bob.verifier])
    }
  }

  @Test func aSameIDOtherNameLineIsIgnored() throws {
    // A line with alice's key ID under another name is not alice's.
    let real = try alice.signature(for: "hello\n")
    let renamed = try NoteSignature(
      name: "example.lu/mallory", keyID: real.keyID, signature: Array(repeating: 1, count: 64))
    let signed = try SignedNote(text: "hello\n", signatures: [renamed, real])
    #expect(try signed.verify(by: [alice.verifier]) == [real])
  }

  @Test func aFailingKnownSignatureRejectsTheWholeNote() throws {
    let good = try alice.signature(for: "hello\n")
    var forged = good.signature
    forged[0] ^= 1
    let bad = try NoteSignature(name: good.name, keyID: good.keyID, signature: forged)
    let signed = try SignedNote(
      text: "hello\n", signatures: [good, bad, try bob.signature(for: "hello\n")])
    #expect(throws: TransparencyError.signatureFailed(name: "example.lu/alice", keyID: alice.keyID))
    {
      try signed.verify(by: [alice.verifier, bob.verifier])
    }
    // A signature of the wrong length from a known key fails too.
    let short = try NoteSignature(name: good.name, keyID: good.keyID, signature: [1, 2, 3])
    #expect(throws: TransparencyError.signatureFailed(name: "example.lu/alice", keyID: alice.keyID))
    {
      try SignedNote(text: "hello\n", signatures: [good, short]).verify(by: [alice.verifier])
    }
  }

  @Test func twoVerifiersWithOneNameAndKeyIDAreAmbiguous() throws {
    let signed = try alice.sign("hello\n")
    #expect(
      throws: TransparencyError.ambiguousVerifiers(name: "example.lu/alice", keyID: alice.keyID)
    ) {
      try signed.verify(by: [alice.verifier, alice.verifier])
    }
  }

  @Test func signersRefuseWhatIsNotANoteText() {
    #expect(throws: TransparencyError.self) { try alice.sign("no newline") }
    #expect(throws: TransparencyError.self) { try alice.sign("tab\there\n") }
    #expect(throws: TransparencyError.self) {
      try Ed25519NoteSigner(name: "a b", key: SigningKey())
    }
    #expect(throws: TransparencyError.self) { try Ed25519NoteSigner(name: "", key: SigningKey()) }
  }

  @Test func vkeysRoundTripAndAreCheckedStrictly() throws {
    let vkey = alice.verifier.vkey
    #expect(try Ed25519NoteVerifier(vkey: vkey) == alice.verifier)
    #expect(try VerifierKey.parse(vkey).encoded == vkey)
    let parts = vkey.split(separator: "+").map(String.init)
    let otherID = NoteKeyID.hex(alice.keyID &+ 1)
    // Upper-case hex differs only when the key ID has a letter (a random key
    // may have none): then its first digit becomes a letter.
    let upper =
      parts[1].uppercased() != parts[1]
      ? parts[1].uppercased() : "A" + parts[1].dropFirst()
    for bad in [
      "\(parts[0])+\(otherID)+\(parts[2])",  // key ID not from name and key
      "\(parts[0])+\(upper)+\(parts[2])",  // upper-case hex, or another key ID
      "\(parts[0])+\(parts[1].dropFirst())+\(parts[2])",  // short key ID
      "other.example+\(parts[1])+\(parts[2])",  // another name, so another key ID
      "\(parts[0])+\(parts[1])+\(parts[2])+x",  // four parts
      "\(parts[0])+\(parts[1])",  // two parts
      "a b+\(parts[1])+\(parts[2])",  // a space in the name
      "\(parts[0])+\(parts[1])+\(parts[2].dropLast(4))",  // a short key
    ] {
      #expect(throws: TransparencyError.self, "\(bad)") { try Ed25519NoteVerifier(vkey: bad) }
    }
    // A cosignature vkey (type 0x04) is not an Ed25519 note vkey (type 0x01).
    let cosigner = try CosignatureV1Signer(name: "example.lu/alice", key: SigningKey())
    #expect(throws: TransparencyError.self) { try Ed25519NoteVerifier(vkey: cosigner.vkey) }
    #expect(throws: TransparencyError.self) { try CosignatureV1Verifier(vkey: vkey) }
  }
}
