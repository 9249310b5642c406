/// An international bank account number (ISO 13616-1): two letters for the
/// country, two check digits, then the national account number. Valid when the
/// rearranged number is 1 modulo 97 and its length is the country's.
public struct IBAN: Sendable, Hashable, CustomStringConvertible {
  /// Upper case, without spaces ("electronic format" of ISO 13616-1).
  public let compact: String

  static let genericLength = 15...34

  /// Lengths from the SWIFT IBAN Registry for the countries people in
  /// Luxembourg most often bank in; other countries get the generic bounds.
  static let countryLengths: [String: Int] = [
    "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27,
    "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19,
    "SK": 24,
  ]

  /// Validates typed input: spaces and hyphens are dropped, letters upper-cased.
  public init(validating input: String) throws(FieldValidationError) {
    let compact = String(input.filter { !" -\u{00A0}".contains($0) }).uppercased()
    guard !compact.isEmpty else { throw .empty }
    guard compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
      throw .ibanCharacters
    }
    let chars = Array(compact)
    guard chars.count >= 2, chars[0].isLetter, chars[1].isLetter else { throw .ibanCountry }
    let expected = Self.countryLengths[String(chars[0..<2])].map { $0...$0 } ?? Self.genericLength
    guard expected.contains(chars.count) else { throw .ibanLength(expected: expected) }
    guard chars[2].isNumber, chars[3].isNumber, Self.remainder(chars) == 1 else {
      throw .ibanCheckDigits
    }
    self.compact = compact
  }

  /// ISO 7064 MOD 97-10 over the BBAN followed by the first four characters,
  /// letters read as 10 (A) to 35 (Z), computed piecewise to stay in an Int.
  private static func remainder(_ chars: [Character]) -> Int {
    var r = 0
    for ch in chars[4...] + chars[0..<4] {
      guard let value = ch.asciiDigitValue ?? ch.letterValue else { return -1 }
      r = value < 10 ? (r * 10 + value) % 97 : (r * 100 + value) % 97
    }
    return r
  }

  /// In groups of four, as printed ("print format" of ISO 13616-1).
  public var grouped: String {
    var out = ""
    for (i, ch) in compact.enumerated() {
      if i > 0 && i % 4 == 0 { out.append(" ") }
      out.append(ch)
    }
    return out
  }

  /// Never the number: an IBAN printed in a log is a leak.
  public var description: String { "IBAN(redacted)" }
}

extension Character {
  fileprivate var asciiDigitValue: Int? {
    guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
    return Int(ascii) - 48
  }

  /// A = 10 … Z = 35 (upper-case ASCII letters only).
  fileprivate var letterValue: Int? {
    guard let ascii = asciiValue, (65...90).contains(ascii) else { return nil }
    return Int(ascii) - 55
  }
}
