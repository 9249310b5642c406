import PSPCrypto
import Testing

@testable import PSPTransparency

/// Every example of the C2SP texts (signed-note, tlog-checkpoint,
/// tlog-cosignature, tlog-witness, tlog-proof), byte for byte. Where an
/// example gives a key, its signature must verify; where it elides data with
/// `[...]`, only parsing is tested.
@Suite("C2SP examples")
struct SpecExampleTests {
  // signed-note §Verifier keys, Example.
  static let exampleVkey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
  static let exampleNote = """
    This is an example message.

    — example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=

    """

  @Test func theSignedNoteExampleVerifiesUnderItsVkey() throws {
    let verifier = try Ed25519NoteVerifier(vkey: Self.exampleVkey)
    #expect(verifier.name == "example.com/foo")
    // The key ID is recomputed from the name and the key, not read from the vkey.
    #expect(
      NoteKeyID.compute(name: "example.com/foo", type: 0x01, publicKey: verifier.publicKey.bytes)
        == 0x530d_903a)
    #expect(verifier.keyID == 0x530d_903a)
    #expect(verifier.vkey == Self.exampleVkey)

    let note = try SignedNote.parse(bytes(Self.exampleNote))
    #expect(note.text == "This is an example message.\n")
    #expect(note.serialized() == bytes(Self.exampleNote))
    #expect(try note.verify(by: [verifier]) == note.signatures)
    #expect(note.signatures[0].keyID == 0x530d_903a)
    #expect(note.signatures[0].signature.count == 64)
  }

  @Test func theExampleVkeyReadsAsItsParts() throws {
    let key = try VerifierKey.parse(Self.exampleVkey)
    #expect(key.type == 0x01)
    #expect(
      Encoding.hex(key.publicKey)
        == "e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4")
    #expect(key.encoded == Self.exampleVkey)
  }

  // signed-note, the opening example (no key is given: parsing only).
  static let poem = """
    Ognuno sta solo sul cuor della terra
    trafitto da un raggio di sole:

    ed è subito sera.

    — quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=

    """

  @Test func theOpeningNoteSplitsAtItsLastBlankLine() throws {
    let note = try SignedNote.parse(bytes(Self.poem))
    #expect(
      note.text
        == "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n"
    )
    #expect(note.signatures.map(\.name) == ["quasimodo.example/salvatore"])
    #expect(note.signatures[0].keyID == 0x367b_a04b)
    #expect(note.serialized() == bytes(Self.poem))
    // Its key is not known here: the note must be rejected.
    #expect(throws: TransparencyError.noVerifiedSignature) {
      try note.verify(by: [Ed25519NoteVerifier(vkey: Self.exampleVkey)])
    }
  }

  // tlog-checkpoint, the example.
  static let checkpointNote = """
    example.com/behind-the-sofa
    20852163
    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

    — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=

    """

  @Test func theCheckpointExampleParsesAndFormats() throws {
    let note = try SignedNote.parse(bytes(Self.checkpointNote))
    let checkpoint = try TlogCheckpoint(text: note.text)
    #expect(checkpoint.origin == "example.com/behind-the-sofa")
    #expect(checkpoint.size == 20_852_163)
    #expect(
      Encoding.hex(checkpoint.rootHash)
        == "0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62")
    #expect(checkpoint.extensionLines.isEmpty)
    #expect(checkpoint.text == note.text)
    #expect(note.serialized() == bytes(Self.checkpointNote))
    #expect(note.signatures[0].keyID == 0x033d_e0ae)
  }

  // tlog-cosignature, the example and its signed message.
  static let cosignedNote = """
    example.com/behind-the-sofa
    20852163
    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

    — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
    — witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==

    """
  static let signedMessage = """
    cosignature/v1
    time 1679315147
    example.com/behind-the-sofa
    20852163
    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

    """

  @Test func theCosignatureExampleCarriesItsTimestampAndMessage() throws {
    let note = try SignedNote.parse(bytes(Self.cosignedNote))
    #expect(note.serialized() == bytes(Self.cosignedNote))
    #expect(
      note.signatures.map(\.name) == ["example.com/behind-the-sofa", "witness.example.com/w1"])
    let cosignature = note.signatures[1]
    #expect(cosignature.keyID == 0x8d66_cf3f)
    #expect(cosignature.signature.count == 8 + 64)
    // The timestamp of the example's signed message, 1679315147, is the one in the line.
    #expect(CosignatureV1.timestamp(of: cosignature) == 1_679_315_147)
    #expect(
      CosignatureV1.message(checkpointText: bytes(note.text), timestamp: 1_679_315_147)
        == bytes(Self.signedMessage))
  }

  // tlog-witness, add-checkpoint: the example request and response bodies.
  static let addCheckpointBody = """
    old 20852014
    PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
    jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
    5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
    /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

    example.com/behind-the-sofa
    20852163
    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

    — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
    — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=

    """
  static let addCheckpointResponse = """
    — witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==
    — witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==
    — witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==

    """

  @Test func theAddCheckpointExampleParsesAndFormats() throws {
    let request = try AddCheckpointRequest.parse(bytes(Self.addCheckpointBody))
    #expect(request.oldSize == 20_852_014)
    #expect(request.consistencyProof.count == 4)
    #expect(
      Encoding.hex(request.consistencyProof[0])
        == "3e544d0abc07a6a846aeea6e7b42fb8316e36cc88a03db5e9afb996430e991ac")
    #expect(request.checkpoint.size == 20_852_163)
    #expect(request.note.signatures.map(\.keyID) == [0x033d_e0ae, 0xa292_ea05])
    #expect(request.serialized() == bytes(Self.addCheckpointBody))
  }

  @Test func theAddCheckpointResponseExampleIsThreeSignatureLines() throws {
    let lines = try NoteSignature.parseLines(bytes(Self.addCheckpointResponse))
    #expect(
      lines.map(\.name) == ["witness.example/w1", "witness.example/w1", "witness.example/w2"])
    #expect(lines.allSatisfy { $0.signature.count == 8 + 64 })
    #expect(lines.map(\.line).joined() == Self.addCheckpointResponse)
  }

  // tlog-proof, the example. Its signatures are elided ("hI2DJw[...]1roloI="),
  // which no parser can read as base64; the rest is parsed as it stands.
  static let proofHead = """
    c2sp.org/tlog-proof@v1
    extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
    index 73894
    gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
    B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
    EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
    RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
    AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

    example.com/fancylog
    109482
    sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=


    """
  static let elidedSignatures = """
    — example.com/fancylog hI2DJw[...]1roloI=
    — witness1.example mJirIklj[...]qY9v2B/5bg==
    — witness2.example TnKKVHLX[...]xwYwrSjgow==
    — witness3.example S4X82uH5[...]3oEcROGLFQ==

    """

  @Test func theProofExampleParsesWithItsElidedSignaturesFilledIn() throws {
    // As published, the elided signature lines are refused, and said to be.
    #expect(
      throws: TransparencyError.malformedNote(
        "a signature must be canonical standard base64 (RFC 4648 §4)")
    ) {
      try TlogProof.parse(bytes(Self.proofHead + Self.elidedSignatures))
    }
    // Filled in with signatures of the same names, the example parses and formats back.
    let checkpointText =
      "example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n"
    let log = try Ed25519NoteSigner(name: "example.com/fancylog", key: SigningKey())
    var lines = [try log.signature(for: checkpointText)]
    for name in ["witness1.example", "witness2.example", "witness3.example"] {
      lines.append(
        try CosignatureV1Signer(name: name, key: SigningKey()).cosign(
          checkpointText, timestamp: 1_679_315_147))
    }
    let filled = Self.proofHead + lines.map(\.line).joined()
    let proof = try TlogProof.parse(bytes(filled))
    #expect(text(proof.extra ?? []).hasPrefix("age-v1.2.1-darwin-arm64.tar.gz"))
    #expect(proof.index == 73894)
    #expect(proof.inclusionProof.count == 5)
    #expect(proof.checkpoint.text == checkpointText)
    #expect(try TlogCheckpoint(text: proof.checkpoint.text).size == 109_482)
    #expect(proof.checkpoint.signatures.map(\.name).count == 4)
    #expect(proof.serialized() == bytes(filled))
  }
}
