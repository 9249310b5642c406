import Foundation
import PSPWallet
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import WalletCLIKit

/// The app's demo world and the citizen's own pages, over real HTTP against
/// the demo's real walletd: who is who on the unlock page; documents uploaded
/// (a wrong one refused in place, nothing saved) and downloaded byte for byte;
/// the encrypted copy downloaded and brought back; a new identity made in the
/// page (its recovery code on the sheet), its wallet opened after the consent
/// text, its passphrase replaced with the recovery code; the wallet closed
/// only once "for good" is ticked.
@Suite("The app in a browser: the citizen's own pages and the demo world")
struct AppCitizenPagesTests {
  /// One browser's visit: its cookie and the forms' anti-forgery token.
  typealias Visit = AppVisit

  /// The demo world (light keystores), served in English.
  static func withDemo(_ body: (AppServer, AppDemo) async throws -> Void) async throws {
    let environment = ["PSP_FAST_KDF": "1", "LANG": "en_GB.UTF-8"]
    let demo = try await AppDemo.make(Invocation(app: .english, environment: environment))
    var context = AppContext(
      home: try HomeOptions.parse(["--home", demo.home]), actor: try ActorOptions.parse([]),
      server: try ServerOptions.parse([]), language: .english,
      environment: demo.environment(environment))
    context.demoPassphrase = AppDemo.passphrase
    let app = try await AppServer.start(context)
    do {
      try await body(app, demo)
    } catch {
      await app.stop()
      await demo.stop()
      throw error
    }
    await app.stop()
    await demo.stop()
    #expect(!FileManager.default.fileExists(atPath: demo.folder), "the demo folder is removed")
  }

  @Test func theDemoWorldIsReadyToClickThrough() async throws {
    try await Self.withDemo { app, demo in
      let visit = try await Visit(app)
      let page = try await visit.get("/")
      // Every demo person, Maria first, and the demo passphrase said.
      let people = page.body.components(separatedBy: "<option value=\"").dropFirst().map {
        String($0.prefix { $0 != "\"" })
      }
      #expect(people == AppDemo.people)
      #expect(page.body.contains("psp demo"))
      #expect(!page.body.contains("Ferreira"), "nothing of Maria's before unlocking")

      try await visit.unlock("maria", AppDemo.passphrase)
      #expect(try await visit.get("/fields").body.contains("Ferreira"))
      let grants = try await visit.get("/grants").body
      #expect(grants.contains("Fonds national de solidarité"), "\(grants)")
      #expect(grants.contains("active"))
      try await visit.lock()

      // A wrong passphrase, or somebody who is not in the demo: refused, nothing opened.
      let wrong = try await visit.post("/unlock", ["who": "paul", "passphrase": "not it"])
      #expect(wrong.body.contains("role=\"alert\""))
      let stranger = try await visit.post(
        "/unlock", ["who": "../maria", "passphrase": AppDemo.passphrase])
      #expect(stranger.body.contains("role=\"alert\""))
      #expect(try await visit.get("/fields").body.contains("name=\"passphrase\""))
    }
  }

  @Test func documentsGoInAndComeBackOut() async throws {
    try await Self.withDemo { app, _ in
      let visit = try await Visit(app)
      try await visit.unlock("maria", AppDemo.passphrase)
      let none = try await visit.get("/documents").body
      #expect(none.contains("not given yet"))

      // A file that says it is a PNG but is not: refused in place, nothing saved.
      let fake = try await visit.upload(
        "/documents", ["csrf": visit.csrf, "name": "lease"], file: Array("not a picture".utf8),
        filename: "lease.png", type: "image/png")
      #expect(fake.body.contains("role=\"alert\""), "\(fake.body)")
      #expect(!(try await visit.get("/documents").body.contains("/documents/lease")))
      // Without the anti-forgery token: refused, nothing saved.
      let forged = try await visit.upload(
        "/documents", ["name": "lease"], file: Array("%PDF-1.4 lease".utf8),
        filename: "lease.pdf", type: "application/pdf")
      #expect(forged.status == 403)
      // Not a document field.
      let notDocument = try await visit.upload(
        "/documents", ["csrf": visit.csrf, "name": "surname"], file: Array("%PDF-1.4".utf8),
        filename: "x.pdf", type: "application/pdf")
      #expect(notDocument.body.contains("role=\"alert\""))

      let lease = Array("%PDF-1.4\n% Maria's lease\n%%EOF\n".utf8)
      let saved = try await visit.upload(
        "/documents", ["csrf": visit.csrf, "name": "lease"], file: lease, filename: "lease.pdf",
        type: "application/pdf")
      #expect(saved.status == 303)
      let listed = try await visit.get("/documents?saved=1").body
      #expect(listed.contains("href=\"/documents/lease\""), "\(listed)")
      let back = try await visit.bytes("/documents/lease")
      #expect(back.status == 200)
      #expect(back.type == "application/pdf")
      #expect(Array(back.data) == lease, "the same bytes come back")
      #expect(try await visit.get("/documents/payslips").body.contains("role=\"alert\""))
    }
  }

