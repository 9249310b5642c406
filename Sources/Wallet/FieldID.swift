/// The identifier of a field, as the catalogue and `../shared/domain/aids.md` name
/// it (`matricule`, `household_income`…). Lower-case ASCII letters, digits and
/// `_`, 1 to 64 characters: it appears in associated data, tokens and the access
/// log, so it must have one spelling only. It is not personal data.
public struct FieldID: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public let rawValue: String

  public init?(rawValue: String) {
    guard Self.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// For literals in code and tests; a malformed literal is a programming error.
  public init(stringLiteral value: String) {
    precondition(Self.isWellFormed(value), "malformed field id")
    self.rawValue = value
  }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let id = FieldID(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "malformed field id"))
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  public static func < (lhs: FieldID, rhs: FieldID) -> Bool { lhs.rawValue < rhs.rawValue }

  static func isWellFormed(_ s: String) -> Bool {
    (1...64).contains(s.utf8.count)
      && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
  }
}
