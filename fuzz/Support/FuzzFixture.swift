import PSPConsent
import PSPCrypto
import PSPWallet

// The fixed actors shared by the statement target and the seed generator:
// keys from constant seeds, so a seed written once is signed by the same key
// the target verifies with, and libFuzzer's mutations start from claims that
// name the right wallet and signer. Fuzz-only: these keys protect nothing.
enum FuzzFixture {
  static let now: Int64 = 1_790_000_000
  static let day: Int64 = 86_400

  static func signingKey(_ fill: UInt8) -> SigningKey {
    try! SigningKey(
      seed: SecureBytes(copying: [UInt8](repeating: fill, count: SigningKey.seedByteCount)))
  }

  static func agreementKey(_ fill: UInt8) -> AgreementKey {
    try! AgreementKey(secret: SecureBytes(copying: [UInt8](repeating: fill, count: 32)))
  }

  static let wallet = try! WalletID(bytes: [UInt8](repeating: 0x57, count: WalletID.byteCount))
  static let owner = Identity(
    kind: .citizen, signingKey: signingKey(1), encryptionKey: agreementKey(2))
  static let trustee = Identity(
    kind: .trustee, signingKey: signingKey(3), encryptionKey: agreementKey(4))
  static let fns = Identity(
    kind: .administration, signingKey: signingKey(5), encryptionKey: agreementKey(6))
  static let daemon = signingKey(7)
  /// The caller that opens walletd sessions.
  static let client = Identity(
    kind: .citizen, signingKey: signingKey(9), encryptionKey: agreementKey(10))
  static var authority: WalletAuthority {
    WalletAuthority(wallet: wallet, owner: owner.signingKey.publicKey)
  }

  static let rules: StandardConsentRules = {
    var registry = AdministrationRegistry()
    try! registry.register(
      Administration(
        id: "fns", name: "Fonds national de solidarité", kind: .fns,
        signingKey: fns.signingKey.publicKey, encryptionKey: fns.encryptionKey.publicKey,
        purposes: ["allocation-vie-chere", "revis"],
        contact: AdministrationContact(service: "Service AVC", phone: "+352 49 10 81")))
    return StandardConsentRules(
      registry: registry, circles: { FieldCatalogue.standard[$0]?.circle })
  }()

  /// A durable procuration from the owner to the trustee, allowing grants and
  /// filings: the trustee branch of the statement chain needs one in the state.
  static let procurationID = try! StatementID(
    Encoding.base64URL([UInt8](repeating: 0x50, count: 16)))
  static let procurationClaims = ProcurationClaims(
    id: procurationID, wallet: wallet, owner: owner.publicIdentity.keyID,
    trustee: trustee.publicIdentity,
    kind: .personalised, purposes: ["allocation-vie-chere"], administration: nil, circle: nil,
    actions: [.grant, .file], issuedAt: now - day, notBefore: now - day, expires: now + 300 * day)
  static let procurationToken = try! SignedStatement.sign(
    procurationClaims, type: ProcurationClaims.type, with: owner.signingKey)
  static let state = ConsentState(procurations: [procurationID: procurationToken])

  /// The grant a status change refers to.
  static let grantClaims = GrantClaims(
    id: try! StatementID(Encoding.base64URL([UInt8](repeating: 0x47, count: 16))), wallet: wallet,
    issuer: owner.publicIdentity.keyID,
    grantee: fns.publicIdentity.keyID, purpose: "allocation-vie-chere",
    fields: ["iban", "surname"],
    kind: .durable, issuedAt: now, notBefore: now, expires: now + 30 * day)
  static let grant = try! GrantVerifier.verify(
    SignedStatement.sign(grantClaims, type: GrantClaims.type, with: owner.signingKey),
    authority: authority,
    state: state, rules: rules)

  /// A record of the wallet, for the record statement's verifier.
  static let record = FieldRecord(
    wallet: wallet, field: "iban", version: 1, circle: .moneyAndHousing, circleEpoch: 1,
    ciphertext: [UInt8](repeating: 0xC1, count: 48), commitment: [UInt8](repeating: 0xC2, count: 32),
    wrappedDataKey: [UInt8](repeating: 0xC3, count: 72), createdAt: now)

  /// The footer `SignedStatement.sign` writes for `key` (sorted keys, no white space).
  static func footer(of key: SigningKey) -> [UInt8] {
    Array("{\"kid\":\"\(Paserk.identifier(of: key.publicKey))\"}".utf8)
  }

  /// Signs arbitrary claim bytes as a statement of `type`, as `SignedStatement.sign`
  /// would signed claims: the verifiers then get past the signature to the claims.
  static func sign(_ claims: [UInt8], type: String, with key: SigningKey) -> String {
    PasetoV4Public.sign(
      claims, with: key, footer: footer(of: key), implicitAssertion: Array(type.utf8))
  }
}
