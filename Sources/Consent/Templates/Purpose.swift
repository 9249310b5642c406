/// The purpose of a grant: the aid it serves, named by its template
/// (`allocation-vie-chere`, `aide-sociale`…). A grant is for one purpose only,
/// and the purpose decides which fields it may carry. Not personal data.
public struct Purpose: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public let rawValue: String

  public init?(rawValue: String) {
    guard Slug.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// For literals in code and tests; a malformed literal is a programming error.
  public init(stringLiteral value: String) {
    precondition(Slug.isWellFormed(value), "malformed purpose id")
    self.rawValue = value
  }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let purpose = Purpose(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "malformed purpose id"))
    }
    self = purpose
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  public static func < (lhs: Purpose, rhs: Purpose) -> Bool { lhs.rawValue < rhs.rawValue }
}
