import PSPCrypto

/// The identifier of a grant, procuration, filing or status change: 16 random
/// bytes as base64url (`jti` in the claims). Random, so it says nothing.
public struct StatementID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public let rawValue: String

  /// A fresh random id; like wallet ids, never one whose text begins with `-`.
  public init() {
    var drawn = randomBytes(16)
    while drawn[0] >> 2 == 62 { drawn = randomBytes(16) }
    rawValue = Encoding.base64URL(drawn)
  }

  public init(_ text: String) throws(ConsentRefusal) {
    guard let bytes = try? Encoding.fromBase64URL(text), bytes.count == 16 else {
      throw .malformed("statement id")
    }
    rawValue = text
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do { try self.init(text) } catch {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "id"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(rawValue)
  }

  public var description: String { rawValue }
  public static func < (a: StatementID, b: StatementID) -> Bool { a.rawValue < b.rawValue }
}
