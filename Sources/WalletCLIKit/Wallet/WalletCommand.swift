import ArgumentParser

struct WalletCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "wallet",
      abstract: helpText(
        fr: "Ouvrir, regarder, exporter et fermer votre portefeuille.",
        en: "Open, look at, export and close your wallet (portefeuille).",
        de: "Ihre Brieftasche öffnen, ansehen, exportieren und schließen.",
        pt: "Abrir, consultar, exportar e fechar a sua carteira."),
      discussion: helpText(
        fr: """
          Un portefeuille est ouvert par la personne elle-même, après avoir lu et
          accepté le texte de consentement. Son numéro est gardé dans --home
          (state.json).

          Exemple :
            wallet-cli wallet open --as maria
            wallet-cli wallet status
            wallet-cli wallet export --output mes-donnees.json
          """,
        en: """
          A wallet is opened by the citizen alone, after reading and accepting the
          consent text. Its number is kept in --home (state.json).

          Example:
            wallet-cli wallet open --as maria
            wallet-cli wallet status
            wallet-cli wallet export --output mes-donnees.json
          """,
        de: """
          Eine Brieftasche öffnet nur der Inhaber oder die Inhaberin selbst, nach dem
          Lesen und Annehmen des Einwilligungstextes. Ihre Nummer wird in --home
          aufbewahrt (state.json).

          Beispiel:
            wallet-cli wallet open --as maria
            wallet-cli wallet status
            wallet-cli wallet export --output mes-donnees.json
          """,
        pt: """
          Uma carteira é aberta só pelo próprio titular, depois de ler e aceitar o
          texto de consentimento. O seu número fica guardado em --home (state.json).

          Exemplo:
            wallet-cli wallet open --as maria
            wallet-cli wallet status
            wallet-cli wallet export --output mes-donnees.json
          """),
      subcommands: [
        WalletOpenCommand.self, WalletStatusCommand.self, WalletExportCommand.self,
        WalletImportCommand.self, WalletCloseCommand.self,
      ])
  }
}
