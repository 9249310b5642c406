import Foundation
import PSPCrypto

/// A principal's identity at rest (`spec/wallet.md` §"Keystore"): the two secret
/// keys (Ed25519 seed || X25519 secret, 64 bytes) encrypted twice with
/// XChaCha20-Poly1305, once under a key from the passphrase and once under a key
/// from the recovery code, each key derived by Argon2id then the libsodium KDF.
/// The public keys are in clear and bound into the associated data, so a file
/// whose public part was swapped does not open.
public struct Keystore: Sendable, Codable {
  public static let format = "psp-keystore/1"
  static let adLabel = "PSP-v1/keystore"

  public enum Method: String, Sendable, Codable {
    case passphrase
    case recoveryCode = "recovery-code"
  }

  public struct Unlock: Sendable, Codable {
    public let method: Method
    public let argon2id: Argon2idParameters
    /// base64url of `nonce || ciphertext || tag`.
    public let box: String
  }

  public let format: String
  public let kind: PrincipalKind
  /// `k4.public.…`
  public let signingKey: String
  /// base64url of the X25519 public key.
  public let encryptionKey: String
  /// `k4.pid.…` of the signing key.
  public let keyID: String
  public let unlocks: [Unlock]

  /// Makes a keystore for `identity`. Returns the recovery code to show once.
  public static func create(
    for identity: Identity, passphrase: SecureBytes,
    passphraseParameters: Argon2idParameters = .moderate(),
    recoveryParameters: Argon2idParameters = .interactive()
  ) throws(KeystoreError) -> (Keystore, RecoveryCode) {
    let code = RecoveryCode()
    let publicIdentity = identity.publicIdentity
    let signing = Paserk.encode(publicIdentity.signingKey)
    let encryption = Encoding.base64URL(publicIdentity.encryptionKey.bytes)
    var secret = secretBytes(of: identity)
    defer { wipe(&secret) }
    let unlocks = [
      try seal(
        secret, method: .passphrase, secret: passphrase, parameters: passphraseParameters,
        kind: identity.kind, signing: signing, encryption: encryption),
      try seal(
        secret, method: .recoveryCode, secret: code.canonical, parameters: recoveryParameters,
        kind: identity.kind, signing: signing, encryption: encryption),
    ]
    let keystore = Keystore(
      format: format, kind: identity.kind, signingKey: signing, encryptionKey: encryption,
      keyID: publicIdentity.keyID, unlocks: unlocks)
    return (keystore, code)
  }

  public func unlock(passphrase: SecureBytes) throws(KeystoreError) -> Identity {
    try unlock(method: .passphrase, secret: passphrase, failure: .wrongPassphrase)
  }

  public func unlock(recoveryCode: RecoveryCode) throws(KeystoreError) -> Identity {
    try unlock(method: .recoveryCode, secret: recoveryCode.canonical, failure: .wrongRecoveryCode)
  }

  /// The same identity under a new passphrase (after a recovery, or by choice);
  /// the recovery unlock is kept as it was.
  public func replacingPassphrase(
    identity: Identity, with passphrase: SecureBytes,
    parameters: Argon2idParameters = .moderate()
  ) throws(KeystoreError) -> Keystore {
    guard identity.publicIdentity.keyID == keyID else { throw .corrupted("another identity") }
    var secret = Self.secretBytes(of: identity)
    defer { wipe(&secret) }
    let fresh = try Self.seal(
      secret, method: .passphrase, secret: passphrase, parameters: parameters, kind: kind,
      signing: signingKey, encryption: encryptionKey)
    return Keystore(
      format: format, kind: kind, signingKey: signingKey, encryptionKey: encryptionKey, keyID: keyID,
      unlocks: [fresh] + unlocks.filter { $0.method != .passphrase })
  }

