import PSPCrypto

/// Bytes on the wire: a JSON string of unpadded base64url, decoded strictly.
public struct Bytes: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
  public let bytes: [UInt8]

  public init(_ bytes: [UInt8]) { self.bytes = bytes }
  public init(arrayLiteral elements: UInt8...) { bytes = elements }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let bytes = try? Encoding.fromBase64URL(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "base64url"))
    }
    self.bytes = bytes
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(Encoding.base64URL(bytes))
  }
}
