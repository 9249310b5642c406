import CSodium

/// Anonymous public-key encryption to an X25519 key (libsodium `crypto_box_seal`:
/// an ephemeral X25519 key, XSalsa20-Poly1305, nonce = BLAKE2b(epk || pk)).
/// The sender cannot be identified from the box, and cannot open it again.
/// Does not authenticate the sender: whoever needs that signs the context too.
public enum SealedBox {
  /// Bytes a sealed box adds to its plaintext (48).
  public static var overhead: Int { Int(crypto_box_sealbytes()) }

  public static func seal(_ plaintext: [UInt8], to recipient: AgreementPublicKey) throws(CryptoError)
    -> [UInt8]
  {
    try Sodium.ensureInitialised()
    var out = [UInt8](repeating: 0, count: plaintext.count + overhead)
    let code = crypto_box_seal(&out, plaintext, UInt64(plaintext.count), recipient.bytes)
    guard code == 0 else { throw .invalidPublicKey }
    return out
  }

  /// Seals secret bytes without copying them out of guarded memory first.
  public static func seal(_ secret: SecureBytes, to recipient: AgreementPublicKey) throws(CryptoError)
    -> [UInt8]
  {
    try Sodium.ensureInitialised()
    var out = [UInt8](repeating: 0, count: secret.count + overhead)
    let code = secret.withUnsafeBytes { s in
      crypto_box_seal(
        &out, s.bytePointer, UInt64(secret.count), recipient.bytes)
    }
    guard code == 0 else { throw .invalidPublicKey }
    return out
  }

  /// Opens into guarded memory: the result is usually a key.
  public static func open(_ box: [UInt8], with key: AgreementKey) throws(CryptoError) -> SecureBytes {
    try Sodium.ensureInitialised()
    guard box.count >= overhead else { throw .sealedBoxOpenFailed }
    var code: Int32 = 0
    let plain = SecureBytes(count: box.count - overhead) { out in
      key.withUnsafeSecretBytes { sk in
        code = crypto_box_seal_open(
          out.bytePointer, box, UInt64(box.count), key.publicKey.bytes,
          sk.bytePointer)
      }
    }
    guard code == 0 else { throw .sealedBoxOpenFailed }
    return plain
  }
}
