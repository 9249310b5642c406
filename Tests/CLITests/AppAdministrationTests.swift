import Foundation
import Testing

@testable import WalletCLIKit

/// The administration's pages over real HTTP against a real walletd: the FNS
/// sees the grants Maria gave it and her request, reads under a grant with a
/// button (fields shown, receipt kept and said), acknowledges and decides
/// the request (Maria's CLI sees the decision and its reasons), and is
/// refused what the CLI refuses — a withdrawn grant, an unknown number, a
/// form without its token, a GET on an action — with nothing done.
@Suite("The app in a browser: the administration's pages")
struct AppAdministrationTests {
  struct Listed: Decodable { let grant: String }
  struct Filed: Decodable { let filing: String }

  @Test func grantsReadAcknowledgeDecide() async throws {
    try await Platform.runMariaAndFNS { cli, platform, home in
      try await cli.ok(["field", "set", "given_names", "Maria", "--as", "maria"])
      try await cli.ok(["field", "set", "iban", "LU28 0019 4006 4475 0000", "--as", "maria"])
      try await cli.ok([
        "grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--days", "30",
        "--yes", "--as", "maria",
      ])
      let grant = try #require(
        try await cli.json(["grant", "list", "--as", "maria"], as: [Listed].self).first
      ).grant
      let filed = try await cli.json(
        [
          "filing", "create", "--as", "maria", "--purpose", "allocation-vie-chere", "--at", "fns",
          "--yes",
        ], as: Filed.self)
      let wallet = try #require(
        HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"].wallet)

      let app = try await AppServer.start(cli, platform, as: "fns")
      defer { Task { await app.stop() } }
      let page = try await AppVisit.unlocked(app, passphrase: try cli.passphrase())
      let receipts = home.file("fns.receipts")
      func kept() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: receipts)) ?? []
      }

      // Who it is and what it received: the grant, and the request (to read first).
      let first = try await page.get("/").body
      #expect(
        first.contains("<dt>Administration</dt><dd>Fonds national de solidarité</dd>"), "\(first)")
      #expect(first.contains("<h2>Permissions reçues</h2>"))
      #expect(first.contains("value=\"\(grant)\""))
      #expect(first.contains("<code>\(wallet)</code>"))
      #expect(first.contains("Votre nom de famille (surname)"))
      #expect(first.contains("en cours"))
      #expect(first.contains("<h2>Demandes reçues</h2>"))
      #expect(first.contains(e(AppWords.adminReadFirst.text.fr)))
      #expect(!first.contains("action=\"/received/acknowledge\""), "not before a reading")
      #expect(try await page.get("/received").body == first)

      // Refused with nothing done: no token, a GET, an unknown or hostile number.
      let noToken = try await page.post(
        "/received/read", ["wallet": wallet, "grant": grant], csrf: false)
      #expect(noToken.status == 403)
      let get = try await page.get("/received/read?wallet=\(wallet)&grant=\(grant)")
      #expect(get.status != 200)
      let unknown = try await page.post(
        "/received/read", ["wallet": wallet, "grant": "AAAAAAAAAAAAAAAAAAAAAA"])
      #expect(unknown.body.contains("role=\"alert\">\(e(AppWords.adminGrantNotFound.text.fr))"))
      let hostile = try await page.post(
        "/received/read", ["wallet": "<script>alert(1)</script>", "grant": "\"><b>x"])
      #expect(hostile.status == 200)
      #expect(hostile.body.contains(e(AppWords.adminGrantNotFound.text.fr)))
      #expect(!hostile.body.contains("<script>") && !hostile.body.contains("<b>x"))
      #expect(kept().isEmpty, "no reading was made")

      // The reading: the fields opened here, the receipt kept and said.
      let read = try await page.post("/received/read", ["wallet": wallet, "grant": grant])
      #expect(read.status == 200)
      #expect(read.body.contains(e("3 donnée(s) lue(s) pour « Allocation de vie chère » :")))
      #expect(read.body.contains("<dd>Ferreira</dd>"), "\(read.body)")
      #expect(read.body.contains("<dd>LU28 0019 4006 4475 0000</dd>"))
      let receipt = receipts + "/\(wallet)-\(grant)-1.tlog-proof"
      #expect(
        read.body.contains(
          e(
            "Reçu gardé (la preuve que cette lecture est inscrite au journal de la personne, confirmée par les témoins) : \(receipt)"
          )))
      #expect(
        try String(contentsOfFile: receipt, encoding: .utf8).hasPrefix("c2sp.org/tlog-proof@v1\n"))
      #expect(
        try await cli.ok(["log", "--as", "maria"]).contains("Fonds national de solidarité a lu"))
      #expect(
        !(try await page.get("/received").body).contains("Ferreira"), "shown once, in its answer")

      // The request, now verified: acknowledged (wrong forms told in place, nothing sent).
      let listed = try await page.get("/received").body
      #expect(listed.contains("action=\"/received/acknowledge\""), "\(listed)")
      #expect(listed.contains("<dd>envoyée</dd>"))
      let ack = [
        "wallet": wallet, "filing": filed.filing, "number": "OSR-2026-0042", "registered": "",
        "service": "Accueil social", "phone": "+352 2000 0000",
      ]
      var empty = ack
      empty["number"] = "  "
      let noNumber = try await page.post("/received/acknowledge", empty)
      #expect(noNumber.body.contains("role=\"alert\">\(e(AppWords.adminNumberEmpty.text.fr))"))
      #expect(noNumber.body.contains("value=\"Accueil social\""), "given back to correct")
      var noContact = ack
      noContact["phone"] = nil
      #expect(
        try await page.post("/received/acknowledge", noContact).body.contains(
          e(AppWords.adminContactMissing.text.fr)))
      var badDay = ack
      badDay["registered"] = "12/03/2026"
      #expect(
        try await page.post("/received/acknowledge", badDay).body.contains(
          e(AppWords.adminDateMalformed.text.fr)))
      var early = ack
      early["registered"] = "2020-01-02"
      #expect(
        try await page.post("/received/acknowledge", early).body.contains(
          "La demande a été faite le"))
      var stranger = ack
      stranger["filing"] = "AAAAAAAAAAAAAAAAAAAAAA"
      #expect(
        try await page.post("/received/acknowledge", stranger).body.contains(
          e(AppWords.adminFilingNotFound.text.fr)))
      #expect(
        try await cli.ok(["filing", "show", filed.filing, "--as", "maria"]).contains("OSR")
          == false,
        "nothing was sent")
      let acknowledged = try await page.post("/received/acknowledge", ack)
      #expect(
        acknowledged.body.contains("Accusé de réception envoyé : demande n° OSR-2026-0042."),
        "\(acknowledged.body)")
      // The allowance has no legal deadline: no due date is made up (see the office social's).
      #expect(!acknowledged.body.contains("La décision est due"))
      #expect(acknowledged.body.contains("reçue (accusé de réception), n° OSR-2026-0042"))
      #expect(acknowledged.body.contains("action=\"/received/decide\""))

      // Decided: not without the tick, nor without reasons; then sent, sealed to Maria.
      let decision = [
        "wallet": wallet, "filing": filed.filing, "outcome": "refused",
        "motivation": "Les revenus dépassent le plafond.",
        "recourse": "Vous pouvez contester par écrit.", "confirm": "yes",
      ]
      var unticked = decision
      unticked["confirm"] = nil
      let notTicked = try await page.post("/received/decide", unticked)
      #expect(notTicked.body.contains(e(AppWords.adminNotConfirmed.text.fr)))
      #expect(notTicked.body.contains(">Les revenus dépassent le plafond.</textarea>"))
      #expect(notTicked.body.contains("value=\"refused\" selected"))
      var reasonless = decision
      reasonless["motivation"] = " "
      #expect(
        try await page.post("/received/decide", reasonless).body.contains(
          e(AppWords.adminDecisionIncomplete.text.fr)))
      #expect(
        !(try await cli.ok(["filing", "show", filed.filing, "--as", "maria"])).contains(
          "Motifs"), "nothing was sent")
      let decided = try await page.post("/received/decide", decision)
      #expect(
        decided.body.contains(
          e("Décision envoyée : aide refusée. Les motifs sont scellés pour la personne.")),
        "\(decided.body)")
      #expect(decided.body.contains("décidée, n° OSR-2026-0042 — aide refusée"))
      #expect(!decided.body.contains("action=\"/received/decide\""), "decided once")
      let shown = try await cli.ok(["filing", "show", filed.filing, "--as", "maria"])
      #expect(shown.contains("aide refusée"), "\(shown)")
      #expect(shown.contains("  Motifs : Les revenus dépassent le plafond."))
      #expect(shown.contains("  Recours : Vous pouvez contester par écrit."))

      // Maria withdraws the grant: its reading is refused with the CLI's message.
      try await cli.ok(["grant", "revoke", grant, "--as", "maria", "--yes"])
      let withdrawn = try await page.get("/received").body
      #expect(withdrawn.contains("retirée"))
      let refused = try await page.post("/received/read", ["wallet": wallet, "grant": grant])
      let byCLI = await cli.run([
        "admin", "read", "--as", "fns", "--wallet", wallet, "--grant", grant, "--purpose",
        "allocation-vie-chere",
      ])
      #expect(byCLI.code != 0)
      let said = try #require(byCLI.err.split(separator: "\n").first)
        .dropFirst(Message.prefix.count)
      #expect(refused.body.contains("role=\"alert\">\(e(String(said)))"), "\(refused.body)")
      #expect(!refused.body.contains("<dd>Ferreira</dd>"))
      #expect(kept().count == 1, "no receipt for a refused reading")
    }
  }

  /// An aid with a legal deadline: the acknowledgement says the due date the
  /// law gives (25 working days for an office social), as Maria's CLI shows it.
  @Test func theDueDateIsTheLegalOne() async throws {
    try await Platform.run([
      ("operator", "operateur"), ("administration", "office"), ("citizen", "maria"),
    ]) { cli, platform, _ in
      try await platform.registerOfficeSocial()
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
      let filed = try await cli.json(
        [
          "filing", "create", "--as", "maria", "--purpose", "aide-sociale", "--at",
          "office-social-redange", "--yes",
        ], as: Filed.self)
      let wallet = try #require(
        HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"].wallet)
      let app = try await AppServer.start(cli, platform, as: "office")
      defer { Task { await app.stop() } }
      let page = try await AppVisit.unlocked(app, passphrase: try cli.passphrase())
      // Before any reading the request cannot be answered: the key to seal to is not known.
      let early = try await page.post(
        "/received/acknowledge",
        [
          "wallet": wallet, "filing": filed.filing, "number": "OSR-1", "service": "Accueil",
          "phone": "+352 2000 0000",
        ])
      #expect(early.body.contains(e(AppWords.adminReadFirst.text.fr)), "\(early.body)")
      let listed = try await page.get("/received").body
      let grant = try #require(
        listed.components(separatedBy: "name=\"grant\" value=\"").dropFirst().first?.prefix {
          $0 != "\""
        })
      let read = try await page.post("/received/read", ["wallet": wallet, "grant": String(grant)])
      #expect(read.body.contains("<dd>Ferreira</dd>"), "\(read.body)")
      let acknowledged = try await page.post(
        "/received/acknowledge",
        [
          "wallet": wallet, "filing": filed.filing, "number": "OSR-1", "registered": "",
          "service": "Accueil", "phone": "+352 2000 0000",
        ])
      #expect(
        acknowledged.body.contains("Accusé de réception envoyé : demande n° OSR-1."),
        "\(acknowledged.body)")
      let due = try #require(
        acknowledged.body.components(separatedBy: "La décision est due au plus tard le ")
          .dropFirst().first?.prefix { $0 != "." })
      #expect(acknowledged.body.contains("décision au plus tard le \(due)"))
      let list = try await cli.ok(["filing", "list", "--as", "maria"])
      #expect(list.contains("n° OSR-1 ; décision au plus tard le \(due)"), "\(list)")
    }
  }

  /// A citizen's session has no administration pages.
  @Test func aCitizenIsNotAnAdministration() async throws {
    try await Platform.run([("operator", "operateur"), ("citizen", "maria")]) {
      cli, platform, _ in
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      let app = try await AppServer.start(cli, platform, as: "maria")
      defer { Task { await app.stop() } }
      let page = try await AppVisit.unlocked(app, passphrase: try cli.passphrase())
      let received = try await page.get("/received").body
      #expect(
        received.contains(
          "role=\"alert\">"
            + e(Messages.wrongRole("maria", is: .citizen, needs: [.administration]).text.fr)))
      #expect(!received.contains("<h2>"), "nothing of an administration's page")
      let read = try await page.post(
        "/received/read", ["wallet": "AAAAAAAAAAAAAAAAAAAAAA", "grant": "AAAAAAAAAAAAAAAAAAAAAA"])
      #expect(read.body.contains("role=\"alert\""))
    }
  }

  /// As the page writes a text (HTML-escaped).
  func e(_ text: String) -> String { AppTemplates.escape(text) }
}
