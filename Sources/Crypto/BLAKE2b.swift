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
    try check(outputCount: outputCount, key: key)
    var out = [UInt8](repeating: 0, count: outputCount)
    let code = out.withUnsafeMutableBytes { digest in hash(parts, key: key, into: digest) }
    try Sodium.check(code, .operationFailed("BLAKE2b"))
    return out
  }

  /// The same, with the digest written to guarded memory (for derived keys).
  public static func secretHash(
    _ parts: [[UInt8]], outputCount: Int = 32, key: SecureBytes? = nil
  ) throws(CryptoError) -> SecureBytes {
    try Sodium.ensureInitialised()
    try check(outputCount: outputCount, key: key)
    var code: Int32 = 0
    let result = SecureBytes(count: outputCount) { out in code = hash(parts, key: key, into: out) }
    try Sodium.check(code, .operationFailed("BLAKE2b"))
    return result
  }

  private static func check(outputCount: Int, key: SecureBytes?) throws(CryptoError) {
    guard (minimumOutput...maximumOutput).contains(outputCount) else {
      throw .lengthOutOfRange(what: "BLAKE2b output", allowed: "16 to 64", actual: outputCount)
    }
    if let key, !(16...64).contains(key.count) {
      throw .lengthOutOfRange(what: "BLAKE2b key", allowed: "16 to 64", actual: key.count)
    }
  }

  /// One-shot `crypto_generichash` straight into `digest` (its length is the
  /// output length): no hash state to keep (the streaming state would need
  /// 64-byte-aligned, guarded memory, which costs a few system calls per hash).
  /// One part is hashed where it lies; several are joined first, and the
  /// joined copy, which may hold secret material (a shared secret being
  /// hashed), is wiped after.
  private static func hash(_ parts: [[UInt8]], key: SecureBytes?, into digest: UnsafeMutableRawBufferPointer)
    -> Int32
  {
    func run(_ input: UnsafeRawBufferPointer) -> Int32 {
      let out = digest.bindMemory(to: UInt8.self).baseAddress!  // 16 to 64 bytes: never empty
      let message = input.bindMemory(to: UInt8.self).baseAddress
      guard let key else { return crypto_generichash(out, digest.count, message, UInt64(input.count), nil, 0) }
      return key.withUnsafeBytes { k in
        crypto_generichash(out, digest.count, message, UInt64(input.count), k.bytePointer, k.count)
      }
    }
    if parts.count == 1 { return parts[0].withUnsafeBytes(run) }
    // Reserved once, so that no reallocation leaves an unwiped copy behind.
    var joined: [UInt8] = []
    joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { joined.append(contentsOf: part) }
    defer { wipe(&joined) }
    return joined.withUnsafeBytes(run)
  }
}

extension BLAKE2b {
  /// A keyed BLAKE2b-256 MAC of the concatenated parts under `key`. Compare
  /// tags with `constantTimeEquals`.
  public static func mac(_ parts: [[UInt8]], key: SymmetricKey) -> [UInt8] {
    try! hash(parts, outputCount: 32, key: key.secret)
  }
}
