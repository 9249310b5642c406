import Foundation

/// A pragmatic e-mail check (the syntax of RFC 5321 "Mailbox" without quoted
/// local parts or address literals, which forms never see): catches typing
/// mistakes, not whether the mailbox exists. The domain is lower-cased; the
/// local part is kept as typed, since only the receiving server may fold it.
enum EmailAddress {
  static let maximumLength = 254

  static func normalise(_ input: String) throws(FieldValidationError) -> String {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw .empty }
    guard trimmed.count <= maximumLength else { throw .tooLong(maximum: maximumLength) }
    let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw .emailFormat }
    let local = String(parts[0])
    let domain = parts[1].lowercased()
    guard isLocalPart(local), isDomain(domain) else { throw .emailFormat }
    return local + "@" + domain
  }

  private static let atext = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")

  /// Dot-separated runs of RFC 5322 `atext`, at most 64 characters.
  private static func isLocalPart(_ s: String) -> Bool {
    (1...64).contains(s.count)
      && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
        !$0.isEmpty && $0.allSatisfy(atext.contains)
      }
  }

  /// At least two labels of letters, digits and inner hyphens (RFC 1035 LDH,
  /// punycode included), the last one not all digits.
  private static func isDomain(_ s: String) -> Bool {
    let labels = s.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, s.count <= 253, let top = labels.last, top.count >= 2,
      !top.allSatisfy(\.isASCIIDigitCharacter)
    else { return false }
    return labels.allSatisfy { label in
      (1...63).contains(label.count) && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
  }
}
