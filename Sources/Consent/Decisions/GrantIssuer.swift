import PSPCrypto
import PSPWallet

/// A grant ready to hand to walletd: the signed token and the data keys of
/// exactly the granted fields, sealed to the grantee.
public struct IssuedGrant: Sendable {
  public let grant: Grant
  public let keys: [GrantKey]
}

/// Issues grants on the citizen's side (`spec/consent.md` §"Issuing a grant").
/// The same checks walletd makes are made before anything is signed, so a
/// grant wider than its template is never signed at all.
public enum GrantIssuer {
  public static func issue(
    by holder: some WalletKeyHolder, to grantee: PublicIdentity, purpose: Purpose,
    fields: [FieldID],
    kind: GrantKind, notBefore: Int64, expires: Int64, at now: Int64, rules: any ConsentRules,
    authority: WalletAuthority, state: ConsentState = ConsentState(),
    procuration: StatementID? = nil,
    filing: StatementID? = nil
  ) throws(ConsentRefusal) -> IssuedGrant {
    let claims = GrantClaims(
      wallet: holder.walletID, issuer: holder.identity.publicIdentity.keyID, grantee: grantee.keyID,
      purpose: purpose, fields: fields, kind: kind, issuedAt: now, notBefore: notBefore,
      expires: expires,
      procuration: procuration, filing: filing)
    let token: String
    do {
      token = try SignedStatement.sign(
        claims, type: GrantClaims.type, with: holder.identity.signingKey)
    } catch {
      throw .malformed("grant")
    }
    // Verify what was signed exactly as walletd will: template, chain, times.
    let grant = try GrantVerifier.verify(token, authority: authority, state: state, rules: rules)
    let keys: [GrantKey]
    do {
      var latest: [VerifiedRecord] = []
      for field in grant.fields {
        if let record = try holder.store.history(wallet: holder.walletID, field: field).last {
          latest.append(
            VerifiedRecord(ownStore: record, owner: holder.identity.publicIdentity.keyID))
        }
      }
      keys = try GrantKey.sealAll(
        for: grant, records: latest, keyring: holder.keyring, to: grantee.encryptionKey)
    } catch let error {
      throw .notAllowed(error.description)
    }
    return IssuedGrant(grant: grant, keys: keys)
  }

  /// Signs a status change (revoke, pause, resume) of a grant or procuration.
  public static func statusChange(
    by identity: Identity, wallet: WalletID, target: StatusChangeClaims.Target, ref: StatementID,
    action: StatusAction, at now: Int64, procuration: StatementID? = nil
  ) throws(ConsentRefusal) -> String {
    let claims = StatusChangeClaims(
      wallet: wallet, issuer: identity.publicIdentity.keyID, procuration: procuration,
      target: target,
      ref: ref, action: action, issuedAt: now)
    do {
      return try SignedStatement.sign(
        claims, type: StatusChangeClaims.type, with: identity.signingKey)
    } catch {
      throw .malformed("status change")
    }
  }
}
