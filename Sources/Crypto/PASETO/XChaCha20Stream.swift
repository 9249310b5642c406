import CSodium

/// Unauthenticated XChaCha20 (`crypto_stream_xchacha20_xor`), as PASETO v4.local
/// and PASERK k4.seal use it under their own BLAKE2b MAC. Never used alone.
enum XChaCha20Stream {
  static func xor(_ input: [UInt8], nonce: [UInt8], key: SecureBytes) throws(CryptoError) -> [UInt8] {
    guard nonce.count == 24 else {
      throw .invalidLength(what: "XChaCha20 nonce", expected: 24, actual: nonce.count)
    }
    guard key.count == 32 else {
      throw .invalidLength(what: "XChaCha20 key", expected: 32, actual: key.count)
    }
    var out = [UInt8](repeating: 0, count: input.count)
    let code = key.withUnsafeBytes { k in
      crypto_stream_xchacha20_xor(
        &out, input, UInt64(input.count), nonce, k.bytePointer)
    }
    try Sodium.check(code, .operationFailed("XChaCha20"))
    return out
  }
}
