import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// The table of decisions of the Consent issue, on grants the citizen signs.
@Suite("Grants: issuing and reading")
struct GrantDecisionTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  func decide(_ issued: IssuedGrant, requester: Identity? = nil, purpose: Purpose = "allocation-vie-chere",
    fields: [FieldID]? = nil, state: ConsentState = ConsentState(), at time: Int64? = nil) throws(ConsentRefusal)
    -> ReadPermission
  {
    let grant = try GrantVerifier.verify(issued.grant.token, authority: f.authority, state: state, rules: f.rules)
    return try ReadDecision.decide(
      ReadRequest(requester: (requester ?? f.fns).publicIdentity.keyID, purpose: purpose, fields: fields),
      grant: grant, state: state, at: time ?? f.now + 60)
  }

  @Test func rightGranteeReadsExactlyTheGrantedFields() throws {
    let issued = try f.fnsGrant()
    let permission = try decide(issued)
    #expect(permission.fields == ConsentFixture.avcFields.sorted())
    #expect(!permission.consumesGrant)
    // The FNS opens each field with its own key, and only those.
    #expect(issued.keys.map(\.field) == ConsentFixture.avcFields.sorted())
    for key in issued.keys {
      let record = try #require(try f.store.history(wallet: f.owner.walletID, field: key.field).last)
      #expect(try key.open(record, with: f.fns.encryptionKey) == Array("value of \(key.field)".utf8))
      // The office social, or the platform, cannot open what was sealed to the FNS.
      #expect(throws: WalletError.self) { try key.open(record, with: f.office.encryptionKey) }
      #expect(throws: WalletError.self) { try key.open(record, with: f.platform.encryptionKey) }
    }
  }

  @Test func decisionTable() throws {
    let issued = try f.fnsGrant()
    let id = issued.grant.id
    let table: [(String, () throws(ConsentRefusal) -> ReadPermission, ConsentRefusal)] = [
      ("wrong grantee", { () throws(ConsentRefusal) in try decide(issued, requester: f.office) }, .wrongGrantee),
      ("platform as grantee", { () throws(ConsentRefusal) in try decide(issued, requester: f.platform) }, .wrongGrantee),
      ("other purpose", { () throws(ConsentRefusal) in try decide(issued, purpose: "revis") }, .wrongPurpose),
      ("ungranted field", { () throws(ConsentRefusal) in try decide(issued, fields: ["rent_amount"]) },
        .fieldsNotGranted(["rent_amount"])),
      ("granted plus ungranted", { () throws(ConsentRefusal) in try decide(issued, fields: ["iban", "rent_amount"]) },
        .fieldsNotGranted(["rent_amount"])),
      ("before nbf", { () throws(ConsentRefusal) in try decide(issued, at: f.now - 1) }, .notYetValid),
      ("at expiry", { () throws(ConsentRefusal) in try decide(issued, at: f.now + 30 * ConsentFixture.day) }, .expired),
      ("revoked", { () throws(ConsentRefusal) in try decide(issued, state: ConsentState(revoked: [id])) }, .revoked),
      ("paused", { () throws(ConsentRefusal) in try decide(issued, state: ConsentState(paused: [id])) }, .paused),
    ]
    for (name, attempt, expected) in table {
      #expect(throws: expected, "\(name)") { try attempt() }
    }
    // Right purpose, granted subset, inside the period: allowed.
    #expect(try decide(issued, fields: ["iban", "address"]).fields == ["address", "iban"])
    #expect(try decide(issued, at: f.now + 30 * ConsentFixture.day - 1).fields.count == 11)
  }

  @Test func oneShotGrantIsConsumedOnce() throws {
    let issued = try f.fnsGrant(kind: .oneShot)
    let first = try decide(issued)
    #expect(first.consumesGrant)
    #expect(throws: ConsentRefusal.alreadyUsed) {
      try decide(issued, state: ConsentState(consumed: [issued.grant.id]))
    }
  }

  @Test func dataMinimisationIsEnforcedWhenIssuing() throws {
    #expect(throws: ConsentRefusal.fieldsOutsideTemplate(["rent_amount"])) {
      try f.fnsGrant(fields: ConsentFixture.avcFields + ["rent_amount"])
    }
    #expect(throws: ConsentRefusal.validityTooLong(maximumDays: 365)) { try f.fnsGrant(days: 400) }
    // A grant to an administration not registered for the purpose.
    #expect(throws: ConsentRefusal.granteeNotRegistered) {
      try GrantIssuer.issue(
        by: f.owner, to: f.office.publicIdentity, purpose: "allocation-vie-chere", fields: ["iban"],
        kind: .durable, notBefore: f.now, expires: f.now + ConsentFixture.day, at: f.now, rules: f.rules,
        authority: f.authority)
    }
    #expect(throws: ConsentRefusal.unknownPurpose("vacances")) {
      try GrantIssuer.issue(
        by: f.owner, to: f.fns.publicIdentity, purpose: "vacances", fields: ["iban"], kind: .durable,
        notBefore: f.now, expires: f.now + ConsentFixture.day, at: f.now, rules: f.rules, authority: f.authority)
    }
  }

  /// The same data minimisation applies when a grant is used: a grant signed
  /// outside the issuer (a hand-made token) is refused by the verifier.
  @Test func overAskingGrantSignedByHandIsRefusedWhenUsed() throws {
    let claims = GrantClaims(
      wallet: f.owner.walletID, issuer: f.maria.publicIdentity.keyID, grantee: f.fns.publicIdentity.keyID,
      purpose: "allocation-vie-chere", fields: ConsentFixture.avcFields + ["rent_amount"], kind: .durable,
      issuedAt: f.now, notBefore: f.now, expires: f.now + ConsentFixture.day)
    let token = try SignedStatement.sign(claims, type: GrantClaims.type, with: f.maria.signingKey)
    #expect(throws: ConsentRefusal.fieldsOutsideTemplate(["rent_amount"])) {
      try GrantVerifier.verify(token, authority: f.authority, state: ConsentState(), rules: f.rules)
    }
  }

  /// A grant signed by the platform's key, the grantee's, or any key other than
  /// the citizen's, with the very same claims, is refused.
  @Test func grantsSignedByAnyOtherKeyAreRefused() throws {
    let issued = try f.fnsGrant()
    for forger in [f.platform, f.fns, f.paul, Identity(kind: .citizen)] {
      let forged = try SignedStatement.sign(issued.grant.claims, type: GrantClaims.type, with: forger.signingKey)
      #expect(throws: ConsentRefusal.self) {
        try GrantVerifier.verify(forged, authority: f.authority, state: ConsentState(), rules: f.rules)
      }
    }
    // Signed as another statement type (same key, same claims): refused.
    let retyped = try SignedStatement.sign(issued.grant.claims, type: ProcurationClaims.type, with: f.maria.signingKey)
    #expect(throws: ConsentRefusal.self) {
      try GrantVerifier.verify(retyped, authority: f.authority, state: ConsentState(), rules: f.rules)
    }
    // Verified against another wallet's authority: refused.
    let elsewhere = WalletAuthority(wallet: WalletID(), owner: f.maria.signingKey.publicKey)
    #expect(throws: ConsentRefusal.wrongWallet) {
      try GrantVerifier.verify(issued.grant.token, authority: elsewhere, state: ConsentState(), rules: f.rules)
    }
  }

  /// Every field of the token changed (and re-encoded) breaks the signature.
  @Test func everyTamperedClaimIsRefused() throws {
    let issued = try f.fnsGrant()
    let token = issued.grant.token
    let body = String(token.dropFirst("v4.public.".count).split(separator: ".")[0])
    let payload = try Encoding.fromBase64URL(body)
    let message = Array(payload.dropLast(64))
    let signature = Array(payload.suffix(64))
    var object = try #require(try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any])
    let replacements: [String: Any] = [
      "jti": StatementID().rawValue, "wallet": WalletID().description, "iss": f.paul.publicIdentity.keyID,
      "sub": f.office.publicIdentity.keyID, "purpose": "revis", "fields": ["iban"], "kind": "one-shot",
      "iat": Timestamp.rfc3339(f.now + 1), "nbf": Timestamp.rfc3339(f.now - 1),
      "exp": Timestamp.rfc3339(f.now + 400 * ConsentFixture.day), "typ": "PSP-v1/procuration",
    ]
    #expect(Set(replacements.keys).isSuperset(of: Set(object.keys)), "every claim is tampered with")
    for (claim, value) in replacements {
      let original = object[claim]
      object[claim] = value
      let tamperedMessage = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
      let footer = token.split(separator: ".").count == 4 ? "." + token.split(separator: ".")[3] : ""
      let tampered = "v4.public." + Encoding.base64URL(tamperedMessage + signature) + footer
      #expect(throws: ConsentRefusal.self, "\(claim)") {
        try GrantVerifier.verify(tampered, authority: f.authority, state: ConsentState(), rules: f.rules)
      }
      object[claim] = original
    }
  }
}
