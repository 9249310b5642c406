import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// What the citizen's client keeps against a platform that edits its own
/// database or her answers: the revocations she signed (attack (4) of issue
/// 12), and the reasons of a decision that do not open with her key.
@Suite("Hostile platform: revocations and notes")
struct HostilePlatformRevocationTests {
  /// An attacker with disk access undoes Maria's revocations: deletes the
  /// `status_changes` row, puts back the `grant_keys` rows the revocation
  /// deleted, or both. walletd then shows the grant in force (or still holding
  /// keys); Maria's client shows it revoked with a warning, and never seals a
  /// new version to it.
  @Test func anUndoneRevocationIsToldAndNeverSealedTo() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    func durable(_ days: Int64) async throws -> Grant {
      try await h.citizen.grant(
        to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: days, at: h.now)
    }
    let kept = try await durable(30)
    let undone = try await durable(31)  // its status row deleted and its keys put back
    let unlisted = try await durable(32)  // its status row deleted only
    let rekeyed = try await durable(33)  // its keys put back only
    let db = try h.database()
    var saved: [SQLiteDatabase.Row] = []
    for grant in [undone, unlisted, rekeyed] {
      if grant != unlisted {
        saved += try db.query(
          "SELECT grant_id, field, version, sealed_key FROM grant_keys WHERE grant_id = ?",
          [.text(grant.id.rawValue)])
      }
      try await h.citizen.change(grant, .revoke, at: h.now)
    }
    #expect(try await h.citizen.grants().allSatisfy { $0.warning == nil })

    for grant in [undone, unlisted] {
      try db.query("DELETE FROM status_changes WHERE ref = ?", [.text(grant.id.rawValue)])
    }
    for row in saved {
      try db.query(
        "INSERT INTO grant_keys (grant_id, field, version, sealed_key) VALUES (?, ?, ?, ?)", row)
    }
    // Deleting the status rows revives nothing: walletd's log, which the
    // witnesses keep from being trimmed, still holds the revocations
    // (`spec/log.md` §7). The keys put back are shown: the client catches those.
    let shown = try await h.citizen.transport.send(
      "GET", "/v1/wallets/\(hp.wallet)/grants", as: GrantsView.self
    ).grants
    func view(_ grant: Grant) throws -> GrantView {
      try #require(shown.first { $0.id == grant.id })
    }
    #expect(try view(undone).state == .revoked && !view(undone).keys.isEmpty)
    #expect(try view(unlisted).state == .revoked && view(unlisted).keys.isEmpty)
    #expect(try view(rekeyed).state == .revoked && !view(rekeyed).keys.isEmpty)
    await hp.tally.detects("a revocation row deleted", throughProxy: false) {
      try view(unlisted).state == .revoked && view(undone).state == .revoked
    }

    for (what, grant) in [("with its keys back after its row was deleted", undone), ("with its keys back", rekeyed)] {
      await hp.tally.detects("a revoked grant shown \(what)", throughProxy: false) {
        let entry = try #require(try await h.citizen.grants().first { $0.grant.id == grant.id })
        return entry.state == .revoked
          && entry.warning == .revocationIgnored(grant: grant.id.rawValue)
      }
    }
    let entry = try #require(try await h.citizen.grants().first { $0.grant.id == kept.id })
    #expect(entry.state == .active && entry.warning == nil)

    // Maria updates her IBAN: the new version is sealed to the grant in force,
    // to none of those she revoked.
    let iban = try HostilePlatform.value("iban", HostilePlatform.mariasNewIBAN)
    await hp.tally.detects("a new version sealed to un-revoked grants", throughProxy: false) {
      try await h.citizen.set([("iban", iban)], at: h.now + 60)
      let version = try #require(
        try await h.citizen.records().last { $0.field == "iban" }?.version)
      func sealed(_ grant: Grant) throws -> Int64 {
        try hp.count(
          "SELECT COUNT(*) FROM grant_keys WHERE grant_id = ? AND field = 'iban' AND version = ?",
          [.text(grant.id.rawValue), .integer(Int64(version))])
      }
      #expect(try sealed(kept) == 1)
      return try [undone, unlisted, rekeyed].allSatisfy { try sealed($0) == 0 }
    }
    hp.tally.finish("undone revocations")
  }

  /// Attack (3)'s end: a decision's reasons sealed to another key than the
  /// citizen's (by the administration misled, or swapped, dropped or written
  /// by the platform in the listing). The citizen is told a note did not open;
  /// it is never silently missing, and no text the administration did not sign
  /// is shown.
  @Test func reasonsThatDoNotOpenAreTold() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let motivation = "Aide accordée : facture d'électricité de novembre."
    func decided(sealingTo key: AgreementPublicKey?) async throws -> FilingView {
      let filing = try await h.citizen.file(
        purpose: "aide-sociale", at: "office-social-redange", at: h.now)
      let seen = try await h.office.read(
        wallet: hp.wallet, grant: try filingGrant(filing), purpose: "aide-sociale")
      _ = try await h.office.acknowledge(
        wallet: hp.wallet, filing: filing, number: "OSR-42",
        registeredOn: try CivilDate(daysSinceUnixEpoch: Int(h.now / 86_400)),
        contact: .init(service: "Accueil social", phone: "+352 2000 0000", email: nil),
        at: h.now + 60)
      try await h.office.decide(
        wallet: hp.wallet, filing: filing, outcome: .granted, motivation: motivation,
        recourse: "Recours possible.", citizenKey: key ?? seen.ownerEncryptionKey, at: h.now + 120)
      return filing
    }
    let misled = try await decided(sealingTo: hp.platform.encryptionKey.publicKey)
    let honest = try await decided(sealingTo: nil)
    let maria = try await hp.citizen()
    func summary(_ filing: FilingView) async throws -> FilingSummary {
      try #require(try await maria.filings().first { $0.filing.id == filing.id })
    }
    let told: (FilingSummary) -> Bool = { $0.unreadableNotes == 1 && $0.notes.isEmpty }

    await hp.tally.detects("the reasons sealed to the platform's key", throughProxy: false) {
      told(try await summary(misled))
    }
    let clear = try await summary(honest)
    #expect(clear.notes == [motivation] && clear.unreadableNotes == 0)

    let path = "/v1/wallets/\(hp.wallet)/filings"
    let platformsKey = hp.platform.encryptionKey.publicKey
    let mariasKey = h.maria.encryptionKey.publicKey
    let notes: [(String, @Sendable (FilingView.Response) throws -> Bytes?)] = [
      (
        "the note swapped for one sealed to the platform",
        { @Sendable _ in Bytes(try FilingNote.seal(motivation, to: platformsKey)) }
      ),
      ("the note dropped", { @Sendable _ in nil }),
      (
        "the platform's own note, sealed to Maria",
        { @Sendable _ in
          Bytes(try FilingNote.seal("Aide refusée : dossier incomplet.", to: mariasKey))
        }
      ),
    ]
    for (what, note) in notes {
      hp.proxy.rewrite("GET", path, rewritingNotes { $0.sealedNote == nil ? nil : try note($0) })
      await hp.tally.detects(what) { told(try await summary(honest)) }
    }
    hp.proxy.stopRewriting()
    #expect(try await summary(honest).notes == [motivation])
    hp.tally.finish("unreadable reasons")
  }
}
