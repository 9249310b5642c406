import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// A one-shot procuration files once (issue 17, item 5). A hostile platform
/// that kept a second filing Paul's client signed (a retry it answered with
/// an error, say) and lists it beside the first: the administration's client
/// refuses the listing rather than take a second request under one mandate.
@Suite("Hostile platform: one-shot filings")
struct HostilePlatformOneShotTests {
  @Test func aSecondFilingUnderAOneShotProcurationIsRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let procuration = try await h.paulsProcuration()
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    let ownerKey = try await trustee.ownerKey(wallet: hp.wallet)
    let filed = try await trustee.file(
      wallet: hp.wallet, ownerKey: ownerKey, procuration: procuration, purpose: "aide-sociale",
      at: "office-social-redange", at: h.now)
    let grant = try #require(
      SignedStatement.unverifiedClaims(of: filed.grant, as: GrantClaims.self))
    let office = AdministrationClient(transport: hp.transport(h.officeID))
    _ = try await office.read(wallet: hp.wallet, grant: grant.jti, purpose: "aide-sociale")
    #expect(try await office.filings(wallet: hp.wallet).count == 1)

    // A second filing, signed by Paul under the same one-shot procuration.
    let second = try SignedStatement.sign(
      FilingClaims(
        wallet: hp.wallet, issuer: h.paul.publicIdentity.keyID, procuration: procuration.id,
        purpose: "aide-sociale", administration: h.officeID.publicIdentity.keyID, grant: grant.jti,
        issuedAt: h.now),
      type: FilingClaims.type, with: h.paul.signingKey)
    let secondID = try #require(SignedStatement.unverifiedClaims(of: second, as: FilingClaims.self))
      .jti
    hp.proxy.rewrite("GET", "/v1/wallets/\(hp.wallet)/filings") { answer in
      let view = try JSONDecoder().decode(FilingsView.self, from: Data(answer.body))
      let copy = FilingView(id: secondID, filing: second, grant: filed.grant, responses: [])
      return .init(
        status: answer.status,
        body: try encodeJSON(
          FilingsView(filings: view.filings + [copy], procurations: view.procurations)))
    }
    await hp.tally.refuses(
      "a second filing under a one-shot procuration",
      .forged(.secondFilingUnderOneShot(procuration.id.rawValue))
    ) { try await office.filings(wallet: hp.wallet) }
    hp.tally.finish("one-shot filings")
  }
}
