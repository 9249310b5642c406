import ArgumentParser

struct GrantRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Withdraw a permission for good.",
    discussion: """
      walletd refuses every reading under it from now on, and the fields it covered
      get new keys. What was already read cannot be taken back.

      Example:
        wallet-cli grant revoke GRANT_ID
      """)

  @Argument(help: ArgumentHelp("The grant's number, from 'grant list'.", valueName: "grant-id"))
  var grantID: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    try GrantStatusChange.validate(grantID, output)
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      try await GrantStatusChange(action: .revoke, grantID: grantID).run(
        actor, home, server, invocation)
    }
  }
}
