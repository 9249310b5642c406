import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import WalletCLIKit

/// `wallet-cli app` over real HTTP on 127.0.0.1: only the browser that opened
/// the printed address is served (one-time token → session cookie), from
/// this address only (`Host`, `Origin`), every form with its anti-forgery
/// token, and no page may be framed. Then Maria unlocks with her passphrase,
/// reads her fields, changes one (a wrong value is told in place, nothing
/// saved) and reads her log, in the pages' language.
@Suite("The app in a browser: its server")
struct AppTests {
  /// A client that follows no redirect and keeps no cookie by itself.
  typealias Browser = AppBrowser

  @Test func onlyThePersonsBrowserIsServed() async throws {
    try await Platform.runMariaAndFNS { cli, platform, home in
      let app = try await AppServer.start(cli, platform, as: "maria")
      defer { Task { await app.stop() } }
      try await journey(app, cli, passphrase: try cli.passphrase())
    }
  }

  func journey(_ app: AppServer, _ cli: CLIHarness, passphrase: String) async throws {
    let browser = Browser()
    let base = "http://127.0.0.1:\(app.port)"
    let address = await app.address()
    #expect(address.hasPrefix(base + "/?token="))

    // Without the cookie, with a wrong token, or at another name: refused.
    #expect(try await browser.send("GET", base + "/").status == 403)
    #expect(try await browser.send("GET", base + "/?token=wrong").status == 403)
    let rebound = try await browser.send(
      "GET", address, headers: ["Host": "evil.example:\(app.port)"])
    #expect(rebound.status == 421)

    // The printed address, once: the session cookie (named after the port,
    // so two apps keep theirs), then on to `/` from a page of the app's own.
    let first = try await browser.send("GET", address)
    #expect(first.status == 200)
    #expect(first.headers["refresh"] == "0; url=/")
    let setCookie = try #require(first.headers["set-cookie"])
    #expect(setCookie.hasPrefix("psp_app_\(app.port)="))
    #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
    let cookie = String(setCookie.prefix { $0 != ";" })
    #expect(try await browser.send("GET", address).status == 403, "the token works once")

    // What a page elsewhere makes the browser ask (another port of 127.0.0.1
    // is "same-site"), or what the browser loads ahead: refused.
    for (name, value) in [
      ("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Site", "cross-site"),
      ("Sec-Purpose", "prefetch"), ("Purpose", "prefetch"),
    ] {
      let asked = try await browser.send(
        "GET", base + "/", headers: ["Cookie": String(setCookie.prefix { $0 != ";" }), name: value])
      #expect(asked.status == 403, "\(name): \(value)")
    }

    // Every answer forbids framing and elsewhere's resources.
    let page = try await browser.send("GET", base + "/", headers: ["Cookie": cookie])
    #expect(page.status == 200)
    #expect(page.headers["x-frame-options"] == "DENY")
    #expect(page.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
    #expect(page.body.contains("<html lang=\"fr\">"))
    #expect(page.body.contains("name=\"passphrase\""))
    let csrf = try #require(AppVisit.value(of: "csrf", in: page.body))
    let visit = AppVisit(browser: browser, base: base, cookie: cookie, csrf: csrf)

    // A form from elsewhere, or without its token: nothing done.
    let foreign = try await browser.send(
      "POST", base + "/unlock", headers: ["Cookie": cookie, "Origin": "http://evil.example"],
      form: ["csrf": csrf, "passphrase": passphrase])
    #expect(foreign.status == 403)
    let noToken = try await visit.post("/unlock", ["passphrase": passphrase], csrf: false)
    #expect(noToken.status == 403)
    let noOrigin = try await browser.send(
      "POST", base + "/unlock", headers: ["Cookie": cookie],
      form: ["csrf": csrf, "passphrase": passphrase])
    #expect(noOrigin.status == 403)
    let wrong = try await visit.post("/unlock", ["passphrase": "nope"])
    #expect(
      wrong.body.contains(
        Messages.wrongPassphrase.text.fr.replacingOccurrences(of: "'", with: "&#39;")))

