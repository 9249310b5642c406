import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// The attacks on a signed statement that need no key: every bit of the token
/// string flipped, every strict prefix, a character added. Tokens are ASCII, so
/// a variant is the token's UTF-8 bytes changed; a byte made non-ASCII decodes
/// to U+FFFD, still another string.
enum StatementTampering {
  typealias Variant = (what: String, token: String)

  static func bitFlips(of token: String) -> [Variant] {
    let bytes = Array(token.utf8)
    return (0..<bytes.count * 8).map { bit in
      var copy = bytes
      copy[bit / 8] ^= 1 << UInt8(bit % 8)
      return ("bit \(bit) flipped", String(decoding: copy, as: UTF8.self))
    }
  }

  /// Every strict prefix of the token, the empty one included.
  static func truncations(of token: String) -> [Variant] {
    let bytes = Array(token.utf8)
    return (0..<bytes.count).map { length in
      ("cut to \(length) bytes", String(decoding: bytes.prefix(length), as: UTF8.self))
    }
  }

  /// A character appended or prepended, and the token twice.
  static func extensions(of token: String) -> [Variant] {
    [
      ("A appended", token + "A"), ("A prepended", "A" + token), (". appended", token + "."),
      ("newline appended", token + "\n"), ("doubled", token + token),
    ]
  }

  static func all(_ token: String) -> [Variant] {
    bitFlips(of: token) + truncations(of: token) + extensions(of: token)
  }

  /// Runs `check` on every variant; `check` returns nil when the variant was
  /// refused as it should be, else what went wrong. Returns the failures.
  static func failures(_ variants: [Variant], _ check: (String) -> String?) -> [String] {
    variants.compactMap { variant in check(variant.token).map { "\(variant.what): \($0)" } }
  }

  /// A statement signed by hand: `object` as the JSON message, the footer
  /// `{"kid":…}` naming `kid` (by default the signer's own key id) and `type`
  /// as the implicit assertion, exactly as `SignedStatement.sign` lays it out.
  static func signRaw(
    _ object: [String: Any], type: String, with key: SigningKey, kid: String? = nil
  ) throws -> String {
    let message = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    let footer = #"{"kid":"\#(kid ?? Paserk.identifier(of: key.publicKey))"}"#
    return PasetoV4Public.sign(
      Array(message), with: key, footer: Array(footer.utf8), implicitAssertion: Array(type.utf8))
  }

  /// The claims as a JSON object, to change one member and sign by hand.
  static func object(of claims: some Encodable) throws -> [String: Any] {
    let data = try JSONEncoder().encode(claims)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The (unverified) claims of a token as a JSON object.
  static func object(ofToken token: String) throws -> [String: Any] {
    let message = try PasetoV4Public.unverifiedMessage(of: token)
    return try #require(try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any])
  }
}

/// Counts what one test tried, and prints it: the attack tests report real counts.
struct VariantCount {
  let test: String
  private(set) var counts: [(String, Int)] = []

  init(_ test: String) { self.test = test }

  mutating func add(_ what: String, _ count: Int) { counts.append((what, count)) }

  var total: Int { counts.reduce(0) { $0 + $1.1 } }

  func report() {
    let detail = counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    print("[variants] \(test): \(total) tried (\(detail))")
  }
}

extension ConsentFixture {
  /// The latest record of each field, from Maria's own store.
  func records(_ fields: [FieldID]) throws -> [FieldRecord] {
    try fields.map { field in
      try #require(try store.history(wallet: owner.walletID, field: field).last)
    }
  }

  /// A procuration for Paul, signed by `signer` (Maria by default) for `wallet`
  /// (Maria's by default), personalised unless a purpose is given.
  func trusteeProcuration(
    wallet: WalletID? = nil, owner ownerIdentity: Identity? = nil, signer: Identity? = nil,
    purposes: [Purpose] = [], circle: Circle? = .documents, actions: [ProcurationAction],
    trustee: Identity? = nil
  ) throws -> (token: String, id: StatementID) {
    let id = StatementID()
    let start = now - Self.day
    let claims = ProcurationClaims(
      id: id, wallet: wallet ?? owner.walletID,
      owner: (ownerIdentity ?? maria).publicIdentity.keyID,
      trustee: (trustee ?? paul).publicIdentity, kind: .personalised, purposes: purposes,
      administration: nil, circle: circle, actions: actions, issuedAt: start, notBefore: start,
      expires: start + 90 * Self.day)
    let token = try SignedStatement.sign(
      claims, type: ProcurationClaims.type, with: (signer ?? ownerIdentity ?? maria).signingKey)
    return (token, id)
  }

  func state(_ procurations: [(token: String, id: StatementID)]) -> ConsentState {
    var state = ConsentState()
    for p in procurations { state.procurations[p.id] = p.token }
    return state
  }

  /// Verifies records against `statements` for Maria's wallet.
  func verifyRecords(
    _ records: [FieldRecord], statements: [String], state: ConsentState = ConsentState(),
    authority: WalletAuthority? = nil
  ) throws(Forgery) -> [VerifiedRecord] {
    try RecordStatement.verify(
      records, statements: statements, authority: authority ?? self.authority, state: state,
      rules: rules)
  }

  /// Verifies a manifest for `grant` of Maria's wallet.
  func verifyManifest(
    _ token: String, grant: Grant, state: ConsentState = ConsentState(),
    authority: WalletAuthority? = nil
  ) throws(Forgery) -> GrantManifest {
    try GrantManifest.verify(
      token, grant: grant, authority: authority ?? self.authority, state: state, rules: rules)
  }

  /// The first manifest of `issued`, signed by Maria, over her own records.
  func firstManifest(
    of issued: IssuedGrant, signer: Identity? = nil, procuration: StatementID? = nil
  )
    throws -> String
  {
    try firstManifest(of: issued.grant, signer: signer, procuration: procuration)
  }

  func firstManifest(of grant: Grant, signer: Identity? = nil, procuration: StatementID? = nil)
    throws -> String
  {
    let latest = try records(grant.fields).map {
      VerifiedRecord(ownStore: $0, owner: maria.publicIdentity.keyID)
    }
    return try GrantManifest.first(
      for: grant, records: latest, by: signer ?? maria, procuration: procuration, at: now)
  }

  /// A grant of the FNS's fields that Paul signs himself under procuration `p`
  /// (which must allow `grant`): the only kind of grant a trustee signs manifests of.
  func paulsGrant(under p: (token: String, id: StatementID), fields: [FieldID] = avcFields) throws
    -> Grant
  {
    let claims = GrantClaims(
      wallet: owner.walletID, issuer: paul.publicIdentity.keyID, grantee: fns.publicIdentity.keyID,
      purpose: "allocation-vie-chere", fields: fields, kind: .durable, issuedAt: now, notBefore: now,
      expires: now + 30 * Self.day, procuration: p.id)
    let token = try SignedStatement.sign(claims, type: GrantClaims.type, with: paul.signingKey)
    return try GrantVerifier.verify(token, authority: authority, state: state([p]), rules: rules)
  }
}
