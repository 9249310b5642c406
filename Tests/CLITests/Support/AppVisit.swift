import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import WalletCLIKit

/// A client that follows no redirect and keeps no cookie by itself.
final class AppBrowser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  /// What the app answered: its status, its headers (names in small letters), its page.
  typealias Answer = (status: Int, headers: [String: String], body: String)

  lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) { completionHandler(nil) }

  func send(
    _ method: String, _ url: String, headers: [String: String] = [:],
    form: [String: String]? = nil
  ) async throws -> Answer {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    request.httpShouldHandleCookies = false
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if let form { Self.encode(form.map { ($0.key, $0.value) }, into: &request) }
    return try await answer(request)
  }

  /// A form as a browser sends it: a name may come several times (checkboxes).
  func send(
    _ method: String, _ url: String, headers: [String: String] = [:], pairs: [(String, String)]
  ) async throws -> Answer {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    request.httpShouldHandleCookies = false
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    Self.encode(pairs, into: &request)
    return try await answer(request)
  }

  static func encode(_ pairs: [(String, String)], into request: inout URLRequest) {
    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    request.httpBody = Data(
      pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
        .joined(separator: "&").utf8)
  }

  func answer(_ request: URLRequest) async throws -> Answer {
    let (data, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      headers[String(describing: name).lowercased()] = String(describing: value)
    }
    return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
  }
}

/// One browser's visit to the app: the printed address opened once (its
/// session cookie), and the forms' anti-forgery token.
struct AppVisit {
  let browser: AppBrowser
  let base: String
  let cookie: String
  let csrf: String

  /// A visit already opened by hand (the handshake itself under test).
  init(browser: AppBrowser, base: String, cookie: String, csrf: String) {
    self.browser = browser
    self.base = base
    self.cookie = cookie
    self.csrf = csrf
  }

  /// Opens the app's printed address, keeps the cookie, reads the form token.
  init(_ app: AppServer) async throws {
    browser = AppBrowser()
    base = "http://127.0.0.1:\(app.port)"
    let first = try await browser.send("GET", await app.address())
    let setCookie = try #require(first.headers["set-cookie"])
    cookie = String(setCookie.prefix { $0 != ";" })
    let page = try await browser.send("GET", base + "/", headers: ["Cookie": cookie])
    csrf = try #require(Self.value(of: "csrf", in: page.body))
  }

  /// A visit opened, then unlocked with the passphrase.
  static func unlocked(_ app: AppServer, passphrase: String) async throws -> AppVisit {
    let visit = try await AppVisit(app)
    try await visit.unlock(passphrase)
    return visit
  }

  func get(_ path: String) async throws -> AppBrowser.Answer {
    try await browser.send("GET", base + path, headers: ["Cookie": cookie])
  }

  /// A form from this page: the cookie, this address as `Origin`, the
  /// session's token unless `csrf` is false.
  func post(_ path: String, _ form: [String: String], csrf: Bool = true) async throws
    -> AppBrowser.Answer
  {
    var form = form
    if csrf { form["csrf"] = self.csrf }
    return try await browser.send(
      "POST", base + path, headers: ["Cookie": cookie, "Origin": base], form: form)
  }

  /// The same, a name possibly several times (checkboxes), the token first.
  func post(_ path: String, _ pairs: [(String, String)], csrf: Bool = true) async throws
    -> AppBrowser.Answer
  {
    try await browser.send(
      "POST", base + path, headers: ["Cookie": cookie, "Origin": base],
      pairs: (csrf ? [("csrf", self.csrf)] : []) + pairs)
  }

