import PSPCrypto
import PSPWallet

/// What the citizen's (or trustee's) client hands to walletd to file a request.
public struct IssuedFiling: Sendable {
  public let filing: Filing
  public let grant: IssuedGrant
}

/// Files a request for an aid: a one-shot grant of the given fields to the
/// administration, and the filing that names it, signed by the same hand.
public enum FilingIssuer {
  public static func file(
    by holder: some WalletKeyHolder, at administration: Administration, purpose: Purpose,
    fields: [FieldID], validitySeconds: Int64, at now: Int64, rules: StandardConsentRules,
    authority: WalletAuthority, state: ConsentState = ConsentState(), procuration: StatementID? = nil
  ) throws(ConsentRefusal) -> IssuedFiling {
    let filingID = StatementID()
    let grantee = PublicIdentity(
      kind: .administration, signingKey: administration.signingKey, encryptionKey: administration.encryptionKey)
    let grant = try GrantIssuer.issue(
      by: holder, to: grantee, purpose: purpose, fields: fields, kind: .oneShot, notBefore: now,
      expires: now + validitySeconds, at: now, rules: rules, authority: authority, state: state,
      procuration: procuration, filing: filingID)
    let claims = FilingClaims(
      id: filingID, wallet: holder.walletID, issuer: holder.identity.publicIdentity.keyID,
      procuration: procuration, purpose: purpose, administration: administration.keyID,
      grant: grant.grant.id, issuedAt: now)
    let token: String
    do { token = try SignedStatement.sign(claims, type: FilingClaims.type, with: holder.identity.signingKey) } catch {
      throw .malformed("filing")
    }
    let filing = try FilingVerifier.verify(token, authority: authority, state: state, rules: rules)
    try FilingVerifier.checkGrant(grant.grant, belongsTo: filing)
    return IssuedFiling(filing: filing, grant: grant)
  }
}
