import CSodium

/// An X25519 public key (32 bytes): what wrapped keys and sealed boxes are sealed to.
public struct AgreementPublicKey: Sendable, Hashable {
  public static let byteCount = 32
  public let bytes: [UInt8]

  public init(_ bytes: [UInt8]) throws(CryptoError) {
    guard bytes.count == Self.byteCount else {
      throw .invalidLength(what: "X25519 public key", expected: Self.byteCount, actual: bytes.count)
    }
    self.bytes = bytes
  }
}

/// An X25519 secret key in guarded memory, with its public key.
public struct AgreementKey: Sendable {
  public static let byteCount = 32
  let secret: SecureBytes
  public let publicKey: AgreementPublicKey

  /// A fresh random key pair.
  public init() {
    self = try! AgreementKey(secret: SecureBytes(randomCount: Self.byteCount))
  }

  /// A key from 32 secret bytes (clamped by X25519 itself, as RFC 7748 says).
  public init(secret: SecureBytes) throws(CryptoError) {
    try Sodium.ensureInitialised()
    guard secret.count == Self.byteCount else {
      throw .invalidLength(what: "X25519 secret key", expected: Self.byteCount, actual: secret.count)
    }
    var publicBytes = [UInt8](repeating: 0, count: AgreementPublicKey.byteCount)
    let code = secret.withUnsafeBytes { s in
      crypto_scalarmult_base(&publicBytes, s.bytePointer)
    }
    try Sodium.check(code, .operationFailed("X25519 public key computation"))
    self.secret = secret
    self.publicKey = try AgreementPublicKey(publicBytes)
  }

  public func withUnsafeSecretBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try secret.withUnsafeBytes(body)
  }

  /// Raw X25519 (`crypto_scalarmult`). The result is a raw group element, not a
  /// key: hash it (with both public keys) before use. An all-zero result, which
  /// a low-order peer key forces, is refused (`weakSharedSecret`).
  public func sharedSecret(with peer: AgreementPublicKey) throws(CryptoError) -> SecureBytes {
    var code: Int32 = 0
    let shared = SecureBytes(count: 32) { out in
      secret.withUnsafeBytes { s in
        code = crypto_scalarmult(
          out.bytePointer, s.bytePointer,
          peer.bytes)
      }
    }
    guard code == 0 else { throw .weakSharedSecret }
    return shared
  }
}