  /// A `multipart/form-data` form with one file, as a browser sends it.
  func upload(
    _ path: String, _ fields: [String: String], file: [UInt8], filename: String, type: String
  ) async throws -> (status: Int, body: String) {
    let boundary = "----psp\(UUID().uuidString)"
    var body = Data()
    for (name, value) in fields {
      body += Data(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
          .utf8)
    }
    body += Data(
      ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n"
        + "Content-Type: \(type)\r\n\r\n").utf8)
    body += Data(file)
    body += Data("\r\n--\(boundary)--\r\n".utf8)
    var request = URLRequest(url: URL(string: base + path)!)
    request.httpMethod = "POST"
    request.httpShouldHandleCookies = false
    request.setValue(cookie, forHTTPHeaderField: "Cookie")
    request.setValue(base, forHTTPHeaderField: "Origin")
    request.setValue(
      "multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
    request.httpBody = body
    let (data, response) = try await browser.session.data(for: request)
    return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
  }

  func bytes(_ path: String) async throws -> (status: Int, type: String?, data: Data) {
    var request = URLRequest(url: URL(string: base + path)!)
    request.httpShouldHandleCookies = false
    request.setValue(cookie, forHTTPHeaderField: "Cookie")
    let (data, response) = try await browser.session.data(for: request)
    let http = response as! HTTPURLResponse
    return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type"), data)
  }

  /// Unlocks the app's identity with its passphrase; it must work.
  func unlock(_ passphrase: String, sourceLocation: SourceLocation = #_sourceLocation)
    async throws
  {
    let unlocked = try await post("/unlock", ["passphrase": passphrase])
    try #require(
      unlocked.status == 303, "could not unlock: \(unlocked.body)", sourceLocation: sourceLocation)
  }

  /// Unlocks `who` (the demo's people) with the passphrase; it must work.
  func unlock(
    _ who: String, _ passphrase: String, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let unlocked = try await post("/unlock", ["who": who, "passphrase": passphrase])
    try #require(
      unlocked.status == 303, "\(who) could not unlock: \(unlocked.body)",
      sourceLocation: sourceLocation)
  }

  func lock() async throws { _ = try await post("/lock", [:]) }

  /// The value of the first form input called `name` on a page.
  static func value(of name: String, in body: String) -> String? {
    body.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first.map {
      String($0.prefix { $0 != "\"" })
    }
  }
}

extension AppServer {
  /// `wallet-cli app --as name` in `cli`'s home against the platform's
  /// walletd, its pages in French.
  static func start(_ cli: CLIHarness, _ platform: Platform, as name: String) async throws
    -> AppServer
  {
    var context = cli
    context.environment["PSP_SERVER"] = platform.daemon.baseURL
    return try await CLIEnvironment.$values.withValue(context.environment) {
      try await AppServer.start(
        AppContext(
          home: try HomeOptions.parse([]), actor: try ActorOptions.parse(["--as", name]),
          server: try ServerOptions.parse([]), language: .french,
          environment: context.environment))
    }
  }
}

extension CLIHarness {
  /// The passphrase of every identity in the home.
  func passphrase(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    try #require(environment["PSP_PASSPHRASE"], sourceLocation: sourceLocation)
  }
}

extension Platform {
  /// The identity `name` certified as the FNS, for the allocation de vie chère.
  func registerFNS(_ name: String = "fns") async throws {
    try await register(
      name, id: "fns", title: "Fonds national de solidarité", kind: "fns",
      purposes: "allocation-vie-chere")
  }

  /// The identity `name` certified as the office social de Redange, for the
  /// aide sociale (an aid with a legal deadline).
  func registerOfficeSocial(_ name: String = "office") async throws {
    try await register(
      name, id: "office-social-redange", title: "Office social de Redange",
      kind: "office-social", purposes: "aide-sociale")
  }
}

extension Platform {
  /// Where most app tests begin: the identities operateur, fns, maria (then
  /// `others`), the FNS registered, Maria's wallet opened with her surname.
  static func runMariaAndFNS(
    also others: [(kind: String, name: String)] = [],
    _ body: (CLIHarness, Platform, TemporaryFolder) async throws -> Void
  ) async throws {
    try await run(
      [("operator", "operateur"), ("administration", "fns"), ("citizen", "maria")] + others
    ) { cli, platform, home in
      try await platform.registerFNS()
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
      try await body(cli, platform, home)
    }
  }
}
