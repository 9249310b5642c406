/// Reads the newline-terminated header lines of a C2SP request or proof, then
/// hands over the bytes after them (the checkpoint note) untouched.
struct LineReader {
  private let bytes: [UInt8]
  private var position = 0
  private let error: (String) -> TransparencyError
  /// Header lines are short; a longer one is refused before it is decoded.
  static let maximumLineLength = 8 << 10

  init(_ bytes: [UInt8], error: @escaping (String) -> TransparencyError) {
    self.bytes = bytes
    self.error = error
  }

  /// The next line without its newline. "Each line MUST terminate in a newline".
  mutating func next() throws(TransparencyError) -> String {
    guard let end = bytes[position...].prefix(Self.maximumLineLength + 1).firstIndex(of: 0x0A)
    else {
      throw error("a line is missing its newline, or is too long")
    }
    let line = bytes[position..<end]
    guard !line.contains(where: { $0 < 0x20 || $0 > 0x7E }) else {
      throw error("header lines are printable ASCII")
    }
    position = end + 1
    return String(decoding: line, as: UTF8.self)
  }

  var rest: ArraySlice<UInt8> { bytes[position...] }
}
