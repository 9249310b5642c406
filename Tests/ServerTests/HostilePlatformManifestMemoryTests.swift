import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// The grantor's own memory of the manifests it signed: walletd listing a
/// grant with an older manifest must not make the citizen sign a successor
/// that names older versions of the fields she does not write.
@Suite("Hostile platform: the grantor's memory of manifests")
struct HostilePlatformManifestMemoryTests {
  @Test func anOlderManifestListedToTheGrantorStopsTheNextWrite() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let grant = try await hp.fnsGrant()
    let maria = try await hp.citizen()
    _ = try await maria.grants()
    let firstListing = try #require(hp.proxy.lastAnswer("GET", "/v1/wallets/\(hp.wallet)/grants"))
    // Maria moves: her client signs manifest 2 for the grant, and remembers it.
    try await maria.set(
      [("iban", try HostilePlatform.value("iban", HostilePlatform.mariasNewIBAN))], at: h.now)
    #expect(h.trust(h.maria).memory.manifests[grant.id.rawValue]?.seq == 2)
    let before = try hp.storedConsent()

    // walletd lists the grant as it was, with manifest 1.
    hp.proxy.rewrite("GET", "/v1/wallets/\(hp.wallet)/grants") { _ in firstListing }
    await hp.tally.detects("manifest 1 listed after 2 was signed") {
      let entry = try #require(try await maria.grants().first { $0.grant.id == grant.id })
      return entry.warning == .manifestRolledBack(seen: 2, served: 1)
    }
    await hp.tally.refuses(
      "a write on top of manifest 1", .forged(.manifestRolledBack(seen: 2, served: 1))
    ) {
      try await maria.set(
        [("address", try HostilePlatform.value("address", "3, rue Haute, L-8510 Redange"))],
        at: h.now)
    }
    #expect(try hp.storedConsent() == before)
    hp.proxy.stopRewriting()
    try await maria.set(
      [("address", try HostilePlatform.value("address", "3, rue Haute, L-8510 Redange"))], at: h.now
    )
    #expect(h.trust(h.maria).memory.manifests[grant.id.rawValue]?.seq == 3)
    hp.tally.finish("rolled-back manifests to the grantor")
  }
}
