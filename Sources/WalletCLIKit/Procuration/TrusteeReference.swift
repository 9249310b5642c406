import Foundation
import PSPWallet

/// Who a procuration is for, as the citizen names them: an identity in the
/// same home (`--to paul`), a file (`--to paul.public.json`, the output of the
/// trustee's `identity show --json`, or a keystore), or the two public keys
/// typed out (`--to-key` and `--to-encryption-key`). Only public keys are read.
struct TrusteeReference {
  let to: String?
  let signingKey: String?
  let encryptionKey: String?

  /// Either `--to`, or both keys; never both ways, never one key alone.
  var isComplete: Bool {
    let byKeys = signingKey != nil && encryptionKey != nil
    let oneKeyAlone = (signingKey != nil) != (encryptionKey != nil)
    return !oneKeyAlone && (to != nil) != byKeys
  }

  /// The person's name, as the citizen knows them: the identity's name in
  /// this home (`--to paul`), or the name their public identity file gives.
  func name(_ home: Home) -> String? {
    guard let to, signingKey == nil else { return nil }
    if IdentityName.isValid(to), FileManager.default.fileExists(atPath: home.keystoreURL(to).path) {
      return to
    }
    return PublicIdentityFile.name(at: URL(fileURLWithPath: to))
  }

  func resolve(_ home: Home) throws(Message) -> PublicIdentity {
    if let signingKey, let encryptionKey {
      guard
        let identity = PublicIdentityFile.publicIdentity(
          signingKey: signingKey, encryptionKey: encryptionKey, kind: .trustee)
      else { throw Messages.publicKeysUnreadable }
      return identity
    }
    guard let to else { throw Messages.trusteeUnreadable }
    if IdentityName.isValid(to), FileManager.default.fileExists(atPath: home.keystoreURL(to).path) {
      let keystore = try home.readKeystore(to)
      do { return try keystore.publicIdentity() } catch { throw Messages.from(error) }
    }
    guard let identity = PublicIdentityFile.publicIdentity(at: URL(fileURLWithPath: to)) else {
      throw Messages.trusteeUnreadable
    }
    return identity
  }
}
