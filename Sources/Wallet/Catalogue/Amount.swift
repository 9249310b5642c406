import Foundation

/// Amounts of money in euro cents: read from what people type ("1234.50",
/// "1 234,50 €", "1.234,50", "€ 12") and written back for them. Whole cents in
/// an integer, so that no rounding ever changes an income or a rent.
enum Amount {
  /// Ten million euros: more than any figure on a social aid form, so a larger
  /// number is a typing mistake.
  static let maximumCents: Int64 = 1_000_000_000

  static func parseCents(_ input: String) throws(FieldValidationError) -> Int64 {
    var s = Substring(input.trimmingCharacters(in: .whitespaces).lowercased())
    guard !s.isEmpty else { throw .empty }
    s = stripCurrency(s)
    guard !s.isEmpty else { throw .amountFormat }
    if let first = s.first, "-−–".contains(first) { throw .amountNegative }
    // Grouping spaces: ordinary, no-break, narrow no-break; Swiss apostrophes.
    let groupMarks: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "'", "\u{2019}"]
    guard
      s.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "." || $0 == "," || groupMarks.contains($0) }
      )
    else { throw .amountFormat }

    let (integerText, fraction) = try splitDecimal(String(s), groupMarks: groupMarks)
    guard integerText.count <= 12, let whole = Int64(integerText) else {
      throw integerText.isEmpty ? .amountFormat : .amountTooLarge
    }
    let cents = whole * 100 + Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))!
    guard cents <= maximumCents else { throw .amountTooLarge }
    return cents
  }

  private static func stripCurrency(_ text: Substring) -> Substring {
    var s = text
    for token in ["euros", "euro", "eur", "€"] {
      if s.hasPrefix(token) { s = s.dropFirst(token.count) }
      if s.hasSuffix(token) { s = s.dropLast(token.count) }
      // Any space, no-break ones included, may sit between number and currency.
      s = s.drop(while: \.isWhitespace)
      while s.last?.isWhitespace == true { s = s.dropLast() }
    }
    return s
  }

  /// Decides which of `.` and `,` is the decimal separator: the last one when
  /// both appear; a single one followed by 1 or 2 digits; otherwise they group
  /// thousands, and every group must then have 3 digits.
  private static func splitDecimal(_ s: String, groupMarks: Set<Character>)
    throws(FieldValidationError)
    -> (integer: String, fraction: String)
  {
    let dots = s.filter { $0 == "." }.count
    let commas = s.filter { $0 == "," }.count
    var decimal: Character?
    if dots > 0 && commas > 0 {
      decimal = s.lastIndex(of: ".")! > s.lastIndex(of: ",")! ? "." : ","
      guard (decimal == "." ? dots : commas) == 1 else { throw .amountFormat }
    } else if dots + commas == 1 {
      let mark: Character = dots == 1 ? "." : ","
      let after = s.split(separator: mark, omittingEmptySubsequences: false)[1]
      let head = s.split(separator: mark, omittingEmptySubsequences: false)[0]
        .filter { !groupMarks.contains($0) }
      // "1.234" groups thousands, but "0.125" can only be a fraction of a cent.
      let groupsThousands = after.count == 3 && !(head.isEmpty || head == "0")
      if !groupsThousands {
        guard after.count <= 2 else { throw .amountTooPrecise }
        decimal = mark
      }
    }
    var integerPart = s
    var fraction = ""
    if let decimal {
      let pieces = s.split(separator: decimal, omittingEmptySubsequences: false)
      integerPart = String(pieces[0])
      fraction = String(pieces[1])
      guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigitCharacter) else {
        throw .amountFormat
      }
      guard fraction.count <= 2 else { throw .amountTooPrecise }
    }
    let groups = integerPart.split(
      omittingEmptySubsequences: false,
      whereSeparator: { groupMarks.contains($0) || $0 == "." || $0 == "," })
    guard let first = groups.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigitCharacter),
      groups.count == 1
        || (first.count <= 3
          && groups.dropFirst().allSatisfy {
            $0.count == 3 && $0.allSatisfy(\.isASCIIDigitCharacter)
          })
    else { throw .amountFormat }
    return (groups.joined(), fraction)
  }

  /// "1 234,50 €" in French, "€1,234.50" in English (no-break spaces, so that
  /// an amount is never cut across two lines on paper).
  static func format(cents: Int64, in language: Language) -> String {
    let euros = String(cents / 100)
    let rest = cents % 100
    let centsText = rest < 10 ? "0\(rest)" : "\(rest)"
    var grouped: [String] = []
    var digits = Substring(euros)
    while digits.count > 3 {
      grouped.insert(String(digits.suffix(3)), at: 0)
      digits = digits.dropLast(3)
    }
    grouped.insert(String(digits), at: 0)
    switch language {
    case .french: return grouped.joined(separator: "\u{00A0}") + "," + centsText + "\u{00A0}€"
    case .english: return "€" + grouped.joined(separator: ",") + "." + centsText
    case .german: return grouped.joined(separator: ".") + "," + centsText + "\u{00A0}€"
    case .portuguese:
      return grouped.joined(separator: "\u{00A0}") + "," + centsText + "\u{00A0}€"
    }
  }
}
