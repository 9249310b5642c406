import ArgumentParser
import Testing

@testable import WalletCLIKit

/// Wrong arguments, command by command: parsing refuses them, the documented
/// exit code is 2, and the message follows the rule with a hint.
@Suite("Wrong usage")
struct UsageTests {
  static let wallet = "AAAAAAAAAAAAAAAAAAAAAA"
  static let id = "AAAAAAAAAAAAAAAAAAAAAA"

  static let wrong: [[String]] = [
    ["nonsense"],
    ["identity", "create"],
    ["identity", "create", "--kind", "king", "--name", "maria"],
    ["identity", "create", "--kind", "citizen", "--name", "../maria"],
    ["identity", "show", "extra"],
    ["identity", "recover", "--bogus"],
    ["wallet", "open", "--bogus"],
    ["wallet", "status", "--server", "ftp://example"],
    ["wallet", "close", "extra"],
    ["wallet", "export", "--output"],
    ["field", "set"],
    ["field", "set", "nope", "1"],
    ["field", "set", "iban"],
    ["field", "set", "iban", "LU28", "--file", "x.pdf"],
    ["field", "get", "nope"],
    ["field", "list", "extra"],
    ["field", "history"],
    ["field", "import"],
    ["grant", "create", "--to", "fns"],
    ["grant", "create", "--to", "fns", "--purpose", "nope"],
    ["grant", "create", "--to", "fns", "--purpose", "revis", "--days", "0"],
    ["grant", "list", "extra"],
    ["grant", "pause", "not-an-id"],
    ["grant", "resume"],
    ["grant", "revoke", "x"],
    ["procuration", "create", "--once"],
    ["procuration", "create", "--to", "paul", "--once", "--purpose", "aide-sociale"],
    ["procuration", "create", "--to", "paul", "--circle", "9"],
    [
      "procuration", "create", "--to", "paul", "--to-key", "k4.public.x", "--to-encryption-key",
      "y",
    ],
    ["procuration", "create", "--to", "paul", "--actions", "dance"],
    ["procuration", "list", "--wallet", "short"],
    ["procuration", "revoke", "x"],
    ["filing", "create", "--purpose", "aide-sociale"],
    ["filing", "create", "--purpose", "nope", "--at", "fns"],
    ["filing", "create", "--purpose", "aide-sociale", "--at", "x", "--procuration", id],
    ["filing", "list", "extra"],
    ["filing", "show", "bad"],
    ["log", "--bogus"],
    ["log", "--verify", "extra"],
    ["admin", "grants", "extra"],
    ["admin", "read", "--wallet", wallet, "--grant", id],
    ["admin", "read", "--wallet", "w", "--grant", id, "--purpose", "revis"],
    [
      "admin", "acknowledge", "--wallet", wallet, "--filing", id, "--number", "1",
      "--registered-on", "12/03/2026",
      "--service", "S", "--phone", "1",
    ],
    [
      "admin", "decide", "--wallet", wallet, "--filing", id, "--outcome", "maybe", "--motivation",
      "m",
      "--recourse", "r",
    ],
    ["operator", "register"],
    ["registrar", "certify", "--id", "fns"],
    [
      "registrar", "certify", "--id", "fns", "--name", "FNS", "--kind", "bank", "--keys", "f.json",
      "--purposes",
      "revis", "--service", "S", "--phone", "1",
    ],
    [
      "registrar", "certify", "--id", "fns", "--name", "FNS", "--kind", "fns", "--keys", "f.json",
      "--purposes", "revis", "--service", "S", "--phone", "1", "--days", "0",
    ],
    ["trust", "accept"],
    ["demo", "--lang", "it"],
  ]

  @Test(arguments: wrong)
  func parsingRefusesWithExitCodeTwo(_ arguments: [String]) throws {
    let error = try #require(throws: (any Error).self) { _ = try WalletCLI.parseAsRoot(arguments) }
    #expect(WalletCLI.exitCode(for: error).rawValue == 2)
  }

  @Test(arguments: wrong)
  func theMessageFollowsTheRule(_ arguments: [String]) async {
    let folder = TemporaryFolder()
    let result = await CLIHarness(home: folder.path).run(arguments)
    #expect(result.code == 2)
    #expect(result.out.isEmpty)
    let lines = result.err.split(separator: "\n")
    #expect(lines.count == 2, "\(result.err)")
    #expect(lines.first?.hasPrefix("wallet-cli: ") == true)
    #expect(lines.last?.hasPrefix("hint: ") == true)
  }

  /// A usage message is in the language of --lang even when parsing fails.
  @Test func usageHintIsInTheLanguageAsked() async {
    let folder = TemporaryFolder()
    let english = await CLIHarness(home: folder.path).run(["field", "set", "--lang", "en"])
    #expect(
      english.err.contains(
        "hint: Type 'wallet-cli field set --help' to see the usage and an example."))
    let french = await CLIHarness(home: folder.path).run(["field", "set"])
    #expect(
      french.err.contains(
        "hint: Tapez 'wallet-cli field set --help' pour voir l'usage et un exemple."))
  }

  @Test func languageFromTheLocale() {
    #expect(OutputOptions.language(fromLocale: ["LANG": "en_GB.UTF-8"]) == .english)
    #expect(OutputOptions.language(fromLocale: ["LANG": "de_LU.UTF-8"]) == .german)
    #expect(OutputOptions.language(fromLocale: ["LANG": "pt_PT.UTF-8"]) == .portuguese)
    #expect(OutputOptions.language(fromLocale: ["LANG": "lb_LU.UTF-8"]) == .french)
    #expect(OutputOptions.language(fromLocale: [:]) == .french)
    #expect(
      OutputOptions.language(fromLocale: ["LANG": "en_US.UTF-8", "LC_ALL": "fr_LU.UTF-8"])
        == .french)
    #expect(
      OutputOptions.language(fromLocale: ["LANG": "fr_LU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"])
        == .english)
  }
}
