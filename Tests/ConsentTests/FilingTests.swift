import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

@Suite("Filings: request, acknowledgement, decision")
struct FilingTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  let fields: [FieldID] = ["surname", "given_names", "birth_date", "address", "civil_status", "request_subject"]
  var officeAdministration: Administration { f.rules.registry.administration(id: "office-social-redange")! }
  let calendar = WorkingDayCalendar(week: .mondayToSaturday)

  /// Maria files herself: the grant and the filing, signed by her.
  func fileByMaria() throws -> IssuedFiling {
    try FilingIssuer.file(
      by: f.owner, at: officeAdministration, purpose: "aide-sociale", fields: fields,
      validitySeconds: 20 * ConsentFixture.day, at: f.now, rules: f.rules, authority: f.authority)
  }

  func respond(_ claims: FilingResponseClaims, signer: Identity? = nil) throws -> String {
    try SignedStatement.sign(claims, type: FilingResponseClaims.type, with: (signer ?? f.office).signingKey)
  }

  @Test func filingByTheTrusteeUnderAOneShotProcuration() throws {
    let p = try f.procuration()
    let state = ConsentState(procurations: [p.id: p.token])
    // Paul signs the grant and the filing; the chain is what is tested here.
    let filingID = StatementID()
    let grant = try f.trusteeGrant(
      procuration: p.id, to: f.office, purpose: "aide-sociale", fields: fields, days: 5, filing: filingID)
    let verifiedGrant = try GrantVerifier.verify(grant, authority: f.authority, state: state, rules: f.rules)
    let claims = FilingClaims(
      id: filingID, wallet: f.owner.walletID, issuer: f.paul.publicIdentity.keyID, procuration: p.id,
      purpose: "aide-sociale", administration: f.office.publicIdentity.keyID, grant: verifiedGrant.id,
      issuedAt: f.now)
    let token = try SignedStatement.sign(claims, type: FilingClaims.type, with: f.paul.signingKey)
    let filing = try FilingVerifier.verify(token, authority: f.authority, state: state, rules: f.rules)
    try FilingVerifier.checkGrant(verifiedGrant, belongsTo: filing)
    #expect(filing.claims.iss == f.paul.publicIdentity.keyID)
    // A second use of the one-shot procuration is refused once it is consumed.
    #expect(throws: ConsentRefusal.procurationUsed) {
      let verified = try ProcurationVerifier.verify(p.token, authority: f.authority, rules: f.rules)
      try ProcurationVerifier.checkUse(verified, action: .file, state: ConsentState(consumed: [p.id]), at: f.now)
    }
    // Filing at another administration than the démarche's is refused.
    let elsewhere = FilingClaims(
      wallet: f.owner.walletID, issuer: f.paul.publicIdentity.keyID, procuration: p.id, purpose: "aide-sociale",
      administration: f.fns.publicIdentity.keyID, grant: verifiedGrant.id, issuedAt: f.now)
    let elsewhereToken = try SignedStatement.sign(elsewhere, type: FilingClaims.type, with: f.paul.signingKey)
    #expect(throws: ConsentRefusal.self) {
      try FilingVerifier.verify(elsewhereToken, authority: f.authority, state: state, rules: f.rules)
    }
  }

  /// The filing's grant is signed by the filing's signer under the filing's
  /// procuration: a grant Paul signed under another of his procurations (a
  /// paused or wider one) does not ride on the one checked for the filing.
  @Test func theGrantOfAFilingIsSignedUnderTheFilingsProcuration() throws {
    let checked = try f.procuration()
    let other = try f.procuration(kind: .personalised, actions: [.file, .grant], days: 30)
    let state = ConsentState(procurations: [checked.id: checked.token, other.id: other.token])
    let filingID = StatementID()
    func filing(grant: StatementID) throws -> Filing {
      let claims = FilingClaims(
        id: filingID, wallet: f.owner.walletID, issuer: f.paul.publicIdentity.keyID, procuration: checked.id,
        purpose: "aide-sociale", administration: f.office.publicIdentity.keyID, grant: grant, issuedAt: f.now)
      return try FilingVerifier.verify(
        try SignedStatement.sign(claims, type: FilingClaims.type, with: f.paul.signingKey), authority: f.authority,
        state: state, rules: f.rules)
    }
    let underOther = try GrantVerifier.verify(
      try f.trusteeGrant(procuration: other.id, to: f.office, purpose: "aide-sociale", fields: fields, filing: filingID),
      authority: f.authority, state: state, rules: f.rules)
    #expect(throws: ConsentRefusal.notAllowed("the grant is not the filing's")) {
      try FilingVerifier.checkGrant(underOther, belongsTo: try filing(grant: underOther.id))
    }
    let underChecked = try GrantVerifier.verify(
      try f.trusteeGrant(procuration: checked.id, to: f.office, purpose: "aide-sociale", fields: fields, filing: filingID),
      authority: f.authority, state: state, rules: f.rules)
    try FilingVerifier.checkGrant(underChecked, belongsTo: try filing(grant: underChecked.id))
  }

  @Test func acknowledgementCarriesTheLegalDueDate() throws {
    let issued = try fileByMaria()
    var timeline = FilingTimeline(filing: issued.filing)
    #expect(timeline.status == .filed)
    // Registered Thursday 2026-09-17; 25 working days (Mon–Sat, no holiday in
    // between) from Friday 18: Sep 18–19 (2), 21–26 (8), 28–Oct 3 (14),
    // Oct 5–10 (20), Oct 12–16 (25) → Friday 2026-10-16.
    let contact = FilingResponseClaims.Contact(service: "Accueil", phone: "+352 23 62 11 1", email: nil)
    let wrongDue = try respond(FilingResponseClaims(
      wallet: f.owner.walletID, filing: issued.filing.id, issuer: f.office.publicIdentity.keyID,
      kind: .acknowledged, issuedAt: f.now + 60, number: "OSR-2026-0042", registeredOn: "2026-09-17",
      dueOn: "2026-11-30", contact: contact))
    #expect(throws: ConsentRefusal.notAllowed("the due date is not the legal one")) {
      try FilingVerifier.apply(wrongDue, to: &timeline, filing: issued.filing, rules: f.rules, calendar: calendar)
    }
    #expect(timeline.status == .filed)
    let ack = try respond(FilingResponseClaims(
      wallet: f.owner.walletID, filing: issued.filing.id, issuer: f.office.publicIdentity.keyID,
      kind: .acknowledged, issuedAt: f.now + 60, number: "OSR-2026-0042", registeredOn: "2026-09-17",
      dueOn: "2026-10-16", contact: contact))
    _ = try FilingVerifier.apply(ack, to: &timeline, filing: issued.filing, rules: f.rules, calendar: calendar)
    #expect(timeline.status == .acknowledged)
    #expect(timeline.number == "OSR-2026-0042")
    #expect(timeline.dueOn?.iso == "2026-10-16")
    // A second acknowledgement does not fit the timeline.
    #expect(throws: ConsentRefusal.self) {
      try FilingVerifier.apply(ack, to: &timeline, filing: issued.filing, rules: f.rules, calendar: calendar)
    }
  }

  @Test func decisionIsSignedMotivatedAndSealedToTheCitizen() throws {
    let issued = try fileByMaria()
    var timeline = FilingTimeline(filing: issued.filing)
    let contact = FilingResponseClaims.Contact(service: "Accueil", phone: nil, email: "accueil@os-redange.lu")
    _ = try FilingVerifier.apply(
      try respond(FilingResponseClaims(
        wallet: f.owner.walletID, filing: issued.filing.id, issuer: f.office.publicIdentity.keyID,
        kind: .acknowledged, issuedAt: f.now + 60, number: "OSR-1", registeredOn: "2026-09-17",
        dueOn: "2026-10-16", contact: contact)),
      to: &timeline, filing: issued.filing, rules: f.rules, calendar: calendar)
    let motivation = "Aide accordée : bons alimentaires pour 3 mois."
    let sealed = try FilingNote.seal(motivation, to: f.maria.encryptionKey.publicKey)
    let digest = FilingNote.digest(motivation, filing: issued.filing.id)
    let decision = FilingResponseClaims(
      wallet: f.owner.walletID, filing: issued.filing.id, issuer: f.office.publicIdentity.keyID,
      kind: .decided, issuedAt: f.now + 3600, outcome: .granted,
      recourse: "Recours possible : voir la lettre de décision.", noteDigest: digest)
    // Signed by the FNS, or the platform, instead of the office social: refused.
    for forger in [f.fns, f.platform] {
      #expect(throws: ConsentRefusal.badSignature) {
        try FilingVerifier.apply(
          try respond(decision, signer: forger), to: &timeline, filing: issued.filing, rules: f.rules,
          calendar: calendar)
      }
    }
    _ = try FilingVerifier.apply(
      try respond(decision), to: &timeline, filing: issued.filing, rules: f.rules, calendar: calendar)
    #expect(timeline.status == .decided)
    #expect(timeline.outcome == .granted)
    #expect(try FilingNote.open(sealed, with: f.maria.encryptionKey, filing: issued.filing.id, digest: digest) == motivation)
    // Another note under the same signed digest is refused; so is another reader.
    let other = try FilingNote.seal("Aide refusée.", to: f.maria.encryptionKey.publicKey)
    #expect(throws: ConsentRefusal.self) {
      try FilingNote.open(other, with: f.maria.encryptionKey, filing: issued.filing.id, digest: digest)
    }
    #expect(throws: ConsentRefusal.self) {
      try FilingNote.open(sealed, with: f.platform.encryptionKey, filing: issued.filing.id, digest: digest)
    }
    // A decision without motivation or recourse is refused.
    let bare = FilingResponseClaims(
      wallet: f.owner.walletID, filing: issued.filing.id, issuer: f.office.publicIdentity.keyID,
      kind: .decided, issuedAt: f.now + 7200, outcome: .refused)
    var fresh = FilingTimeline(filing: issued.filing)
    #expect(throws: ConsentRefusal.self) {
      try FilingVerifier.apply(try respond(bare), to: &fresh, filing: issued.filing, rules: f.rules, calendar: calendar)
    }
  }

  @Test func timelineTransitions() throws {
    let issued = try fileByMaria()
    var timeline = FilingTimeline(filing: issued.filing)
    let by = f.office.publicIdentity.keyID
    #expect(throws: ConsentRefusal.self) { try timeline.apply(FilingStep(status: .decided, at: f.now + 1, by: by)) }
    try timeline.apply(FilingStep(status: .acknowledged, at: f.now + 1, by: by))
    try timeline.apply(FilingStep(status: .informationRequested, at: f.now + 2, by: by))
    try timeline.apply(FilingStep(status: .informationRequested, at: f.now + 3, by: by))
    #expect(throws: ConsentRefusal.self) { try timeline.apply(FilingStep(status: .decided, at: f.now, by: by)) }
    try timeline.apply(FilingStep(status: .decided, at: f.now + 4, by: by))
    try timeline.apply(FilingStep(status: .contested, at: f.now + 5, by: f.maria.publicIdentity.keyID))
    #expect(timeline.steps.map(\.status) == [.filed, .acknowledged, .informationRequested, .informationRequested, .decided, .contested])
  }
}

