import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// A grant as the citizen's client shows it: verified, with its latest
/// manifest, the versions walletd says it holds keys of, and a warning when
/// walletd contradicts what the citizen signed (a revoked grant shown in
/// force, a revocation whose keys are still served, a manifest that does not
/// verify).
public struct GrantEntry: Sendable {
  public let grant: Grant
  public let state: GrantState
  public let manifest: GrantManifest?
  public let keys: [KeyVersion]
  public let warning: Forgery?
  /// Whether the grantee is certified now; a grant to one that is not any more
  /// is listed and revocable, and never sealed new versions.
  public let granteeCertified: Bool

  /// A grant new versions are sealed to, with the manifest the next one follows.
  struct Active: Sendable {
    let active: ActiveGrant
    let manifest: GrantManifest?
  }

  /// The next manifest of each grant sealed one of `keys`, for the versions
  /// `written` now; signed by `signer` (under `procuration` for a trustee).
  static func nextManifests(
    _ grants: [Active], keys: [GrantKey], written: [FieldRecord], by signer: Identity,
    procuration: StatementID?,
    at now: Int64
  ) throws(WalletError) -> [String] {
    var manifests: [String] = []
    for entry in grants {
      let sealed = keys.filter { $0.grant == entry.active.grant.id }
      guard !sealed.isEmpty else { continue }
      let records = written.filter { record in
        sealed.contains { $0.field == record.field && $0.version == record.version }
      }
      manifests.append(
        try GrantManifest.next(
          after: entry.manifest, for: entry.active.grant, sealing: records, by: signer,
          procuration: procuration,
          at: now))
    }
    return manifests
  }
}

extension ConsentState {
  /// A state holding only procurations walletd returned beside what they
  /// authorise: keyed by the id each claims, which the chain checks again
  /// after verifying it under the owner's key (a mislabelled one fails).
  init(procurationTokens tokens: [String]) {
    self.init()
    struct Reference: Decodable { let jti: StatementID }
    for token in tokens {
      guard let reference = SignedStatement.unverifiedClaims(of: token, as: Reference.self) else { continue }
      procurations[reference.jti] = token
    }
  }
}
