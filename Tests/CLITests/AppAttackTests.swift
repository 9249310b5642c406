import Foundation
import PSPProcess
import PSPCrypto
import PSPWallet
import WalletAPI
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import WalletCLIKit

/// `wallet-cli app` attacked over real HTTP, in the demo world: by another
/// local user holding a copy of the session cookie, by a page of another
/// port of 127.0.0.1 (same site: the cookie goes with it) or a speculative
/// load by the browser, by hand-made forms and multipart bodies, by
/// addresses naming files and people that are not there, and by a value
/// another party wrote in the wallet. Every test says what SAFE is: one that
/// fails shows a hole.
@Suite("The app under attack")
struct AppAttackTests {
  static let passphrase = AppDemo.passphrase

  // MARK: another local user

  /// Cookies are not kept apart by port: any listener on 127.0.0.1 that the
  /// browser is sent to (one redirect from any web page, then a same-site
  /// image) receives `psp_app`. Another local user who replays it from their
  /// own account must not be served the person's fields.
  @Test(
    .enabled(
      if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"),
      "needs root, setpriv and curl to act as another local user"))
  func aCopiedCookieServesNoOtherLocalUser() async throws {
    try await AppCitizenPagesTests.withDemo { app, _ in
      let maria = try await AppVisit(app)
      try await maria.unlock("maria", Self.passphrase)
      #expect(try await maria.get("/fields").body.contains("Ferreira"), "the control: her fields")
      // `nobody` on the same computer, with the cookie caught on another port.
      let (status, body) = try await Self.asNobody(
        "http://127.0.0.1:\(app.port)/fields", cookie: maria.cookie)
      #expect(!body.contains("Ferreira"), "another local user read Maria's fields")
      #expect(status == 403, "another local user was served: \(status)")
    }
  }

  /// The one-time address is the key to the session: whoever opens it first
  /// holds the only cookie. Handed to the browser on a command line
  /// (`xdg-open ADDRESS`, then the browser's own), every local user reads it
  /// in `/proc/PID/cmdline` and can open it before the browser does.
  @Test(
    .enabled(
      if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open"),
      "needs root, setpriv and xdg-open to look as another local user"))
  func theOneTimeAddressIsOnNoCommandLine() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psp-attack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // A browser that takes its time, as a real one starting does.
    let browser = folder.appendingPathComponent("browser.sh")
    try "#!/bin/sh\nsleep 3\n".write(to: browser, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    // Given in the environment the browser is started with, not set in this
    // process's: `setenv` while other tests start processes (`Process.run`
    // copies the environment) can crash the test run.
    var environment = ProcessInfo.processInfo.environment
    environment["BROWSER"] = browser.path
    let token = AppSession.random()
    let opened = AppCommand.openBrowser(
      "http://127.0.0.1:9/?token=\(token)", environment: environment)
    defer { opened.map { try? FileManager.default.removeItem(at: $0) } }
    try await Task.sleep(for: .milliseconds(700))
    // `nobody` looks at every command line (the token in two halves, so
    // that its own command line does not hold it).
    let half = token.count / 2
    let seen = try await Self.asNobody(
      ["/bin/sh", "-c", "grep -l -a -e \"$A$B\" /proc/[0-9]*/cmdline 2>/dev/null"],
      environment: ["A": String(token.prefix(half)), "B": String(token.dropFirst(half))])
    #expect(seen.isEmpty, "another local user read the one-time address in \(seen)")
    try await Task.sleep(for: .seconds(3))
  }

  // MARK: a page of another port, a speculative load

