import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

@Suite("Revocation, pause and re-keying")
struct RevocationTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  func active(_ issued: IssuedGrant, _ grantee: Identity) -> ActiveGrant {
    ActiveGrant(grant: issued.grant, granteeKey: grantee.encryptionKey.publicKey)
  }

  func latest(_ field: FieldID) throws -> FieldRecord {
    try #require(try f.store.history(wallet: f.owner.walletID, field: field).last)
  }

  @Test func revokedGranteeOpensNothingWrittenAfterwards() throws {
    let revokedGrant = try f.fnsGrant(fields: ["address", "iban"])
    // Another durable grant covering `iban` stays in force (to the FNS again, for revis).
    let revis = try GrantIssuer.issue(
      by: f.owner, to: f.fns.publicIdentity, purpose: "revis", fields: ["iban", "surname"],
      kind: .durable,
      notBefore: f.now, expires: f.now + 30 * ConsentFixture.day, at: f.now, rules: f.rules,
      authority: f.authority)
    let oldIban = try latest("iban")

    let token = try GrantIssuer.statusChange(
      by: f.maria, wallet: f.owner.walletID, target: .grant, ref: revokedGrant.grant.id,
      action: .revoke, at: f.now + 5)
    let change = try StatusChangeVerifier.verify(
      token, target: .grant(revokedGrant.grant), authority: f.authority, state: ConsentState(),
      rules: f.rules)
    let state = ConsentState().applying(change)
    #expect(throws: ConsentRefusal.revoked) {
      try ReadDecision.decide(
        ReadRequest(requester: f.fns.publicIdentity.keyID, purpose: "allocation-vie-chere"),
        grant: revokedGrant.grant, state: state, at: f.now + 6)
    }

    let (records, keys) = try GrantResealing.rekey(
      after: revokedGrant.grant, by: f.owner,
      remaining: [active(revokedGrant, f.fns), active(revis, f.fns)],
      at: f.now + 6)
    #expect(records.map(\.field) == ["address", "iban"])
    #expect(records.allSatisfy { $0.version == 2 })
    // Same value, new data key: the owner reads the same, old keys do not open it.
    #expect(try f.owner.read("iban").plaintext == Array("value of iban".utf8))
    let newIban = try latest("iban")
    let oldKey = try #require(revokedGrant.keys.first { $0.field == "iban" })
    #expect(try oldKey.open(oldIban, with: f.fns.encryptionKey) == Array("value of iban".utf8))
    #expect(throws: WalletError.self) { try oldKey.open(newIban, with: f.fns.encryptionKey) }
    // Only the remaining grant got the new keys, and only for the field it covers.
    #expect(keys.map(\.grant) == [revis.grant.id])
    #expect(keys.map(\.field) == ["iban"])
    #expect(try keys[0].open(newIban, with: f.fns.encryptionKey) == Array("value of iban".utf8))
  }

  @Test func anUpdateIsSealedToTheDurableGrantsCoveringIt() throws {
    let durable = try f.fnsGrant(fields: ["address", "iban"])
    let once = try f.fnsGrant(fields: ["address"], kind: .oneShot)
    let (record, keys) = try GrantResealing.update(
      "address", circle: .personal, plaintext: Array("3 rue C".utf8), by: f.owner,
      activeGrants: [active(durable, f.fns), active(once, f.fns)], at: f.now + 10)
    #expect(record.version == 2)
    #expect(keys.map(\.grant) == [durable.grant.id])
    #expect(try keys[0].open(record, with: f.fns.encryptionKey) == Array("3 rue C".utf8))
  }

  @Test func pauseAndResume() throws {
    let issued = try f.fnsGrant()
    let request = ReadRequest(
      requester: f.fns.publicIdentity.keyID, purpose: "allocation-vie-chere")
    var state = ConsentState()
    for (action, refused) in [(StatusAction.pause, true), (.resume, false), (.pause, true)] {
      let token = try GrantIssuer.statusChange(
        by: f.maria, wallet: f.owner.walletID, target: .grant, ref: issued.grant.id, action: action,
        at: f.now)
      state = state.applying(
        try StatusChangeVerifier.verify(
          token, target: .grant(issued.grant), authority: f.authority, state: state, rules: f.rules)
      )
      if refused {
        #expect(throws: ConsentRefusal.paused) {
          try ReadDecision.decide(request, grant: issued.grant, state: state, at: f.now + 1)
        }
      } else {
        #expect(
          try ReadDecision.decide(request, grant: issued.grant, state: state, at: f.now + 1).fields
            .count == 11)
      }
    }
  }

  @Test func statusChangesSignedByOthersAreRefused() throws {
    let issued = try f.fnsGrant()
    for forger in [f.platform, f.fns, f.paul] {
      let token = try GrantIssuer.statusChange(
        by: forger, wallet: f.owner.walletID, target: .grant, ref: issued.grant.id, action: .resume,
        at: f.now)
      #expect(throws: ConsentRefusal.self) {
        try StatusChangeVerifier.verify(
          token, target: .grant(issued.grant), authority: f.authority, state: ConsentState(),
          rules: f.rules)
      }
    }
    // A trustee may not change a procuration, nor a grant Maria signed.
    let p = try f.procuration(
      kind: .personalised, purposes: ["allocation-vie-chere"], actions: [.grant], days: 30)
    let state = ConsentState(procurations: [p.id: p.token])
    let byPaul = try GrantIssuer.statusChange(
      by: f.paul, wallet: f.owner.walletID, target: .grant, ref: issued.grant.id, action: .revoke,
      at: f.now,
      procuration: p.id)
    #expect(throws: ConsentRefusal.notAllowed("only the signer of a grant may change it")) {
      try StatusChangeVerifier.verify(
        byPaul, target: .grant(issued.grant), authority: f.authority, state: state, rules: f.rules)
    }
    let onProcuration = try GrantIssuer.statusChange(
      by: f.paul, wallet: f.owner.walletID, target: .procuration, ref: p.id, action: .revoke,
      at: f.now,
      procuration: p.id)
    #expect(throws: ConsentRefusal.notAllowed("only the citizen changes a procuration")) {
      try StatusChangeVerifier.verify(
        onProcuration, target: .procuration(p.id), authority: f.authority, state: state,
        rules: f.rules)
    }
    // A revoked grant cannot be resumed.
    let resume = try GrantIssuer.statusChange(
      by: f.maria, wallet: f.owner.walletID, target: .grant, ref: issued.grant.id, action: .resume,
      at: f.now)
    #expect(throws: ConsentRefusal.revoked) {
      try StatusChangeVerifier.verify(
        resume, target: .grant(issued.grant), authority: f.authority,
        state: ConsentState(revoked: [issued.grant.id]), rules: f.rules)
    }
  }

  /// A trustee changes their grant only under the procuration it was signed
  /// under, while that procuration still has the action the grant needed.
  @Test func aTrusteeChangesTheirGrantOnlyUnderItsOwnProcuration() throws {
    let granting = try f.procuration(
      kind: .personalised, purposes: ["aide-sociale"], actions: [.grant], days: 30)
    let filingOnly = try f.procuration(
      kind: .personalised, purposes: ["aide-sociale"], actions: [.file], days: 30)
    let state = ConsentState(procurations: [
      granting.id: granting.token, filingOnly.id: filingOnly.token,
    ])
    let grant = try GrantVerifier.verify(
      try f.trusteeGrant(
        procuration: granting.id, to: f.office, purpose: "aide-sociale", fields: ["surname"]),
      authority: f.authority, state: state, rules: f.rules)
    func pause(under procuration: StatementID, _ grant: Grant) throws -> StatusChange {
      let token = try GrantIssuer.statusChange(
        by: f.paul, wallet: f.owner.walletID, target: .grant, ref: grant.id, action: .pause,
        at: f.now,
        procuration: procuration)
      return try StatusChangeVerifier.verify(
        token, target: .grant(grant), authority: f.authority, state: state, rules: f.rules)
    }
    #expect(try pause(under: granting.id, grant).claims.action == .pause)
    // Under another of Paul's procurations (here one allowing only `file`): refused.
    #expect(
      throws: ConsentRefusal.notAllowed(
        "a grant is changed under the procuration it was signed under")
    ) {
      try pause(under: filingOnly.id, grant)
    }
    // A filing's grant under a `file` procuration: changeable under it.
    let filingGrant = try GrantVerifier.verify(
      try f.trusteeGrant(
        procuration: filingOnly.id, to: f.office, purpose: "aide-sociale", fields: ["surname"],
        filing: StatementID()),
      authority: f.authority, state: state, rules: f.rules)
    #expect(try pause(under: filingOnly.id, filingGrant).claims.action == .pause)
    #expect(
      throws: ConsentRefusal.notAllowed(
        "a grant is changed under the procuration it was signed under")
    ) {
      try pause(under: granting.id, filingGrant)
    }
  }

  @Test func procurationIssuerSealsOnlyTheCoveredCircles() throws {
    let issued = try ProcurationIssuer.issue(
      by: f.owner, to: f.paul.publicIdentity, kind: .personalised, purposes: [],
      administration: nil,
      circle: .moneyAndHousing, actions: [.read, .file], notBefore: f.now,
      expires: f.now + 90 * ConsentFixture.day,
      at: f.now, rules: f.rules)
    #expect(Set(issued.envelopes.map(\.circle)) == [.core, .personal, .moneyAndHousing])
    #expect(issued.envelopes.allSatisfy { $0.recipient == f.paul.encryptionKey.publicKey.bytes })
    let fileOnly = try ProcurationIssuer.issue(
      by: f.owner, to: f.paul.publicIdentity, kind: .oneShot, purposes: ["aide-sociale"],
      administration: f.office.publicIdentity.keyID, circle: nil, actions: [.file],
      notBefore: f.now,
      expires: f.now + 7 * ConsentFixture.day, at: f.now, rules: f.rules)
    // A filing procuration carries the keys of the circles its purpose's fields live in, no more.
    let template = try #require(f.rules.templates["aide-sociale"])
    let needed = Set(template.allowedFields.compactMap { FieldCatalogue.standard[$0]?.circle })
    #expect(Set(fileOnly.envelopes.map(\.circle)) == needed)
  }
}
