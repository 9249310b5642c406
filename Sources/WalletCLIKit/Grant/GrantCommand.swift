import ArgumentParser
import PSPConsent

struct GrantCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant",
    abstract:
      "Let an administration read the fields one aid needs (permissions), and take them back.",
    discussion: """
      A grant (permission) lets one administration read exactly the fields of one
      aid, for a limited time. It is signed by you; walletd cannot make or widen
      one. You can pause, resume or withdraw it at any time; what was already read
      cannot be taken back.

      Aids (--purpose): \(TemplateCatalogue.standard.purposes.map(\.rawValue).joined(separator: ", ")).

      Example:
        wallet-cli grant create --to fns --purpose allocation-vie-chere
        wallet-cli grant list
        wallet-cli grant revoke GRANT_ID
      """,
    subcommands: [
      GrantCreateCommand.self, GrantListCommand.self, GrantPauseCommand.self,
      GrantResumeCommand.self,
      GrantRevokeCommand.self,
    ])
}
