import Foundation
import Testing

@testable import WalletCLIKit

/// `--json` prints one JSON document on standard output and nothing else
/// (previews, notes and questions go to standard error), for every command a
/// script uses, for the citizen, the trustee and the administration.
@Suite("--json prints JSON only")
struct JSONOutputTests {
  func isJSON(_ text: String) -> Bool {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
      != nil
  }

  @Test func everyCommandPrintsOneDocument() async throws {
    try await Platform.run([
      ("operator", "operateur"), ("administration", "office"), ("citizen", "maria"),
      ("trustee", "paul"),
    ]) { cli, platform, home in
      try await platform.register(
        "office", id: "office-social-redange", title: "Office social de Redange",
        kind: "office-social", purposes: "aide-sociale")
      let csv = home.file("maria.csv")
      try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: csv))
      struct Given: Decodable { let reference: String }
      var reference = ""
      let maria = ["--as", "maria"]
      let steps: [[String]] = [
        ["wallet", "open", "--accept"] + maria,
        ["field", "import", csv] + maria,
        ["field", "set", "surname", "Ferreira"] + maria,
        ["field", "get", "surname"] + maria,
        ["field", "list"] + maria,
        ["field", "history", "surname"] + maria,
        ["grant", "create", "--to", "office-social-redange", "--purpose", "aide-sociale", "--yes"]
          + maria,
        ["grant", "list"] + maria,
        [
          "procuration", "create", "--to", "paul", "--purposes", "aide-sociale", "--actions",
          "read,update,file,grant", "--days", "30", "--yes",
        ] + maria,
        ["procuration", "list"] + maria,
        ["filing", "create", "--purpose", "aide-sociale", "--at", "office-social-redange", "--yes"]
          + maria,
        ["filing", "list"] + maria,
        ["log"] + maria,
        ["wallet", "status"] + maria,
        ["wallet", "export"] + maria,
        ["administrations"],
        ["trust", "show"] + maria,
        ["admin", "grants", "--as", "office"],
      ]
      for step in steps {
        let result = await cli.run(step + ["--json"], input: ["oui"])
        #expect(result.code == 0, "\(step): \(result.err)")
        #expect(isJSON(result.out), "\(step) printed: \(result.out.prefix(200))")
        if step.starts(with: ["procuration", "create"]) {
          reference = try JSONDecoder().decode(Given.self, from: Data(result.out.utf8)).reference
        }
      }
      let paul = ["--as", "paul", "--on-behalf-of", reference]
      for step: [String] in [
        ["field", "get", "address"],
        ["field", "set", "address", "3, place de l'Église, L-8510 Redange"],
        ["field", "history", "address"], ["grant", "list"], ["filing", "list"], ["log"],
        ["wallet", "status"], ["wallet", "export"],
        ["grant", "create", "--to", "office-social-redange", "--purpose", "aide-sociale", "--yes"],
        [
          "filing", "create", "--purpose", "aide-sociale", "--at", "office-social-redange", "--yes",
        ],
      ] {
        let result = await cli.run(step + paul + ["--json"], input: ["oui"])
        #expect(result.code == 0, "\(step): \(result.err)")
        #expect(isJSON(result.out), "\(step) printed: \(result.out.prefix(200))")
      }
    }
  }
}
