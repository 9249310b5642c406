import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// A decision's reasons sealed to the trustee who filed the request as well
/// as to the citizen (api.md §7.15, consent.md §19), over real HTTP: Paul
/// files for Maria, the office social decides, both read the reasons; a
/// note rewritten behind walletd's back is counted unreadable, never shown;
/// walletd refuses a filer's note for the citizen's own request; and the
/// administration posts nothing when the procuration does not verify.
@Suite("Notes sealed to the trustee who filed")
struct FilerNoteTests {
  static let motivation = "Aide accordée pour la facture d'électricité de novembre."

  /// Paul's filing for Maria, read by the office social (the citizen's key
  /// pinned there) and acknowledged.
  static func paulsAcknowledgedFiling(_ hp: HostilePlatform, office: AdministrationClient)
    async throws -> (filing: FilingView, citizenKey: AgreementPublicKey)
  {
    let h = hp.h
    let procuration = try await h.paulsProcuration()
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    let filing = try await trustee.file(
      wallet: hp.wallet, ownerKey: try await trustee.ownerKey(wallet: hp.wallet),
      procuration: procuration, purpose: "aide-sociale", at: "office-social-redange", at: h.now)
    return (filing, try await acknowledged(filing, hp, office: office))
  }

  /// Reads the filing's grant and acknowledges it; the citizen's X25519 key.
  static func acknowledged(
    _ filing: FilingView, _ hp: HostilePlatform, office: AdministrationClient
  ) async throws -> AgreementPublicKey {
    let h = hp.h
    let seen = try await office.read(
      wallet: hp.wallet, grant: try filingGrant(filing), purpose: "aide-sociale")
    _ = try await office.acknowledge(
      wallet: hp.wallet, filing: filing, number: "OSR-2026-0042",
      registeredOn: try CivilDate(daysSinceUnixEpoch: Int(h.now / 86_400)),
      contact: .init(service: "Accueil social", phone: "+352 2000 0000", email: nil),
      at: h.now + 60)
    return seen.ownerEncryptionKey
  }

