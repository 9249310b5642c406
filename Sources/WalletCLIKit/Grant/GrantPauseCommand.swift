import ArgumentParser
import PSPConsent

struct GrantPauseCommand: GrantStatusCommand {
  static let action = StatusAction.pause

  static let configuration = CommandConfiguration(
    commandName: "pause",
    abstract: "Pause a permission for a while.",
    discussion: """
      Example:
        wallet-cli grant pause GRANT_ID
        wallet-cli grant pause GRANT_ID --as paul --on-behalf-of PSP-…
      """)

  @Argument(help: ArgumentHelp("The grant's number, from 'grant list'.", valueName: "grant-id"))
  var grantID: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
}
