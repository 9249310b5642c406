import CSodium

/// SHA-256 (libsodium `crypto_hash_sha256`), for the access log's hash tree:
/// RFC 9162 names SHA-256, and a verifier elsewhere should need nothing else.
public enum SHA256 {
  public static let byteCount = 32

  public static func hash(_ parts: [UInt8]...) -> [UInt8] { hash(parts) }

  public static func hash(_ parts: [[UInt8]]) -> [UInt8] {
    precondition((try? Sodium.ensureInitialised()) != nil, "libsodium unavailable")
    var state = crypto_hash_sha256_state()
    crypto_hash_sha256_init(&state)
    for part in parts { crypto_hash_sha256_update(&state, part, UInt64(part.count)) }
    var out = [UInt8](repeating: 0, count: byteCount)
    crypto_hash_sha256_final(&state, &out)
    return out
  }
}
