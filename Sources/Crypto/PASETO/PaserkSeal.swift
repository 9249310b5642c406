/// PASERK `k4.seal`: a symmetric key sealed to an Ed25519 public key, as the
/// PASERK "PKE" operation, version 4, defines it (the Ed25519 keys are converted
/// to X25519; an ephemeral X25519 key; XChaCha20 with BLAKE2b-derived key and
/// nonce; a BLAKE2b-256 tag over header, ephemeral key and ciphertext):
///
///     xk  = X25519(esk, xpk)
///     Ek  = BLAKE2b-256(0x01 || h || xk || epk || xpk)
///     Ak  = BLAKE2b-256(0x02 || h || xk || epk || xpk)
///     n   = BLAKE2b-192(epk || xpk)
///     edk = XChaCha20(ptk, n, Ek)
///     t   = BLAKE2b-256(key = Ak, h || epk || edk)
///     k4.seal. || base64url(t || epk || edk)
public enum PaserkSeal {
  public static let header = "k4.seal."
  private static let headerBytes = Array(header.utf8)

  public static func seal(_ key: SymmetricKey, to recipient: SigningPublicKey) throws(CryptoError)
    -> String
  {
    let xpk = try recipient.agreementPublicKey()
    let ephemeral = AgreementKey()
    let epk = ephemeral.publicKey.bytes
    let xk = try ephemeral.sharedSecret(with: xpk)
    let (ek, ak, nonce) = try derive(xk: xk, epk: epk, xpk: xpk.bytes)
    var ptk = key.withUnsafeBytes { Array($0) }
    defer { wipe(&ptk) }
    let edk = try XChaCha20Stream.xor(ptk, nonce: nonce, key: ek)
    let tag = try BLAKE2b.hash([headerBytes, epk, edk], outputCount: 32, key: ak)
    return header + Encoding.base64URL(tag + epk + edk)
  }

  public static func unseal(_ paserk: String, with recipient: SigningKey) throws(CryptoError)
    -> SymmetricKey
  {
    let bytes = try Paserk.payload(of: paserk, header: header)
    guard bytes.count == 96 else { throw .invalidPaserk("a k4.seal is 96 bytes") }
    let tag = Array(bytes[0..<32])
    let epk = Array(bytes[32..<64])
    let edk = Array(bytes[64..<96])
    let xsk = try recipient.agreementKey()
    let xpk = try recipient.publicKey.agreementPublicKey()
    let xk: SecureBytes
    do {
      xk = try xsk.sharedSecret(with: AgreementPublicKey(epk))
    } catch {
      throw .invalidPaserk("the sealed key cannot be opened")
    }
    let (ek, ak, nonce) = try derive(xk: xk, epk: epk, xpk: xpk.bytes)
    let expected = try BLAKE2b.hash([headerBytes, epk, edk], outputCount: 32, key: ak)
    // Verify before decrypting, in constant time.
    guard constantTimeEquals(expected, tag) else {
      throw .invalidPaserk("the sealed key cannot be opened")
    }
    var ptk = try XChaCha20Stream.xor(edk, nonce: nonce, key: ek)
    defer { wipe(&ptk) }
    return try SymmetricKey(copying: ptk)
  }

  private static func derive(xk: SecureBytes, epk: [UInt8], xpk: [UInt8]) throws(CryptoError) -> (
    SecureBytes, SecureBytes, [UInt8]
  ) {
    var shared = xk.withUnsafeBytes { Array($0) }
    defer { wipe(&shared) }
    let ek = try BLAKE2b.secretHash([[0x01], headerBytes, shared, epk, xpk], outputCount: 32)
    let ak = try BLAKE2b.secretHash([[0x02], headerBytes, shared, epk, xpk], outputCount: 32)
    let nonce = try BLAKE2b.hash([epk, xpk], outputCount: 24)
    return (ek, ak, nonce)
  }
}
