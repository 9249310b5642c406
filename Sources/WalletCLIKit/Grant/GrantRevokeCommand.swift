import ArgumentParser
import PSPConsent

struct GrantRevokeCommand: GrantStatusCommand {
  static let action = StatusAction.revoke

  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Withdraw a permission for good.",
    discussion: """
      walletd refuses every reading under it from now on, and the fields it covered
      get new keys. What was already read cannot be taken back.

      It asks before: type "oui" (--yes in a script).

      Example:
        wallet-cli grant revoke GRANT_ID
        wallet-cli grant revoke GRANT_ID --as paul --on-behalf-of PSP-…
      """)

  @Argument(help: ArgumentHelp("The grant's number, from 'grant list'.", valueName: "grant-id"))
  var grantID: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  var assumeYes: Bool { confirm.yes }
}
