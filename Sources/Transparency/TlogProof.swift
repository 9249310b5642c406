import PSPConsent

/// An offline-verifiable proof of logging (c2sp.org/tlog-proof):
///
///     c2sp.org/tlog-proof@v1
///     extra <base64>            (optional)
///     index <decimal>
///     <base64 hash>             (zero or more: the inclusion proof)
///
///     <the checkpoint, verbatim: a signed note>
public struct TlogProof: Sendable, Equatable {
  public static let header = "c2sp.org/tlog-proof@v1"
  /// An inclusion proof in a tree of at most 2^63 - 1 leaves has at most 63 hashes.
  public static let maximumProofLines = 63

  /// Opaque, unauthenticated: "Appications MUST NOT implicitly trust the extra data".
  public let extra: [UInt8]?
  public let index: Int
  /// "starting from the leaf's sibling hash up to the root's child hash".
  public let inclusionProof: [[UInt8]]
  public let checkpoint: SignedNote

  public init(extra: [UInt8]? = nil, index: Int, inclusionProof: [[UInt8]], checkpoint: SignedNote)
    throws(TransparencyError)
  {
    // An empty extra would be written as "extra " and read back as absent data.
    guard extra.map({ !$0.isEmpty }) ?? true else {
      throw .malformedProof("extra data, if present, is not empty")
    }
    guard index >= 0 else { throw .malformedProof("the index must not be negative") }
    guard inclusionProof.count <= Self.maximumProofLines,
      inclusionProof.allSatisfy({ $0.count == 32 })
    else {
      throw .malformedProof("the inclusion proof is at most 63 SHA-256 hashes")
    }
    self.extra = extra
    self.index = index
    self.inclusionProof = inclusionProof
    self.checkpoint = checkpoint
  }

  public static func parse(_ bytes: some Collection<UInt8>) throws(TransparencyError) -> TlogProof {
    var lines = LineReader(Array(bytes), error: TransparencyError.malformedProof)
    guard try lines.next() == header else {
      throw .malformedProof("the first line must be \(header)")
    }
    var line = try lines.next()
    var extra: [UInt8]? = nil
    if line.hasPrefix("extra ") {
      guard let data = StandardBase64.decode(line.dropFirst(6)), !data.isEmpty else {
        throw .malformedProof("the extra line must hold canonical standard base64 data")
      }
      extra = data
      line = try lines.next()
    }
    guard line.hasPrefix("index "), let index = DecimalText.parse(line.dropFirst(6)) else {
      throw .malformedProof("expected 'index' and a decimal without leading zeroes")
    }
    var proof: [[UInt8]] = []
    while true {
      line = try lines.next()
      if line.isEmpty { break }
      guard proof.count < maximumProofLines else {
        throw .malformedProof("more than 63 inclusion proof lines")
      }
      guard let hash = StandardBase64.decodeHash(line) else {
        throw .malformedProof("an inclusion proof line must be the standard base64 of 32 bytes")
      }
      proof.append(hash)
    }
    let note = try SignedNote.parse(lines.rest)
    return try TlogProof(extra: extra, index: index, inclusionProof: proof, checkpoint: note)
  }

  public func serialized() -> [UInt8] {
    var text = Self.header + "\n"
    if let extra { text += "extra \(StandardBase64.encode(extra))\n" }
    text += "index \(index)\n"
    for hash in inclusionProof { text += StandardBase64.encode(hash) + "\n" }
    return Array((text + "\n").utf8) + checkpoint.serialized()
  }

  /// tlog-proof §Verifying, given step 1's leaf hash (application specific;
  /// for RFC 9162 leaves `MerkleTree.leafHash(entry)`): step 2 and 3 by the
  /// policy, then step 4, "Check that the inclusion proof is valid, to bind the
  /// leaf hash computed in step 1 to the root hash of the signed checkpoint".
  public func verify(leafHash: [UInt8], policy: TlogPolicy) throws(TransparencyError)
    -> TlogCheckpoint
  {
    let verified = try policy.verify(checkpoint)
    guard leafHash.count == 32,
      MerkleTree.verifyInclusion(
        leaf: leafHash, index: index, size: verified.size, proof: inclusionProof,
        root: verified.rootHash)
    else { throw .inclusionProofFailed }
    return verified
  }
}
