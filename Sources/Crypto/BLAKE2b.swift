import CSodium

/// BLAKE2b (libsodium `crypto_generichash`), unkeyed or keyed, 16 to 64 bytes out.
/// Several messages are hashed as their concatenation; the joined copy made
/// for the one-shot call is wiped afterwards.
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
    // One-shot `crypto_generichash` over the joined parts: no hash state to
    // keep (the streaming state would need 64-byte-aligned, guarded memory,
    // which costs a few system calls per hash). The joined copy may hold
    // secret material (a shared secret being hashed), so it is wiped after.
    var input = parts.count == 1 ? parts[0] : parts.flatMap { $0 }
    defer { wipe(&input) }
    var digest = [UInt8](repeating: 0, count: outputCount)
    defer { wipe(&digest) }
    let code: Int32
    if let key {
      code = key.withUnsafeBytes { k in
        crypto_generichash(&digest, outputCount, input, UInt64(input.count), k.bytePointer, k.count)
      }
    } else {
      code = crypto_generichash(&digest, outputCount, input, UInt64(input.count), nil, 0)
    }
    try Sodium.check(code, .operationFailed("BLAKE2b"))
    digest.withUnsafeMutableBytes { sink($0) }
  }
}

extension BLAKE2b {
  /// A keyed BLAKE2b-256 MAC of the concatenated parts under `key`. Compare
  /// tags with `constantTimeEquals`.
  public static func mac(_ parts: [[UInt8]], key: SymmetricKey) -> [UInt8] {
    try! hash(parts, outputCount: 32, key: key.secret)
  }
}
