import CSodium

/// An Ed25519 public key (32 bytes). Public, so an ordinary value.
public struct SigningPublicKey: Sendable, Hashable {
  public static let byteCount = 32
  public let bytes: [UInt8]

  public init(_ bytes: [UInt8]) throws(CryptoError) {
    guard bytes.count == Self.byteCount else {
      throw .invalidLength(what: "Ed25519 public key", expected: Self.byteCount, actual: bytes.count)
    }
    self.bytes = bytes
  }

  /// Verifies a detached signature (`crypto_sign_verify_detached`, which refuses
  /// non-canonical S, small-order keys and R as libsodium 1.0.18 defines).
  public func isValidSignature(_ signature: Signature, for message: [UInt8]) -> Bool {
    guard (try? Sodium.ensureInitialised()) != nil else { return false }
    return crypto_sign_verify_detached(signature.bytes, message, UInt64(message.count), bytes) == 0
  }

  /// Throws `invalidSignature` unless the signature verifies.
  public func verify(_ signature: Signature, for message: [UInt8]) throws(CryptoError) {
    guard isValidSignature(signature, for: message) else { throw .invalidSignature }
  }
}

/// A detached Ed25519 signature (64 bytes).
public struct Signature: Sendable, Hashable {
  public static let byteCount = 64
  public let bytes: [UInt8]

  public init(_ bytes: [UInt8]) throws(CryptoError) {
    guard bytes.count == Self.byteCount else {
      throw .invalidLength(what: "Ed25519 signature", expected: Self.byteCount, actual: bytes.count)
    }
    self.bytes = bytes
  }
}

/// An Ed25519 signing key. The 64-byte libsodium secret key (`seed || public`)
/// stays in guarded memory; the public half is kept beside it.
public struct SigningKey: Sendable {
  public static let seedByteCount = 32
  public static let secretKeyByteCount = 64
  let secret: SecureBytes
  public let publicKey: SigningPublicKey

  /// A fresh random key pair.
  public init() {
    self = try! SigningKey(seed: SecureBytes(randomCount: Self.seedByteCount))
  }

  /// The key pair determined by a 32-byte seed (`crypto_sign_seed_keypair`).
  public init(seed: SecureBytes) throws(CryptoError) {
    try Sodium.ensureInitialised()
    guard seed.count == Self.seedByteCount else {
      throw .invalidLength(what: "Ed25519 seed", expected: Self.seedByteCount, actual: seed.count)
    }
    var publicBytes = [UInt8](repeating: 0, count: SigningPublicKey.byteCount)
    let secret = SecureBytes(count: Self.secretKeyByteCount) { sk in
      seed.withUnsafeBytes { s in
        _ = crypto_sign_seed_keypair(
          &publicBytes, sk.bytePointer,
          s.bytePointer)
      }
    }
    self.secret = secret
    self.publicKey = try SigningPublicKey(publicBytes)
  }

  /// Reads a 64-byte libsodium secret key (`seed || public`). The public half must
  /// be the one the seed determines; an inconsistent key is refused, since
  /// signing with it would produce signatures under a key nobody holds.
  public init(secretKey: SecureBytes) throws(CryptoError) {
    guard secretKey.count == Self.secretKeyByteCount else {
      throw .invalidLength(
        what: "Ed25519 secret key", expected: Self.secretKeyByteCount, actual: secretKey.count)
    }
    try self.init(seed: secretKey.subrange(0..<Self.seedByteCount))
    let claimedPublic = secretKey.withUnsafeBytes { Array($0[Self.seedByteCount...]) }
    guard constantTimeEquals(claimedPublic, publicKey.bytes) else { throw .invalidPublicKey }
  }

  /// The 32-byte seed, in guarded memory.
  public var seed: SecureBytes { secret.subrange(0..<Self.seedByteCount) }

  /// The 64-byte secret key (`seed || public`), in guarded memory.
  public var secretKey: SecureBytes { secret }

  public func signature(for message: [UInt8]) -> Signature {
    var out = [UInt8](repeating: 0, count: Signature.byteCount)
    secret.withUnsafeBytes { sk in
      _ = crypto_sign_detached(
        &out, nil, message, UInt64(message.count), sk.bytePointer)
    }
    return try! Signature(out)
  }

  /// The X25519 key pair birationally equivalent to this key
  /// (`crypto_sign_ed25519_sk_to_curve25519`), used only by PASERK `k4.seal`.
  func agreementKey() throws(CryptoError) -> AgreementKey {
    var code: Int32 = 0
    let x = SecureBytes(count: AgreementKey.byteCount) { out in
      secret.withUnsafeBytes { sk in
        code = crypto_sign_ed25519_sk_to_curve25519(
          out.bytePointer, sk.bytePointer)
      }
    }
    try Sodium.check(code, .operationFailed("Ed25519 to X25519 conversion"))
    return try AgreementKey(secret: x)
  }
}

extension SigningPublicKey {
  /// The X25519 public key birationally equivalent to this Ed25519 key
  /// (`crypto_sign_ed25519_pk_to_curve25519`); refuses small-order points.
  func agreementPublicKey() throws(CryptoError) -> AgreementPublicKey {
    var out = [UInt8](repeating: 0, count: AgreementPublicKey.byteCount)
    let code = crypto_sign_ed25519_pk_to_curve25519(&out, bytes)
    guard code == 0 else { throw .invalidPublicKey }
    return try AgreementPublicKey(out)
  }
}
