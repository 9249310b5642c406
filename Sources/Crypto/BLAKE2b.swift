import CSodium

/// BLAKE2b (libsodium `crypto_generichash`), unkeyed or keyed, 16 to 64 bytes out.
/// Several messages are hashed as their concatenation (streaming API), so callers
/// never build a joined copy of secret material.
public enum BLAKE2b {
  public static let minimumOutput = 16
  public static let maximumOutput = 64

  public static func hash(
    _ parts: [[UInt8]], outputCount: Int = 32, key: SecureBytes? = nil
  ) throws(CryptoError) -> [UInt8] {
    try Sodium.ensureInitialised()
    var out = [UInt8](repeating: 0, count: outputCount)
    try hash(parts, outputCount: outputCount, key: key) { digest in
      out.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(digest)) }
    }
    return out
  }

  /// The same, with the digest written to guarded memory (for derived keys).
  public static func secretHash(
    _ parts: [[UInt8]], outputCount: Int = 32, key: SecureBytes? = nil
  ) throws(CryptoError) -> SecureBytes {
    try Sodium.ensureInitialised()
    var failure: CryptoError? = nil
    let result = SecureBytes(count: outputCount) { out in
      do throws(CryptoError) {
        try hash(parts, outputCount: outputCount, key: key) { digest in
          out.copyMemory(from: UnsafeRawBufferPointer(digest))
        }
      } catch { failure = error }
    }
    if let failure { throw failure }
    return result
  }

  private static func hash(
    _ parts: [[UInt8]], outputCount: Int, key: SecureBytes?,
    into sink: (UnsafeMutableRawBufferPointer) -> Void
  ) throws(CryptoError) {
    guard (minimumOutput...maximumOutput).contains(outputCount) else {
      throw .lengthOutOfRange(what: "BLAKE2b output", allowed: "16 to 64", actual: outputCount)
    }
    if let key, !(16...64).contains(key.count) {
      throw .lengthOutOfRange(what: "BLAKE2b key", allowed: "16 to 64", actual: key.count)
    }
    // crypto_generichash_state is 384 bytes and 64-byte aligned; it holds key
    // material, so it lives in guarded memory and is zeroed with it.
    let stateSize = crypto_generichash_statebytes()
    let state = SecureBytes(count: stateSize) { _ in }
    var code: Int32 = 0
    state.withUnsafeBytes { raw in
      let st = OpaquePointer(UnsafeMutableRawPointer(mutating: raw.baseAddress!))
      if let key {
        code = key.withUnsafeBytes { k in
          crypto_generichash_init(st, k.bytePointer, k.count, outputCount)
        }
      } else {
        code = crypto_generichash_init(st, nil, 0, outputCount)
      }
      for part in parts where code == 0 {
        code = crypto_generichash_update(st, part, UInt64(part.count))
      }
      if code == 0 {
        var digest = [UInt8](repeating: 0, count: outputCount)
        code = crypto_generichash_final(st, &digest, outputCount)
        digest.withUnsafeMutableBytes { sink($0) }
        wipe(&digest)
      }
    }
    try Sodium.check(code, .operationFailed("BLAKE2b"))
  }
}

extension BLAKE2b {
  /// A keyed BLAKE2b-256 MAC of the concatenated parts under `key`. Compare
  /// tags with `constantTimeEquals`.
  public static func mac(_ parts: [[UInt8]], key: SymmetricKey) -> [UInt8] {
    try! hash(parts, outputCount: 32, key: key.secret)
  }
}
