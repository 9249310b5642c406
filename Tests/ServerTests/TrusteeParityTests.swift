import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Synchronization
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// A personne de confiance does, through the client library over real HTTP,
/// what the citizen does, within the procuration: changes fields (sealing the
/// new versions to the grants they signed), gives, lists, pauses, resumes and
/// revokes grants. Each act outside the procuration's actions, reach or
/// period is refused by walletd and written to the citizen's log.
@Suite("Trustee parity")
struct TrusteeParityTests {
  static let address = "3, place de l'Église, L-8510 Redange"

  func value(_ field: FieldID, _ text: String) throws -> (FieldID, FieldValue) {
    (field, try FieldCatalogue.standard[field]!.validate(text))
  }

  func refusal(_ body: () async throws -> Void) async -> String? {
    do {
      try await body()
      return nil
    } catch let error as ClientError {
      if case .refused(let problem) = error { return problem.code }
      return "\(error)"
    } catch { return "\(error)" }
  }

  @Test func aTrusteeChangesFieldsWithinTheProcuration() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    let updating = try await h.paulsPersonalisedProcuration([.read, .update, .grant])
    let paul = TrusteeClient(transport: h.transport(h.paul))
    let owner = try await paul.ownerKey(wallet: wallet)
    _ = try await paul.procurations(wallet: wallet, ownerKey: owner)

    // A durable grant Paul gives, then a change he makes: the office reads the
    // new version, sealed to it by Paul with his next manifest.
    let grant = try await paul.grant(
      wallet: wallet, ownerKey: owner, procuration: updating, to: "office-social-redange",
      purpose: "aide-sociale", kind: .durable, days: 10, at: h.now)
    let notShared = try await paul.set(
      [try value("address", Self.address)], wallet: wallet, ownerKey: owner,
      procuration: updating, at: h.now)
    #expect(notShared.isEmpty)
    let read = try await h.office.read(wallet: wallet, grant: grant.id, purpose: "aide-sociale")
    let shown = try #require(read.values.first { $0.field == "address" })
    #expect(shown.value == .text(Self.address))
    #expect(read.withheld.isEmpty)

