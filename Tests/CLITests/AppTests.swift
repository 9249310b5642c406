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
  final class Browser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
    func urlSession(
      _ session: URLSession, task: URLSessionTask,
      willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
      completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) { completionHandler(nil) }

    func send(
      _ method: String, _ url: String, headers: [String: String] = [:],
      form: [String: String]? = nil
    ) async throws -> (status: Int, headers: [String: String], body: String) {
      var request = URLRequest(url: URL(string: url)!)
      request.httpMethod = method
      request.httpShouldHandleCookies = false
      for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
      if let form {
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(
          form.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
          }.joined(separator: "&").utf8)
      }
      let (data, response) = try await session.data(for: request)
      let http = response as! HTTPURLResponse
      var headers: [String: String] = [:]
      for (name, value) in http.allHeaderFields {
        headers[String(describing: name).lowercased()] = String(describing: value)
      }
      return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
    }
  }

  @Test func onlyThePersonsBrowserIsServed() async throws {
    try await Platform.run([
      ("operator", "operateur"), ("administration", "fns"), ("citizen", "maria"),
    ]) { cli, platform, home in
      try await platform.register(
        "fns", id: "fns", title: "Fonds national de solidarité", kind: "fns",
        purposes: "allocation-vie-chere")
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
      var context = cli
      context.environment["PSP_SERVER"] = platform.daemon.baseURL
      let app = try await CLIEnvironment.$values.withValue(context.environment) {
        try await AppServer.start(
          AppContext(
            home: try HomeOptions.parse([]), actor: try ActorOptions.parse(["--as", "maria"]),
            server: try ServerOptions.parse([]), language: .french,
            environment: context.environment))
      }
      defer { Task { await app.stop() } }
      try await journey(app, cli, passphrase: try #require(cli.environment["PSP_PASSPHRASE"]))
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

    // The printed address, once: the session cookie, then a redirect.
    let first = try await browser.send("GET", address)
    #expect(first.status == 303)
    let setCookie = try #require(first.headers["set-cookie"])
    #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
    let cookie = String(setCookie.prefix { $0 != ";" })
    #expect(try await browser.send("GET", address).status == 403, "the token works once")

    // Every answer forbids framing and elsewhere's resources.
    let page = try await browser.send("GET", base + "/", headers: ["Cookie": cookie])
    #expect(page.status == 200)
    #expect(page.headers["x-frame-options"] == "DENY")
    #expect(page.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
    #expect(page.body.contains("<html lang=\"fr\">"))
    #expect(page.body.contains("name=\"passphrase\""))
    let csrf = try #require(
      page.body.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix {
        $0 != "\""
      })
    let origin = ["Cookie": cookie, "Origin": base]

    // A form from elsewhere, or without its token: nothing done.
    let foreign = try await browser.send(
      "POST", base + "/unlock", headers: ["Cookie": cookie, "Origin": "http://evil.example"],
      form: ["csrf": String(csrf), "passphrase": passphrase])
    #expect(foreign.status == 403)
    let noToken = try await browser.send(
      "POST", base + "/unlock", headers: origin, form: ["passphrase": passphrase])
    #expect(noToken.status == 403)
    let noOrigin = try await browser.send(
      "POST", base + "/unlock", headers: ["Cookie": cookie],
      form: ["csrf": String(csrf), "passphrase": passphrase])
    #expect(noOrigin.status == 403)
    let wrong = try await browser.send(
      "POST", base + "/unlock", headers: origin, form: ["csrf": String(csrf), "passphrase": "nope"])
    #expect(
      wrong.body.contains(
        Messages.wrongPassphrase.text.fr.replacingOccurrences(of: "'", with: "&#39;")))

    // Unlocked: her fields, a wrong value told in place, a right one saved.
    let unlocked = try await browser.send(
      "POST", base + "/unlock", headers: origin,
      form: ["csrf": String(csrf), "passphrase": passphrase])
    #expect(unlocked.status == 303)
    let fields = try await browser.send("GET", base + "/fields", headers: ["Cookie": cookie])
    #expect(fields.body.contains("Ferreira"), "\(fields.body)")
    let refused = try await browser.send(
      "POST", base + "/fields", headers: origin,
      form: ["csrf": String(csrf), "name": "iban", "value": "LU28 0019 4006 4475 0001"])
    #expect(refused.body.contains("role=\"alert\""))
    #expect(refused.body.contains("value=\"LU28 0019 4006 4475 0001\""), "given back to correct")
    let saved = try await browser.send(
      "POST", base + "/fields", headers: origin,
      form: ["csrf": String(csrf), "name": "iban", "value": "LU28 0019 4006 4475 0000"])
    #expect(saved.status == 303)
    let after = try await browser.send("GET", base + "/fields?saved=1", headers: ["Cookie": cookie])
    #expect(after.body.contains("LU28 0019 4006 4475 0000"))
    #expect(after.body.contains("Enregistré."))

    // Her log, in sentences, checked against the witnesses.
    let log = try await browser.send("GET", base + "/log", headers: ["Cookie": cookie])
    #expect(log.body.contains("Votre journal est intact"), "\(log.body)")

    // A permission: chosen, shown field by field, given, paused, withdrawn for good.
    let grants = try await browser.send("GET", base + "/grants", headers: ["Cookie": cookie])
    #expect(grants.body.contains("Vous n&#39;avez donné aucune permission."), "\(grants.body)")
    let choice = "fns|allocation-vie-chere"
    let preview = try await browser.send(
      "GET", base + "/grants/new?choice=fns%7Callocation-vie-chere", headers: ["Cookie": cookie])
    #expect(preview.body.contains("<li>Votre nom de famille</li>"), "\(preview.body)")
    #expect(preview.body.contains("Fonds national de solidarité"))
    let given = try await browser.send(
      "POST", base + "/grants", headers: origin, form: ["csrf": String(csrf), "choice": choice])
    #expect(given.status == 303)
    let listed = try await browser.send("GET", base + "/grants", headers: ["Cookie": cookie])
    let grantID = try #require(
      listed.body.components(separatedBy: "name=\"grant\" value=\"").dropFirst().first?.prefix {
        $0 != "\""
      })
    #expect(listed.body.contains("en cours"))
    _ = try await browser.send(
      "POST", base + "/grants/change", headers: origin,
      form: ["csrf": String(csrf), "grant": String(grantID), "action": "pause"])
    #expect(
      try await browser.send("GET", base + "/grants", headers: ["Cookie": cookie]).body.contains(
        "suspendue"))
    // Withdrawing without ticking "for good" is not done.
    let unticked = try await browser.send(
      "POST", base + "/grants/change", headers: origin,
      form: ["csrf": String(csrf), "grant": String(grantID), "action": "revoke"])
    #expect(unticked.body.contains("role=\"alert\""))
    _ = try await browser.send(
      "POST", base + "/grants/change", headers: origin,
      form: ["csrf": String(csrf), "grant": String(grantID), "action": "revoke", "confirm": "yes"])
    #expect(
      try await browser.send("GET", base + "/grants", headers: ["Cookie": cookie]).body.contains(
        "retirée"))

    // Her requests: none, then one filed (with the CLI), and its steps.
    let none = try await browser.send("GET", base + "/filings", headers: ["Cookie": cookie])
    #expect(none.body.contains("Aucune demande d&#39;aide pour le moment."), "\(none.body)")
    struct Filed: Decodable { let filing: String }
    let filed = try await cli.json(
      [
        "filing", "create", "--as", "maria", "--purpose", "allocation-vie-chere", "--at", "fns",
        "--yes",
      ], as: Filed.self)
    let list = try await browser.send("GET", base + "/filings", headers: ["Cookie": cookie])
    #expect(list.body.contains("href=\"/filings/\(filed.filing)\""), "\(list.body)")
    let one = try await browser.send(
      "GET", base + "/filings/\(filed.filing)", headers: ["Cookie": cookie])
    #expect(one.body.contains("<h3>Étapes</h3>"), "\(one.body)")
    #expect(
      try await browser.send(
        "GET", base + "/filings/AAAAAAAAAAAAAAAAAAAAAA", headers: ["Cookie": cookie]
      )
      .body.contains("role=\"alert\""))

    // Locked: the passphrase is asked again.
    _ = try await browser.send(
      "POST", base + "/lock", headers: origin, form: ["csrf": String(csrf)])
    let locked = try await browser.send("GET", base + "/fields", headers: ["Cookie": cookie])
    #expect(locked.body.contains("name=\"passphrase\""))
  }
}