  /// A trusted person's reading is written in the citizen's log (the
  /// administration's reading is a button for that reason). A GET that
  /// reads must not be made by an `<img>` of another port of 127.0.0.1
  /// (`Sec-Fetch-Site: same-site`: the cookie goes with it) nor by the
  /// browser loading ahead (`Sec-Purpose: prefetch`): refused, nothing logged.
  @Test func noTrusteeReadingWithoutTheTrustedPersonAsking() async throws {
    try await AppCitizenPagesTests.withDemo { app, _ in
      let visit = try await AppVisit(app)
      let reference = try await Self.paulsWayToMaria(visit)
      try await visit.lock()
      try await visit.unlock("maria", Self.passphrase)
      let before = Self.sentences(try await visit.get("/log").body)
      try await visit.lock()

      try await visit.unlock("paul", Self.passphrase)
      let fields = visit.base + "/acting/\(reference)/fields"
      let image = try await visit.browser.send(
        "GET", fields,
        headers: [
          "Cookie": visit.cookie, "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors",
          "Sec-Fetch-Dest": "image",
        ])
      #expect(image.status == 403, "an <img> of another port made Paul read: \(image.status)")
      #expect(!image.body.contains("Ferreira"))
      let prefetch = try await visit.browser.send(
        "GET", fields,
        headers: [
          "Cookie": visit.cookie, "Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate",
          "Sec-Fetch-Dest": "document", "Sec-Purpose": "prefetch;prerender",
        ])
      #expect(prefetch.status == 403, "a prerender made Paul read: \(prefetch.status)")
      try await visit.lock()

      try await visit.unlock("maria", Self.passphrase)
      let after = Self.sentences(try await visit.get("/log").body)
      #expect(after == before, "Maria's log gained \(after - before) entries nobody asked for")
    }
  }

  // MARK: every answer

