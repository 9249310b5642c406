import CSodium

/// Public random bytes (nonces, salts, identifiers) from libsodium's CSPRNG.
/// For secrets use `SecureBytes(randomCount:)`, which never leaves guarded memory.
public func randomBytes(_ count: Int) -> [UInt8] {
  precondition((try? Sodium.ensureInitialised()) != nil, "libsodium unavailable")
  var out = [UInt8](repeating: 0, count: count)
  out.withUnsafeMutableBytes { buffer in
    if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
  }
  return out
}
