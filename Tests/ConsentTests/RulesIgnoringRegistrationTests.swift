import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

/// A grant to an administration no longer registered is still the citizen's
/// (listed, revocable): `RulesIgnoringRegistration` lets it verify, and
/// nothing else of the rules is relaxed.
@Suite("Rules ignoring registration")
struct RulesIgnoringRegistrationTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  @Test func onlyTheRegistrationIsIgnored() throws {
    let issued = try f.fnsGrant()
    let unregistered = StandardConsentRules(
      registry: AdministrationRegistry(), circles: { FieldCatalogue.standard[$0]?.circle })
    #expect(throws: ConsentRefusal.granteeNotRegistered) {
      try GrantVerifier.verify(
        issued.grant.token, authority: f.authority, state: ConsentState(), rules: unregistered)
    }
    let listed = try GrantVerifier.verify(
      issued.grant.token, authority: f.authority, state: ConsentState(),
      rules: RulesIgnoringRegistration(unregistered))
    #expect(listed.id == issued.grant.id)
    // A field outside the template is still refused, registered or not.
    let wider = GrantClaims(
      wallet: f.owner.walletID, issuer: f.maria.publicIdentity.keyID,
      grantee: f.fns.publicIdentity.keyID,
      purpose: "allocation-vie-chere", fields: ["health_insurance_affiliation"], kind: .durable,
      issuedAt: f.now, notBefore: f.now, expires: f.now + 86_400)
    let token = try SignedStatement.sign(wider, type: GrantClaims.type, with: f.maria.signingKey)
    #expect(throws: ConsentRefusal.self) {
      try GrantVerifier.verify(
        token, authority: f.authority, state: ConsentState(),
        rules: RulesIgnoringRegistration(unregistered))
    }
  }
}
