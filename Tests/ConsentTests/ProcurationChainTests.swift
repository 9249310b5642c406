import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// The chain citizen → trustee → administration: valid, widened, expired,
/// revoked parent, forged.
@Suite("Procurations and the trustee chain")
struct ProcurationChainTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  let sociale: [FieldID] = ["surname", "given_names", "birth_date", "address", "civil_status", "request_subject"]

  func verify(_ token: String, procurations: [StatementID: String], state: ConsentState = ConsentState())
    throws(ConsentRefusal) -> Grant
  {
    var state = state
    state.procurations = procurations
    return try GrantVerifier.verify(token, authority: f.authority, state: state, rules: f.rules)
  }

  @Test func oneShotProcurationChainIsValid() throws {
    let p = try f.procuration()
    let filing = StatementID()
    let token = try f.trusteeGrant(
      procuration: p.id, to: f.office, purpose: "aide-sociale", fields: sociale, filing: filing)
    let grant = try verify(token, procurations: [p.id: p.token])
    #expect(grant.claims.iss == f.paul.publicIdentity.keyID)
    #expect(grant.claims.procuration == p.id)
    // The administration may read under it.
    let permission = try ReadDecision.decide(
      ReadRequest(requester: f.office.publicIdentity.keyID, purpose: "aide-sociale"), grant: grant,
      state: ConsentState(), at: f.now + 10)
    #expect(permission.fields == sociale.sorted())
  }

  @Test func widenedGrantsAreRefused() throws {
    let p = try f.procuration()
    let procurations = [p.id: p.token]
    let filing = StatementID()
    // Another purpose than the procuration's.
    let otherPurpose = try f.trusteeGrant(
      procuration: p.id, to: f.fns, purpose: "allocation-vie-chere", fields: ["iban"], filing: filing)
    #expect(throws: ConsentRefusal.procurationTooNarrow("purpose")) {
      try verify(otherPurpose, procurations: procurations)
    }
    // Another administration than the démarche's.
    let q = try f.procuration(purposes: ["allocation-vie-chere"], administration: f.office.publicIdentity.keyID)
    let otherAdministration = try f.trusteeGrant(
      procuration: q.id, to: f.fns, purpose: "allocation-vie-chere", fields: ["iban"], filing: filing)
    #expect(throws: ConsentRefusal.procurationTooNarrow("administration")) {
      try verify(otherAdministration, procurations: [q.id: q.token])
    }
    // Outliving the procuration.
    let tooLong = try f.trusteeGrant(
      procuration: p.id, to: f.office, purpose: "aide-sociale", fields: sociale, days: 30, filing: filing)
    #expect(throws: ConsentRefusal.procurationTooNarrow("the grant outlives the procuration")) {
      try verify(tooLong, procurations: procurations)
    }
    // A standalone grant needs the `grant` action, which a filing procuration lacks.
    let standalone = try f.trusteeGrant(procuration: p.id, to: f.office, purpose: "aide-sociale", fields: sociale)
    #expect(throws: ConsentRefusal.actionNotAllowed("grant")) { try verify(standalone, procurations: procurations) }
    // Fields beyond the procuration's circle.
    let personal = try f.procuration(
      kind: .personalised, purposes: [], circle: .personal, actions: [.grant], days: 90)
    let beyondCircle = try f.trusteeGrant(
      procuration: personal.id, to: f.fns, purpose: "allocation-vie-chere", fields: ["address", "iban"])
    #expect(throws: ConsentRefusal.procurationTooNarrow("circle")) {
      try verify(beyondCircle, procurations: [personal.id: personal.token])
    }
    let withinCircle = try f.trusteeGrant(
      procuration: personal.id, to: f.fns, purpose: "allocation-vie-chere", fields: ["address", "surname"])
    #expect(try verify(withinCircle, procurations: [personal.id: personal.token]).fields == ["address", "surname"])
    // And never wider than the template, even with a broad procuration.
    let overTemplate = try f.trusteeGrant(
      procuration: personal.id, to: f.fns, purpose: "allocation-vie-chere", fields: ["address", "rent_amount"])
    #expect(throws: ConsentRefusal.self) { try verify(overTemplate, procurations: [personal.id: personal.token]) }
  }

  @Test func expiredRevokedOrMissingProcurationsAreRefused() throws {
    let filing = StatementID()
    // Signed after the procuration ended.
    let old = try f.procuration(from: f.now - 20 * ConsentFixture.day, days: 7)
    let late = try f.trusteeGrant(
      procuration: old.id, to: f.office, purpose: "aide-sociale", fields: sociale, filing: filing)
    #expect(throws: ConsentRefusal.procurationExpired) { try verify(late, procurations: [old.id: old.token]) }
    // Parent revoked: the grant verifies but reading is refused.
    let p = try f.procuration()
    let token = try f.trusteeGrant(procuration: p.id, to: f.office, purpose: "aide-sociale", fields: sociale, filing: filing)
    let grant = try verify(token, procurations: [p.id: p.token])
    #expect(throws: ConsentRefusal.procurationRevoked) {
      try ReadDecision.decide(
        ReadRequest(requester: f.office.publicIdentity.keyID, purpose: "aide-sociale"), grant: grant,
        state: ConsentState(revoked: [p.id]), at: f.now + 10)
    }
    // Procuration unknown to walletd.
    #expect(throws: ConsentRefusal.procurationMissing) { try verify(token, procurations: [:]) }
  }

  @Test func forgedChainsAreRefused() throws {
    let filing = StatementID()
    // A procuration signed by the platform (or the trustee himself) instead of Maria.
    for forger in [f.platform, f.paul, f.office] {
      let forged = try f.procuration(signer: forger)
      let token = try f.trusteeGrant(procuration: forged.id, to: f.office, purpose: "aide-sociale", fields: sociale, filing: filing)
      #expect(throws: ConsentRefusal.procurationInvalid) { try verify(token, procurations: [forged.id: forged.token]) }
    }
    // A valid procuration, but the grant signed by someone else than the trustee.
    let p = try f.procuration()
    for forger in [f.platform, f.office, Identity(kind: .trustee)] {
      let token = try f.trusteeGrant(
        procuration: p.id, to: f.office, purpose: "aide-sociale", fields: sociale, filing: filing, signer: forger)
      #expect(throws: ConsentRefusal.badSignature) { try verify(token, procurations: [p.id: p.token]) }
    }
  }

  @Test func procurationUseRules() throws {
    let p = try ProcurationVerifier.verify(try f.procuration().token, authority: f.authority, rules: f.rules)
    try ProcurationVerifier.checkUse(p, action: .file, state: ConsentState(), at: f.now)
    #expect(throws: ConsentRefusal.procurationUsed) {
      try ProcurationVerifier.checkUse(p, action: .file, state: ConsentState(consumed: [p.id]), at: f.now)
    }
    #expect(throws: ConsentRefusal.actionNotAllowed("read")) {
      try ProcurationVerifier.checkUse(p, action: .read, state: ConsentState(), at: f.now)
    }
    #expect(throws: ConsentRefusal.procurationRevoked) {
      try ProcurationVerifier.checkUse(p, action: .file, state: ConsentState(revoked: [p.id]), at: f.now)
    }
    #expect(throws: ConsentRefusal.procurationExpired) {
      try ProcurationVerifier.checkUse(p, action: .file, state: ConsentState(), at: f.now + 30 * ConsentFixture.day)
    }
    // Shapes: a one-shot procuration for a month and a half, or for two purposes, is refused.
    #expect(throws: ConsentRefusal.procurationInvalid) {
      try ProcurationVerifier.verify(try f.procuration(days: 45).token, authority: f.authority, rules: f.rules)
    }
    #expect(throws: ConsentRefusal.procurationInvalid) {
      try ProcurationVerifier.verify(
        try f.procuration(purposes: ["aide-sociale", "revis"]).token, authority: f.authority, rules: f.rules)
    }
    #expect(throws: ConsentRefusal.procurationInvalid) {
      try ProcurationVerifier.verify(
        try f.procuration(kind: .personalised, purposes: [], days: 400).token, authority: f.authority, rules: f.rules)
    }
  }

  /// Circle keys sealed to the trustee open exactly the circles of the procuration.
  @Test func trusteeReadsOnlyTheCirclesSealedToThem() throws {
    let envelopes = try f.owner.keyring.envelopes(
      wallet: f.owner.walletID, circles: Circle.personal.upToHere, to: f.paul.encryptionKey.publicKey)
    try f.store.add(envelopes)
    let trustee = try WalletTrustee(
      walletID: f.owner.walletID, identity: f.paul, owner: f.maria.signingKey.publicKey, store: f.store)
    #expect(trustee.keyring.circles == [.core, .personal])
    let address = try #require(try f.store.history(wallet: f.owner.walletID, field: "address").last)
    #expect(try FieldSealer.open(address, circleKey: #require(trustee.keyring.key(.personal, epoch: 1)))
      == Array("value of address".utf8))
    let iban = try #require(try f.store.history(wallet: f.owner.walletID, field: "iban").last)
    #expect(trustee.keyring.key(iban.circle, epoch: iban.circleEpoch) == nil)
  }
}
