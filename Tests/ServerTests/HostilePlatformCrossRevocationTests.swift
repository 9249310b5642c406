import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// A revocation made by the other party — here Paul, Maria's trustee,
/// withdrawing a grant he gave — is read by Maria's client from the log the
/// witnesses keep, not from walletd's listing: a platform that shows her the
/// grant in force does not get her next version sealed to it.
@Suite("Hostile platform: a revocation by the other party")
struct HostilePlatformCrossRevocationTests {
  @Test func aTrusteesRevocationHoldsWhateverWalletdLists() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let procuration = try await h.paulsPersonalisedProcuration([.read, .update, .grant])
    let paul = TrusteeClient(transport: h.transport(h.paul))
    let owner = try await paul.ownerKey(wallet: hp.wallet)
    _ = try await paul.procurations(wallet: hp.wallet, ownerKey: owner)
    let grant = try await paul.grant(
      wallet: hp.wallet, ownerKey: owner, procuration: procuration, to: "office-social-redange",
      purpose: "aide-sociale", kind: .durable, days: 10, at: h.now)
    try await paul.change(grant, .revoke, wallet: hp.wallet, procuration: procuration, at: h.now)

    // Wait until the witnessed log holds the revocation (the next epoch).
    let maria = try await hp.citizen()
    for _ in 0..<100 {
      let checked = try await maria.verifyLog(since: nil)
      if checked.revokedGrants.contains(grant.id) { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(try await maria.verifyLog(since: nil).revokedGrants.contains(grant.id))

    // walletd shows Maria the grant in force.
    hp.proxy.rewrite("GET", "/v1/wallets/\(hp.wallet)/grants") { answer in
      let view = try JSONDecoder().decode(GrantsView.self, from: Data(answer.body))
      let shown = GrantsView(
        grants: view.grants.map {
          $0.id == grant.id
            ? GrantView(id: $0.id, token: $0.token, state: .active, manifest: $0.manifest, keys: [])
            : $0
        })
      return .init(status: answer.status, body: Array(try JSONEncoder().encode(shown)))
    }
    let listed = try await maria.grants().first { $0.grant.id == grant.id }
    #expect(listed?.state == .active, "the forgery is served")
    // Her next address is not sealed to it: the write is accepted (walletd
    // would refuse a key for a revoked grant), and no key of it is stored.
    let address = try HostilePlatform.value("address", "3, place de l'Église, L-8510 Redange")
    try await maria.set([("address", address)], at: h.now + 60)
    #expect(hp.proxy.rewritten > 0)
    #expect(
      try hp.count("SELECT COUNT(*) FROM grant_keys WHERE grant_id = ?", [.text(grant.id.rawValue)])
        == 0)
  }
}
