/// PASETO v4.local (XChaCha20 + BLAKE2b-MAC, encrypt-then-MAC), exactly as the
/// PASETO specification, version 4, "Encrypt" and "Decrypt", define it. The PSP
/// signs its consents with v4.public; v4.local serves the client's own sealed
/// state (for example exports), where one party both writes and reads.
public enum PasetoV4Local {
  public static let header = "v4.local."
  static let encryptionKeyLabel = Array("paseto-encryption-key".utf8)
  static let authenticationKeyLabel = Array("paseto-auth-key-for-aead".utf8)

  public static func encrypt(
    _ message: [UInt8], with key: SymmetricKey, footer: [UInt8] = [], implicitAssertion: [UInt8] = []
  ) throws(CryptoError) -> String {
    try encrypt(
      message, with: key, footer: footer, implicitAssertion: implicitAssertion,
      nonce: randomBytes(32))
  }

  /// With a given 32-byte nonce: for the published known-answer vectors only.
  static func encrypt(
    _ message: [UInt8], with key: SymmetricKey, footer: [UInt8], implicitAssertion: [UInt8],
    nonce: [UInt8]
  ) throws(CryptoError) -> String {
    guard nonce.count == 32 else {
      throw .invalidLength(what: "PASETO nonce", expected: 32, actual: nonce.count)
    }
    let (encryptionKey, counterNonce, authenticationKey) = try splitKeys(key, nonce: nonce)
    let ciphertext = try XChaCha20Stream.xor(message, nonce: counterNonce, key: encryptionKey)
    let preAuth = PreAuthenticationEncoding.encode([
      Array(header.utf8), nonce, ciphertext, footer, implicitAssertion,
    ])
    let tag = try BLAKE2b.hash([preAuth], outputCount: 32, key: authenticationKey)
    return PasetoToken.serialise(header: header, payload: nonce + ciphertext + tag, footer: footer)
  }

  public static func decrypt(
    _ token: String, with key: SymmetricKey, footer: [UInt8]? = nil, implicitAssertion: [UInt8] = []
  ) throws(CryptoError) -> VerifiedToken {
    let parsed = try PasetoToken(parsing: token, header: header)
    try parsed.checkFooter(footer)
    guard parsed.payload.count >= 64 else { throw .invalidToken("too short") }
    let nonce = Array(parsed.payload.prefix(32))
    let tag = Array(parsed.payload.suffix(32))
    let ciphertext = Array(parsed.payload.dropFirst(32).dropLast(32))
    let (encryptionKey, counterNonce, authenticationKey) = try splitKeys(key, nonce: nonce)
    let preAuth = PreAuthenticationEncoding.encode([
      Array(header.utf8), nonce, ciphertext, parsed.footer, implicitAssertion,
    ])
    let expected = try BLAKE2b.hash([preAuth], outputCount: 32, key: authenticationKey)
    guard constantTimeEquals(expected, tag) else { throw .invalidToken("authentication failed") }
    let message = try XChaCha20Stream.xor(ciphertext, nonce: counterNonce, key: encryptionKey)
    return VerifiedToken(message: message, footer: parsed.footer)
  }

  /// `Ek || n2 = BLAKE2b-448(key = k, "paseto-encryption-key" || n)`,
  /// `Ak = BLAKE2b-256(key = k, "paseto-auth-key-for-aead" || n)`.
  private static func splitKeys(_ key: SymmetricKey, nonce: [UInt8]) throws(CryptoError) -> (
    SecureBytes, [UInt8], SecureBytes
  ) {
    let tmp = try BLAKE2b.secretHash([encryptionKeyLabel, nonce], outputCount: 56, key: key.secret)
    let encryptionKey = tmp.subrange(0..<32)
    let counterNonce = tmp.withUnsafeBytes { Array($0[32..<56]) }
    let authenticationKey = try BLAKE2b.secretHash(
      [authenticationKeyLabel, nonce], outputCount: 32, key: key.secret)
    return (encryptionKey, counterNonce, authenticationKey)
  }
}
