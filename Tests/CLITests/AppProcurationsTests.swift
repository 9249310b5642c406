import Foundation
import PSPConsent
import PSPWallet
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import WalletCLIKit

/// Maria's procurations in the app, over real HTTP against a real walletd,
/// with Paul, a trusted person in the same folder: none at first; a new one
/// shown in the CLI's words before anything is signed; wrong or hostile
/// choices told in place with nothing signed; one personalised and one
/// one-shot given, each with the reference Paul then uses with the CLI;
/// listed newest first with their sheet; withdrawn only once "for good" is
/// ticked, and then Paul can no longer act.
@Suite("The app in a browser: procurations")
struct AppProcurationsTests {
  @Test func mariaGivesAndWithdrawsProcurations() async throws {
    try await Platform.run([
      ("operator", "operateur"), ("administration", "fns"), ("administration", "office"),
      ("citizen", "maria"), ("trustee", "paul"),
    ]) { cli, platform, home in
      try await platform.registerOfficeSocial()
      try await platform.registerFNS()
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      let csv = home.file("maria.csv")
      try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: csv))
      try await cli.ok(["field", "import", csv, "--as", "maria"])
      let app = try await AppServer.start(cli, platform, as: "maria")
      defer { Task { await app.stop() } }
      let passphrase = try cli.passphrase()
      try await journey(app, cli, passphrase: passphrase)

