import PSPConsent

/// The note text of a checkpoint (c2sp.org/tlog-checkpoint): "a sequence of at
/// least three non-empty lines" — origin, tree size, root hash in base64 —
/// then optional, opaque extension lines.
public struct TlogCheckpoint: Sendable, Equatable {
  /// "a unique identifier for the log identity which issued the checkpoint".
  public let origin: String
  /// The number of leaves.
  public let size: Int
  /// The RFC 6962 / RFC 9162 root hash at `size` (32 bytes).
  public let rootHash: [UInt8]
  /// "Extension lines, if any, MUST be non-empty."
  public let extensionLines: [String]

  public init(origin: String, size: Int, rootHash: [UInt8], extensionLines: [String] = [])
    throws(TransparencyError)
  {
    // "The origin MUST be non-empty"; it SHOULD (not MUST) avoid spaces and '+'.
    try Self.checkLine(origin, what: "the origin")
    guard size >= 0 else { throw .malformedCheckpoint("the tree size must not be negative") }
    guard rootHash.count == 32 else { throw .malformedCheckpoint("the root hash must be 32 bytes") }
    for line in extensionLines { try Self.checkLine(line, what: "an extension line") }
    self.origin = origin
    self.size = size
    self.rootHash = rootHash
    self.extensionLines = extensionLines
  }

  /// Parses the text of a checkpoint note (not its signatures).
  public init(text: String) throws(TransparencyError) {
    guard text.utf8.last == 0x0A else {
      throw .malformedCheckpoint("the text must end in a newline")
    }
    let lines = text.utf8.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    guard lines.count >= 3 else { throw .malformedCheckpoint("at least three lines are required") }
    // "with no leading zeroes (unless the tree is empty, in which case the tree size is `0`)"
    guard let size = DecimalText.parse(lines[1]) else {
      throw .malformedCheckpoint("the tree size must be decimal without leading zeroes")
    }
    guard let root = StandardBase64.decodeHash(lines[2]) else {
      throw .malformedCheckpoint("the root hash must be the standard base64 of 32 bytes")
    }
    try self.init(origin: lines[0], size: size, rootHash: root, extensionLines: Array(lines[3...]))
  }

  /// The note text, final newline included.
  public var text: String {
    ([origin, String(size), StandardBase64.encode(rootHash)] + extensionLines).map { $0 + "\n" }
      .joined()
  }

  /// "A checkpoint of size zero MUST have the root hash of the empty tree".
  public var hasConsistentEmptyRoot: Bool { size > 0 || rootHash == MerkleTree.root([]) }

  public static func == (a: TlogCheckpoint, b: TlogCheckpoint) -> Bool {
    a.text.utf8.elementsEqual(b.text.utf8)
  }

  private static func checkLine(_ line: String, what: String) throws(TransparencyError) {
    guard !line.isEmpty else { throw .malformedCheckpoint("\(what) must not be empty") }
    guard !line.utf8.contains(where: { $0 < 0x20 }) else {
      throw .malformedCheckpoint("\(what) must hold no control character or newline")
    }
  }
}
