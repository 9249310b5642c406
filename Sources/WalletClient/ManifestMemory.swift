import PSPConsent
import PSPCrypto
import PSPWallet

/// The newest manifest a client has seen or signed for each grant
/// (`ClientMemory.manifests`): an administration refuses an older one when
/// reading; a citizen or trustee refuses to build the next one on an older one
/// than it signed itself, which would name older versions of the fields it
/// does not write.
extension ClientTrust {
  /// The mark of a manifest token: its number and the BLAKE2b-256 of the token.
  static func mark(_ token: String, seq: Int) throws(ClientError) -> ClientMemory.ManifestMark {
    do { return .init(seq: seq, digest: Encoding.base64URL(try BLAKE2b.hash([Array(token.utf8)]))) } catch {
      throw .local("a manifest could not be hashed")
    }
  }

  /// Whether `token` (number `seq`) is older than the newest one remembered for
  /// `grant`, or another one with the same number; nil if it is not.
  func rollback(_ token: String?, seq: Int, grant: StatementID) -> Forgery? {
    guard let seen = memory.manifests[grant.rawValue] else { return nil }
    let digest = token.flatMap { try? Self.mark($0, seq: seq).digest }
    if seq < seen.seq || (seq == seen.seq && digest != seen.digest) {
      return .manifestRolledBack(seen: seen.seq, served: seq)
    }
    return nil
  }

  /// Remembers a verified manifest as the newest of its grant; refuses an older one.
  func remember(_ manifest: GrantManifest) throws(ClientError) {
    let mark = try Self.mark(manifest.token, seq: manifest.seq)
    // Checked and kept in one step: two reads at once never leave the older.
    try update { (memory) throws(ClientError) in
      if let seen = memory.manifests[manifest.grant.rawValue],
        mark.seq < seen.seq || (mark.seq == seen.seq && mark.digest != seen.digest)
      {
        throw .forged(.manifestRolledBack(seen: seen.seq, served: mark.seq))
      }
      memory.manifests[manifest.grant.rawValue] = mark
    }
  }

  /// Remembers the manifests this client has just signed and walletd stored.
  func rememberSigned(_ tokens: [String]) throws(ClientError) {
    struct Claims: Decodable {
      let grant: StatementID
      let seq: Int
    }
    for token in tokens {
      guard let claims = SignedStatement.unverifiedClaims(of: token, as: Claims.self) else { continue }
      let mark = try Self.mark(token, seq: claims.seq)
      try update { memory in
        if (memory.manifests[claims.grant.rawValue]?.seq ?? 0) < claims.seq {
          memory.manifests[claims.grant.rawValue] = mark
        }
      }
    }
  }
}