      // Giving procurations stays the citizen's own: Paul's app refuses, nothing signed.
      let paulApp = try await AppServer.start(cli, platform, as: "paul")
      defer { Task { await paulApp.stop() } }
      let paul = try await open(paulApp, passphrase: passphrase, at: "/")
      let before = try await cli.ok(["procuration", "list", "--as", "maria"])
      refused(try await paul.get("/procurations"), Messages.citizenOnly("paul"), "Paul's list")
      refused(
        try await paul.post(
          "/procurations",
          [
            ("to", "paul"), ("kind", "personalised"), ("action", "read"), ("circle", "1"),
            ("confirm", "yes"),
          ]), Messages.citizenOnly("paul"), "Paul gives")
      #expect(try await cli.ok(["procuration", "list", "--as", "maria"]) == before)
    }
  }

  /// A text as the page shows it (escaped as the templates escape).
  func shown(_ text: LocalizedText) -> String { AppTemplates.escape(text.fr) }
  func shown(_ text: String) -> String { AppTemplates.escape(text) }

  /// Told in place: the message on the page, as an alert, and nothing else done.
  func refused(
    _ answer: (status: Int, headers: [String: String], body: String), _ message: Message,
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(answer.status == 200, "\(what)", sourceLocation: sourceLocation)
    #expect(
      answer.body.contains("role=\"alert\">\(shown(message.text))</p>"),
      "\(what): \(answer.body)", sourceLocation: sourceLocation)
    #expect(
      !answer.body.contains("<input type=\"hidden\" name=\"confirm\" value=\"yes\">"),
      "\(what): no preview",
      sourceLocation: sourceLocation)
  }

  /// The browser that opened the app's printed address: refused while
  /// locked (the form's token on the page), then unlocked with the passphrase.
  func open(_ app: AppServer, passphrase: String, at page: String) async throws -> AppVisit {
    let visit = try await AppVisit(app)
    let locked = try await visit.get(page)
    #expect(locked.body.contains("name=\"passphrase\""), "locked: the passphrase is asked")
    #expect(AppVisit.value(of: "csrf", in: locked.body) == visit.csrf)
    #expect(try await visit.post("/unlock", [("passphrase", passphrase)]).status == 303)
    return visit
  }

  func journey(_ app: AppServer, _ cli: CLIHarness, passphrase: String) async throws {
    let session = try await open(app, passphrase: passphrase, at: "/procurations")
    let (browser, base, cookie) = (session.browser, session.base, session.cookie)

    // None yet.
    let none = try await session.get("/procurations")
    #expect(none.body.contains("<p>\(shown(ProcurationWords.none))</p>"), "\(none.body)")
    #expect(none.body.contains("href=\"/procurations/new\""))

    // The form: the trusted persons of this folder (not Maria, not an administration).
    let form = try await session.get("/procurations/new")
    #expect(form.body.contains("<option value=\"paul\">paul</option>"), "\(form.body)")
    #expect(
      !form.body.contains("<option value=\"maria\"") && !form.body.contains("value=\"fns\">fns"))
    #expect(form.body.contains("<option value=\"fns\">Fonds national de solidarité</option>"))
    for id in [
      "to", "to-key", "to-encryption-key", "kind-once", "action-read", "aid-revis", "days",
    ] {
      #expect(form.body.contains("<label for=\"\(id)\""), "\(id) has its label")
    }

    // The preview: the CLI's own words for the same choice, and nothing signed.
    let personalised = [
      ("to", "paul"), ("kind", "personalised"), ("action", "read"), ("action", "update"),
      ("circle", "1"), ("days", "30"), ("preview", "1"),
    ]
    let preview = try await session.post("/procurations", personalised)
    #expect(preview.status == 200)
    let cli1 = await cli.run(
      [
        "procuration", "create", "--as", "maria", "--to", "paul", "--circle", "1", "--days", "30",
        "--actions", "read,update",
      ], input: ["non"])
    #expect(cli1.code != 0, "not confirmed: the CLI gives nothing")
    let cliLines = cli1.out.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.hasPrefix("Vous pourrez la retirer") && !$0.isEmpty }
    #expect(cliLines.count >= 4, "\(cli1.out)")
    for line in cliLines {
      #expect(preview.body.contains(shown(line)), "the CLI's line «\(line)»: \(preview.body)")
    }
    #expect(preview.body.contains("paul (k4.pid."))
    #expect(
      preview.body.contains(
        shown(AppWords.procurationCannot(Words.action(.file).fr + ", " + Words.action(.grant).fr))),
      "\(preview.body)")
    #expect(preview.body.contains(shown(AppWords.procurationNever)))
    #expect(preview.body.contains("<input type=\"hidden\" name=\"confirm\" value=\"yes\">"))
    #expect(try await session.get("/procurations").body.contains(shown(ProcurationWords.none)))
    // Named by the two keys typed (as from his 'identity show'), with spaces around.
    struct Keys: Decodable {
      let keyID: String
      let signingKey: String
      let encryptionKey: String
    }
    let keys = try await cli.json(["identity", "show", "--as", "paul"], as: Keys.self)
    let byKeys = try await session.post(
      "/procurations",
      [
        ("to-key", " \(keys.signingKey)\n"), ("to-encryption-key", keys.encryptionKey),
        ("kind", "personalised"), ("action", "read"), ("circle", "0"),
      ])
    #expect(
      byKeys.body.contains(
        shown("Vous allez donner une procuration à la personne de confiance \(keys.keyID).")),
      "\(byKeys.body)")
    #expect(byKeys.body.contains("<input type=\"hidden\" name=\"confirm\" value=\"yes\">"))
    // "Change": the form again, as filled in.
    let change = try await session.post("/procurations/new", personalised)
    #expect(change.body.contains("<option value=\"paul\" selected>paul</option>"))
    #expect(change.body.contains("value=\"update\" checked"), "\(change.body)")
    #expect(change.body.contains("<option value=\"1\" selected>"))
    #expect(change.body.contains("value=\"30\""))

    // Wrong or hostile choices: told in place, nothing signed, even with confirm=yes.
    let base1 = [("kind", "personalised"), ("action", "read"), ("circle", "1")]
    let cases: [(String, [(String, String)], Message)] = [
      (
        "no action", [("to", "paul"), ("kind", "personalised"), ("circle", "1")],
        AppWords.procurationActionsMissing
      ),
      (
        "an unknown action", [("to", "paul"), ("action", "close")] + base1,
        AppWords.procurationActionsMissing
      ),
      ("nobody", base1, AppWords.procurationWhoMissing),
      ("herself", [("to", "maria")] + base1, AppWords.procurationNotATrustee),
      ("an administration", [("to", "fns")] + base1, AppWords.procurationNotATrustee),
      ("a path", [("to", "../../etc/passwd")] + base1, AppWords.procurationNotATrustee),
      (
        "a name and keys",
        [("to", "paul"), ("to-key", "k4.public.x"), ("to-encryption-key", "y")] + base1,
        AppWords.procurationWhoMissing
      ),
      ("one key", [("to-key", "k4.public.x")] + base1, AppWords.procurationWhoMissing),
      (
        "garbage keys",
        [("to-key", "k4.public.<script>alert(1)</script>"), ("to-encryption-key", "%%%")] + base1,
        Messages.publicKeysUnreadable
      ),
      (
        "no kind", [("to", "paul"), ("action", "read"), ("circle", "1")],
        AppWords.procurationKindMissing
      ),
      (
        "a made-up kind", [("to", "paul"), ("kind", "forever")] + base1.dropFirst(),
        AppWords.procurationKindMissing
      ),
      (
        "too many days", [("to", "paul"), ("days", "400")] + base1,
        Messages.procurationPersonalisedDays
      ),
      (
        "days in words", [("to", "paul"), ("days", "ninety")] + base1,
        Messages.procurationPersonalisedDays
      ),
      ("no day", [("to", "paul"), ("days", "0")] + base1, Messages.procurationPersonalisedDays),
      (
        "an unknown aid", [("to", "paul"), ("aid", "lottery")] + base1,
        AppWords.procurationAidUnknown
      ),
      (
        "an unknown circle",
        [("to", "paul"), ("kind", "personalised"), ("action", "read"), ("circle", "9")],
        AppWords.procurationCircleUnknown
      ),
      (
        "no scope", [("to", "paul"), ("kind", "personalised"), ("action", "read")],
        AppWords.procurationScopeMissing
      ),
      (
        "an unknown administration",
        [
          ("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "aide-sociale"),
          ("at", "nsa"),
        ],
        AppWords.procurationAdministrationUnknown
      ),
      (
        "one-shot without administration",
        [("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "aide-sociale")],
        AppWords.procurationOnceOneAid
      ),
      (
        "one-shot for two aids",
        [
          ("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "aide-sociale"),
          ("aid", "revis"), ("at", "office-social-redange"),
        ],
        AppWords.procurationOnceOneAid
      ),
      (
        "one-shot with circles",
        [
          ("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "aide-sociale"),
          ("at", "office-social-redange"), ("circle", "2"),
        ],
        AppWords.procurationOnceNoCircle
      ),
      (
        "one-shot for 31 days",
        [
          ("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "aide-sociale"),
          ("at", "office-social-redange"), ("days", "31"),
        ],
        Messages.procurationOnceDays
      ),
    ]
    for (what, pairs, message) in cases {
      for confirm in [[], [("confirm", "yes")]] {
        let answer = try await session.post("/procurations", pairs + confirm)
        refused(answer, message, what)
        #expect(!answer.body.contains("<script"), "\(what): nothing typed runs")
        #expect(!answer.body.contains("passwd"), "\(what): the path is not repeated")
      }
    }
    // An aid the administration does not process: the CLI's message.
    let notForAid = try await session.post(
      "/procurations",
      [
        ("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "revis"), ("at", "fns"),
        ("confirm", "yes"),
      ])
    #expect(notForAid.body.contains("role=\"alert\""), "\(notForAid.body)")
    // Without the form's token, or from elsewhere: refused before anything.
    #expect(
      try await session.post("/procurations", personalised + [("confirm", "yes")], csrf: false)
        .status == 403)
    let foreign = try await browser.send(
      "POST", base + "/procurations",
      headers: ["Cookie": cookie, "Origin": "http://evil.example"],
      form: [
        "csrf": session.csrf, "to": "paul", "kind": "personalised", "action": "read",
        "circle": "1", "confirm": "yes",
      ])
    #expect(foreign.status == 403)
    #expect(try await session.get("/procurations").body.contains(shown(ProcurationWords.none)))
    #expect(
      try await cli.ok(["procuration", "list", "--as", "maria"]) == "Aucune procuration.\n",
      "nothing was signed")

    // Given: the page with the reference for Paul, and the link to his sheet.
    let given = try await session.post("/procurations", personalised + [("confirm", "yes")])
    #expect(given.status == 303, "\(given.body)")
    let location = try #require(given.headers["location"])
    #expect(location.hasPrefix("/procurations/given/"))
    let readerID = String(location.dropFirst("/procurations/given/".count))
    let givenPage = try await session.get(location)
    #expect(
      givenPage.body.contains(shown(ProcurationWords.given(readerID))), "\(givenPage.body)")
    #expect(givenPage.body.contains(shown(ProcurationWords.giveReference)))
    #expect(givenPage.body.contains("href=\"/sheets/procuration/\(readerID)\""))
    let reference = try #require(
      givenPage.body.components(separatedBy: "<code>PSP-").dropFirst().first?.prefix {
        $0 != "<"
      }
    ).description
    let ref = "PSP-" + reference

    // Paul uses it with the CLI: he reads her fields of circles 0 and 1, and changes one.
    let surname = try await cli.ok([
      "field", "get", "surname", "--as", "paul", "--on-behalf-of", ref,
    ])
    #expect(surname.contains("Ferreira"), "\(surname)")
    // The name Maria knows him by is kept, as the CLI keeps it.
    #expect(try await cli.ok(["procuration", "list", "--as", "maria"]).contains("paul ("))

    // A one-shot one, a second later: one step, at the office social, used once.
    try await Task.sleep(for: .seconds(1.2))
    let once = [
      ("to", "paul"), ("kind", "once"), ("action", "file"), ("aid", "aide-sociale"),
      ("at", "office-social-redange"),
    ]
    let oncePreview = try await session.post("/procurations", once)
    #expect(oncePreview.body.contains(shown("Auprès de : Office social de Redange.")))
    #expect(oncePreview.body.contains(shown("Une seule fois, jusqu'au ")), "\(oncePreview.body)")
    let onceGiven = try await session.post("/procurations", once + [("confirm", "yes")])
    let onceID = String(
      try #require(onceGiven.headers["location"]).dropFirst("/procurations/given/".count))
    try await cli.ok([
      "filing", "create", "--as", "paul", "--on-behalf-of", ref, "--purpose", "aide-sociale",
      "--at", "office-social-redange", "--yes",
    ])

    // The list: newest first, to whom, what, for which aids, until when, its state, its sheet.
    let list = try await session.get("/procurations").body
    let onceAt = try #require(list.range(of: "<code>\(onceID)</code>"))
    let readerAt = try #require(list.range(of: "<code>\(readerID)</code>"))
    #expect(onceAt.lowerBound < readerAt.lowerBound, "newest first")
    #expect(list.contains("<h2>paul (k4.pid."), "\(list)")
    for text in [
      "unique", "personnalisée", "déjà utilisée", "en cours",
      "lire vos données, changer vos données",
      "faire une demande d'aide", "Aide de l'office social", "Office social de Redange",
      "celles des cercles 0 à 1",
    ] {
      #expect(list.contains(shown(text)), "\(text): \(list)")
    }
    #expect(list.contains("href=\"/sheets/procuration/\(readerID)\""))
    #expect(list.contains("href=\"/sheets/procuration/\(onceID)\""))
    // Only the one in force can be withdrawn.
    #expect(list.contains("name=\"id\" value=\"\(readerID)\""))
    #expect(!list.contains("name=\"id\" value=\"\(onceID)\""))

    // Withdrawing without ticking "for good": not done, Paul still reads.
    let unticked = try await session.post("/procurations/revoke", [("id", readerID)])
    refused(unticked, Messages.notConfirmed, "unticked")
    #expect(unticked.body.contains(shown(AppWords.procurationTickForGood)))
    try await cli.ok(["field", "get", "surname", "--as", "paul", "--on-behalf-of", ref])
    // An unknown or made-up number: told, nothing repeated.
    refused(
      try await session.post(
        "/procurations/revoke", [("id", "AAAAAAAAAAAAAAAAAAAAAA"), ("confirm", "yes")]),
      Messages.procurationNotFound, "unknown")
    let madeUp = try await session.post(
      "/procurations/revoke", [("id", "<b>x</b>"), ("confirm", "yes")])
    refused(madeUp, Messages.procurationNotFound, "made up")
    #expect(!madeUp.body.contains("<b>x"))
    #expect(
      try await session.post(
        "/procurations/revoke", [("id", readerID), ("confirm", "yes")], csrf: false
      )
      .status == 403)

    // Withdrawn for good: said, shown, and Paul can no longer act.
    let revoked = try await session.post(
      "/procurations/revoke", [("id", readerID), ("confirm", "yes")])
    #expect(revoked.status == 303)
    #expect(revoked.headers["location"] == "/procurations?done=1")
    let after = try await session.get("/procurations?done=1").body
    #expect(after.contains("role=\"status\">\(shown(ProcurationWords.withdrawn))"), "\(after)")
    #expect(after.contains("retirée"))
    #expect(!after.contains("name=\"id\" value=\"\(readerID)\""))
    let refusedRead = await cli.run([
      "field", "get", "surname", "--as", "paul", "--on-behalf-of", ref,
    ])
    #expect(refusedRead.code == 1)
  }
}
