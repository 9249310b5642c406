/// Every failure of the crypto layer. Messages say what failed, never a key,
/// a plaintext or an intermediate value.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
  /// libsodium could not be initialised (no entropy source, or a broken build).
  case libraryUnavailable
  /// Guarded memory (`sodium_malloc`) could not be allocated.
  case outOfSecureMemory
  /// An input had the wrong length: what it is, what was expected, what was given.
  case invalidLength(what: String, expected: Int, actual: Int)
  /// An input length outside an allowed range ("16 to 64", "at least 16").
  case lengthOutOfRange(what: String, allowed: String, actual: Int)
  /// Authenticated decryption failed: wrong key, wrong associated data, or tampered bytes.
  case authenticationFailed
  /// A signature did not verify under the given public key.
  case invalidSignature
  /// A public key was rejected (for example a low-order X25519 point, or an
  /// Ed25519 point that cannot be converted).
  case invalidPublicKey
  /// An X25519 agreement produced the all-zero value (low-order peer point).
  case weakSharedSecret
  /// A sealed box could not be opened with this key pair.
  case sealedBoxOpenFailed
  /// Argon2id parameters outside what the construction accepts.
  case unsupportedPasswordHashParameters(String)
  /// Argon2id could not run (usually: not enough memory for `memLimit`).
  case passwordHashingFailed
  /// A textual encoding (hex, base64url) was malformed.
  case invalidEncoding(what: String)
  /// A PASETO token was malformed, of another version/purpose, or did not verify.
  case invalidToken(String)
  /// A PASERK string was malformed or of another version/type.
  case invalidPaserk(String)
  /// A key commitment did not match the key and context.
  case commitmentMismatch
  /// A libsodium call failed where no more precise error applies.
  case operationFailed(String)

  public var description: String {
    switch self {
    case .libraryUnavailable: "libsodium could not be initialised"
    case .outOfSecureMemory: "guarded memory could not be allocated"
    case .invalidLength(let what, let expected, let actual):
      "\(what) must be \(expected) bytes, got \(actual)"
    case .lengthOutOfRange(let what, let allowed, let actual):
      "\(what) must be \(allowed) bytes, got \(actual)"
    case .authenticationFailed: "decryption failed: wrong key, wrong context or tampered data"
    case .invalidSignature: "the signature does not verify under this public key"
    case .invalidPublicKey: "the public key is not acceptable"
    case .weakSharedSecret: "key agreement gave a weak (all-zero) shared secret"
    case .sealedBoxOpenFailed: "the sealed box cannot be opened with this key"
    case .unsupportedPasswordHashParameters(let why): "unsupported Argon2id parameters: \(why)"
    case .passwordHashingFailed: "Argon2id failed (not enough memory?)"
    case .invalidEncoding(let what): "malformed \(what)"
    case .invalidToken(let why): "invalid token: \(why)"
    case .invalidPaserk(let why): "invalid PASERK: \(why)"
    case .commitmentMismatch: "the key commitment does not match"
    case .operationFailed(let what): "\(what) failed"
    }
  }
}
