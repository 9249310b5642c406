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
    let (claims, procuration) = try StatementChain.verify(
      token, as: GrantClaims.self, authority: authority, state: state, rules: rules)
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
}
