/// The identifier of a field, as the catalogue and `../shared/domain/aids.md` name
/// it (`matricule`, `household_income`…). Lower-case ASCII letters, digits and
/// `_`, 1 to 64 characters: it appears in associated data, tokens and the access
/// log, so it must have one spelling only. It is not personal data.
public struct FieldID: TextIdentifier {
  public static let kindName = "field id"
  public let rawValue: String

  public init?(rawValue: String) {
    guard Self.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  static func isWellFormed(_ s: String) -> Bool {
    (1...64).contains(s.utf8.count)
      && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
  }
}