  /// Every answer, refusals and errors included, forbids framing, sniffing
  /// and caching (spec/app.md §3): an unknown address, a form too large.
  @Test func errorAnswersCarryTheSecurityHeaders() async throws {
    try await AppCitizenPagesTests.withDemo { app, _ in
      let visit = try await AppVisit(app)
      try await visit.unlock("maria", Self.passphrase)
      let unknown = try await visit.get("/no-such-page")
      let huge = try await visit.post(
        "/fields", ["name": "surname", "value": String(repeating: "A", count: 200_000)])
      for (what, answer) in [("unknown page", unknown), ("form too large", huge)] {
        #expect(answer.status >= 400, "\(what): \(answer.status)")
        #expect(answer.headers["x-frame-options"] == "DENY", "\(what): no X-Frame-Options")
        #expect(
          answer.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true,
          "\(what): no Content-Security-Policy")
        #expect(answer.headers["cache-control"] == "no-store", "\(what): no Cache-Control")
        #expect(answer.headers["x-content-type-options"] == "nosniff", "\(what): no nosniff")
      }
      #expect(try await visit.get("/fields").body.contains("Ferreira"), "still serving")
    }
  }

  // MARK: the idle lock

  /// "Dropped after 15 minutes without a request": the unlocked identity
  /// must be gone once the time is up, not kept until the next request.
  @Test func theIdleLockDropsTheKeysWithoutARequest() async throws {
    try await AppCitizenPagesTests.withDemo { _, demo in
      let environment = demo.environment(["PSP_FAST_KDF": "1"])
      let located = try Acting.locate(
        try HomeOptions.parse(["--home", demo.home]), try ActorOptions.parse(["--as", "maria"]),
        as: [.citizen], Invocation(app: .english, environment: environment))
      let identity = try located.keystore.unlock(
        passphrase: SecureBytes(copying: Array(Self.passphrase.utf8)))
      let session = AppSession(idleLimit: 1)
      let now = Int64(Date().timeIntervalSince1970)
      await session.unlock(
        Acting(name: located.name, home: located.home, identity: identity), now: now)
      try await Task.sleep(for: .seconds(3))
      // Nobody asked anything since: the keys must already be dropped.
      let kept = Mirror(reflecting: session).children.first { $0.label == "acting" }?.value
      let held = kept.map { Mirror(reflecting: $0).children.count > 0 }
      #expect(held == false, "the identity is still in memory after the idle time")
      #expect(await session.unlocked(now: now + 3) == nil, "the idle lock (on a request)")
    }
  }

  // MARK: hostile addresses and forms

  /// Names and numbers in addresses and forms that point outside: refused
  /// plainly, nothing read or written, nothing of them put back as markup.
  @Test func namesAndNumbersThatPointElsewhere() async throws {
    try await AppCitizenPagesTests.withDemo { app, demo in
      let visit = try await AppVisit(app)
      // Someone not in this folder, or a path: refused, nobody unlocked.
      for who in ["../paul", "/etc/passwd", "maria/../paul", "registrar", "ministere"] {
        let tried = try await visit.post("/unlock", ["who": who, "passphrase": Self.passphrase])
        #expect(tried.status != 303, "unlocked \(who)")
      }
      #expect(try await visit.get("/").body.contains("name=\"passphrase\""), "still locked")
      // A new identity named as a path: refused, no file outside the folder.
      for name in ["../../escaped-psp", "..", "a/b", "maria\u{0}x"] {
        let made = try await visit.post(
          "/create",
          ["name": name, "passphrase": "long enough pass 1", "again": "long enough pass 1"])
        #expect(!made.body.contains("class=\"qr\""), "made \(name)")
      }
      let parent = URL(fileURLWithPath: demo.folder).deletingLastPathComponent().path
      let outside = try FileManager.default.contentsOfDirectory(atPath: parent)
      #expect(!outside.contains { $0.contains("escaped-psp") }, "a file written outside")
      let recovered = try await visit.post(
        "/recover",
        [
          "who": "../maria", "code": "x", "passphrase": "long enough pass 1",
          "again": "long enough pass 1",
        ])
      #expect(recovered.body.contains("role=\"alert\""))

      try await visit.unlock("maria", Self.passphrase)
      for path in [
        "/documents/..%2F..%2Fkeystores%2Fmaria", "/documents/%2Fetc%2Fpasswd",
        "/sheets/grant/..%2F..%2Fwallet%2Fexport", "/sheets/filing/%3Cb%3Ex",
        "/filings/%3Cscript%3Ex%3C%2Fscript%3E", "/procurations/given/%22%3E%3Cb%3E",
      ] {
        let answer = try await visit.get(path)
        #expect(answer.status < 500, "\(path): \(answer.status)")
        #expect(answer.headers["content-disposition"] == nil, "\(path) gave a file")
        #expect(!answer.body.contains("<script") && !answer.body.contains("\"><b>"), "\(path)")
      }
      // Echoed back: as text, never as markup.
      let choice = try await visit.get("/grants/new?choice=%3Cscript%3Ex%3C%2Fscript%3E%7Cy")
      #expect(!choice.body.contains("<script"), "\(choice.body)")
      let request = try await visit.get("/filings/new?choice=%22%3E%3Cb%3Ex")
      #expect(!request.body.contains("\"><b>"), "\(request.body)")
      let unknown = try await visit.post("/fields", ["name": "<script>x</script>", "value": "1"])
      #expect(!unknown.body.contains("<script"), "\(unknown.body)")
      let typed = try await visit.post(
        "/fields", ["name": "iban", "value": "\"><script>x</script>"])
      #expect(!typed.body.contains("\"><script>"), "\(typed.body)")
      #expect(typed.body.contains("&quot;&gt;&lt;script&gt;"), "given back, escaped")
      // A Location made of nothing typed: no header from the address.
      let lf = try await visit.get("/filings/x%0D%0ASet-Cookie:%20psp_app=evil")
      #expect(lf.headers["set-cookie"] == nil)
    }
  }

  /// Forms from elsewhere, or without the session's token: refused before
  /// anything is done (here: closing the wallet for good).
  @Test func formsFromElsewhereDoNothing() async throws {
    try await AppCitizenPagesTests.withDemo { app, _ in
      let visit = try await AppVisit(app)
      try await visit.unlock("maria", Self.passphrase)
      let close = visit.base + "/wallet/close"
      for origin in [
        "null", "http://127.0.0.1:\(app.port).evil.example", "http://127.0.0.1:1",
        "https://127.0.0.1:\(app.port)", "http://LOCALHOST:\(app.port)",
      ] {
        let answer = try await visit.browser.send(
          "POST", close, headers: ["Cookie": visit.cookie, "Origin": origin],
          form: ["csrf": visit.csrf, "confirm": "yes"])
        #expect(answer.status == 403, "Origin \(origin): \(answer.status)")
      }
      // The token in the address instead of the form, or a wrong one: refused.
      let inQuery = try await visit.browser.send(
        "POST", close + "?csrf=\(visit.csrf)",
        headers: ["Cookie": visit.cookie, "Origin": visit.base], form: ["confirm": "yes"])
      #expect(inQuery.status == 403)
      let wrong = try await visit.post(
        "/wallet/close", ["csrf": String(visit.csrf.dropLast()) + "A", "confirm": "yes"],
        csrf: false)
      #expect(wrong.status == 403)
      // A text/plain form (no preflight) from this very page, no token: refused.
      var plain = URLRequest(url: URL(string: close)!)
      plain.httpMethod = "POST"
      plain.httpShouldHandleCookies = false
      plain.setValue(visit.cookie, forHTTPHeaderField: "Cookie")
      plain.setValue("http://evil.example", forHTTPHeaderField: "Origin")
      plain.setValue("text/plain", forHTTPHeaderField: "Content-Type")
      plain.httpBody = Data("csrf=\(visit.csrf)&confirm=yes".utf8)
      #expect(try await visit.browser.answer(plain).status == 403)
      // A rebound name with the right cookie: refused before any page.
      let rebound = try await visit.browser.send(
        "GET", visit.base + "/fields",
        headers: ["Cookie": visit.cookie, "Host": "evil.example:\(app.port)"])
      #expect(rebound.status == 421)
      #expect(!rebound.body.contains("Ferreira"))
      // Still open.
      #expect(
        try await visit.get("/wallet").body.contains("name=\"confirm\""),
        "the wallet was closed")
    }
  }

  /// Multipart bodies made by hand: without the token, malformed, too large,
  /// with a file name that is a path or a header: nothing saved, no crash.
  @Test func handMadeMultipartDoesNothing() async throws {
    try await AppCitizenPagesTests.withDemo { app, _ in
      let visit = try await AppVisit(app)
      try await visit.unlock("maria", Self.passphrase)
      let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
      let noToken = try await visit.upload(
        "/documents", ["name": "identity_document"], file: pdf, filename: "a.pdf",
        type: "application/pdf")
      #expect(noToken.status == 403)
      let pathName = try await visit.upload(
        "/documents", ["csrf": visit.csrf, "name": "../../keystores/maria"], file: pdf,
        filename: "../../../../tmp/psp-escaped.pdf", type: "application/pdf")
      #expect(pathName.status < 500)
      #expect(!FileManager.default.fileExists(atPath: "/tmp/psp-escaped.pdf"))
      for body in [
        "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(visit.csrf)\r\n--b",
        "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n",
        "garbage without any boundary",
        "--b\r\n"
          + String(repeating: "X-Long: " + String(repeating: "a", count: 8000) + "\r\n", count: 20)
          + "\r\n\r\n--b--\r\n",
      ] {
        for path in ["/documents", "/wallet/import"] {
          var request = URLRequest(url: URL(string: visit.base + path)!)
          request.httpMethod = "POST"
          request.httpShouldHandleCookies = false
          request.setValue(visit.cookie, forHTTPHeaderField: "Cookie")
          request.setValue(visit.base, forHTTPHeaderField: "Origin")
          request.setValue("multipart/form-data; boundary=b", forHTTPHeaderField: "Content-Type")
          request.httpBody = Data(body.utf8)
          let answer = try await visit.browser.answer(request)
          #expect(answer.status != 303 && answer.status < 500, "\(path): \(answer.status)")
        }
      }
      // Larger than any document: refused, the server still there.
      let big = try await visit.upload(
        "/documents", ["csrf": visit.csrf, "name": "identity_document"],
        file: pdf + [UInt8](repeating: 0x20, count: 12 * 1024 * 1024), filename: "big.pdf",
        type: "application/pdf")
      #expect(big.status != 303)
      #expect(try await visit.get("/fields").body.contains("Ferreira"), "still serving")
    }
  }

  /// What another party wrote in the wallet (here the trusted person, with a
  /// procuration that lets him change data) is shown to the citizen as text.
  @Test func aValueAnotherPartyWroteIsShownAsText() async throws {
    try await AppCitizenPagesTests.withDemo { app, _ in
      let visit = try await AppVisit(app)
      let reference = try await Self.paulsWayToMaria(visit)
      let hostile = "<img src=x onerror=alert(1)>\"'><b>Maria</b>"
      let set = try await visit.post(
        "/acting/\(reference)/fields", ["name": "address", "value": hostile])
      try await visit.lock()
      try await visit.unlock("maria", Self.passphrase)
      let fields = try await visit.get("/fields")
      #expect(set.status == 303, "the control: Paul's change went through: \(set.body)")
      #expect(fields.body.contains("&lt;b&gt;Maria&lt;/b&gt;"), "shown, as text")
      #expect(!fields.body.contains("<img src=x"))
      #expect(!fields.body.contains("<b>Maria</b>"))
      let log = try await visit.get("/log")
      #expect(!log.body.contains("<img src=x"))
    }
  }

  // MARK: helpers

  /// The log's sentences on the page (`<li>` in `<ol reversed>`).
  static func sentences(_ body: String) -> Int {
    guard let list = body.components(separatedBy: "<ol reversed>").dropFirst().first else {
      return 0
    }
    let items = list.components(separatedBy: "</ol>").first ?? ""
    return items.components(separatedBy: "<li>").count - 1
  }

  /// `curl` run as `nobody` (uid 65534): another person's account on this computer.
  static func asNobody(_ url: String, cookie: String) async throws -> (Int, String) {
    let text = try await asNobody([
      "/usr/bin/curl", "-s", "-H", "Cookie: \(cookie)", "-w", "\n%{http_code}", url,
    ])
    let status = Int(text.split(separator: "\n").last ?? "") ?? 0
    return (status, text)
  }

  /// Paul unlocked, and the address part of Maria's wallet on his home page.
  static func paulsWayToMaria(_ visit: AppVisit) async throws -> String {
    try await visit.unlock("paul", passphrase)
    let home = try await visit.get("/")
    return try #require(
      home.body.components(separatedBy: "href=\"/acting/").dropFirst().first.map {
        String($0.prefix { $0 != "\"" })
      }, "\(home.body)")
  }

  /// A command run as `nobody`; what it prints.
  static func asNobody(_ command: [String], environment: [String: String] = [:]) async throws
    -> String
  {
    let process = try ChildProcess.start(
      "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups"] + command,
      environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }, output: .capture)
    let data = await Task.detached { process.readOutput() }.value
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}

/// walletd's own text in a refusal is quoted as walletd's, on one line of
/// 160 characters at most: a hostile platform cannot write a page of its own
/// into the person's screen.
@Suite("What walletd says in a refusal")
struct WalletdWordsTests {
  @Test func walletdsTextIsOneShortLine() {
    let long =
      "Call +352 000 000 with your recovery code now.\n\n" + String(repeating: "x", count: 400)
    let message = Messages.refused(
      Problem(type: "urn:psp:problem:conflict", title: "Conflict", status: 409, detail: long))
    let said = message.text.en
    #expect(said.contains("walletd: \u{201C}Call +352"))
    #expect(!said.contains("\n"))
    #expect(said.contains("x…\u{201D}"), "cut at 160")
    #expect(said.count < 300)
    #expect(!message.text.fr.contains("Call +352"), "quoted in English only")
  }
}
