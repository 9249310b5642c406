/// The body of a witness's `POST <submission prefix>/add-checkpoint`
/// (c2sp.org/tlog-witness): "an old size line, zero or more consistency proof
/// lines, and an empty line, followed by a checkpoint".
///
///     old <decimal>
///     <base64 hash>             (at most 63)
///
///     <checkpoint note>
public struct AddCheckpointRequest: Sendable, Equatable {
  /// "The client MUST NOT send more than 63 consistency proof lines."
  public static let maximumProofLines = 63
  /// The largest body: a note at its bound, and the lines before it.
  public static let maximumByteCount = SignedNote.maximumByteCount + 8 << 10

  /// "the tree size of the previous checkpoint".
  public let oldSize: Int
  public let consistencyProof: [[UInt8]]
  /// The submitted note, with all its signatures.
  public let note: SignedNote
  /// The note's text read as a checkpoint (not yet verified).
  public let checkpoint: TlogCheckpoint

  public init(oldSize: Int, consistencyProof: [[UInt8]], note: SignedNote) throws(TransparencyError)
  {
    guard oldSize >= 0 else { throw .malformedRequest("the old size must not be negative") }
    guard consistencyProof.count <= Self.maximumProofLines,
      consistencyProof.allSatisfy({ $0.count == 32 })
    else {
      throw .malformedRequest("the consistency proof is at most 63 SHA-256 hashes")
    }
    self.oldSize = oldSize
    self.consistencyProof = consistencyProof
    self.note = note
    checkpoint = try TlogCheckpoint(text: note.text)
  }

  public static func parse(_ body: some Collection<UInt8>) throws(TransparencyError)
    -> AddCheckpointRequest
  {
    let body = Array(body)
    guard body.count <= maximumByteCount else { throw .malformedRequest("the body is too large") }
    var lines = LineReader(body, error: TransparencyError.malformedRequest)
    // "The old size line MUST consist of the string `old`, a single space
    // (0x20), and the tree size (...) with no leading zeroes".
    let first = try lines.next()
    guard first.hasPrefix("old "), let old = DecimalText.parse(first.dropFirst(4)) else {
      throw .malformedRequest("the first line must be 'old' and a decimal without leading zeroes")
    }
    var proof: [[UInt8]] = []
    while true {
      let line = try lines.next()
      if line.isEmpty { break }
      guard proof.count < maximumProofLines else {
        throw .malformedRequest("more than 63 consistency proof lines")
      }
      guard let hash = StandardBase64.decodeHash(line) else {
        throw .malformedRequest("a consistency proof line must be the standard base64 of 32 bytes")
      }
      proof.append(hash)
    }
    let note: SignedNote
    do { note = try SignedNote.parse(lines.rest) } catch {
      throw .malformedRequest(error.description)
    }
    do { return try AddCheckpointRequest(oldSize: old, consistencyProof: proof, note: note) } catch
    {
      throw .malformedRequest(error.description)
    }
  }

  public func serialized() -> [UInt8] {
    var head = "old \(oldSize)\n"
    for hash in consistencyProof { head += StandardBase64.encode(hash) + "\n" }
    return Array((head + "\n").utf8) + note.serialized()
  }
}