  @Test func theEncryptedCopyGoesOutAndComesBack() async throws {
    try await Self.withDemo { app, _ in
      let visit = try await Visit(app)
      try await visit.unlock("maria", AppDemo.passphrase)
      let copy = try await visit.bytes("/wallet/export")
      #expect(copy.status == 200)
      let text = String(decoding: copy.data, as: UTF8.self)
      #expect(text.contains("\"format\":\"psp-export"), "an encrypted copy")
      #expect(!text.contains("Ferreira"), "the copy is encrypted")

      // Somebody else's file, or garbage: refused, nothing changed.
      let garbage = try await visit.upload(
        "/wallet/import", ["csrf": visit.csrf], file: Array("{\"what\": 1}".utf8),
        filename: "x.json", type: "application/json")
      #expect(garbage.body.contains("role=\"alert\""), "\(garbage.body)")

      let back = try await visit.upload(
        "/wallet/import", ["csrf": visit.csrf], file: Array(copy.data),
        filename: "psp-export.json", type: "application/json")
      #expect(back.status == 303)
      let page = try await visit.get("/wallet?imported=16").body
      #expect(page.contains("role=\"status\""), "\(page)")
      #expect(try await visit.get("/fields").body.contains("Ferreira"))

      // A file of values, as `field import` reads it: each checked, then saved.
      let wrongCSV = try await visit.upload(
        "/wallet/import", ["csrf": visit.csrf],
        file: Array("field,value\nphone,not a phone\n".utf8), filename: "fields.csv",
        type: "text/csv")
      #expect(wrongCSV.body.contains("role=\"alert\""), "\(wrongCSV.body)")
      #expect(!(try await visit.get("/fields").body.contains("not a phone")))
      let csv = try await visit.upload(
        "/wallet/import", ["csrf": visit.csrf],
        file: Array("field,value\nphone,691 222 333\n".utf8), filename: "fields.csv",
        type: "text/csv")
      #expect(csv.status == 303, "\(csv.body)")
      let after = try await visit.get("/fields").body
      #expect(after.contains("691 222 333") || after.contains("691222333"), "the phone imported")
      #expect(
        !after.contains("621 123 456") && !after.contains("621123456"), "the old phone replaced")
    }
  }

  @Test func aNewPersonMakesAnIdentityOpensAWalletAndRecovers() async throws {
    try await Self.withDemo { app, demo in
      let visit = try await Visit(app)
      // Passphrases that differ, or a name that is not one: refused in place.
      let differ = try await visit.post(
        "/create",
        ["name": "lea", "kind": "citizen", "passphrase": "a long passphrase", "again": "another"])
      #expect(differ.body.contains("role=\"alert\""))
      let badName = try await visit.post(
        "/create",
        ["name": "../lea", "kind": "citizen", "passphrase": "long enough", "again": "long enough"])
      #expect(badName.body.contains("role=\"alert\""))
      let taken = try await visit.post(
        "/create",
        ["name": "maria", "kind": "citizen", "passphrase": "long enough", "again": "long enough"])
      #expect(taken.body.contains("role=\"alert\""))
      #expect(!FileManager.default.fileExists(atPath: demo.home + "/lea.keystore"))

      let made = try await visit.post(
        "/create",
        [
          "name": "lea", "kind": "citizen", "passphrase": "first passphrase",
          "again": "first passphrase",
        ])
      #expect(made.status == 200)
      // The recovery sheet: the code as text (and as a QR code), shown this once.
      let code = try #require(
        made.body.range(of: #"[0-9A-Z]{4,}(-[0-9A-Z]{4,})+"#, options: .regularExpression).map {
          String(made.body[$0])
        }, "\(made.body)")
      #expect(made.body.contains("<svg"))

      // Her wallet: the consent text first; not accepted, nothing opened.
      try await visit.unlock("lea", "first passphrase")
      #expect(try await visit.get("/").body.contains("href=\"/open\""))
      let open = try await visit.get("/open").body
      #expect(open.contains(ConsentTerms.current.version))
      let refused = try await visit.post("/open", [:])
      #expect(refused.body.contains("role=\"alert\""))
      #expect(try await visit.post("/open", ["accept": "yes"]).status == 303)
      #expect(try await visit.get("/?opened=1").body.contains("<dt>Wallet number</dt>"))
      try await visit.lock()

      // Passphrase forgotten: a wrong code changes nothing, the right one sets a new one.
      let wrongCode = try await visit.post(
        "/recover",
        [
          "who": "lea", "code": "AAAA-BBBB-CCCC", "passphrase": "second passphrase",
          "again": "second passphrase",
        ])
      #expect(wrongCode.body.contains("role=\"alert\""))
      let recovered = try await visit.post(
        "/recover",
        [
          "who": "lea", "code": code, "passphrase": "second passphrase",
          "again": "second passphrase",
        ])
      #expect(recovered.body.contains("New passphrase saved for lea."), "\(recovered.body)")
      let old = try await visit.post("/unlock", ["who": "lea", "passphrase": "first passphrase"])
      #expect(old.body.contains("role=\"alert\""))
      try await visit.unlock("lea", "second passphrase")

      // Closing: not without ticking "for good"; then closed, no more fields.
      let unticked = try await visit.post("/wallet/close", [:])
      #expect(unticked.body.contains("role=\"alert\""))
      #expect(try await visit.get("/wallet").body.contains("/wallet/close"))
      #expect(try await visit.post("/wallet/close", ["confirm": "yes"]).status == 303)
      #expect(
        try await visit.get("/?closed=1").body.contains(WalletWords.closed.en))
    }
  }

  @Test func maríaAsksForAnAidFromThePage() async throws {
    try await Self.withDemo { app, _ in
      let visit = try await Visit(app)
      try await visit.unlock("maria", AppDemo.passphrase)
      #expect(try await visit.get("/filings").body.contains("href=\"/filings/new\""))
      let choose = try await visit.get("/filings/new").body
      #expect(choose.contains("value=\"office-social-redange|aide-sociale\""), "\(choose)")
      // An aid the administration does not process, or garbage: refused, nothing sent.
      let wrong = try await visit.get("/filings/new?choice=fns%7Caide-sociale").body
      #expect(wrong.contains("role=\"alert\""))
      let garbage = try await visit.post("/filings/new", ["choice": "<script>"])
      #expect(garbage.body.contains("role=\"alert\""))
      #expect(!garbage.body.contains("<script>"))
      // What will be read, before sending.
      let preview = try await visit.get("/filings/new?choice=office-social-redange%7Caide-sociale")
        .body
      #expect(preview.contains("Request for the aid"), "\(preview)")
      #expect(preview.contains("<li>Your surname (family name)</li>"), "\(preview)")
      let sent = try await visit.post(
        "/filings/new", ["choice": "office-social-redange|aide-sociale"])
      #expect(sent.status == 303)
      let location = try #require(sent.headers["location"])
      let shown = try await visit.get(location).body
      #expect(shown.contains("Request sent. Its number:"), "\(shown)")
      #expect(shown.contains("Office social de Redange"))
    }
  }
}
