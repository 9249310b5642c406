import CSodium

/// A 256-bit secret key for XChaCha20-Poly1305 (data keys, circle keys, keystore
/// keys). Lives in guarded memory; compared in constant time.
public struct SymmetricKey: Sendable {
  public static let byteCount = 32
  let secret: SecureBytes

  /// A fresh random key.
  public init() {
    secret = SecureBytes(randomCount: Self.byteCount)
  }

  /// Wraps existing guarded bytes; they must be exactly 32 bytes.
  public init(_ secret: SecureBytes) throws(CryptoError) {
    guard secret.count == Self.byteCount else {
      throw .invalidLength(what: "symmetric key", expected: Self.byteCount, actual: secret.count)
    }
    self.secret = secret
  }

  /// Reads a key that arrived as plain bytes (a vector, an opened sealed box).
  public init(copying bytes: [UInt8]) throws(CryptoError) {
    try self.init(SecureBytes(copying: bytes))
  }

  public func withUnsafeBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try secret.withUnsafeBytes(body)
  }

  public func constantTimeEquals(_ other: SymmetricKey) -> Bool {
    secret.constantTimeEquals(other.secret)
  }
}
