/// Reads the binary encodings of `spec/log.md` (heads proofs, updates, the
/// receipt's extra data): big-endian integers and 32-byte hashes, each read
/// checked against what is left.
struct ByteReader {
  private let bytes: [UInt8]
  private(set) var position = 0
  let what: String

  init(_ bytes: some Collection<UInt8>, what: String) {
    self.bytes = Array(bytes)
    self.what = what
  }

  var isAtEnd: Bool { position == bytes.count }

  mutating func take(_ count: Int) throws(TransparencyError) -> [UInt8] {
    guard count >= 0, bytes.count - position >= count else {
      throw .malformedHeads("\(what) is truncated")
    }
    defer { position += count }
    return Array(bytes[position..<position + count])
  }

  mutating func uint(_ width: Int) throws(TransparencyError) -> UInt64 {
    try take(width).reduce(0) { $0 << 8 | UInt64($1) }
  }

  mutating func hash() throws(TransparencyError) -> [UInt8] { try take(32) }

  mutating func hashes(count: Int) throws(TransparencyError) -> [[UInt8]] {
    var out: [[UInt8]] = []
    for _ in 0..<count { out.append(try hash()) }
    return out
  }

  mutating func rest() -> [UInt8] {
    defer { position = bytes.count }
    return Array(bytes[position...])
  }

  func finish() throws(TransparencyError) {
    guard isAtEnd else { throw .malformedHeads("\(what) has bytes after its end") }
  }
}

/// Writes the same encodings.
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  mutating func uint(_ value: UInt64, _ width: Int) {
    for i in stride(from: width - 1, through: 0, by: -1) {
      bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))))
    }
  }

  mutating func append(_ more: [UInt8]) { bytes += more }
}