  /// The public identity, read from the clear part (checked for consistency).
  public func publicIdentity() throws(KeystoreError) -> PublicIdentity {
    guard format == Self.format else { throw .corrupted("unknown format") }
    do {
      let signing = try Paserk.signingPublicKey(from: signingKey)
      let encryption = try AgreementPublicKey(Encoding.fromBase64URL(encryptionKey))
      let identity = PublicIdentity(kind: kind, signingKey: signing, encryptionKey: encryption)
      guard identity.keyID == keyID else { throw KeystoreError.corrupted("key id does not match") }
      return identity
    } catch let error as KeystoreError {
      throw error
    } catch {
      throw .corrupted("public keys")
    }
  }

  // MARK: private

  private static func secretBytes(of identity: Identity) -> [UInt8] {
    identity.signingKey.seed.withUnsafeBytes { Array($0) }
      + identity.encryptionKey.withUnsafeSecretBytes { Array($0) }
  }

  private static func associatedData(
    method: Method, kind: PrincipalKind, signing: String, encryption: String
  ) -> [UInt8] {
    PreAuthenticationEncoding.encode([
      Array(adLabel.utf8), Array(method.rawValue.utf8), Array(kind.rawValue.utf8),
      Array(signing.utf8), Array(encryption.utf8),
    ])
  }

  private static func boxKey(method: Method, secret: SecureBytes, parameters: Argon2idParameters)
    throws(CryptoError) -> SymmetricKey
  {
    let stretched = try PasswordHash.deriveSymmetricKey(passphrase: secret, parameters: parameters)
    let context: DomainSeparation.KDFContext = method == .passphrase ? .keystore : .recovery
    return try KeyDerivation.deriveKey(from: stretched, context: context)
  }

  private static func seal(
    _ plaintext: [UInt8], method: Method, secret: SecureBytes, parameters: Argon2idParameters,
    kind: PrincipalKind, signing: String, encryption: String
  ) throws(KeystoreError) -> Unlock {
    do {
      let key = try boxKey(method: method, secret: secret, parameters: parameters)
      let box = try XChaCha20Poly1305.seal(
        plaintext, using: key,
        authenticating: associatedData(method: method, kind: kind, signing: signing, encryption: encryption))
      return Unlock(method: method, argon2id: parameters, box: Encoding.base64URL(box.combined))
    } catch {
      throw .unsupportedParameters(error.description)
    }
  }

  private func unlock(method: Method, secret: SecureBytes, failure: KeystoreError)
    throws(KeystoreError) -> Identity
  {
    let expected = try publicIdentity()
    guard let entry = unlocks.first(where: { $0.method == method }) else {
      throw .corrupted("no \(method.rawValue) entry")
    }
    do {
      try entry.argon2id.validate()
    } catch {
      throw .unsupportedParameters(error.description)
    }
    let combined: [UInt8]
    do {
      combined = try Encoding.fromBase64URL(entry.box)
    } catch {
      throw .corrupted("encrypted part")
    }
    var plaintext: [UInt8]
    do {
      let key = try Self.boxKey(method: method, secret: secret, parameters: entry.argon2id)
      plaintext = try XChaCha20Poly1305.open(
        XChaCha20Poly1305.SealedMessage(combined: combined), using: key,
        authenticating: Self.associatedData(
          method: method, kind: kind, signing: signingKey, encryption: encryptionKey))
    } catch {
      throw failure
    }
    defer { wipe(&plaintext) }
    guard plaintext.count == 64 else { throw .corrupted("secret length") }
    do {
      let identity = Identity(
        kind: kind,
        signingKey: try SigningKey(seed: SecureBytes(copying: plaintext[0..<32])),
        encryptionKey: try AgreementKey(secret: SecureBytes(copying: plaintext[32..<64])))
      // The secret must be the one the clear part names.
      guard identity.publicIdentity == expected else { throw KeystoreError.corrupted("keys do not match") }
      return identity
    } catch let error as KeystoreError {
      throw error
    } catch {
      throw .corrupted("secret keys")
    }
  }
}
