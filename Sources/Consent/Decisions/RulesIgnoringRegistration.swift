import PSPWallet

/// A grant as it was signed, whether or not its administration is registered
/// now: a grant to an administration whose certificate expired (or that the
/// registry no longer lists) must still be shown to the citizen and be
/// revocable. Everything is checked as by the rules it wraps, except that the
/// grantee need not be registered. Never used to seal nor to serve a read.
public struct RulesIgnoringRegistration: ConsentRules {
  public let rules: any ConsentRules

  public init(_ rules: any ConsentRules) { self.rules = rules }

  public func circle(of field: FieldID) -> Circle? { rules.circle(of: field) }
  public func isKnownPurpose(_ purpose: Purpose) -> Bool { rules.isKnownPurpose(purpose) }
  public func checkGrant(
    purpose: Purpose, fields: [FieldID], validitySeconds: Int64, kind: GrantKind, grantee: String
  ) throws(ConsentRefusal) {
    do {
      try rules.checkGrant(
        purpose: purpose, fields: fields, validitySeconds: validitySeconds, kind: kind, grantee: grantee)
    } catch .granteeNotRegistered {
      return
    }
  }
}
