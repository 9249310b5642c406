import PSPCrypto

/// Reading an administration's public keys from their text forms, refusing
/// anything that is not exactly one well-formed key. The errors name the
/// expected form, never the text given (it may be a secret key pasted by
/// mistake).
enum AdministrationKeys {
  /// A `k4.public.` PASERK (Ed25519, 32 bytes).
  static func signingKey(from text: String) throws(RegistryError) -> SigningPublicKey {
    do { return try Paserk.signingPublicKey(from: text) } catch { throw .malformedSigningKey }
  }

  /// Unpadded base64url of a 32-byte X25519 public key.
  static func encryptionKey(from text: String) throws(RegistryError) -> AgreementPublicKey {
    let key: AgreementPublicKey
    do { key = try AgreementPublicKey(Encoding.fromBase64URL(text)) } catch {
      throw .malformedEncryptionKey
    }
    try checkNotLowOrder(key)
    return key
  }

  static func text(of key: AgreementPublicKey) -> String { Encoding.base64URL(key.bytes) }

  /// Data keys are sealed to this key; a low-order point would make every
  /// shared secret a known constant, so anyone could open what is sealed to it.
  /// X25519 clamps its scalar to a multiple of 8, so any scalar multiplied by a
  /// low-order point gives the all-zero value libsodium refuses; the scalar is
  /// therefore a fixed, public probe, not a secret.
  static func checkNotLowOrder(_ key: AgreementPublicKey) throws(RegistryError) {
    let probe: AgreementKey
    do {
      probe = try AgreementKey(secret: SecureBytes(copying: (1...32).map { UInt8($0) }))
    } catch {
      // Only a libsodium that cannot start gets here; no key can be checked.
      throw .malformedEncryptionKey
    }
    do { _ = try probe.sharedSecret(with: key) } catch { throw .weakEncryptionKey }
  }
}
