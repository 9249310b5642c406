import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

/// The trusted person's pages over real HTTP, against a real walletd: Paul's
/// app lists no wallet, then Maria's, added by the reference typed from her
/// procuration sheet (with spaces, a line break, small letters); he sees
/// what her procuration allows, reads the fields it lets him read, files her
/// request after its preview and follows it. What the procuration does not
/// allow is not offered, and a hand-made form for it is refused with the
/// CLI's message, nothing done; a one-shot procuration serves once.
@Suite("The app in a browser: the trusted person's pages")
struct AppTrusteeTests {
  struct Given: Decodable {
    let procuration: String
    let reference: String
  }

  /// As the page shows a text: HTML-escaped.
  static func shown(_ text: String) -> String {
    AppTemplates.escape(text)
  }

  @Test func aOneShotProcurationFromTheSheetToTheRequest() async throws {
    try await Platform.runMariaAndFNS(also: [("trustee", "paul")]) { cli, platform, home in
      try await cli.ok(["field", "set", "given_names", "Maria", "--as", "maria"])
      let given = try await cli.json(
        [
          "procuration", "create", "--as", "maria", "--to", "paul", "--once", "--purpose",
          "allocation-vie-chere", "--at", "fns", "--actions", "read,file", "--yes",
        ], as: Given.self)
      let app = try await AppServer.start(cli, platform, as: "paul")
      defer { Task { await app.stop() } }
      let paul = try await AppVisit.unlocked(app, passphrase: try cli.passphrase())
      try await oneShot(paul, cli, given)
    }
  }

  func oneShot(_ paul: AppVisit, _ cli: CLIHarness, _ given: Given) async throws {
    let reference = given.reference
    let wallet = "/acting/\(reference)"

    // At first he acts for no one; the page says so and offers the form.
    let empty = try await paul.get("/")
    #expect(empty.body.contains(Self.shown(Messages.noWalletsActedFor.text.fr)), "\(empty.body)")
    #expect(empty.body.contains("<label for=\"reference\">"))
    #expect(try await paul.get("/acting").body == empty.body, "/acting is the same list")

    // Mistyped (a group left out): told in place, given back to correct, nothing kept.
    let short = String(reference.dropLast(5))
    let mistyped = try await paul.post("/acting", ["reference": short])
    #expect(mistyped.status == 200)
    #expect(mistyped.body.contains("role=\"alert\""))
    #expect(mistyped.body.contains(Self.shown(Messages.reference(.wrongLength(50)).text.fr)))
    #expect(mistyped.body.contains("value=\"\(short)\""))
    // The wallet number alone names no holder to check: the reference is asked for.
    let number = try await paul.post(
      "/acting", ["reference": String(try WalletReference(reference).wallet.description)])
    #expect(number.body.contains(Self.shown(Messages.appReferenceNeeded.text.fr)))
    // Without the form's token: refused, nothing done.
    let forged = try await paul.post("/acting", ["reference": reference], csrf: false)
    #expect(forged.status == 403)
    #expect(
      try await paul.get("/").body.contains(Self.shown(Messages.noWalletsActedFor.text.fr)))

    // A hostile address: refused plainly, nothing of it written back.
    let hostile = try await paul.get("/acting/%3Cscript%3Ealert(1)%3C%2Fscript%3E/fields")
    #expect(hostile.status == 200)
    #expect(hostile.body.contains("role=\"alert\""))
    #expect(!hostile.body.contains("<script") && !hostile.body.contains("alert(1)"))

    // Typed from paper: small letters, spaces for dashes, a line break.
    let groups = reference.lowercased().split(separator: "-")
    let typed =
      "  " + groups.prefix(6).joined(separator: " ") + "\r\n"
      + groups.dropFirst(6).joined(separator: "  ") + " "
    let added = try await paul.post("/acting", ["reference": typed])
    #expect(added.status == 303, "\(added.body)")
    #expect(added.headers["location"] == "\(wallet)?added=1")

    // Listed, with what the procuration allows and until when.
    let home = try await paul.get("/")
    #expect(home.body.contains("href=\"\(wallet)\""), "\(home.body)")
    #expect(home.body.contains("Procuration unique"))
    #expect(home.body.contains("Vous pouvez : "))
    #expect(home.body.contains(Self.shown(Words.trusteeAction(.read).fr)))
    #expect(home.body.contains(Self.shown(Words.action(.file).fr)))
    #expect(!home.body.contains(Self.shown(Words.trusteeAction(.update).fr)))

    // Her wallet: reading, the requests and the log are offered; changing
    // data and permissions are not.
    let page = try await paul.get(wallet)
    #expect(page.body.contains(Self.shown(Messages.actingFor(reference).fr)), "\(page.body)")
    #expect(page.body.contains("href=\"\(wallet)/fields\""))
    #expect(page.body.contains("href=\"\(wallet)/filings\""))
    #expect(page.body.contains("href=\"\(wallet)/log\""))
    #expect(!page.body.contains("\(wallet)/grants"))
    #expect(page.body.contains("value=\"fns|allocation-vie-chere\""))

