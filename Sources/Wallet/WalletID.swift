import PSPCrypto

/// A wallet's identifier: 16 random bytes, written as 22 characters of base64url.
/// Random, so it says nothing about the person; bound into every record's
/// associated data, so a ciphertext cannot be moved to another wallet.
public struct WalletID: Hashable, Sendable, Codable, CustomStringConvertible {
  public static let byteCount = 16
  public let bytes: [UInt8]

  /// A fresh random id. Ids whose text would begin with `-` are drawn again
  /// (1 in 64), so that an id can always be given as a command-line argument.
  public init() {
    var drawn = randomBytes(Self.byteCount)
    while drawn[0] >> 2 == 62 { drawn = randomBytes(Self.byteCount) }
    bytes = drawn
  }

  public init(bytes: [UInt8]) throws(WalletError) {
    guard bytes.count == Self.byteCount else { throw .malformed("wallet id") }
    self.bytes = bytes
  }

  public init(_ text: String) throws(WalletError) {
    guard let bytes = try? Encoding.fromBase64URL(text), bytes.count == Self.byteCount else {
      throw .malformed("wallet id")
    }
    self.bytes = bytes
  }

  public var description: String { Encoding.base64URL(bytes) }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do { self = try WalletID(text) } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "malformed wallet id"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
