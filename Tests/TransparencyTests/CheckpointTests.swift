import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// The note text of c2sp.org/tlog-checkpoint.
@Suite("Checkpoints")
struct CheckpointTests {
  static let root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="

  @Test func extensionLinesAreKeptInOrder() throws {
    let text = "example.lu/log\n7\n\(Self.root)\nfirst extension\nsecond\n"
    let checkpoint = try TlogCheckpoint(text: text)
    #expect(checkpoint.extensionLines == ["first extension", "second"])
    #expect(checkpoint.text == text)
  }

  @Test func theEmptyTreeIsSizeZeroWithTheHashOfNothing() throws {
    let empty = try TlogCheckpoint(
      text: "example.lu/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
    #expect(empty.size == 0)
    #expect(empty.rootHash == MerkleTree.root([]))
    #expect(empty.hasConsistentEmptyRoot)
    #expect(try !TlogCheckpoint(text: "example.lu/log\n0\n\(Self.root)\n").hasConsistentEmptyRoot)
  }

  @Test(arguments: [
    "example.lu/log\n7\n",  // two lines
    "example.lu/log\n7\n\(root)",  // no final newline
    "\n7\n\(root)\n",  // empty origin
    "example.lu/log\n07\n\(root)\n",  // a leading zero
    "example.lu/log\n+7\n\(root)\n",
    "example.lu/log\n-1\n\(root)\n",
    "example.lu/log\n 7\n\(root)\n",
    "example.lu/log\n\n\(root)\n",  // no size
    "example.lu/log\n9223372036854775808\n\(root)\n",  // 2^63
    "example.lu/log\n7\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",  // 31 bytes
    "example.lu/log\n7\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",  // no padding
    "example.lu/log\n7\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n",  // base64url
    "example.lu/log\n7\n\(root)\n\nafter an empty line\n",  // an empty extension line
    "example.lu/log\n7\n\(root)\n\n",
    "example.lu\tlog\n7\n\(root)\n",  // a control character
  ])
  func malformedCheckpointsAreRefused(_ text: String) {
    #expect(throws: TransparencyError.self) { try TlogCheckpoint(text: text) }
  }

  @Test func theLargestSizeIsTwoToTheSixtyThreeMinusOne() throws {
    #expect(
      try TlogCheckpoint(text: "example.lu/log\n9223372036854775807\n\(Self.root)\n").size
        == Int.max)
  }

  @Test func checkpointsAreBuiltOnlyFromValidParts() {
    let root = MerkleTree.root([])
    #expect(throws: TransparencyError.self) {
      try TlogCheckpoint(origin: "", size: 0, rootHash: root)
    }
    #expect(throws: TransparencyError.self) {
      try TlogCheckpoint(origin: "a\nb", size: 0, rootHash: root)
    }
    #expect(throws: TransparencyError.self) {
      try TlogCheckpoint(origin: "a", size: -1, rootHash: root)
    }
    #expect(throws: TransparencyError.self) {
      try TlogCheckpoint(origin: "a", size: 1, rootHash: [1, 2])
    }
    #expect(throws: TransparencyError.self) {
      try TlogCheckpoint(origin: "a", size: 1, rootHash: root, extensionLines: [""])
    }
  }
}
