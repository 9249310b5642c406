import ArgumentParser
import PSPWallet
import WalletClient

struct WalletCloseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Close your wallet for good (asks for confirmation).",
    discussion: """
      After closing, no administration can read your fields any more. What was
      already read cannot be taken back. Export your data first if you want to
      keep them.

      Example:
        wallet-cli wallet export --output mes-donnees.json
        wallet-cli wallet close --as maria
      """)

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL() }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try OnBehalfOf.citizensOwn(home, actor, invocation)
      let citizen = try await acting.citizen(server, invocation)
      try invocation.confirm(
        LocalizedText(
          fr: "Fermer le portefeuille pour toujours ? Pensez à exporter vos données avant.",
          en: "Close the wallet for good? Remember to export your data first."),
        assumeYes: confirm.yes)
      try await citizen.close(at: invocation.now)
      try HomeState.update(acting.home, acting.name) {
        $0.closedWallet = $0.wallet
        $0.wallet = nil
        $0.checkpoint = nil
      }
      if invocation.json {
        return try invocation.printJSON(["closed": citizen.walletID.description])
      }
      invocation.line(
        fr: "Votre portefeuille est fermé. Aucune administration ne peut plus y lire vos données.",
        en: "Your wallet is closed. No administration can read your data in it any more.")
      invocation.line(
        fr: "Ce qui a déjà été lu ne peut pas être repris.",
        en: "What was already read cannot be taken back.")
      invocation.line(
        fr:
          "Votre journal et vos demandes restent lisibles : wallet-cli log, wallet-cli filing list.",
        en: "Your log and your requests stay readable: wallet-cli log, wallet-cli filing list.")
    }
  }
}
