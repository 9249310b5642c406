import ArgumentParser
import PSPConsent

struct GrantPauseCommand: GrantStatusCommand {
  static let action = StatusAction.pause

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "pause",
      abstract: helpText(
        fr: "Suspendre une permission pour un temps.",
        en: "Pause a permission for a while.",
        de: "Eine Erlaubnis für eine Weile aussetzen.",
        pt: "Suspender uma autorização durante algum tempo."),
      discussion: helpText(
        fr: """
          Exemple :
            wallet-cli grant pause GRANT_ID
            wallet-cli grant pause GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        en: """
          Example:
            wallet-cli grant pause GRANT_ID
            wallet-cli grant pause GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        de: """
          Beispiel:
            wallet-cli grant pause GRANT_ID
            wallet-cli grant pause GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Exemplo:
            wallet-cli grant pause GRANT_ID
            wallet-cli grant pause GRANT_ID --as paul --on-behalf-of PSP-…
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
}
