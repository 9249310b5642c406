/// An identifier with one spelling, carried as text in tokens, the access log
/// and JSON: field ids, purposes, administration ids. Each conforming type
/// gives its syntax through `init?(rawValue:)`; this protocol gives them all
/// the same JSON form (a string, refused when malformed), ordering and literals.
public protocol TextIdentifier: RawRepresentable<String>, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  /// What it is called in error messages ("field id", "purpose id").
  static var kindName: String { get }
}

extension TextIdentifier {
  /// For literals in code and tests; a malformed literal is a programming error.
  public init(stringLiteral value: String) {
    guard let id = Self(rawValue: value) else { preconditionFailure("malformed \(Self.kindName)") }
    self = id
  }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let id = Self(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "malformed \(Self.kindName)"))
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
