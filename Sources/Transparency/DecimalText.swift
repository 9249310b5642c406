/// Sizes, indices and timestamps as C2SP writes them: ASCII decimal "with no
/// leading zeroes (unless the size is zero, in which case the encoding MUST be
/// `0`)". Values above 2^63 - 1 are refused: tree sizes are 64-bit signed in
/// `MerkleTree` and in SQLite, and timestamps "MUST NOT exceed 2^63 - 1".
enum DecimalText {
  static func parse(_ text: some StringProtocol) -> Int? {
    let digits = Array(text.utf8)
    guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    guard digits.count == 1 || digits[0] != 0x30 else { return nil }
    var value = 0
    for digit in digits {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int(digit - 0x30))
      guard !overflow1, !overflow2 else { return nil }
      value = sum
    }
    return value
  }
}
