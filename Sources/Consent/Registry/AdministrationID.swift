/// The platform's name for a registered administration (`fns`,
/// `office-social-esch-sur-alzette`). Chosen by the operator at registration;
/// it appears in grants and the access log, so it has one spelling only.
public struct AdministrationID: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public let rawValue: String

  public init?(rawValue: String) {
    guard Slug.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// For literals in code and tests; a malformed literal is a programming error.
  public init(stringLiteral value: String) {
    precondition(Slug.isWellFormed(value), "malformed administration id")
    self.rawValue = value
  }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let id = AdministrationID(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "malformed administration id"))
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
