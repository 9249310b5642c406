import ArgumentParser
import PSPWallet
import Testing

@testable import WalletCLIKit

/// The help of the root and of every command family, as golden text: help is
/// part of the interface a social worker reads, so a change is reviewed.
@Suite("Help text")
struct HelpTests {
  static let families: [(String, any ParsableCommand.Type)] = [
    ("wallet-cli", WalletCLI.self), ("identity", IdentityCommand.self),
    ("wallet", WalletCommand.self),
    ("field", FieldCommand.self), ("grant", GrantCommand.self),
    ("procuration", ProcurationCommand.self),
    ("filing", FilingCommand.self), ("log", LogCommand.self), ("admin", AdminCommand.self),
    ("operator", OperatorCommand.self), ("registrar", RegistrarCommand.self),
    ("trust", TrustCommand.self),
    ("demo", DemoCommand.self), ("app", AppCommand.self),
  ]

  /// Each family's help in each language, as `--help --lang L` prints it
  /// (English in help-NAME.txt, the others in help-NAME.LANG.txt).
  @Test(arguments: families.map(\.0), Language.allCases)
  func familyHelp(_ name: String, _ language: Language) throws {
    let command = try #require(Self.families.first { $0.0 == name }?.1)
    let text = HelpLanguage.$current.withValue(language) {
      ParserWords.help(WalletCLI.helpMessage(for: command, columns: 80), in: language)
    }
    let suffix = language == .english ? "" : "." + language.rawValue
    try Golden.check(text, "help-\(name)\(suffix).txt")
  }

  /// Every command, family or not, has an abstract and an example.
  @Test(arguments: Language.allCases)
  func everyCommandHasAnExample(_ language: Language) {
    func visit(_ command: any ParsableCommand.Type, _ path: String) {
      let configuration = HelpLanguage.$current.withValue(language) { command.configuration }
      #expect(!configuration.abstract.isEmpty, "\(path) has no abstract")
      #expect(configuration.discussion.contains("wallet-cli"), "\(path) has no example")
      for sub in configuration.subcommands {
        visit(sub, path + " " + (sub.configuration.commandName ?? "?"))
      }
    }
    visit(WalletCLI.self, "wallet-cli")
  }

  /// `--help` follows `--lang`, and the locale when there is none.
  @Test func helpFollowsTheLanguage() async {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    let german = await cli.run(["grant", "create", "--help", "--lang", "de"])
    #expect(german.out.contains("AUFRUF: wallet-cli grant create"))
    let portuguese = await cli.run(["grant", "create", "--help", "--lang", "pt"])
    #expect(portuguese.out.contains("UTILIZAÇÃO: wallet-cli grant create"))
    let french = await cli.run(["grant", "create", "--help", "--lang", "fr"])
    #expect(french.out.contains("UTILISATION : wallet-cli grant create"))
  }

  /// `--help` through the real entry point prints on standard output and exits 0.
  @Test func helpExitsZero() async {
    let folder = TemporaryFolder()
    let result = await CLIHarness(home: folder.path).run([
      "grant", "create", "--help", "--lang", "en",
    ])
    #expect(result.code == 0)
    #expect(result.out.contains("USAGE: wallet-cli grant create"))
    #expect(result.err.isEmpty)
  }
}
