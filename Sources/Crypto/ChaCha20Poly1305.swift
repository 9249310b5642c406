import CSodium

/// ChaCha20-Poly1305-IETF (RFC 8439; libsodium `crypto_aead_chacha20poly1305_ietf_*`)
/// with a 96-bit nonce. The PSP does not seal records with it (random 96-bit
/// nonces are too short for that); it is here for protocols that count nonces and
/// so that the Wycheproof vectors exercise the same libsodium code paths.
public enum ChaCha20Poly1305 {
  public static let nonceByteCount = 12
  public static let tagByteCount = 16

  /// Returns `ciphertext || tag`.
  public static func seal(
    _ plaintext: [UInt8], using key: SymmetricKey, nonce: [UInt8],
    authenticating associatedData: [UInt8] = []
  ) throws(CryptoError) -> [UInt8] {
    try Sodium.ensureInitialised()
    guard nonce.count == nonceByteCount else {
      throw .invalidLength(what: "ChaCha20 nonce", expected: nonceByteCount, actual: nonce.count)
    }
    var out = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
    var outLength: UInt64 = 0
    let code = key.withUnsafeBytes { k in
      crypto_aead_chacha20poly1305_ietf_encrypt(
        &out, &outLength, plaintext, UInt64(plaintext.count), associatedData,
        UInt64(associatedData.count), nil, nonce, k.bytePointer)
    }
    try Sodium.check(code, .operationFailed("ChaCha20-Poly1305 encryption"))
    return out
  }

  public static func open(
    _ ciphertextAndTag: [UInt8], using key: SymmetricKey, nonce: [UInt8],
    authenticating associatedData: [UInt8] = []
  ) throws(CryptoError) -> [UInt8] {
    try Sodium.ensureInitialised()
    guard nonce.count == nonceByteCount else {
      throw .invalidLength(what: "ChaCha20 nonce", expected: nonceByteCount, actual: nonce.count)
    }
    guard ciphertextAndTag.count >= tagByteCount else { throw .authenticationFailed }
    var out = [UInt8](repeating: 0, count: ciphertextAndTag.count - tagByteCount)
    var outLength: UInt64 = 0
    let code = key.withUnsafeBytes { k in
      crypto_aead_chacha20poly1305_ietf_decrypt(
        &out, &outLength, nil, ciphertextAndTag, UInt64(ciphertextAndTag.count), associatedData,
        UInt64(associatedData.count), nonce, k.bytePointer)
    }
    guard code == 0 else { throw .authenticationFailed }
    return out
  }
}
