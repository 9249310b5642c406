import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// Every refusal of the API over real HTTP, each also written to the log.
@Suite("walletd refusals")
struct RefusalTests {
  @Test func grantRefusals() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)

    // Right grantee, right purpose: exactly the granted fields, nothing else.
    let read = try await h.fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(Set(read.values.map(\.field)) == Set(grant.fields))
    #expect(!read.values.map(\.field).contains("rent_amount"))

    // Wrong caller: another administration, the citizen's trustee, the operator.
    #expect(
      await refusalCode {
        _ = try await h.office.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      } == "wrong-grantee")
    let operatorReader = AdministrationClient(transport: h.transport(h.operatorIdentity))
    #expect(
      await refusalCode {
        _ = try await operatorReader.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      } == "forbidden")
    // Wrong purpose, ungranted field.
    #expect(
      await refusalCode {
        _ = try await h.fns.read(wallet: h.citizen.walletID, grant: grant.id, purpose: "revis")
      } == "wrong-purpose")
    #expect(
      await refusalCode {
        _ = try await h.fns.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere",
          fields: ["rent_amount"])
      } == "field-not-granted")
    // Unknown grant.
    #expect(
      await refusalCode {
        _ = try await h.fns.read(
          wallet: h.citizen.walletID, grant: StatementID(), purpose: "allocation-vie-chere")
      } == "not-allowed")
    // Paused, then resumed.
    try await h.citizen.change(grant, .pause, at: h.now)
    #expect(
      await refusalCode {
        _ = try await h.fns.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      } == "paused")
    try await h.citizen.change(grant, .resume, at: h.now)
    #expect(
      await refusalCode {
        _ = try await h.fns.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
      } == nil)
    // Expired: a grant that ends two seconds from now, read three seconds later.
    let short = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 1, at: h.now,
      expires: Int64(Date().timeIntervalSince1970) + 2)
    try await Task.sleep(for: .seconds(3))
    #expect(
      await refusalCode {
        _ = try await h.fns.read(
          wallet: h.citizen.walletID, grant: short.id, purpose: "allocation-vie-chere")
      } == "expired")

    // Every refusal is in Maria's log, with its code, and no value.
    let log = try await h.citizen.log()
    let refused = log.filter { $0.outcome == .refused }.compactMap(\.reason)
    #expect(
      refused == [
        "wrong-grantee", "wrong-purpose", "field-not-granted", "not-allowed", "paused", "expired",
      ])
  }

  @Test func revokedAndOneShotGrants() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let once = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .oneShot, days: 5, at: h.now)
    _ = try await h.fns.read(
      wallet: h.citizen.walletID, grant: once.id, purpose: "allocation-vie-chere")
    await #expect(throws: ClientError.self) {
      _ = try await h.fns.read(
        wallet: h.citizen.walletID, grant: once.id, purpose: "allocation-vie-chere")
    }
    let durable = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    try await h.citizen.change(durable, .revoke, at: h.now)
    #expect(
      await refusalCode {
        _ = try await h.fns.read(
          wallet: h.citizen.walletID, grant: durable.id, purpose: "allocation-vie-chere")
      } == "revoked")
    // The revoked grant's sealed keys are gone from the database.
    let keys = try h.database().query(
      "SELECT COUNT(*) FROM grant_keys WHERE grant_id = ?", [.text(durable.id.rawValue)])
    #expect(keys.first?[0].integer == 0)
  }

  /// A grant token tampered with, or signed by the platform or any other key,
  /// is refused when stored; the operator's key can do nothing on a wallet.
  @Test func tamperedAndForgedTokensAreRefused() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let fnsKeyID = Paserk.identifier(of: h.fnsID.signingKey.publicKey)
    let claims = GrantClaims(
      wallet: h.citizen.walletID, issuer: h.maria.publicIdentity.keyID, grantee: fnsKeyID,
      purpose: "allocation-vie-chere", fields: ["iban"], kind: .durable, issuedAt: h.now,
      notBefore: h.now,
      expires: h.now + 86_400)
    let good = try SignedStatement.sign(claims, type: GrantClaims.type, with: h.maria.signingKey)
    var counter: UInt64 = 0
    func post(_ token: String) async throws -> (Int, String?) {
      counter += 1
      let body = Array(try JSONEncoder().encode(GrantRequest(token: token, keys: [], manifest: "")))
      let (status, data) = try await raw.request(
        "POST", "/v1/wallets/\(h.citizen.walletID)/grants", body: body, counter: counter)
      return (status, RawClient.problem(data)?.code)
    }
    // Tampered: one character of the signed payload changed.
    var characters = Array(good)
    let index = "v4.public.".count + 20
    characters[index] = characters[index] == "A" ? "B" : "A"
    #expect(try await post(String(characters)).0 == 403)
    // Signed by the platform's (walletd's own) key, by the FNS, by another citizen.
    for forger in [h.daemon.service.daemonKey, h.fnsID.signingKey, SigningKey()] {
      let forged = try SignedStatement.sign(claims, type: GrantClaims.type, with: forger)
      #expect(try await post(forged) == (403, "bad-signature"))
    }
    // Another version or purpose of PASETO.
    let local = try PasetoV4Local.encrypt(Array("{}".utf8), with: SymmetricKey())
    #expect(try await post(local).0 == 403)
    // The good token without its sealed keys is refused as malformed (400), not stored.
    #expect(try await post(good).0 == 400)
    // A grant reusing a procuration's id (to have it revoked along) is refused.
    let procuration = try await h.paulsProcuration()
    let reused = GrantClaims(
      id: procuration.id, wallet: h.citizen.walletID, issuer: h.maria.publicIdentity.keyID,
      grantee: fnsKeyID,
      purpose: "allocation-vie-chere", fields: ["iban"], kind: .durable, issuedAt: h.now,
      notBefore: h.now,
      expires: h.now + 86_400)
    let reusedToken = try SignedStatement.sign(
      reused, type: GrantClaims.type, with: h.maria.signingKey)
    counter += 1
    // Everything else in order (a manifest Maria signed for the version she
    // holds), so that only the reused id is wrong.
    let reusedGrant = try GrantVerifier.verify(
      reusedToken,
      authority: WalletAuthority(wallet: h.citizen.walletID, owner: h.maria.signingKey.publicKey),
      state: ConsentState(),
      rules: StandardConsentRules(
        registry: h.daemon.service.registry,
        circles: {
          FieldCatalogue.standard[$0]?.circle
        }))
    let iban = try #require(try await h.citizen.records().first { $0.field == "iban" })
    let reusedBody = Array(
      try JSONEncoder().encode(
        GrantRequest(
          token: reusedToken,
          keys: [
            GrantKey(
              grant: procuration.id, field: "iban", version: iban.version, sealedKey: [1, 2, 3])
          ],
          manifest: GrantManifest.first(
            for: reusedGrant, records: [iban], by: h.maria, procuration: nil, at: h.now)))
    )
    let (reusedStatus, _) = try await raw.request(
      "POST", "/v1/wallets/\(h.citizen.walletID)/grants", body: reusedBody, counter: counter)
    #expect(reusedStatus == 409)
    // Sealed keys sent with a status change but without re-keyed records: refused.
    let pause = try GrantIssuer.statusChange(
      by: h.maria, wallet: h.citizen.walletID, target: .procuration, ref: procuration.id,
      action: .pause, at: h.now)
    counter += 1
    let keysOnly = Array(
      try JSONEncoder().encode(
        StatusChangeRequest(
          token: pause,
          grantKeys: [GrantKey(grant: StatementID(), field: "iban", version: 1, sealedKey: [1])])))
    #expect(
      try await raw.request(
        "POST", "/v1/wallets/\(h.citizen.walletID)/status-changes", body: keysOnly, counter: counter
      ).0 == 400)
    // The operator cannot open a wallet, read, grant or consume.
    let operatorRaw = try await RawClient.open(h.url, identity: h.operatorIdentity)
    let (status, data) = try await operatorRaw.request(
      "GET", "/v1/wallets/\(h.citizen.walletID)/fields", counter: 1)
    #expect(status == 403)
    #expect(RawClient.problem(data)?.code == "forbidden")
  }

  /// A trustee's grant is judged under the procuration it names: one signed
  /// under a revoked procuration is refused (and logged) even while the same
  /// trustee holds another procuration in force.
  @Test func aTrusteesGrantIsJudgedUnderTheProcurationItNames() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    _ = try await h.paulsPersonalisedProcuration([.grant])
    let revoked = try await h.paulsPersonalisedProcuration([.grant])
    try await h.citizen.revoke(procuration: revoked.id, at: h.now)
    let claims = GrantClaims(
      wallet: h.citizen.walletID, issuer: h.paul.publicIdentity.keyID,
      grantee: h.officeID.publicIdentity.keyID,
      purpose: "aide-sociale", fields: ["surname"], kind: .oneShot, issuedAt: h.now,
      notBefore: h.now,
      expires: h.now + 86_400, procuration: revoked.id)
    let token = try SignedStatement.sign(claims, type: GrantClaims.type, with: h.paul.signingKey)
    let raw = try await RawClient.open(h.url, identity: h.paul)
    let (status, data) = try await raw.request(
      "POST", "/v1/wallets/\(h.citizen.walletID)/grants",
      body: Array(try JSONEncoder().encode(GrantRequest(token: token, keys: [], manifest: ""))),
      counter: 1)
    #expect(status == 403)
    #expect(RawClient.problem(data)?.code == ConsentRefusal.procurationRevoked.code)
    let log = try await h.citizen.log()
    #expect(
      log.contains {
        $0.outcome == .refused && $0.procuration == revoked.id
          && $0.actor == h.paul.publicIdentity.keyID
      })
    #expect(try await h.citizen.grants().isEmpty)
  }

  /// The same rule for a trustee's status change: judged under the procuration
  /// it names, not under whichever of the trustee's procurations is in force.
  /// (A trustee changes only a grant they signed: here their filing's grant.)
  @Test func aTrusteesStatusChangeIsJudgedUnderTheProcurationItNames() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let inForce = try await h.paulsPersonalisedProcuration([.file])
    let revoked = try await h.paulsPersonalisedProcuration([.file])
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    _ = try await trustee.file(
      wallet: h.citizen.walletID, ownerKey: try await trustee.ownerKey(wallet: h.citizen.walletID),
      procuration: inForce, purpose: "aide-sociale", at: "office-social-redange", at: h.now)
    try await h.citizen.revoke(procuration: revoked.id, at: h.now)
    let paulsGrants = try await h.citizen.grants().filter {
      $0.grant.claims.iss == h.paul.publicIdentity.keyID
    }
    try #require(paulsGrants.count == 1)
    let grant = paulsGrants[0].grant
    let raw = try await RawClient.open(h.url, identity: h.paul)
    var counter: UInt64 = 0
    func pause(under procuration: StatementID?, ref: StatementID? = nil) async throws -> (Int, Data)
    {
      let token = try GrantIssuer.statusChange(
        by: h.paul, wallet: h.citizen.walletID, target: .grant, ref: ref ?? grant.id,
        action: .pause,
        at: h.now,
        procuration: procuration)
      counter += 1
      return try await raw.request(
        "POST", "/v1/wallets/\(h.citizen.walletID)/status-changes",
        body: Array(try JSONEncoder().encode(StatusChangeRequest(token: token))), counter: counter)
    }
    func state() async throws -> GrantState? {
      let grants = try await h.citizen.grants()
      return grants.first(where: { $0.grant.id == grant.id })?.state
    }

    // Under the revoked procuration: refused and logged, though another is in force.
    let (underRevoked, problem) = try await pause(under: revoked.id)
    #expect(underRevoked == 403)
    #expect(RawClient.problem(problem)?.code == ConsentRefusal.procurationRevoked.code)
    #expect(try await state() == .active)
    let log = try await h.citizen.log()
    #expect(
      log.contains {
        $0.outcome == .refused && $0.procuration == revoked.id
          && $0.actor == h.paul.publicIdentity.keyID
      })

    // Naming no procuration: a trustee always acts under one.
    let (underNone, _) = try await pause(under: nil)
    #expect(underNone == 403)
    #expect(try await state() == .active)

    // A grant Maria signed is not Paul's to change, whatever he holds.
    let marias = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", kind: .durable, days: 30, at: h.now)
    let (onMarias, refusal) = try await pause(under: inForce.id, ref: marias.id)
    #expect(onMarias == 403)
    #expect(RawClient.problem(refusal)?.code == "not-allowed")

    // Under the procuration in force: the grant is paused.
    let (underInForce, _) = try await pause(under: inForce.id)
    #expect((200..<300).contains(underInForce))
    #expect(try await state() == .paused)
  }
}

/// The refusal code of an attempt: nil if it succeeded, the problem's code if
/// walletd refused, the error's text otherwise.
func refusalCode(_ attempt: () async throws -> Void) async -> String? {
  do {
    try await attempt()
    return nil
  } catch let error as ClientError {
    return error.code ?? error.description
  } catch {
    return "\(error)"
  }
}