    // The fields the procuration lets him read; no form to change them.
    let fields = try await paul.get("\(wallet)/fields")
    #expect(fields.body.contains("Ferreira"), "\(fields.body)")
    #expect(!fields.body.contains("action=\"\(wallet)/fields\""))
    // Forced by hand: the CLI's refusal, nothing written.
    let change = try await paul.post(
      "\(wallet)/fields", ["name": "surname", "value": "Dupont"])
    #expect(change.body.contains("role=\"alert\""))
    #expect(
      change.body.contains(Self.shown(Messages.trusteeNotAllowed(.update).text.fr)),
      "\(change.body)")
    #expect(try await cli.ok(["field", "get", "surname", "--as", "maria"]).contains("Ferreira"))
    let grant = try await paul.post("\(wallet)/grants", ["choice": "fns|allocation-vie-chere"])
    #expect(grant.body.contains(Self.shown(Messages.trusteeNotAllowed(.grant).text.fr)))
    #expect(
      try await paul.get("\(wallet)/grants").body.contains(
        Self.shown(Messages.trusteeNotAllowed(.grant).text.fr)))
    #expect(
      try await cli.ok(["grant", "list", "--as", "maria"]).contains(
        "Vous n'avez donné aucune permission."))

    // Her log, checked against the witnesses: his reading is in it.
    let log = try await paul.get("\(wallet)/log")
    #expect(log.body.contains(Self.shown(AppWords.Acted.walletLogIntact.fr)), "\(log.body)")

    // The request: what will be sent, then sent, then followed.
    let preview = try await paul.get("\(wallet)/file?choice=fns%7Callocation-vie-chere")
    #expect(preview.body.contains("<li>Votre nom de famille</li>"), "\(preview.body)")
    #expect(preview.body.contains("Fonds national de solidarité"))
    #expect(preview.body.contains(">Envoyer cette demande</button>"))
    struct Filed: Decodable { let filing: String }
    #expect(try await cli.json(["filing", "list", "--as", "maria"], as: [Filed].self).isEmpty)
    let sent = try await paul.post("\(wallet)/file", ["choice": "fns|allocation-vie-chere"])
    #expect(sent.status == 303, "\(sent.body)")
    let filed = try await cli.json(["filing", "list", "--as", "maria"], as: [Filed].self)
    #expect(filed.count == 1)
    let number1 = try #require(filed.first?.filing)
    #expect(sent.headers["location"] == "\(wallet)/filings/\(number1)?sent=1")
    let followed = try await paul.get("\(wallet)/filings/\(number1)?sent=1")
    #expect(followed.body.contains("Demande envoyée. Son numéro : \(number1)."))
    #expect(followed.body.contains("<h3>Étapes</h3>"), "\(followed.body)")
    let list = try await paul.get("\(wallet)/filings")
    #expect(list.body.contains("href=\"\(wallet)/filings/\(number1)\""), "\(list.body)")

    // A second time: the one-shot procuration is used; nothing is sent.
    let again = try await paul.post("\(wallet)/file", ["choice": "fns|allocation-vie-chere"])
    #expect(again.body.contains("role=\"alert\""))
    #expect(
      again.body.contains(Self.shown(Messages.noUsableProcuration.text.fr)), "\(again.body)")
    #expect(try await cli.json(["filing", "list", "--as", "maria"], as: [Filed].self).count == 1)
    // The wallet says there is no procuration in force, and nothing is offered
    // but following the request.
    let after = try await paul.get(wallet)
    #expect(
      after.body.contains(Self.shown(AppWords.Acted.noProcurationInForce.fr)), "\(after.body)")
    #expect(!after.body.contains("\(wallet)/fields"))
    #expect(!after.body.contains("\(wallet)/file\""))
    #expect(
      try await paul.get("\(wallet)/filings").body.contains("href=\"\(wallet)/filings/\(number1)\"")
    )
    #expect(
      try await paul.get("\(wallet)/fields").body.contains(
        Self.shown(Messages.trusteeNoProcuration.text.fr)))
  }

  @Test func aPersonalisedProcurationChangesDataAndPermissions() async throws {
    try await Platform.runMariaAndFNS(also: [("trustee", "paul")]) { cli, platform, home in
      let given = try await cli.json(
        [
          "procuration", "create", "--as", "maria", "--to", "paul", "--purposes",
          "allocation-vie-chere", "--actions", "read,update,grant", "--days", "30", "--yes",
        ], as: Given.self)
      struct Created: Decodable { let grant: String }
      let hers = try await cli.json(
        [
          "grant", "create", "--as", "maria", "--to", "fns", "--purpose", "allocation-vie-chere",
          "--yes",
        ], as: Created.self)
      let app = try await AppServer.start(cli, platform, as: "paul")
      defer { Task { await app.stop() } }
      let paul = try await AppVisit.unlocked(app, passphrase: try cli.passphrase())
      try await personalised(paul, cli, given, hers: hers.grant)
    }
  }

  func personalised(_ paul: AppVisit, _ cli: CLIHarness, _ given: Given, hers: String) async throws
  {
    let wallet = "/acting/\(given.reference)"
    #expect(try await paul.post("/acting", ["reference": given.reference]).status == 303)
    let page = try await paul.get(wallet)
    #expect(page.body.contains("Procuration personnalisée"), "\(page.body)")
    #expect(page.body.contains("href=\"\(wallet)/grants\""))
    // No procuration allows filing: not offered.
    #expect(!page.body.contains("\(wallet)/file\""))

    // A wrong value: told in place, given back to correct, nothing saved.
    let form = try await paul.get("\(wallet)/fields")
    #expect(form.body.contains("action=\"\(wallet)/fields\""), "\(form.body)")
    let wrong = try await paul.post(
      "\(wallet)/fields", ["name": "iban", "value": "LU28 0019 4006 4475 0001"])
    #expect(wrong.body.contains("role=\"alert\""))
    #expect(wrong.body.contains("value=\"LU28 0019 4006 4475 0001\""))
    #expect(
      !(try await cli.ok(["field", "list", "--as", "maria"])).contains("LU28"))
    // A right one: saved, and Maria sees it.
    let saved = try await paul.post(
      "\(wallet)/fields", ["name": "surname", "value": "Ferreira Santos"])
    #expect(saved.status == 303, "\(saved.body)")
    #expect(
      try await cli.ok(["field", "get", "surname", "--as", "maria"]).contains("Ferreira Santos"))
    let location = try #require(saved.headers["location"])
    #expect(try await paul.get(location).body.contains("Enregistré."))

    // Her permission: shown as hers, not his to change; forced by hand, refused.
    let grants = try await paul.get("\(wallet)/grants")
    #expect(grants.body.contains(Self.shown(AppWords.Acted.givenByPerson.fr)), "\(grants.body)")
    #expect(!grants.body.contains("name=\"grant\" value=\"\(hers)\""))
    let notHis = try await paul.post(
      "\(wallet)/grants/change", ["grant": hers, "action": "pause"])
    #expect(notHis.body.contains(Self.shown(Messages.trusteeNotTheirGrant.text.fr)))
    #expect(
      try await cli.ok(["grant", "list", "--as", "maria"]).contains(
        Words.grantState(.active).fr))

    // His own: seen field by field, given, paused, withdrawn for good only once ticked.
    let preview = try await paul.get("\(wallet)/grants/new?choice=fns%7Callocation-vie-chere")
    #expect(preview.body.contains("<li>Votre nom de famille</li>"), "\(preview.body)")
    let gave = try await paul.post("\(wallet)/grants", ["choice": "fns|allocation-vie-chere"])
    #expect(gave.status == 303, "\(gave.body)")
    let listed = try await paul.get("\(wallet)/grants")
    #expect(listed.body.contains(Self.shown(AppWords.Acted.givenByYou.fr)))
    let mine = try #require(
      listed.body.components(separatedBy: "name=\"grant\" value=\"").dropFirst().first?.prefix {
        $0 != "\""
      })
    #expect(String(mine) != hers)
    _ = try await paul.post("\(wallet)/grants/change", ["grant": String(mine), "action": "pause"])
    #expect(
      try await paul.get("\(wallet)/grants").body.contains(Words.grantState(.paused).fr))
    let unticked = try await paul.post(
      "\(wallet)/grants/change", ["grant": String(mine), "action": "revoke"])
    #expect(unticked.body.contains(Self.shown(Messages.notConfirmed.text.fr)), "\(unticked.body)")
    let revoked = try await paul.post(
      "\(wallet)/grants/change", ["grant": String(mine), "action": "revoke", "confirm": "yes"])
    #expect(revoked.status == 303)
    #expect(
      try await cli.ok(["grant", "list", "--as", "maria"]).contains(
        Words.grantState(.revoked).fr))

    // Once Maria withdraws the procuration, nothing is offered and a form is refused.
    try await cli.ok(["procuration", "revoke", given.procuration, "--as", "maria", "--yes"])
    let after = try await paul.post(
      "\(wallet)/fields", ["name": "surname", "value": "Dupont"])
    #expect(after.body.contains(Self.shown(Messages.trusteeNoProcuration.text.fr)), "\(after.body)")
    #expect(
      try await cli.ok(["field", "get", "surname", "--as", "maria"]).contains("Ferreira Santos"))
  }
}
