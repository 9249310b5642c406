/// The spelling rule shared by purpose ids and administration ids: lower-case
/// ASCII letters, digits and single inner hyphens, starting with a letter, 1 to
/// 64 characters (`allocation-vie-chere`, `office-social-esch`). These ids go
/// into tokens, the access log and file names, so each must have one spelling.
enum Slug {
  static let maximumLength = 64

  static func isWellFormed(_ s: String) -> Bool {
    let bytes = Array(s.utf8)
    guard (1...maximumLength).contains(bytes.count), isLetter(bytes[0]), bytes.last != hyphen else {
      return false
    }
    for (index, byte) in bytes.enumerated() {
      guard isLetter(byte) || isDigit(byte) || byte == hyphen else { return false }
      if byte == hyphen && index > 0 && bytes[index - 1] == hyphen { return false }
    }
    return true
  }

  private static let hyphen: UInt8 = 0x2D
  private static func isLetter(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
  private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
