import Foundation
import PSPCrypto
import PSPWallet

@testable import PSPConsent

/// The story's actors on a real SQLite wallet store in a temporary directory:
/// Maria (citizen), Paul (her trustee), the FNS and the office social of
/// Redange (administrations). Times are seconds; `day` is 86 400.
final class ConsentFixture: @unchecked Sendable {
  static let day: Int64 = 86_400
  let now: Int64 = 1_790_000_000
  let directory: URL
  let store: SQLiteWalletStore
  let maria = Identity(kind: .citizen)
  let paul = Identity(kind: .trustee)
  let fns = Identity(kind: .administration)
  let office = Identity(kind: .administration)
  let platform = Identity(kind: .operator)
  let owner: WalletOwner
  let rules: StandardConsentRules
  var authority: WalletAuthority { WalletAuthority(wallet: owner.walletID, owner: maria.signingKey.publicKey) }

  /// Circles of the fields the tests use, from aids.md "Fields by circle".
  static let circles: [FieldID: Circle] = [
    "matricule": .core, "surname": .core, "given_names": .core, "birth_date": .core,
    "nationality": .core, "address": .personal, "residence_since": .personal,
    "civil_status": .personal, "household_members": .personal, "household_income": .moneyAndHousing,
    "iban": .moneyAndHousing, "account_holder": .moneyAndHousing, "rent_amount": .moneyAndHousing,
    "request_subject": .documents, "health_insurance_affiliation": .healthAndSocial,
  ]

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("psp-consent-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    store = try SQLiteWalletStore(path: directory.appendingPathComponent("wallets.sqlite").path)
    owner = try WalletOwner.open(
      identity: maria,
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now - 10 * Self.day),
      store: store)
    for (field, circle) in Self.circles.sorted(by: { $0.key < $1.key }) {
      try owner.set(field, circle: circle, plaintext: Array("value of \(field)".utf8), at: now - 9 * Self.day)
    }
    var registry = AdministrationRegistry()
    try registry.register(
      Administration(
        id: "fns", name: "Fonds national de solidarité", kind: .fns,
        signingKey: fns.signingKey.publicKey, encryptionKey: fns.encryptionKey.publicKey,
        purposes: ["allocation-vie-chere", "revis"],
        contact: AdministrationContact(service: "Service AVC", phone: "+352 49 10 81")))
    try registry.register(
      Administration(
        id: "office-social-redange", name: "Office social de Redange", kind: .officeSocial,
        signingKey: office.signingKey.publicKey, encryptionKey: office.encryptionKey.publicKey,
        purposes: ["aide-sociale"],
        contact: AdministrationContact(service: "Accueil", phone: "+352 23 62 11 1")))
    rules = StandardConsentRules(registry: registry, circles: { FieldCatalogue.standard[$0]?.circle })
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  static let avcFields: [FieldID] = [
    "surname", "given_names", "matricule", "birth_date", "address", "residence_since", "civil_status",
    "household_members", "household_income", "iban", "account_holder",
  ]

  /// Maria grants the FNS the allocation-de-vie-chère fields.
  func fnsGrant(
    fields: [FieldID] = avcFields, kind: GrantKind = .durable, from: Int64? = nil, days: Int64 = 30,
    state: ConsentState = ConsentState()
  ) throws -> IssuedGrant {
    let start = from ?? now
    return try GrantIssuer.issue(
      by: owner, to: fns.publicIdentity, purpose: "allocation-vie-chere", fields: fields, kind: kind,
      notBefore: start, expires: start + days * Self.day, at: now, rules: rules, authority: authority,
      state: state)
  }

  /// Maria gives Paul a procuration.
  func procuration(
    kind: ProcurationKind = .oneShot, purposes: [Purpose] = ["aide-sociale"],
    administration: String? = nil, circle: Circle? = nil, actions: [ProcurationAction] = [.file],
    from: Int64? = nil, days: Int64 = 7, signer: Identity? = nil
  ) throws -> (token: String, id: StatementID) {
    let id = StatementID()
    let start = from ?? now - Self.day
    let claims = ProcurationClaims(
      id: id, wallet: owner.walletID, owner: maria.publicIdentity.keyID, trustee: paul.publicIdentity,
      kind: kind, purposes: purposes,
      administration: kind == .oneShot ? (administration ?? office.publicIdentity.keyID) : administration,
      circle: circle, actions: actions, issuedAt: start, notBefore: start, expires: start + days * Self.day)
    let token = try SignedStatement.sign(claims, type: ProcurationClaims.type, with: (signer ?? maria).signingKey)
    return (token, id)
  }

  /// Paul signs a grant under a procuration (the chain citizen → trustee → administration).
  func trusteeGrant(
    procuration: StatementID, to grantee: Identity, purpose: Purpose, fields: [FieldID],
    kind: GrantKind = .oneShot, days: Int64 = 5, filing: StatementID? = nil, issuedAt: Int64? = nil,
    signer: Identity? = nil
  ) throws -> String {
    let at = issuedAt ?? now
    let claims = GrantClaims(
      wallet: owner.walletID, issuer: (signer ?? paul).publicIdentity.keyID, grantee: grantee.publicIdentity.keyID,
      purpose: purpose, fields: fields, kind: kind, issuedAt: at, notBefore: at, expires: at + days * Self.day,
      procuration: procuration, filing: filing)
    return try SignedStatement.sign(claims, type: GrantClaims.type, with: (signer ?? paul).signingKey)
  }
}
