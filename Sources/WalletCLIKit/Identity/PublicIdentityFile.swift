import Foundation
import PSPCrypto
import PSPWallet

/// The public half of an identity as wallet-cli shows it (`identity show
/// --json`) and reads it back (`procuration create --to FILE`, `operator
/// register --keys FILE`). A keystore file has the same public members, so
/// either kind of file names a person; the key id is checked against the keys.
struct PublicIdentityFile: Codable {
  var name: String?
  let kind: PrincipalKind
  /// `k4.public.…`
  let signingKey: String
  /// `k4.pid.…`
  let keyID: String
  /// base64url of the X25519 public key.
  let encryptionKey: String
  var wallet: String?

  init(name: String, keystore: Keystore, wallet: String?) {
    self.name = name
    kind = keystore.kind
    signingKey = keystore.signingKey
    keyID = keystore.keyID
    encryptionKey = keystore.encryptionKey
    self.wallet = wallet
  }

  func printKeys(_ invocation: Invocation) {
    invocation.line(
      fr: "  Clé publique (k4.public) : \(signingKey)",
      en: "  Public key (k4.public): \(signingKey)",
      de: "  Öffentlicher Schlüssel (k4.public): \(signingKey)",
      pt: "  Chave pública (k4.public): \(signingKey)")
    invocation.line(
      fr: "  Identifiant de clé (k4.pid) : \(keyID)", en: "  Key id (k4.pid): \(keyID)",
      de: "  Schlüsselkennung (k4.pid): \(keyID)", pt: "  Identificador da chave (k4.pid): \(keyID)"
    )
    invocation.line(
      fr: "  Clé de chiffrement (X25519) : \(encryptionKey)",
      en: "  Encryption key (X25519): \(encryptionKey)",
      de: "  Verschlüsselungsschlüssel (X25519): \(encryptionKey)",
      pt: "  Chave de cifra (X25519): \(encryptionKey)")
  }

  /// Reads public keys from a file: an `identity show --json` output or a keystore.
  /// The name a public identity file gives its person (`identity show --json`
  /// writes it), if any.
  static func name(at url: URL) -> String? {
    struct Named: Decodable { let name: String? }
    guard let data = try? Data(contentsOf: url), data.count < 64 * 1024 else { return nil }
    return (try? JSONDecoder().decode(Named.self, from: data))?.name
  }

  static func publicIdentity(at url: URL) -> PublicIdentity? {
    struct Keys: Decodable {
      let kind: PrincipalKind?
      let signingKey: String
      let encryptionKey: String
      let keyID: String?
    }
    guard let data = try? Data(contentsOf: url), data.count < 64 * 1024,
      let keys = try? JSONDecoder().decode(Keys.self, from: data),
      let identity = publicIdentity(
        signingKey: keys.signingKey, encryptionKey: keys.encryptionKey, kind: keys.kind ?? .trustee)
    else { return nil }
    if let keyID = keys.keyID, keyID != identity.keyID { return nil }
    return identity
  }

  static func publicIdentity(signingKey: String, encryptionKey: String, kind: PrincipalKind)
    -> PublicIdentity?
  {
    guard let signing = try? Paserk.signingPublicKey(from: signingKey),
      let bytes = try? Encoding.fromBase64URL(encryptionKey),
      let encryption = try? AgreementPublicKey(bytes)
    else { return nil }
    return PublicIdentity(kind: kind, signingKey: signing, encryptionKey: encryption)
  }
}