  static func paulsSummary(_ hp: HostilePlatform, _ filing: FilingView) async throws
    -> FilingSummary
  {
    // Maria's key as Paul knows it (she gave him its id); his one-shot
    // procuration is used, so walletd no longer answers him `ownerKey`.
    let trustee = TrusteeClient(transport: hp.h.transport(hp.h.paul))
    let ownerKey = hp.h.maria.signingKey.publicKey
    return try #require(
      try await trustee.filings(wallet: hp.wallet, ownerKey: ownerKey).first {
        $0.filing.id == filing.id
      })
  }

  static func mariasSummary(_ hp: HostilePlatform, _ filing: FilingView) async throws
    -> FilingSummary
  {
    try #require(try await hp.h.citizen.filings().first { $0.filing.id == filing.id })
  }

  @Test func theTrusteeWhoFiledReadsTheReasonsAndATamperedNoteIsNotShown() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let (filing, citizenKey) = try await Self.paulsAcknowledgedFiling(hp, office: h.office)
    try await h.office.decide(
      wallet: hp.wallet, filing: filing, outcome: .granted, motivation: Self.motivation,
      recourse: "Vous pouvez contester par écrit.", citizenKey: citizenKey, at: h.now + 120)

    let pauls = try await Self.paulsSummary(hp, filing)
    #expect(pauls.notes == [Self.motivation] && pauls.unreadableNotes == 0)
    #expect(pauls.timeline.status == .decided)
    #expect(pauls.recourse == "Vous pouvez contester par écrit.")
    let marias = try await Self.mariasSummary(hp, filing)
    #expect(marias.notes == [Self.motivation] && marias.unreadableNotes == 0)

    // walletd's rows rewritten behind its back: another text sealed to Paul
    // (not the one the administration signed), then Maria's own box.
    let db = try h.database()
    let rows = try db.query(
      "SELECT id, sealed_note FROM filing_responses WHERE filing = ? ORDER BY position",
      [.text(filing.id.rawValue)])
    #expect(rows.count == 2)
    let decision = try #require(rows.last)
    let decisionID = try #require(decision[0].text)
    let mariasBox = try #require(decision[1].blob)
    for forged in [
      try FilingNote.seal("Aide refusée : dossier incomplet.", to: h.paul.encryptionKey.publicKey),
      mariasBox,
    ] {
      try db.query(
        "UPDATE filing_responses SET sealed_note_for_filer = ? WHERE id = ?",
        [.blob(forged), .text(decisionID)])
      let tampered = try await Self.paulsSummary(hp, filing)
      #expect(tampered.notes.isEmpty && tampered.unreadableNotes == 1)
      #expect(try await Self.mariasSummary(hp, filing).notes == [Self.motivation])
    }
    // Only Maria's box left: Paul is told a note did not open.
    try db.query(
      "UPDATE filing_responses SET sealed_note_for_filer = NULL WHERE id = ?",
      [.text(decisionID)])
    let dropped = try await Self.paulsSummary(hp, filing)
    #expect(dropped.notes.isEmpty && dropped.unreadableNotes == 1)
  }

  @Test func walletdRefusesAFilersNoteThatCannotBeOne() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let raw = try await RawClient.open(h.url, identity: h.officeID)
    var counter: UInt64 = 0
    func post(_ filing: FilingView, note: [UInt8]?, forFiler: [UInt8]?) async throws -> (
      Int, String?
    ) {
      counter += 1
      let claims = FilingResponseClaims(
        wallet: hp.wallet, filing: filing.id, issuer: h.officeID.publicIdentity.keyID,
        kind: .decided, issuedAt: h.now + 120, outcome: .granted, recourse: "Recours possible.",
        noteDigest: FilingNote.digest(Self.motivation, filing: filing.id))
      let token = try SignedStatement.sign(
        claims, type: FilingResponseClaims.type, with: h.officeID.signingKey)
      let body = FilingResponseRequest(
        token: token, sealedNote: note.map(Bytes.init), sealedNoteForFiler: forFiler.map(Bytes.init)
      )
      let (status, data) = try await raw.request(
        "POST", "/v1/wallets/\(hp.wallet)/filings/\(filing.id)/responses",
        body: Array(try JSONEncoder().encode(body)), counter: counter)
      return (status, RawClient.problem(data)?.detail)
    }
    let paulsKey = h.paul.encryptionKey.publicKey
    let mariasKey = h.maria.encryptionKey.publicKey

    // Maria's own request: there is no filer to seal to.
    let own = try await h.citizen.file(
      purpose: "aide-sociale", at: "office-social-redange", at: h.now)
    _ = try await Self.acknowledged(own, hp, office: h.office)
    let forOwner = try await post(
      own, note: try FilingNote.seal(Self.motivation, to: mariasKey),
      forFiler: try FilingNote.seal(Self.motivation, to: paulsKey))
    #expect(forOwner.0 == 400)
    #expect(forOwner.1 == "sealedNoteForFiler is only for a request a trustee filed")

    // Paul's request: the filer's note comes with Maria's, of the same length.
    let (pauls, citizenKey) = try await Self.paulsAcknowledgedFiling(hp, office: h.office)
    let alone = try await post(
      pauls, note: nil, forFiler: try FilingNote.seal(Self.motivation, to: paulsKey))
    #expect(alone.0 == 400)
    #expect(alone.1 == "sealedNoteForFiler must come with sealedNote, of the same length")
    let longer = try await post(
      pauls, note: try FilingNote.seal(Self.motivation, to: mariasKey),
      forFiler: try FilingNote.seal(Self.motivation + " ", to: paulsKey))
    #expect(longer.0 == 400)
    // Nothing was stored: the decision can still be posted.
    try await h.office.decide(
      wallet: hp.wallet, filing: pauls, outcome: .granted, motivation: Self.motivation,
      recourse: "Recours possible.", citizenKey: citizenKey, at: h.now + 120)
    #expect(try await Self.paulsSummary(hp, pauls).notes == [Self.motivation])
    // The citizen's own request, decided as before: one note, hers.
    try await h.office.decide(
      wallet: hp.wallet, filing: own, outcome: .granted, motivation: Self.motivation,
      recourse: "Recours possible.", citizenKey: citizenKey, at: h.now + 120)
    #expect(try await Self.mariasSummary(hp, own).notes == [Self.motivation])
    let stored = try h.database().query(
      "SELECT sealed_note_for_filer FROM filing_responses WHERE filing = ?",
      [.text(own.id.rawValue)])
    #expect(stored.count == 2 && stored.allSatisfy { $0[0].blob == nil })
  }

  /// The procuration walletd lists is the only source of Paul's key: left
  /// out, or replaced by one Maria did not sign, the decision is not posted
  /// (never sealed to a key the administration could not verify).
  @Test func theAdministrationPostsNothingWhenTheProcurationDoesNotVerify() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let office = AdministrationClient(transport: hp.transport(h.officeID))
    let (filing, citizenKey) = try await Self.paulsAcknowledgedFiling(hp, office: office)
    let path = "/v1/wallets/\(hp.wallet)/filings"
    let platform = hp.platform
    let forged = try SignedStatement.sign(
      ProcurationClaims(
        id: try #require(SignedStatement.unverifiedProcuration(of: filing.filing)),
        wallet: hp.wallet, owner: h.maria.publicIdentity.keyID,
        trustee: PublicIdentity(
          kind: .trustee, signingKey: h.paul.signingKey.publicKey,
          encryptionKey: platform.encryptionKey.publicKey),
        kind: .oneShot, purposes: ["aide-sociale"],
        administration: h.officeID.publicIdentity.keyID, circle: nil, actions: [.file],
        issuedAt: h.now, notBefore: h.now, expires: h.now + 86_400),
      type: ProcurationClaims.type, with: platform.signingKey)
    for procurations in [[], [forged]] {
      hp.proxy.rewrite("GET", path) { answer in
        let view = try JSONDecoder().decode(FilingsView.self, from: Data(answer.body))
        return .init(
          status: answer.status,
          body: try encodeJSON(FilingsView(filings: view.filings, procurations: procurations)))
      }
      await #expect(throws: ClientError.self) {
        try await office.decide(
          wallet: hp.wallet, filing: filing, outcome: .granted, motivation: Self.motivation,
          recourse: "Recours possible.", citizenKey: citizenKey, at: h.now + 120)
      }
      #expect(try await Self.mariasSummary(hp, filing).timeline.status == .acknowledged)
    }
    hp.proxy.stopRewriting()
    try await office.decide(
      wallet: hp.wallet, filing: filing, outcome: .granted, motivation: Self.motivation,
      recourse: "Recours possible.", citizenKey: citizenKey, at: h.now + 120)
    #expect(try await Self.paulsSummary(hp, filing).notes == [Self.motivation])
  }
}
