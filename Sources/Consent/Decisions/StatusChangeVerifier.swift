import PSPWallet

/// A verified status change and when it was signed.
public struct StatusChange: Sendable, Equatable {
  public let claims: StatusChangeClaims
  public let token: String
  public let issuedAt: Int64
}

/// Verifies a revocation, pause or resume (`spec/consent.md` §"Status changes").
/// The owner may change any grant or procuration; a trustee only a grant they
/// signed themselves, under the procuration they signed it under. The
/// platform's key, or anyone else's, is refused.
public enum StatusChangeVerifier {
  public static func verify(
    _ token: String, target: StatusChangeTarget, authority: WalletAuthority, state: ConsentState,
    rules: any ConsentRules
  ) throws(ConsentRefusal) -> StatusChange {
    let (claims, procuration) = try StatementChain.verify(
      token, as: StatusChangeClaims.self, authority: authority, state: state, rules: rules)
    guard let issuedAt = Timestamp.parse(claims.iat) else { throw .malformed("times") }
    switch target {
    case .grant(let grant):
      guard claims.target == .grant, claims.ref == grant.id else {
        throw .malformed("status change target")
      }
      if let procuration {
        guard grant.claims.iss == claims.iss else {
          throw .notAllowed("only the signer of a grant may change it")
        }
        // Under the procuration the grant was signed under, never another of
        // the trustee's (paused, used, or without the action): §15.2.
        guard grant.claims.procuration == procuration.id else {
          throw .notAllowed("a grant is changed under the procuration it was signed under")
        }
        let needed: ProcurationAction = grant.claims.filing == nil ? .grant : .file
        guard procuration.claims.actions.contains(needed) else {
          throw .actionNotAllowed(needed.rawValue)
        }
      }
    case .procuration(let id):
      guard claims.target == .procuration, claims.ref == id else {
        throw .malformed("status change target")
      }
      guard procuration == nil else { throw .notAllowed("only the citizen changes a procuration") }
    }
    // Once revoked, nothing changes again.
    guard !state.revoked.contains(claims.ref) else { throw .revoked }
    return StatusChange(claims: claims, token: token, issuedAt: issuedAt)
  }
}

/// What a status change is about.
public enum StatusChangeTarget: Sendable {
  case grant(Grant)
  case procuration(StatementID)
}

extension ConsentState {
  /// The state after a verified change: pause and resume toggle, revoke is final.
  public func applying(_ change: StatusChange) -> ConsentState {
    var next = self
    let ref = change.claims.ref
    switch change.claims.action {
    case .revoke:
      next.revoked.insert(ref)
      next.paused.remove(ref)
    case .pause: next.paused.insert(ref)
    case .resume: next.paused.remove(ref)
    }
    return next
  }
}
