import ArgumentParser
import PSPConsent

struct GrantRevokeCommand: GrantStatusCommand {
  static let action = StatusAction.revoke

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "revoke",
      abstract: helpText(
        fr: "Retirer une permission pour toujours.",
        en: "Withdraw a permission for good.",
        de: "Eine Erlaubnis für immer zurücknehmen.",
        pt: "Retirar uma autorização para sempre."),
      discussion: helpText(
        fr: """
          walletd refuse toute lecture avec elle à partir de maintenant, et les données
          qu'elle couvrait reçoivent de nouvelles clés. Ce qui a déjà été lu ne peut
          pas être repris.

          La commande demande d'abord : tapez « oui » (--yes dans un script).

          Exemple :
            wallet-cli grant revoke GRANT_ID
            wallet-cli grant revoke GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        en: """
          walletd refuses every reading under it from now on, and the fields it covered
          get new keys. What was already read cannot be taken back.

          It asks before: type "oui" (--yes in a script).

          Example:
            wallet-cli grant revoke GRANT_ID
            wallet-cli grant revoke GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        de: """
          walletd lehnt ab jetzt jedes Lesen damit ab, und die Angaben, die sie
          umfasste, bekommen neue Schlüssel. Was schon gelesen wurde, kann nicht
          zurückgeholt werden.

          Vorher wird gefragt: Geben Sie „ja“ ein (--yes in einem Skript).

          Beispiel:
            wallet-cli grant revoke GRANT_ID
            wallet-cli grant revoke GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        pt: """
          A partir de agora, o walletd recusa todas as leituras com ela, e os dados
          que ela cobria recebem chaves novas. O que já foi lido não pode ser
          recuperado.

          Antes, a pergunta é feita: escreva «sim» (--yes num script).

          Exemplo:
            wallet-cli grant revoke GRANT_ID
            wallet-cli grant revoke GRANT_ID --as paul --on-behalf-of PSP-…
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de la permission, donné par 'grant list'.",
        en: "The grant's number, from 'grant list'.",
        de: "Die Nummer der Erlaubnis, aus 'grant list'.",
        pt: "O número da autorização, dado por 'grant list'."),
      valueName: "grant-id"))
  var grantID: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  var assumeYes: Bool { confirm.yes }
}
