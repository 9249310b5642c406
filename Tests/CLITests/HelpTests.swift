import ArgumentParser
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
    ("demo", DemoCommand.self),
  ]

  @Test(arguments: families.map(\.0))
  func familyHelp(_ name: String) throws {
    let command = try #require(Self.families.first { $0.0 == name }?.1)
    try Golden.check(WalletCLI.helpMessage(for: command, columns: 80), "help-\(name).txt")
  }

  /// Every command, family or not, has an abstract and an example.
  @Test func everyCommandHasAnExample() {
    func visit(_ command: any ParsableCommand.Type, _ path: String) {
      let configuration = command.configuration
      #expect(!configuration.abstract.isEmpty, "\(path) has no abstract")
      #expect(configuration.discussion.contains("wallet-cli"), "\(path) has no example")
      for sub in configuration.subcommands {
        visit(sub, path + " " + (sub.configuration.commandName ?? "?"))
      }
    }
    visit(WalletCLI.self, "wallet-cli")
  }

  /// `--help` through the real entry point prints on standard output and exits 0.
  @Test func helpExitsZero() async {
    let folder = TemporaryFolder()
    let result = await CLIHarness(home: folder.path).run(["grant", "create", "--help"])
    #expect(result.code == 0)
    #expect(result.out.contains("USAGE: wallet-cli grant create"))
    #expect(result.err.isEmpty)
  }
}
