/// The domain-separation constants of the crypto layer. The labels of the
/// wallet and consent formats (`PSP-v1/…`) are defined beside those formats;
/// `spec/crypto.md` §"Domain separation" lists them all in one table. A
/// constant is never reused for another purpose; a new format gets a new
/// constant, never a new meaning for an old one.
public enum DomainSeparation {
  /// libsodium KDF contexts are exactly 8 bytes (`crypto_kdf_CONTEXTBYTES`).
  public enum KDFContext: String, Sendable, CaseIterable {
    /// Keystore: the key that encrypts the identity file, from the Argon2id output.
    case keystore = "PSPkstor"
    /// Keystore: the key that encrypts the identity file, from the recovery code.
    case recovery = "PSPrecov"
    /// walletd: the key that wraps the session keys several walletd share, from walletd's seed.
    case sessions = "PSPwdses"
  }

  /// The key commitment: BLAKE2b-256 keyed by the data key over this label and
  /// the record's associated data.
  public static let keyCommitment = "PSP-v1/key-commitment"
}