    // Unlocked: her fields, a wrong value told in place, a right one saved.
    let unlocked = try await visit.post("/unlock", ["passphrase": passphrase])
    #expect(unlocked.status == 303)
    let fields = try await visit.get("/fields")
    #expect(fields.body.contains("Ferreira"), "\(fields.body)")
    let refused = try await visit.post(
      "/fields", ["name": "iban", "value": "LU28 0019 4006 4475 0001"])
    #expect(refused.body.contains("role=\"alert\""))
    #expect(refused.body.contains("value=\"LU28 0019 4006 4475 0001\""), "given back to correct")
    let saved = try await visit.post(
      "/fields", ["name": "iban", "value": "LU28 0019 4006 4475 0000"])
    #expect(saved.status == 303)
    let after = try await visit.get("/fields?saved=1")
    #expect(after.body.contains("LU28 0019 4006 4475 0000"))
    #expect(after.body.contains("Enregistré."))

    // Her log, in sentences, checked against the witnesses.
    let log = try await visit.get("/log")
    #expect(log.body.contains("Votre journal est intact"), "\(log.body)")

    // A permission: chosen, shown field by field, given, paused, withdrawn for good.
    let grants = try await visit.get("/grants")
    #expect(grants.body.contains("Vous n&#39;avez donné aucune permission."), "\(grants.body)")
    let choice = "fns|allocation-vie-chere"
    let preview = try await visit.get("/grants/new?choice=fns%7Callocation-vie-chere")
    #expect(preview.body.contains("<li>Votre nom de famille</li>"), "\(preview.body)")
    #expect(preview.body.contains("Fonds national de solidarité"))
    let given = try await visit.post("/grants", ["choice": choice])
    #expect(given.status == 303)
    let listed = try await visit.get("/grants")
    let grantID = try #require(
      listed.body.components(separatedBy: "name=\"grant\" value=\"").dropFirst().first?.prefix {
        $0 != "\""
      })
    #expect(listed.body.contains("en cours"))
    _ = try await visit.post("/grants/change", ["grant": String(grantID), "action": "pause"])
    #expect(
      try await visit.get("/grants").body.contains(
        "suspendue"))
    // Withdrawing without ticking "for good" is not done.
    let unticked = try await visit.post(
      "/grants/change", ["grant": String(grantID), "action": "revoke"])
    #expect(unticked.body.contains("role=\"alert\""))
    _ = try await visit.post(
      "/grants/change", ["grant": String(grantID), "action": "revoke", "confirm": "yes"])
    #expect(
      try await visit.get("/grants").body.contains(
        "retirée"))

    // Her requests: none, then one filed (with the CLI), and its steps.
    let none = try await visit.get("/filings")
    #expect(none.body.contains("Aucune demande d&#39;aide pour le moment."), "\(none.body)")
    struct Filed: Decodable { let filing: String }
    let filed = try await cli.json(
      [
        "filing", "create", "--as", "maria", "--purpose", "allocation-vie-chere", "--at", "fns",
        "--yes",
      ], as: Filed.self)
    let list = try await visit.get("/filings")
    #expect(list.body.contains("href=\"/filings/\(filed.filing)\""), "\(list.body)")
    let one = try await visit.get("/filings/\(filed.filing)")
    #expect(one.body.contains("<h3>Étapes</h3>"), "\(one.body)")
    #expect(
      try await visit.get("/filings/AAAAAAAAAAAAAAAAAAAAAA")
        .body.contains("role=\"alert\""))

    // Locked: the passphrase is asked again.
    _ = try await visit.post("/lock", [:])
    let locked = try await visit.get("/fields")
    #expect(locked.body.contains("name=\"passphrase\""))
  }

  /// The printed address works once, and not after its time.
  @Test func theAddressExpires() async {
    let session = AppSession(tokenLimit: 60)
    let token = await session.token ?? ""
    #expect(await !session.redeem(token, now: Int64(Date().timeIntervalSince1970) + 61))
    #expect(await session.redeem(token, now: Int64(Date().timeIntervalSince1970)))
    #expect(await !session.redeem(token, now: Int64(Date().timeIntervalSince1970)))
  }
}
