import ArgumentParser

struct WalletCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wallet",
    abstract: "Open, look at, export and close your wallet (portefeuille).",
    discussion: """
      A wallet is opened by the citizen alone, after reading and accepting the
      consent text. Its number is kept in --home (state.json).

      Example:
        wallet-cli wallet open --as maria
        wallet-cli wallet status
        wallet-cli wallet export --output mes-donnees.json
      """,
    subcommands: [
      WalletOpenCommand.self, WalletStatusCommand.self, WalletExportCommand.self,
      WalletCloseCommand.self,
    ])
}
