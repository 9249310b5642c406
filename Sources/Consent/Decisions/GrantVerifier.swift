import Foundation
import PSPCrypto
import PSPWallet

/// Verifies a grant token (`spec/consent.md` §"Verifying a grant"): signed by
/// the owner, or by a trustee whose procuration (signed by the owner) allows it
/// — the chain citizen → trustee → administration — and never wider than the
/// procuration nor than the purpose's template. Pure: statuses, rules and time
/// are passed in. The platform's own key, or any key other than these, fails.
public enum GrantVerifier {
  public static func verify(
    _ token: String, authority: WalletAuthority, state: ConsentState, rules: any ConsentRules
  ) throws(ConsentRefusal) -> Grant {
    let ownerID = Paserk.identifier(of: authority.owner)
    guard let signer = SignedStatement.unverifiedKeyID(of: token) else { throw .malformed("grant") }

    let claims: GrantClaims
    var procuration: Procuration? = nil
    if signer == ownerID {
      claims = try verifySignature(token, key: authority.owner)
      guard claims.procuration == nil else { throw .malformed("grant (owner grants name no procuration)") }
    } else {
      // A trustee's grant: find the procuration it names, verify it under the
      // owner's key, then verify the grant under the trustee key it names.
      guard let reference = try unverifiedProcurationID(of: token) else { throw .procurationMissing }
      guard let procurationToken = state.procurations[reference] else { throw .procurationMissing }
      let verified = try ProcurationVerifier.verify(procurationToken, authority: authority, rules: rules)
      guard verified.claims.sub == signer else { throw .badSignature }
      claims = try verifySignature(token, key: ProcurationVerifier.trusteeKey(of: verified))
      procuration = verified
    }

    guard claims.typ == GrantClaims.type, claims.iss == signer else { throw .malformed("grant") }
    guard claims.wallet == authority.wallet else { throw .wrongWallet }
    guard !claims.fields.isEmpty, claims.fields == Array(Set(claims.fields)).sorted() else {
      throw .malformed("grant fields (sorted, unique, not empty)")
    }
    for field in claims.fields where rules.circle(of: field) == nil { throw .unknownField(field) }
    let times = try StatementTimes(iat: claims.iat, nbf: claims.nbf, exp: claims.exp)
    try rules.checkGrant(
      purpose: claims.purpose, fields: claims.fields, validitySeconds: times.expires - times.notBefore,
      kind: claims.kind, grantee: claims.sub)
    if let procuration {
      try checkWithinProcuration(claims, times: times, procuration: procuration, rules: rules)
    }
    return Grant(
      claims: claims, token: token, issuedAt: times.issuedAt, notBefore: times.notBefore,
      expires: times.expires)
  }

  /// The chain rule: what a trustee signs is never wider than the procuration.
  static func checkWithinProcuration(
    _ claims: GrantClaims, times: StatementTimes, procuration: Procuration, rules: any ConsentRules
  ) throws(ConsentRefusal) {
    let p = procuration.claims
    guard claims.procuration == procuration.id else { throw .procurationInvalid }
    let needed: ProcurationAction = claims.filing == nil ? .grant : .file
    guard p.actions.contains(needed) else { throw .actionNotAllowed(needed.rawValue) }
    // Signed while the procuration was in force, and ending with it at the latest.
    guard times.issuedAt >= procuration.notBefore, times.issuedAt < procuration.expires else {
      throw .procurationExpired
    }
    guard times.expires <= procuration.expires else {
      throw .procurationTooNarrow("the grant outlives the procuration")
    }
    if !p.purposes.isEmpty && !p.purposes.contains(claims.purpose) {
      throw .procurationTooNarrow("purpose")
    }
    if let maxCircle = p.maxCircle {
      let outside = claims.fields.filter { (rules.circle(of: $0) ?? .documents) > maxCircle }
      guard outside.isEmpty else { throw .procurationTooNarrow("circle") }
    }
    if p.kind == .oneShot {
      guard claims.sub == p.administration else { throw .procurationTooNarrow("administration") }
      guard claims.kind == .oneShot || claims.filing != nil else {
        throw .procurationTooNarrow("a one-shot procuration gives one-time grants")
      }
    }
  }

  private static func verifySignature(_ token: String, key: SigningPublicKey) throws(ConsentRefusal)
    -> GrantClaims
  {
    do {
      return try SignedStatement.verify(token, type: GrantClaims.type, publicKey: key, as: GrantClaims.self)
    } catch { throw .badSignature }
  }

  /// The procuration id a trustee's grant names, read before verification only
  /// to find the key to verify with.
  private static func unverifiedProcurationID(of token: String) throws(ConsentRefusal) -> StatementID? {
    struct Reference: Decodable { let procuration: StatementID? }
    guard let message = try? PasetoV4Public.unverifiedMessage(of: token),
      let reference = try? JSONDecoder().decode(Reference.self, from: Data(message))
    else { throw .malformed("grant") }
    return reference.procuration
  }
}
