/// Every domain-separation constant of the PSP, as `spec/crypto.md` §"Domain
/// separation" lists them. A constant is never reused for another purpose; a new
/// format gets a new constant, never a new meaning for an old one.
public enum DomainSeparation {
  /// libsodium KDF contexts are exactly 8 bytes (`crypto_kdf_CONTEXTBYTES`).
  public enum KDFContext: String, Sendable, CaseIterable {
    /// Keystore: the key that encrypts the identity file, from the Argon2id output.
    case keystore = "PSPkstor"
    /// Keystore: the key that encrypts the identity file, from the recovery code.
    case recovery = "PSPrecov"
    /// walletd sessions: per-session MAC key from the handshake secret.
    case session = "PSPsessn"
    /// Export bundles: the bundle encryption key.
    case export = "PSPexprt"
  }

  /// The key commitment: BLAKE2b-256 keyed by the data key over this label and
  /// the record's associated data.
  public static let keyCommitment = "PSP-v1/key-commitment"
}
