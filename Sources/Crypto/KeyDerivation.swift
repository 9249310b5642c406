import CSodium

/// Subkey derivation from a 256-bit master key (libsodium `crypto_kdf_derive_from_key`:
/// BLAKE2b with the subkey id and an 8-byte context as salt and personal).
/// Different (context, id) pairs give independent keys; the master key is not
/// recoverable from them.
public enum KeyDerivation {
  public static func deriveKey(
    from master: SymmetricKey, context: DomainSeparation.KDFContext, subkeyID: UInt64 = 1
  ) throws(CryptoError) -> SymmetricKey {
    try Sodium.ensureInitialised()
    let ctx = Array(context.rawValue.utf8).map { CChar(bitPattern: $0) }
    precondition(ctx.count == Int(crypto_kdf_contextbytes()), "KDF context must be 8 bytes")
    var code: Int32 = 0
    let subkey = SecureBytes(count: SymmetricKey.byteCount) { out in
      master.withUnsafeBytes { m in
        code = crypto_kdf_derive_from_key(
          out.bytePointer, out.count, subkeyID, ctx,
          m.bytePointer)
      }
    }
    try Sodium.check(code, .operationFailed("key derivation"))
    return try SymmetricKey(subkey)
  }
}
