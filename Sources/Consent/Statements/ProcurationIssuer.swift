import PSPCrypto
import PSPWallet

/// A procuration ready to hand to walletd: the token, and the circle keys the
/// trustee needs sealed to the trustee (`ProcurationScope`: the circles up to
/// the procuration's, or those of its purposes' fields).
public struct IssuedProcuration: Sendable {
  public let procuration: Procuration
  public let envelopes: [CircleKeyEnvelope]
}

public enum ProcurationIssuer {
  public static func issue(
    by owner: WalletOwner, to trustee: PublicIdentity, kind: ProcurationKind, purposes: [Purpose],
    administration: String?, circle: Circle?, actions: [ProcurationAction], notBefore: Int64,
    expires: Int64, at now: Int64, rules: any ConsentRules, templates: TemplateCatalogue = .standard
  ) throws(ConsentRefusal) -> IssuedProcuration {
    let claims = ProcurationClaims(
      wallet: owner.walletID, owner: owner.identity.publicIdentity.keyID, trustee: trustee, kind: kind,
      purposes: purposes, administration: administration, circle: circle, actions: actions, issuedAt: now,
      notBefore: notBefore, expires: expires)
    let token: String
    do { token = try SignedStatement.sign(claims, type: ProcurationClaims.type, with: owner.identity.signingKey) } catch {
      throw .malformed("procuration")
    }
    let authority = WalletAuthority(wallet: owner.walletID, owner: owner.identity.signingKey.publicKey)
    let procuration = try ProcurationVerifier.verify(token, authority: authority, rules: rules)
    let circles = ProcurationScope.circles(
      of: procuration.claims, templates: templates, circles: { rules.circle(of: $0) })
    let envelopes: [CircleKeyEnvelope]
    do {
      envelopes = try owner.keyring.envelopes(wallet: owner.walletID, circles: circles, to: trustee.encryptionKey)
    } catch { throw .malformed("trustee key") }
    return IssuedProcuration(procuration: procuration, envelopes: envelopes)
  }
}
