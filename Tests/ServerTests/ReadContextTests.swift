import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// The one statement a read starts with says what the store's separate
/// readings say: the wallet, its consent rows, the grant, the records the
/// grant holds keys for and its newest manifest (on whichever engine runs).
@Suite("A read's context in one statement")
struct ReadContextTests {
  @Test func itMatchesTheSeparateReadings() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let store = h.daemon.service.store
    let wallet = h.citizen.walletID
    // A procuration, a paused and resumed grant, a one-shot grant used, and a
    // field changed after the grant (a second version and a new manifest).
    let procuration = try await h.paulsProcuration()
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    try await h.citizen.change(grant, .pause, at: h.now)
    try await h.citizen.change(grant, .resume, at: h.now)
    let once = try await h.citizen.grant(
      to: "fns", purpose: "revis", kind: .oneShot, days: 30, at: h.now)
    _ = try await h.fns.read(wallet: wallet, grant: once.id, purpose: "revis")
    let changed = try #require(grant.fields.first)
    let value = try #require(try await h.citizen.fields().first { $0.record.field == changed })
    try await h.citizen.set([(changed, value.value)], at: h.now)

    let context = try await store.readContext(wallet: wallet, grant: grant.id)
    #expect(context.wallet == (try await store.wallet(wallet)))
    let consent = try await store.consent(wallet: wallet)
    #expect(context.consent.procurations.map(\.0) == consent.procurations.map(\.0))
    #expect(context.consent.procurations.map(\.1) == consent.procurations.map(\.1))
    #expect(context.consent.procurations.map(\.0) == [procuration.id])
    #expect(context.consent.statuses.map(\.0) == consent.statuses.map(\.0))
    #expect(context.consent.statuses.map(\.1) == [.pause, .resume])
    #expect(context.consent.consumed == consent.consumed)
    #expect(context.consent.consumed == [once.id])
    #expect(context.grantToken == grant.token)
    #expect(context.grantToken == (try await store.grantToken(grant.id, wallet: wallet)))
    // The granted records are the newest of the grant's fields, each with its key.
    let latest = try await store.latestRecords(wallet: wallet).filter {
      grant.fields.contains($0.field)
    }
    #expect(context.granted.map(\.0).sorted { $0.field < $1.field } == latest)
    #expect(context.granted.first { $0.0.field == changed }?.0.version == 2)
    for (record, key) in context.granted {
      #expect(key.grant == grant.id && key.field == record.field && key.version == record.version)
    }
    let manifests = try await store.grants(wallet: wallet).manifests
    #expect(context.manifest != nil && context.manifest == manifests[grant.id])

    // Another grant of the wallet: its own token, no other grant's records.
    let other = try await store.readContext(wallet: wallet, grant: once.id)
    #expect(other.grantToken == once.token)
    #expect(Set(other.granted.map(\.1.grant)) == [once.id])
    // A grant the wallet does not hold: the wallet and its consent, nothing else.
    let unknown = try await store.readContext(wallet: wallet, grant: StatementID())
    #expect(unknown.wallet == context.wallet && unknown.consent.consumed == [once.id])
    #expect(unknown.grantToken == nil && unknown.granted.isEmpty && unknown.manifest == nil)
    // A wallet walletd does not hold.
    await #expect(throws: WalletError.unknownWallet) {
      _ = try await store.readContext(wallet: WalletID(), grant: grant.id)
    }
  }
}
