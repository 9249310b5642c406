import PSPWallet

/// Reads the three times of a statement and checks their order.
struct StatementTimes {
  let issuedAt: Int64
  let notBefore: Int64
  let expires: Int64

  init(iat: String, nbf: String, exp: String) throws(ConsentRefusal) {
    guard let issuedAt = Timestamp.parse(iat), let notBefore = Timestamp.parse(nbf),
      let expires = Timestamp.parse(exp)
    else { throw .malformed("times") }
    guard notBefore < expires else { throw .malformed("validity (nbf must precede exp)") }
    self.issuedAt = issuedAt
    self.notBefore = notBefore
    self.expires = expires
  }

  /// `nbf <= now < exp`.
  func check(at now: Int64, notYet: ConsentRefusal, expired: ConsentRefusal) throws(ConsentRefusal) {
    guard now >= notBefore else { throw notYet }
    guard now < expires else { throw expired }
  }
}
