import PSPCrypto
import PSPWallet

/// Verifies filings and the administration's responses (`spec/consent.md`
/// §"Filing"). Pure: the registry, templates, calendar, statuses and time are
/// passed in.
public enum FilingVerifier {
  /// A filing signed by the owner, or by a trustee whose procuration allows
  /// `file` for this purpose (and, if one-shot, at this administration).
  public static func verify(
    _ token: String, authority: WalletAuthority, state: ConsentState, rules: StandardConsentRules
  ) throws(ConsentRefusal) -> Filing {
    let (claims, procuration) = try StatementChain.verify(
      token, as: FilingClaims.self, authority: authority, state: state, rules: rules)
    guard let filedAt = Timestamp.parse(claims.iat) else { throw .malformed("times") }
    guard rules.templates[claims.purpose] != nil else { throw .unknownPurpose(claims.purpose) }
    guard let administration = rules.registry.administration(keyID: claims.administration),
      administration.mayProcess(purpose: claims.purpose)
    else { throw .granteeNotRegistered }
    if let procuration {
      let p = procuration.claims
      guard p.actions.contains(.file) else { throw .actionNotAllowed(ProcurationAction.file.rawValue) }
      guard filedAt >= procuration.notBefore, filedAt < procuration.expires else { throw .procurationExpired }
      if !p.purposes.isEmpty && !p.purposes.contains(claims.purpose) { throw .procurationTooNarrow("purpose") }
      if p.kind == .oneShot && p.administration != claims.administration {
        throw .procurationTooNarrow("administration")
      }
    }
    return Filing(claims: claims, token: token, filedAt: filedAt)
  }

  /// The grant that goes with a filing must be for it: same purpose, to the
  /// same administration, naming the filing.
  public static func checkGrant(_ grant: Grant, belongsTo filing: Filing) throws(ConsentRefusal) {
    // Same signer under the same procuration: a grant signed under another of
    // the trustee's procurations (paused, used, wider) would escape the one
    // checked for the filing.
    guard grant.claims.filing == filing.id, grant.id == filing.claims.grant,
      grant.claims.purpose == filing.claims.purpose, grant.grantee == filing.claims.administration,
      grant.claims.wallet == filing.claims.wallet, grant.claims.iss == filing.claims.iss,
      grant.claims.procuration == filing.claims.procuration
    else { throw .notAllowed("the grant is not the filing's") }
  }

  /// Verifies a response signed by the filing's administration and applies it
  /// to the timeline. An acknowledgement's due date must be the legal one
  /// (the template's rule, counted on `calendar` from the registration date).
  public static func apply(
    _ token: String, to timeline: inout FilingTimeline, filing: Filing, rules: StandardConsentRules,
    calendar: WorkingDayCalendar
  ) throws(ConsentRefusal) -> FilingResponseClaims {
    guard let administration = rules.registry.administration(keyID: filing.claims.administration) else {
      throw .granteeNotRegistered
    }
    let claims: FilingResponseClaims
    do {
      claims = try SignedStatement.verify(
        token, type: FilingResponseClaims.type, publicKey: administration.signingKey,
        as: FilingResponseClaims.self)
    } catch { throw .badSignature }
    guard claims.typ == FilingResponseClaims.type, claims.iss == administration.keyID,
      claims.filing == filing.id, claims.wallet == filing.claims.wallet
    else { throw .malformed("response") }
    guard let at = Timestamp.parse(claims.iat) else { throw .malformed("times") }
    var next = timeline
    switch claims.kind {
    case .acknowledged:
      guard let number = claims.number, !number.isEmpty, number.count <= 64,
        let registered = claims.registeredOn.flatMap({ try? CivilDate(iso: $0) }), claims.contact != nil
      else { throw .malformed("acknowledgement") }
      let dueOn = try dueDate(for: filing, registeredOn: registered, rules: rules, calendar: calendar)
      guard claims.dueOn == dueOn?.iso else { throw .notAllowed("the due date is not the legal one") }
      try next.apply(FilingStep(status: .acknowledged, at: at, by: claims.iss))
      next.record(number: number, dueOn: dueOn)
    case .informationRequested:
      guard claims.noteDigest != nil else { throw .malformed("information request") }
      try next.apply(FilingStep(status: .informationRequested, at: at, by: claims.iss))
    case .decided:
      guard claims.outcome != nil, let recourse = claims.recourse, !recourse.isEmpty, claims.noteDigest != nil
      else { throw .malformed("decision (outcome, recourse and motivation are required)") }
      try next.apply(FilingStep(status: .decided, at: at, by: claims.iss))
      next.record(outcome: claims.outcome)
    }
    timeline = next
    return claims
  }

  /// The legal decision date, if the purpose has a deadline rule.
  public static func dueDate(
    for filing: Filing, registeredOn: CivilDate, rules: StandardConsentRules, calendar: WorkingDayCalendar
  ) throws(ConsentRefusal) -> CivilDate? {
    guard let template = rules.templates[filing.claims.purpose] else {
      throw .unknownPurpose(filing.claims.purpose)
    }
    do { return try template.decisionDeadline(registeredOn: registeredOn, calendar: calendar) } catch {
      throw .malformed("registration date")
    }
  }
}
