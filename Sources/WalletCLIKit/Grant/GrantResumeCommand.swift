import ArgumentParser
import PSPConsent

struct GrantResumeCommand: GrantStatusCommand {
  static let action = StatusAction.resume

  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Resume a paused permission.",
    discussion: """
      Example:
        wallet-cli grant resume GRANT_ID
        wallet-cli grant resume GRANT_ID --as paul --on-behalf-of PSP-…
      """)

  @Argument(help: ArgumentHelp("The grant's number, from 'grant list'.", valueName: "grant-id"))
  var grantID: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
}