@Suite("Access log entries")
struct AccessLogEntryTests {
  struct Words: LogVocabulary {
    let fns: String
    func actorName(_ keyID: String, role: PrincipalKind, language: Language) -> String? {
      keyID == fns ? (language == .french ? "le Fonds national de solidarité" : "the National Solidarity Fund") : nil
    }
    func fieldName(_ field: FieldID, language: Language) -> String {
      switch (field.rawValue, language) {
      case ("address", .french): "votre adresse"
      case ("address", .english): "your address"
      case ("household_income", .french): "vos revenus"
      case ("household_income", .english): "your income"
      default: field.rawValue
      }
    }
    func purposeName(_ purpose: Purpose, language: Language) -> String {
      language == .french ? "l'allocation de vie chère" : "the cost-of-living allowance"
    }
  }

  let wallet = WalletID()
  let fnsKey = Identity(kind: .administration).publicIdentity.keyID
  let ownerKey = Identity(kind: .citizen).publicIdentity.keyID
  // 2026-03-12 09:14:00 UTC = 10 h 14 in Luxembourg (CET).
  let at: Int64 = 1_773_306_840

  @Test func rendersThePlainSentenceOfTheIssue() {
    let entry = AccessLogEntry(
      at: at, wallet: wallet, actor: fnsKey, role: .administration, action: .fieldsRead,
      purpose: "allocation-vie-chere", fields: ["household_income", "address"])
    let renderer = AccessLogRenderer(vocabulary: Words(fns: fnsKey), owner: ownerKey)
    #expect(renderer.sentence(entry, .french)
      == "Le 12 mars 2026 à 10 h 14, le Fonds national de solidarité a lu votre adresse et vos revenus pour l'allocation de vie chère.")
    #expect(renderer.sentence(entry, .english)
      == "On 12 March 2026 at 10:14, the National Solidarity Fund read your address and your income for the cost-of-living allowance.")
  }

  @Test func refusalsAndTheOwnerAreToldPlainly() {
    let renderer = AccessLogRenderer(vocabulary: Words(fns: fnsKey), owner: ownerKey)
    let refused = AccessLogEntry(
      at: at, wallet: wallet, actor: fnsKey, role: .administration, action: .fieldsRead,
      purpose: "allocation-vie-chere", fields: ["rent_amount"], refusal: .fieldsNotGranted(["rent_amount"]))
    #expect(refused.outcome == .refused)
    #expect(refused.reason == "field-not-granted")
    #expect(renderer.sentence(refused, .french).hasSuffix("C'était refusé."))
    let own = AccessLogEntry(at: at, wallet: wallet, actor: ownerKey, role: .citizen, action: .grantRevoked)
    #expect(renderer.sentence(own, .french).contains("vous avez retiré une permission"))
    #expect(renderer.sentence(own, .english).contains("you withdrew a permission"))
  }

  @Test func canonicalBytesRoundTripAndCarryNoValue() throws {
    let entry = AccessLogEntry(
      at: at, wallet: wallet, actor: fnsKey, role: .administration, action: .fieldsRead,
      purpose: "allocation-vie-chere", fields: ["iban", "address"], grant: StatementID())
    let bytes = entry.canonicalBytes()
    #expect(try AccessLogEntry.decode(canonical: bytes) == entry)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("{\"action\":\"fields-read\",\"actor\":"))
    #expect(text.contains("\"fields\":[\"address\",\"iban\"]"))
    // Re-spaced or re-ordered JSON is not canonical and is refused.
    let spaced = Array(text.replacingOccurrences(of: ",", with: ", ").utf8)
    #expect(throws: ConsentRefusal.self) { try AccessLogEntry.decode(canonical: spaced) }
  }
}
