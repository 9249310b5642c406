import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletServer

/// Fills walletd with wallets of 20 fields, each with a durable grant of the
/// tiers payant social (5 fields) to the office social. Every wallet is built and
/// sealed as `CitizenClient` builds it — its own keys, circle keys, a signed
/// consent receipt and key statement, a fresh data key per field — and handed
/// to `WalletService` directly, which verifies and commits it as over HTTP;
/// only the HTTP hop is skipped, so that 10⁴ wallets fill in about a minute.
struct Population: Sendable {
  let service: WalletService
  let administration: Administration
  let rules: StandardConsentRules
  let values: [(FieldID, FieldValue)]

  /// Adds `count` wallets with `workers` concurrent citizens (so that writes
  /// batch as they would under real traffic); returns the read body of each.
  func add(_ count: Int, workers: Int) async throws -> [[UInt8]] {
    try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
      for worker in 0..<workers {
        let share = count / workers + (worker < count % workers ? 1 : 0)
        group.addTask {
          var bodies: [[UInt8]] = []
          for _ in 0..<share { bodies.append(try await wallet()) }
          return bodies
        }
      }
      var all: [[UInt8]] = []
      for try await bodies in group { all += bodies }
      return all
    }
  }

  /// One citizen opens a wallet, sets the 20 fields and grants the tiers payant social.
  func wallet() async throws -> [UInt8] {
    let identity = Identity(kind: .citizen)
    let owner = identity.publicIdentity
    let caller = Caller(signingKey: owner.signingKey, encryptionKey: owner.encryptionKey)
    let now = Int64(Date().timeIntervalSince1970)
    let walletID = WalletID()
    var keyring = CircleKeyring()
    for circle in Circle.allCases { keyring.insert(SymmetricKey(), circle: circle, epoch: 1) }
    let receipt = try ConsentReceipt(
      wallet: walletID, owner: owner,
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now)
    ).signed(with: identity.signingKey)
    try await service.openWallet(
      OpenWalletRequest(
        wallet: WalletRecord(
          id: walletID, ownerSigningKey: Paserk.encode(owner.signingKey),
          ownerEncryptionKey: owner.encryptionKey.bytes,
          consentReceipt: receipt, createdAt: now),
        envelopes: try keyring.envelopes(
          wallet: walletID, circles: Circle.allCases, to: owner.encryptionKey),
        keyStatements: [
          try CircleKeyStatement.sign(
            keyring: keyring, wallet: walletID, epoch: 1, by: identity.signingKey, at: now)
        ]), caller: caller)

    var records: [FieldRecord] = []
    var dataKeys: [FieldID: SymmetricKey] = [:]
    for (field, value) in values {
      guard let circle = FieldCatalogue.standard[field]?.circle,
        let (epoch, circleKey) = keyring.current(circle)
      else {
        throw BenchError.setup("no circle key for \(field)")
      }
      var plaintext = value.encoded()
      defer { wipe(&plaintext) }
      let sealed = try FieldSealer.seal(
        plaintext, wallet: walletID, field: field, version: 1, circle: circle, circleKey: circleKey,
        circleEpoch: epoch, createdAt: now)
      records.append(sealed.record)
      dataKeys[field] = sealed.dataKey
    }
    try await service.putFields(
      walletID,
      request: FieldsRequest(
        records: records,
        statement: RecordStatement.sign(
          records, wallet: walletID, by: identity, procuration: nil, at: now),
        grantKeys: [], manifests: []), caller: caller)

    guard let template = rules.templates[BenchDaemon.purpose] else {
      throw BenchError.setup("no template for the tiers payant social")
    }
    let claims = GrantClaims(
      wallet: walletID, issuer: owner.keyID, grantee: administration.keyID,
      purpose: BenchDaemon.purpose,
      fields: template.minimalFields, kind: .durable, issuedAt: now, notBefore: now,
      expires: now + 365 * 86_400)
    let token = try SignedStatement.sign(claims, type: GrantClaims.type, with: identity.signingKey)
    let grant = try GrantVerifier.verify(
      token, authority: WalletAuthority(wallet: walletID, owner: owner.signingKey),
      state: ConsentState(), rules: rules)
    let keys = try grant.fields.map { field in
      guard let record = records.first(where: { $0.field == field }), let dataKey = dataKeys[field]
      else {
        throw BenchError.setup("the wallet holds no \(field)")
      }
      return try GrantKey.seal(
        dataKey, of: record, grant: grant.id, to: administration.encryptionKey)
    }
    let manifest = try GrantManifest.first(
      for: grant, records: records.map { VerifiedRecord(ownStore: $0, owner: owner.keyID) },
      by: identity,
      procuration: nil, at: now)
    try await service.issueGrant(
      walletID, request: GrantRequest(token: token, keys: keys, manifest: manifest), caller: caller)
    return try readBody(wallet: walletID, grant: grant.id, purpose: BenchDaemon.purpose)
  }
}
