import ArgumentParser
import PSPWallet

struct FieldCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "field",
      abstract: helpText(
        fr: "Remplir et lire les données de votre portefeuille.",
        en: "Fill in and read the fields (données) of your wallet.",
        de: "Die Daten Ihrer Brieftasche eintragen und lesen.",
        pt: "Preencher e ler os dados da sua carteira."),
      discussion: helpText(
        fr: """
          Chaque donnée est vérifiée avant d'être enregistrée, chiffrée ici avec sa
          propre clé, puis envoyée à walletd, qui ne peut pas la lire. Les noms des
          données sont ceux du catalogue : voyez-les tous avec
          'wallet-cli field list --all'.

          Exemple :
            wallet-cli field set iban "LU28 0019 4006 4475 0000"
            wallet-cli field get iban
            wallet-cli field list
          """,
        en: """
          Each field is checked before it is saved, encrypted here with its own key, and
          sent to walletd, which cannot read it. Field names are those of the catalogue:
          see them all with 'wallet-cli field list --all'.

          Example:
            wallet-cli field set iban "LU28 0019 4006 4475 0000"
            wallet-cli field get iban
            wallet-cli field list
          """,
        de: """
          Jede Angabe wird geprüft, bevor sie gespeichert wird, hier mit ihrem eigenen
          Schlüssel verschlüsselt und an walletd geschickt, das sie nicht lesen kann.
          Die Namen der Angaben sind die des Katalogs: alle sehen Sie mit
          'wallet-cli field list --all'.

          Beispiel:
            wallet-cli field set iban "LU28 0019 4006 4475 0000"
            wallet-cli field get iban
            wallet-cli field list
          """,
        pt: """
          Cada dado é verificado antes de ser guardado, cifrado aqui com a sua própria
          chave e enviado ao walletd, que não o pode ler. Os nomes dos dados são os do
          catálogo: veja-os todos com 'wallet-cli field list --all'.

          Exemplo:
            wallet-cli field set iban "LU28 0019 4006 4475 0000"
            wallet-cli field get iban
            wallet-cli field list
          """),
      subcommands: [
        FieldSetCommand.self, FieldGetCommand.self, FieldListCommand.self,
        FieldHistoryCommand.self,
        FieldImportCommand.self,
      ])
  }

  /// The catalogue entry a field name on the command line names.
  static func definition(_ name: String) -> FieldDefinition? {
    FieldID(rawValue: name).flatMap { FieldCatalogue.standard[$0] }
  }
}
