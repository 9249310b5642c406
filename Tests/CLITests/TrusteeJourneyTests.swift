import Foundation
import PSPConsent
import PSPWallet
import Testing

@testable import WalletCLIKit

/// The other roles end to end: Maria fills her wallet from a file and gives
/// Paul a one-shot procuration; Paul files her request (once only); the office
/// social reads it, acknowledges it and decides; Maria follows the request,
/// sees the decision's reasons, exports her data and verifies her log.
@Suite("Trustee and administration journey")
struct TrusteeJourneyTests {
  static let goodCSV = """
    field,value
    surname,Ferreira
    given_names,Maria
    birth_date,12/03/1985
    address,"12, rue de la Gare, L-8510 Redange"
    civil_status,divorcée
    request_subject,Aide pour payer la facture d'électricité

    """

  @Test func procurationFilingAcknowledgementDecision() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in [
      ("operator", "operateur"), ("administration", "office"), ("citizen", "maria"),
      ("trustee", "paul"),
    ] {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await journey(platform.cli, platform, home)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  func journey(_ cli: CLIHarness, _ platform: Platform, _ home: TemporaryFolder) async throws {
    try await platform.register(
      "office", id: "office-social-redange", title: "Office social de Redange",
      kind: "office-social",
      purposes: "aide-sociale")
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])

