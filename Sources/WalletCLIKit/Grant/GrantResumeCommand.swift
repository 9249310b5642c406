import ArgumentParser
import PSPConsent

struct GrantResumeCommand: GrantStatusCommand {
  static let action = StatusAction.resume

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "resume",
      abstract: helpText(
        fr: "Reprendre une permission suspendue.",
        en: "Resume a paused permission.",
        de: "Eine ausgesetzte Erlaubnis fortsetzen.",
        pt: "Retomar uma autorização suspensa."),
      discussion: helpText(
        fr: """
          Exemple :
            wallet-cli grant resume GRANT_ID
            wallet-cli grant resume GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        en: """
          Example:
            wallet-cli grant resume GRANT_ID
            wallet-cli grant resume GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        de: """
          Beispiel:
            wallet-cli grant resume GRANT_ID
            wallet-cli grant resume GRANT_ID --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Exemplo:
            wallet-cli grant resume GRANT_ID
            wallet-cli grant resume GRANT_ID --as paul --on-behalf-of PSP-…
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
