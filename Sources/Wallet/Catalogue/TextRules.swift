import Foundation

/// Normalisation of free text and names. Values are stored in Unicode NFC so
/// that the same text typed twice gives the same canonical bytes.
enum TextRules {
  static let textMaximum = 2000
  static let nameMaximum = 100

  /// Free text, possibly on several lines: line ends unified to `\n`, trailing
  /// spaces and blank first and last lines removed.
  static func text(_ input: String) throws(FieldValidationError) -> String {
    let unified = input.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
      .replacingOccurrences(of: "\t", with: " ")
    try refuseHiddenCharacters(unified, allowingNewline: true)
    let lines = nfc(unified).split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0).trimmingTrailingSpaces() }
    let result = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !result.isEmpty else { throw .empty }
    guard result.count <= textMaximum else { throw .tooLong(maximum: textMaximum) }
    return result
  }

  /// A name: letters (of any script), single spaces, hyphens, apostrophes and
  /// periods. Typographic apostrophes and hyphens become their ASCII forms so
  /// that "D’Souza" and "D'Souza" are one value.
  static func name(_ input: String) throws(FieldValidationError) -> String {
    try refuseHiddenCharacters(input, allowingNewline: true)
    let words = nfc(input)
      .replacingOccurrences(of: "\u{2019}", with: "'")
      .replacingOccurrences(of: "\u{2010}", with: "-")
      .split(whereSeparator: { $0.isWhitespace })
    let result = words.joined(separator: " ")
    guard !result.isEmpty else { throw .empty }
    guard result.count <= nameMaximum else { throw .tooLong(maximum: nameMaximum) }
    guard result.allSatisfy({ $0.isLetter || " -'.".contains($0) }),
      result.contains(where: \.isLetter)
    else { throw .notAName }
    return result
  }

  /// Control, format (bidi overrides, zero-width spaces), private-use and
  /// separator characters can hide or reorder what a reader sees (a "Trojan
  /// source" in a form), so they are refused rather than silently dropped.
  /// ZWNJ and ZWJ stay: some scripts need them.
  static func refuseHiddenCharacters(_ input: String, allowingNewline: Bool)
    throws(FieldValidationError)
  {
    for scalar in input.unicodeScalars {
      if scalar == "\n" && allowingNewline { continue }
      if scalar == "\u{200C}" || scalar == "\u{200D}" { continue }
      switch scalar.properties.generalCategory {
      case .control, .format, .privateUse, .surrogate, .lineSeparator, .paragraphSeparator:
        throw .forbiddenCharacters
      default:
        continue
      }
    }
  }

  static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

  /// For matching names in a list (communes, civil statuses): lower case,
  /// accents removed, punctuation (hyphens, apostrophes, underscores, brackets) read as spaces.
  static func folded(_ s: String) -> String {
    let stripped = s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
      $0.properties.generalCategory != .nonspacingMark
    }
    let lowered = String(String.UnicodeScalarView(stripped)).lowercased()
    let spaced = lowered.map { "-_'\u{2019}.,/()".contains($0) ? " " : $0 }
    return String(spaced).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while let last = s.last, last.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