    // A file with two wrong lines saves nothing, and says which lines, not their values.
    let bad = home.file("bad.csv")
    try Data((Self.goodCSV + "iban,LU28 0019 4006 4475 0001\nnope,1\n").utf8).write(
      to: URL(fileURLWithPath: bad))
    let refused = await cli.run(["field", "import", bad, "--as", "maria"])
    #expect(refused.code == 1)
    #expect(refused.err.contains("  ligne 8, iban : Cet IBAN n'est pas correct"))
    #expect(refused.err.contains("  ligne 9, nope : ce n'est pas une donnée du portefeuille."))
    #expect(!refused.err.contains("4475"))
    #expect(refused.err.hasSuffix(Messages.importRefused(2).rendered(in: .french) + "\n"))
    #expect(
      try await cli.ok(["field", "list", "--as", "maria"]).contains(
        "Aucune donnée n'est encore remplie."))
    let good = home.file("good.csv")
    try Data(Self.goodCSV.utf8).write(to: URL(fileURLWithPath: good))
    #expect(
      try await cli.ok(["field", "import", good, "--as", "maria"]) == "6 données enregistrées.\n")

    // Maria names Paul from the public file he gave her.
    let paulPublic = try await cli.ok(["identity", "show", "--as", "paul", "--json"])
    try Data(paulPublic.utf8).write(to: URL(fileURLWithPath: home.file("paul.public.json")))
    struct Given: Decodable {
      let procuration: String
      let wallet: String
      let ownerKeyID: String
    }
    let given = try await cli.json(
      [
        "procuration", "create", "--as", "maria", "--to", home.file("paul.public.json"), "--once",
        "--purpose",
        "aide-sociale", "--at", "office-social-redange", "--yes",
      ], as: Given.self)

    // Paul files for her; the wallet must be the one whose key id she gave him.
    let mismatch = await cli.run([
      "filing", "create", "--as", "paul", "--on-behalf-of", given.wallet, "--owner-key-id",
      "k4.pid.not-hers",
      "--purpose", "aide-sociale", "--at", "office-social-redange", "--yes",
    ])
    #expect(mismatch.code == 1)
    #expect(mismatch.err == Messages.ownerMismatch.rendered(in: .french) + "\n")
    let file = [
      "filing", "create", "--as", "paul", "--on-behalf-of", given.wallet, "--owner-key-id",
      given.ownerKeyID,
      "--purpose", "aide-sociale", "--at", "office-social-redange", "--yes",
    ]
    struct Filed: Decodable {
      let filing: String
      let receipt: String
    }
    let filed = try await cli.json(file, as: Filed.self)
    // Paul keeps the proof that the request is in Maria's witnessed log.
    #expect(
      filed.receipt
        == home.file("paul.receipts/\(given.wallet)-\(filed.filing)-1.tlog-proof"))
    #expect(
      try String(contentsOfFile: filed.receipt, encoding: .utf8).hasPrefix(
        "c2sp.org/tlog-proof@v1\n"))
    // A second time: the one-shot procuration is used; his program knows it
    // (walletd lists it used) and sends nothing.
    let again = await cli.run(file)
    #expect(again.code == 1)
    #expect(again.err == Messages.noUsableProcuration.rendered(in: .french) + "\n", "\(again.err)")

    // The office social sees the grant of the request, reads, acknowledges, decides.
    struct Incoming: Decodable {
      let grant: String
      let filing: String?
      let fields: [String]
    }
    let incoming = try await cli.json(["admin", "grants", "--as", "office"], as: [Incoming].self)
    let forRequest = try #require(incoming.first { $0.filing == filed.filing })
    #expect(
      Set(forRequest.fields) == [
        "surname", "given_names", "birth_date", "address", "civil_status", "request_subject",
      ])
    let read = try await cli.ok([
      "admin", "read", "--as", "office", "--wallet", given.wallet, "--grant", forRequest.grant,
      "--purpose",
      "aide-sociale",
    ])
    #expect(read.contains("  address : 12, rue de la Gare, L-8510 Redange"))
    let today = Timestamp.rfc3339(Int64(Date().timeIntervalSince1970)).prefix(10)
    let acknowledged = try await cli.ok([
      "admin", "acknowledge", "--as", "office", "--wallet", given.wallet, "--filing", filed.filing,
      "--number",
      "OSR-2026-0042", "--registered-on", String(today), "--service", "Accueil social", "--phone",
      "+352 2000 0000",
    ])
    #expect(acknowledged.contains("La décision est due au plus tard le"))
    try await cli.ok([
      "admin", "decide", "--as", "office", "--wallet", given.wallet, "--filing", filed.filing,
      "--outcome", "granted",
      "--motivation", "Aide accordée pour la facture de novembre.", "--recourse",
      "Vous pouvez contester par écrit.",
    ])

    // Maria follows her request and reads the reasons, sealed to her.
    let list = try await cli.ok(["filing", "list", "--as", "maria"])
    #expect(list.contains("Aide de l'office social — Office social de Redange"))
    #expect(list.contains("décidée, n° OSR-2026-0042 — aide accordée"))
    let shown = try await cli.ok(["filing", "show", filed.filing, "--as", "maria"])
    #expect(shown.contains("  Motifs : Aide accordée pour la facture de novembre."))
    #expect(shown.contains("  Recours : Vous pouvez contester par écrit."))

    struct Status: Decodable {
      let fields: Int?
      let filings: Int?
      let closedAt: String?
    }
    let status = try await cli.json(["wallet", "status", "--as", "maria"], as: Status.self)
    #expect(status.fields == 6)
    #expect(status.filings == 1)
    #expect(status.closedAt == nil)

    // Her export: readable, labelled, only for her eyes (mode 0600).
    let export = home.file("mes-donnees.json")
    try await cli.ok(["wallet", "export", "--as", "maria", "--output", export])
    let exported = try String(contentsOfFile: export, encoding: .utf8)
    #expect(exported.contains("\"label\" : \"Votre nom de famille\""))
    #expect(exported.contains("\"value\" : \"12 mars 1985\""))
    #expect(
      (try FileManager.default.attributesOfItem(atPath: export)[.posixPermissions] as? Int) == 0o600
    )

    let log = try await cli.ok(["log", "--as", "maria"])
    // One request, filed by Paul; his second try was refused before it reached the filing.
    #expect(
      log.components(
        separatedBy:
          "votre personne de confiance paul a fait une demande pour « Aide de l'office social »"
      ).count == 2)
    #expect(log.contains("l'administration Office social de Redange a rendu sa décision"))
    #expect(log.hasPrefix("Votre journal est intact ("))
    #expect(!log.contains("ATTENTION"))
  }
}
