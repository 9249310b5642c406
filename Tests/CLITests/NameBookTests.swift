import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

/// People are shown by name where a person reads — the procuration's
/// preview, the list, the log — from the name the citizen chose (here, the
/// one in Paul's public identity file); the name is kept sealed on Maria's
/// device, never in clear in state.json and never sent to walletd.
@Suite("Names, not key ids")
struct NameBookTests {
  @Test func theTrustedPersonIsShownByName() async throws {
    try await Platform.run([("operator", "operateur"), ("citizen", "maria"), ("trustee", "paul")]) {
      cli, platform, home in
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      let csv = home.file("maria.csv")
      try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: csv))
      try await cli.ok(["field", "import", csv, "--as", "maria"])
      let shown = try await cli.ok(["identity", "show", "--as", "paul", "--json"])
      var object = try #require(
        try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
      object["name"] = "Paul Schmit"
      let file = home.file("paul.public.json")
      try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))

      struct Given: Decodable { let reference: String }
      let preview = try await cli.ok([
        "procuration", "create", "--as", "maria", "--to", file, "--circle", "1", "--actions",
        "read", "--yes",
      ])
      #expect(preview.contains("à la personne de confiance Paul Schmit (k4.pid."), "\(preview)")
      let reference = try #require(
        preview.split(separator: "\n").first { $0.hasPrefix("  PSP-") }
      ).trimmingCharacters(in: .whitespaces)
      let listed = try await cli.ok(["procuration", "list", "--as", "maria"])
      #expect(listed.contains("pour la personne de confiance Paul Schmit (k4.pid."), "\(listed)")

      // Paul reads; Maria's log names him.
      try await cli.ok(["field", "get", "address", "--as", "paul", "--on-behalf-of", reference])
      let log = try await cli.ok(["log", "--as", "maria"])
      #expect(log.contains("votre personne de confiance Paul Schmit"), "\(log)")
      let english = try await cli.ok(["log", "--as", "maria", "--lang", "en"])
      #expect(english.contains("your trusted person Paul Schmit"), "\(english)")

      // Nowhere in clear: not in state.json, not in walletd's files.
      let state = try String(contentsOfFile: home.file("state.json"), encoding: .utf8)
      #expect(!state.contains("Schmit"))
      for file in try FileManager.default.subpathsOfDirectory(atPath: platform.data.path) {
        let bytes =
          (try? Data(contentsOf: URL(fileURLWithPath: platform.data.path + "/" + file)))
          ?? Data()
        #expect(bytes.range(of: Data("Schmit".utf8)) == nil, "\(file)")
      }
    }
  }
}

/// A name that could drive the terminal (escape sequences, line breaks, bidi
/// controls) is not kept or printed: the key id is shown instead.
@Suite("Names are printable")
struct PrintableNameTests {
  @Test(arguments: [
    "Paul\u{1B}[2J", "Paul\nSchmit", "Paul\u{202E}timhcS", "Paul\u{2028}", "\u{0007}",
    String(repeating: "a", count: 81), "  ",
  ])
  func aHostileNameIsRefused(_ name: String) {
    #expect(NameBook.printable(name) == nil)
  }

  @Test(arguments: ["Paul Schmit", "José Gonçalves-Ferreira", "Ana d'Oliveira", "Zoë Müller"])
  func anOrdinaryNameIsKept(_ name: String) {
    #expect(NameBook.printable(name) == name)
  }
}
