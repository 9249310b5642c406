import CSodium

/// Argon2id v1.3 (libsodium `crypto_pwhash`, `ALG_ARGON2ID13`) turning a
/// passphrase into a key. The parameters are stored next to the result so that a
/// keystore made today opens tomorrow even if the defaults move.
///
/// libsodium runs one lane: `parallelism` is always 1, and there is no secret
/// (pepper) or associated-data input. Parameters asking for anything else are
/// refused rather than silently changed.
public struct Argon2idParameters: Sendable, Hashable, Codable {
  public static let saltByteCount = 16

  /// Always "argon2id13".
  public let algorithm: String
  /// Passes over memory (libsodium `opslimit`).
  public let iterations: UInt64
  /// Memory in bytes (libsodium `memlimit`).
  public let memoryBytes: UInt64
  /// Lanes; libsodium supports 1 only.
  public let parallelism: UInt32
  /// 16 random bytes, stored in clear beside the hash.
  public let salt: [UInt8]

  public init(
    iterations: UInt64, memoryBytes: UInt64, parallelism: UInt32 = 1,
    salt: [UInt8] = randomBytes(Argon2idParameters.saltByteCount)
  ) throws(CryptoError) {
    self.algorithm = "argon2id13"
    self.iterations = iterations
    self.memoryBytes = memoryBytes
    self.parallelism = parallelism
    self.salt = salt
    try validate()
  }

  /// libsodium's "interactive" cost (2 passes, 64 MiB): ≈ 80 ms here.
  public static func interactive() -> Argon2idParameters {
    try! Argon2idParameters(
      iterations: UInt64(crypto_pwhash_opslimit_interactive()),
      memoryBytes: UInt64(crypto_pwhash_memlimit_interactive()))
  }

  /// libsodium's "moderate" cost (3 passes, 256 MiB): ≈ 0.5 s here. The default
  /// for keystores, which are opened rarely and guard everything.
  public static func moderate() -> Argon2idParameters {
    try! Argon2idParameters(
      iterations: UInt64(crypto_pwhash_opslimit_moderate()),
      memoryBytes: UInt64(crypto_pwhash_memlimit_moderate()))
  }

  /// Checks the parameters against what the construction accepts. Decoded
  /// parameters (from a file) must be validated before use.
  public func validate() throws(CryptoError) {
    try Sodium.ensureInitialised()
    guard algorithm == "argon2id13" else {
      throw .unsupportedPasswordHashParameters("algorithm must be argon2id13")
    }
    guard parallelism == 1 else {
      throw .unsupportedPasswordHashParameters("parallelism must be 1 (libsodium runs one lane)")
    }
    guard salt.count == Self.saltByteCount else {
      throw .unsupportedPasswordHashParameters("salt must be 16 bytes")
    }
    guard iterations >= UInt64(crypto_pwhash_argon2id_opslimit_min()),
      iterations <= UInt64(crypto_pwhash_argon2id_opslimit_max())
    else { throw .unsupportedPasswordHashParameters("iterations out of range") }
    // Our own ceiling (4 GiB) keeps a hostile file from asking for all memory.
    guard memoryBytes >= UInt64(crypto_pwhash_argon2id_memlimit_min()),
      memoryBytes <= 4 << 30
    else { throw .unsupportedPasswordHashParameters("memory out of range") }
    // libsodium counts memory in whole KiB: two values that round to the same
    // KiB would give the same key, so only exact multiples are accepted.
    guard memoryBytes % 1024 == 0 else {
      throw .unsupportedPasswordHashParameters("memory must be a whole number of KiB")
    }
  }
}

public enum PasswordHash {
  /// Derives `outputCount` secret bytes from the passphrase with Argon2id.
  public static func deriveKey(
    passphrase: SecureBytes, parameters: Argon2idParameters, outputCount: Int = 32
  ) throws(CryptoError) -> SecureBytes {
    try parameters.validate()
    guard outputCount >= 16 else {
      throw .lengthOutOfRange(what: "Argon2id output", allowed: "at least 16", actual: outputCount)
    }
    var code: Int32 = 0
    let out = SecureBytes(count: outputCount) { buffer in
      passphrase.withUnsafeBytes { pw in
        code = crypto_pwhash(
          buffer.bytePointer, UInt64(outputCount),
          UnsafeRawPointer(pw.bytePointer).assumingMemoryBound(to: CChar.self), UInt64(pw.count), parameters.salt,
          parameters.iterations, Int(parameters.memoryBytes), crypto_pwhash_ALG_ARGON2ID13)
      }
    }
    guard code == 0 else { throw .passwordHashingFailed }
    return out
  }

  /// Derives a symmetric key (32 bytes) from the passphrase.
  public static func deriveSymmetricKey(
    passphrase: SecureBytes, parameters: Argon2idParameters
  ) throws(CryptoError) -> SymmetricKey {
    try SymmetricKey(deriveKey(passphrase: passphrase, parameters: parameters))
  }
}

extension Argon2idParameters {
  enum CodingKeys: String, CodingKey {
    case algorithm, iterations, memoryBytes, parallelism, salt
  }

  /// JSON form: `{"algorithm":"argon2id13","iterations":…,"memoryBytes":…,
  /// "parallelism":1,"salt":"<base64url>"}`. Decoding validates: a file cannot
  /// ask for more than the construction accepts.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let algorithm = try c.decode(String.self, forKey: .algorithm)
    guard algorithm == "argon2id13" else {
      throw DecodingError.dataCorruptedError(
        forKey: .algorithm, in: c, debugDescription: "algorithm must be argon2id13")
    }
    let salt: [UInt8]
    do { salt = try Encoding.fromBase64URL(c.decode(String.self, forKey: .salt)) } catch {
      throw DecodingError.dataCorruptedError(forKey: .salt, in: c, debugDescription: "salt")
    }
    try self.init(
      iterations: c.decode(UInt64.self, forKey: .iterations),
      memoryBytes: c.decode(UInt64.self, forKey: .memoryBytes),
      parallelism: c.decode(UInt32.self, forKey: .parallelism), salt: salt)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(algorithm, forKey: .algorithm)
    try c.encode(iterations, forKey: .iterations)
    try c.encode(memoryBytes, forKey: .memoryBytes)
    try c.encode(parallelism, forKey: .parallelism)
    try c.encode(Encoding.base64URL(salt), forKey: .salt)
  }
}
