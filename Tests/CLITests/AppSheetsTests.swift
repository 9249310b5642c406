import Foundation
import PSPProcess
import PSPConsent
import PSPWallet
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import WalletCLIKit

/// The printable sheets over real HTTP against a real walletd: the consent
/// receipt, a grant, a procuration with the wallet reference as a QR code,
/// a filing's acknowledgement, and the recovery sheet — each with what it
/// promises, none before the keystore is unlocked, an unknown number told
/// in place (404, never echoed). The QR codes on the pages decode, with
/// `zbarimg` (Debian's zbar-tools), to the text printed beside them.
@Suite("The app in a browser: the printable sheets")
struct AppSheetsTests {
  struct Listed: Decodable { let grant: String }
  struct Filed: Decodable { let filing: String }
  struct Given: Decodable {
    let procuration: String
    let reference: String
  }
  struct Received: Decodable {
    let wallet: String
    let grant: String
    let filing: String?
  }

  @Test func theSheetsSayWhatTheyPromise() async throws {
    try await Platform.run([
      ("operator", "operateur"), ("administration", "office"), ("citizen", "maria"),
      ("trustee", "paul"),
    ]) { cli, platform, _ in
      // The office social: its aid has a legal deadline, so a due date.
      try await platform.registerOfficeSocial()
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
      try await cli.ok([
        "grant", "create", "--to", "office-social-redange", "--purpose", "aide-sociale", "--days",
        "30",
        "--yes", "--as", "maria",
      ])
      let grant = try #require(
        try await cli.json(["grant", "list", "--as", "maria"], as: [Listed].self).first
      ).grant
      let given = try await cli.json(
        [
          "procuration", "create", "--as", "maria", "--to", "paul", "--days", "60",
          "--actions", "read,file", "--purposes", "aide-sociale", "--yes",
        ], as: Given.self)
      let filed = try await cli.json(
        [
          "filing", "create", "--as", "maria", "--purpose", "aide-sociale", "--at",
          "office-social-redange",
          "--yes",
        ], as: Filed.self)
      let received = try await cli.json(["admin", "grants", "--as", "office"], as: [Received].self)
      let request = try #require(received.first { $0.filing == filed.filing })
      try await cli.ok([
        "admin", "read", "--as", "office", "--wallet", request.wallet, "--grant", request.grant,
        "--purpose", "aide-sociale",
      ])
      let today = CalendarDate.today()
      try await cli.ok([
        "admin", "acknowledge", "--as", "office", "--wallet", request.wallet, "--filing",
        filed.filing, "--number", "OSR-2026-0042", "--service", "Accueil", "--phone",
        "+352 2000 0000", "--registered-on",
        try CivilDate(year: today.year, month: today.month, day: today.day).iso,
      ])

      let app = try await AppServer.start(cli, platform, as: "maria")
      defer { Task { await app.stop() } }
      let page = try await AppVisit(app)

      // Locked: no sheet, the passphrase is asked.
      for path in [
        "/sheets/consent", "/sheets/grant/\(grant)", "/sheets/procuration/\(given.procuration)",
        "/sheets/filing/\(filed.filing)",
      ] {
        let locked = try await page.get(path)
        #expect(locked.body.contains("name=\"passphrase\""), "\(path)")
        #expect(!locked.body.contains("<dl>"), "\(path)")
      }
      try await page.unlock(try cli.passphrase())

      // The consent receipt: the text accepted, when, the wallet, how to close it.
      let consent = try await page.get("/sheets/consent")
      #expect(consent.status == 200)
      Self.isPrintable(consent.body)
      #expect(consent.body.contains("<h1>Reçu de consentement</h1>"), "\(consent.body)")
      #expect(consent.body.contains("<dd>\(ConsentTerms.current.version)</dd>"))
      #expect(consent.body.contains("<dd>Français</dd>"))
      let dayToday = Words.day(Int64(Date().timeIntervalSince1970), .french)
      #expect(consent.body.contains("<dt>Accepté le</dt><dd>\(dayToday)</dd>"))
      #expect(consent.body.contains("<dt>Personne</dt><dd>maria</dd>"))
      let firstLine = try #require(ConsentTerms.current.french.split(separator: "\n").first)
      #expect(consent.body.contains("<li>\(Self.html(String(firstLine)))</li>"))
      #expect(consent.body.contains("wallet-cli wallet close"))

      // A grant: who reads what, until when, how to stop it; linked from the list.
      let grants = try await page.get("/grants")
      #expect(grants.body.contains("href=\"/sheets/grant/\(grant)\""), "\(grants.body)")
      let grantSheet = try await page.get("/sheets/grant/\(grant)")
      Self.isPrintable(grantSheet.body)
      #expect(
        grantSheet.body.contains("<dd>Office social de Redange</dd>"), "\(grantSheet.body)")
      #expect(
        grantSheet.body.contains(
          "<li>\(Self.html(GrantPreview.labels(["surname"], .french)[0]))</li>"))
      #expect(grantSheet.body.contains("<dd>en cours</dd>"))
      #expect(grantSheet.body.contains("wallet-cli grant revoke \(grant)"))
      #expect(grantSheet.body.contains("<dt>Jusqu&#39;au</dt>"))

      // The procuration, for Paul: what he may do, and the reference as text and QR.
      let procuration = try await page.get("/sheets/procuration/\(given.procuration)")
      Self.isPrintable(procuration.body)
      #expect(procuration.body.contains("<dt>Donnée par</dt><dd>maria</dd>"), "\(procuration.body)")
      #expect(procuration.body.contains("<dd>personnalisée</dd>"))
      let may = try #require(
        procuration.body.firstMatch(of: /<dt>Elle peut<\/dt><dd>([^<]*)<\/dd>/))
      #expect(
        Set(may.output.1.components(separatedBy: ", "))
          == Set([Words.action(.read).fr, Words.action(.file).fr].map(Self.html)))
      #expect(
        procuration.body.contains("<dd>\(Self.html(Words.aid("aide-sociale").fr))</dd>"))
      #expect(procuration.body.contains("<p class=\"text\">\(given.reference)</p>"))
      #expect(procuration.body.contains("wallet-cli procuration revoke \(given.procuration)"))
      #expect(try Self.decode(procuration.body) == given.reference, "the QR is the reference")

      // The filing's acknowledgement: numbers, contact, due date; linked from the list.
      let filings = try await page.get("/filings")
      #expect(filings.body.contains("href=\"/sheets/filing/\(filed.filing)\""), "\(filings.body)")
      let filing = try await page.get("/sheets/filing/\(filed.filing)")
      Self.isPrintable(filing.body)
      #expect(filing.body.contains("<dd>OSR-2026-0042</dd>"), "\(filing.body)")
      #expect(filing.body.contains("<dd>Accueil, +352 2000 0000</dd>"))
      #expect(filing.body.contains("<dt>Décision au plus tard le</dt>"))
      #expect(filing.body.contains("<dd>\(filed.filing)</dd>"))

      // Unknown or hostile numbers: said in place, 404, never echoed.
      for (path, message) in [
        ("/sheets/grant/", Messages.grantNotFound),
        ("/sheets/procuration/", Messages.procurationNotFound),
        ("/sheets/filing/", Messages.filingNotFound),
      ] {
        let unknown = try await page.get(path + "%3Cb%3Eevil%3C%2Fb%3E")
        #expect(unknown.status == 404, "\(path)")
        #expect(unknown.body.contains("role=\"alert\""))
        #expect(unknown.body.contains(Self.html(message.text.fr)), "\(unknown.body)")
        #expect(!unknown.body.contains("evil"))
      }
      // Maria's grant is not a procuration, nor her filing a grant.
      #expect(try await page.get("/sheets/procuration/\(grant)").status == 404)
      #expect(try await page.get("/sheets/grant/\(filed.filing)").status == 404)
    }
  }

  @Test func theRecoverySheetShowsTheCodeOnceAsTextAndQR() async throws {
    let pages = AppPages(
      context: AppContext(
        home: try HomeOptions.parse([]), actor: try ActorOptions.parse([]),
        server: try ServerOptions.parse([]), language: .german, environment: [:]),
      session: AppSession())
    let code = RecoveryCode().withGroupedText { $0 }
    let sheet = try pages.recoverySheetPage(name: "maria", code: code)
    Self.isPrintable(sheet)
    #expect(sheet.contains("<html lang=\"de\">"))
    #expect(sheet.contains("<h1>Wiederherstellungscode</h1>"))
    #expect(sheet.contains("<p class=\"text\">\(code)</p>"))
    #expect(sheet.contains("wallet-cli identity recover --as maria"))
    #expect(try Self.decode(sheet) == code, "the QR is the code printed beside it")
    let response = try await pages.recoverySheet(name: "maria", code: code)
    #expect(response.status.code == 200)
  }

  @Test func aQRCodeIsTheTextItsLabelEscapedTooLongRefused() throws {
    let text = "PSP-ABCD-<&>\"'"
    let qr = try QRCode(text)
    #expect(qr.side == qr.size + 8)
    for index in 0..<qr.side {
      for edge in [0, 1, 2, 3, qr.side - 4, qr.side - 3, qr.side - 2, qr.side - 1] {
        #expect(!qr.isDark(row: index, column: edge) && !qr.isDark(row: edge, column: index))
      }
    }
    let svg = qr.svg(label: text)
    #expect(svg.hasPrefix("<svg "))
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("aria-label=\"PSP-ABCD-&lt;&amp;&gt;&quot;&#39;\""))
    #expect(svg.contains("shape-rendering=\"crispEdges\""))
    #expect(svg.components(separatedBy: "<path").count == 2, "one path")
    #expect(try Self.decode(svg) == text)
    #expect(throws: Messages.qrTooLong) { try QRCode(String(repeating: "x", count: 3000)) }
    #expect(throws: Messages.qrTooLong) { try QRCode("") }
  }

  // MARK: helpers

  /// What every sheet is: its own page, no navigation nor form, the A4 print rule.
  static func isPrintable(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(body.contains("@page { size: A4; margin: 15mm; }"), sourceLocation: sourceLocation)
    #expect(!body.contains("<nav") && !body.contains("<form"), sourceLocation: sourceLocation)
    #expect(!body.contains("<script"), sourceLocation: sourceLocation)
    #expect(body.contains("class=\"screen\""), sourceLocation: sourceLocation)
  }

  static func html(_ text: String) -> String { AppTemplates.escape(text) }

  /// The first QR code of a page, drawn from its SVG path as a PBM image and
  /// read by `zbarimg` (from Debian's zbar-tools, which `./run test` installs).
  static func decode(_ page: String) throws -> String {
    let zbarimg = try #require(
      (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/zbarimg" }.first { FileManager.default.isExecutableFile(atPath: $0) },
      "zbarimg is missing: install zbar-tools (./run test installs it)")
    let svg = try #require(page.range(of: "<svg ").map { String(page[$0.lowerBound...]) })
    let side = try #require(
      svg.firstMatch(of: /viewBox="0 0 (\d+) (\d+)"/).flatMap { Int($0.output.1) })
    let path = try #require(svg.firstMatch(of: /<path fill="#000" d="([^"]*)"/)?.output.1)
    var dark = Array(repeating: false, count: side * side)
    for run in path.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
      let (x, y, width) = (Int(run.output.1)!, Int(run.output.2)!, Int(run.output.3)!)
      for column in x..<(x + width) { dark[y * side + column] = true }
    }
    let scale = 4
    var pbm = "P1\n\(side * scale) \(side * scale)\n"
    for row in 0..<(side * scale) {
      pbm +=
        (0..<(side * scale)).map { dark[(row / scale) * side + $0 / scale] ? "1" : "0" }
        .joined(separator: " ") + "\n"
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psp-qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let image = folder.appendingPathComponent("code.pbm")
    try pbm.write(to: image, atomically: true, encoding: .ascii)
    let process = try ChildProcess.start(zbarimg, ["--raw", "-q", image.path], output: .capture)
    let data = process.readOutput()
    #expect(process.waitUntilExit() == 0, "zbarimg read no code")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
  }
}