    // Maria sees his version, checked through his procuration, and her log says who wrote it.
    let hers = try await h.citizen.fields().first { $0.record.field == "address" }
    #expect(hers?.value == .text(Self.address))
    #expect(hers?.record.version == 2)
    let history = try await paul.history("address", wallet: wallet, ownerKey: owner)
    #expect(history.map(\.record.version) == [1, 2])
    let log = try await h.citizen.log()
    #expect(
      log.contains {
        $0.action == .fieldUpdated && $0.actor == h.paul.publicIdentity.keyID
          && $0.procuration == updating.id && $0.outcome == .allowed && $0.fields == ["address"]
      })

    // A grant Maria gave covering the address is not Paul's to seal to: he is told.
    _ = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", kind: .durable, days: 30, at: h.now)
    let pending = try await paul.set(
      [try value("address", "12, rue de la Gare, L-8510 Redange")], wallet: wallet,
      ownerKey: owner, procuration: updating, at: h.now)
    #expect(pending.count == 1)

    // Outside the procuration's reach (the employer is not in the aid): refused and logged.
    let outside = await refusal {
      try await paul.set(
        [try value("employer", "Cactus")], wallet: wallet, ownerKey: owner,
        procuration: updating, at: h.now)
    }
    #expect(outside == ConsentRefusal.procurationTooNarrow("circle").code)
    #expect(
      try await h.citizen.log().contains {
        $0.action == .fieldUpdated && $0.outcome == .refused && $0.fields == ["employer"]
          && $0.procuration == updating.id
      })
    #expect(try await h.citizen.fields().first { $0.record.field == "employer" } == nil)

    // Under a procuration without `update`: refused by walletd and logged.
    let reading = try await h.paulsPersonalisedProcuration([.read])
    let withoutUpdate = await refusal {
      try await paul.set(
        [try value("surname", "Silva")], wallet: wallet, ownerKey: owner, procuration: reading,
        at: h.now)
    }
    #expect(withoutUpdate == ConsentRefusal.actionNotAllowed("update").code)
    #expect(
      try await h.citizen.log().contains {
        $0.outcome == .refused && $0.procuration == reading.id
          && $0.actor == h.paul.publicIdentity.keyID
      })
    let surname = try await h.citizen.fields().first { $0.record.field == "surname" }
    #expect(surname?.record.version == 1)
  }

  @Test func aTrusteeManagesTheGrantsTheySigned() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    let granting = try await h.paulsPersonalisedProcuration([.read, .grant])
    let paul = TrusteeClient(transport: h.transport(h.paul))
    let owner = try await paul.ownerKey(wallet: wallet)
    let procurations = try await paul.procurations(wallet: wallet, ownerKey: owner)
    let grant = try await paul.grant(
      wallet: wallet, ownerKey: owner, procuration: granting, to: "office-social-redange",
      purpose: "aide-sociale", kind: .durable, days: 10, at: h.now)
    let marias = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", kind: .durable, days: 30, at: h.now)

    func state(_ id: StatementID) async throws -> GrantState? {
      try await paul.grants(wallet: wallet, ownerKey: owner, procurations: procurations)
        .first { $0.grant.id == id }?.state
    }
    // He sees both, each verified under Maria's key (his through his procuration).
    #expect(try await state(grant.id) == .active)
    #expect(try await state(marias.id) == .active)
    for (action, expected) in [(StatusAction.pause, GrantState.paused), (.resume, .active)] {
      try await paul.change(grant, action, wallet: wallet, procuration: granting, at: h.now)
      #expect(try await state(grant.id) == expected)
    }
    try await paul.change(grant, .revoke, wallet: wallet, procuration: granting, at: h.now)
    #expect(try await state(grant.id) == .revoked)
    #expect(try await h.citizen.grants().first { $0.grant.id == grant.id }?.state == .revoked)

    // Maria's grant is hers: walletd refuses Paul's pause, and logs it.
    let onMarias = await refusal {
      try await paul.change(marias, .pause, wallet: wallet, procuration: granting, at: h.now)
    }
    #expect(onMarias != nil)
    #expect(try await state(marias.id) == .active)

    // A grant for an aid outside the procuration is refused before anything is sent.
    let outside = await refusal {
      _ = try await paul.grant(
        wallet: wallet, ownerKey: owner, procuration: granting, to: "fns",
        purpose: "allocation-vie-chere", kind: .durable, days: 10, at: h.now)
    }
    #expect(outside != nil)
    #expect(try await h.citizen.grants().allSatisfy { $0.grant.claims.purpose == "aide-sociale" })

    // Without `grant` or `update`, the grants are not listed to him.
    let filing = try await h.paulsPersonalisedProcuration([.file])
    let listing = await refusal {
      _ = try await paul.grants(wallet: wallet, ownerKey: owner, procurations: [filing])
    }
    #expect(listing == nil, "walletd answers him while the granting procuration is in force")
    try await h.citizen.revoke(procuration: granting.id, at: h.now)
    let afterRevocation = await refusal {
      _ = try await paul.grants(wallet: wallet, ownerKey: owner, procurations: [filing])
    }
    #expect(afterRevocation != nil)
  }

  /// The period: once the procuration has ended, walletd refuses and logs.
  @Test func anEndedProcurationChangesNothing() async throws {
    // walletd's clock runs ahead when the test says so (within the 120 s a
    // session's request may be off), so that the end comes however slow the machine.
    let ahead = Atomic<Int64>(0)
    let h = try await ServerHarness.start(clock: {
      Int64(Date().timeIntervalSince1970) + ahead.load(ordering: .relaxed)
    })
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    // Given yesterday for a day: it ends in a minute; then walletd's clock
    // moves past its end.
    let ends = Int64(Date().timeIntervalSince1970) + 60
    let updating = try await h.citizen.procuration(
      to: h.paul.publicIdentity, kind: .personalised, purposes: ["aide-sociale"],
      administration: "office-social-redange", circle: nil, actions: [.read, .update], days: 1,
      at: ends - 86_400)
    let paul = TrusteeClient(transport: h.transport(h.paul))
    let owner = try await paul.ownerKey(wallet: wallet)
    ahead.store(ends + 30 - Int64(Date().timeIntervalSince1970), ordering: .relaxed)
    let late = await refusal {
      try await paul.set(
        [try value("address", Self.address)], wallet: wallet, ownerKey: owner,
        procuration: updating, at: h.now)
    }
    #expect(late == ConsentRefusal.procurationExpired.code)
    #expect(
      try await h.citizen.log().contains {
        $0.outcome == .refused && $0.procuration == updating.id
          && $0.reason == ConsentRefusal.procurationExpired.code
      })
  }

  /// A trustee is listed its own grants and those granting a field its
  /// procuration reaches, not the others.
  @Test func aTrusteeSeesOnlyTheGrantsItsProcurationConcerns() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    let upToDailyLife = try await h.citizen.procuration(
      to: h.paul.publicIdentity, kind: .personalised, purposes: [], administration: nil,
      circle: .personal, actions: [.read, .grant], days: 30, at: h.now)
    let ibanOnly = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", fields: ["iban"], kind: .durable, days: 30,
      at: h.now)
    let withSurname = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", fields: ["surname", "iban"],
      kind: .durable, days: 30, at: h.now)
    let paul = TrusteeClient(transport: h.transport(h.paul))
    let owner = try await paul.ownerKey(wallet: wallet)
    let seen = try await paul.grants(
      wallet: wallet, ownerKey: owner, procurations: [upToDailyLife]
    ).map(\.grant.id)
    #expect(seen.contains(withSurname.id))
    #expect(!seen.contains(ibanOnly.id))
    // The citizen sees both.
    let hers = try await h.citizen.grants().map(\.grant.id)
    #expect(hers.contains(ibanOnly.id) && hers.contains(withSurname.id))
  }
}
