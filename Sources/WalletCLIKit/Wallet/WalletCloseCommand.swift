import ArgumentParser
import PSPWallet
import WalletClient

struct WalletCloseCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "close",
      abstract: helpText(
        fr: "Fermer votre portefeuille pour toujours (demande une confirmation).",
        en: "Close your wallet for good (asks for confirmation).",
        de: "Ihre Brieftasche für immer schließen (fragt nach einer Bestätigung).",
        pt: "Fechar a sua carteira para sempre (pede confirmação)."),
      discussion: helpText(
        fr: """
          Après la fermeture, aucune administration ne peut plus lire vos données. Ce
          qui a déjà été lu ne peut pas être repris. Exportez d'abord vos données si
          vous voulez les garder.

          Exemple :
            wallet-cli wallet export --output mes-donnees.json
            wallet-cli wallet close --as maria
          """,
        en: """
          After closing, no administration can read your fields any more. What was
          already read cannot be taken back. Export your data first if you want to
          keep them.

          Example:
            wallet-cli wallet export --output mes-donnees.json
            wallet-cli wallet close --as maria
          """,
        de: """
          Nach dem Schließen kann keine Behörde Ihre Angaben mehr lesen. Was schon
          gelesen wurde, kann nicht zurückgeholt werden. Exportieren Sie Ihre Angaben
          vorher, wenn Sie sie behalten möchten.

          Beispiel:
            wallet-cli wallet export --output mes-donnees.json
            wallet-cli wallet close --as maria
          """,
        pt: """
          Depois de fechada, nenhuma administração pode voltar a ler os seus dados. O
          que já foi lido não pode ser recuperado. Exporte primeiro os seus dados se
          os quiser guardar.

          Exemplo:
            wallet-cli wallet export --output mes-donnees.json
            wallet-cli wallet close --as maria
          """))
  }

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try OnBehalfOf.citizensOwn(home, actor, invocation)
      let citizen = try await acting.citizen(server, invocation)
      try invocation.confirm(WalletWords.closeQuestion, assumeYes: confirm.yes)
      try await citizen.close(at: invocation.now)
      try HomeState.update(acting.home, acting.name) {
        $0.closedWallet = $0.wallet
        $0.wallet = nil
        $0.checkpoint = nil
      }
      if invocation.json {
        return try invocation.printJSON(["closed": citizen.walletID.description])
      }
      invocation.line(invocation.say(WalletWords.closed))
      invocation.line(invocation.say(WalletWords.readStays))
      invocation.line(
        fr:
          "Votre journal et vos demandes restent lisibles : wallet-cli log, wallet-cli filing list.",
        en: "Your log and your requests stay readable: wallet-cli log, wallet-cli filing list.",
        de:
          "Ihr Protokoll und Ihre Anträge bleiben lesbar: wallet-cli log, wallet-cli filing list.",
        pt:
          "O seu registo e os seus pedidos continuam legíveis: wallet-cli log, wallet-cli filing list."
      )
    }
  }
}
