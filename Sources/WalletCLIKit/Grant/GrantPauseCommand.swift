import ArgumentParser

struct GrantPauseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pause",
    abstract: "Pause a permission for a while.",
    discussion: """
      Example:
        wallet-cli grant pause GRANT_ID
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
      try await GrantStatusChange(action: .pause, grantID: grantID).run(
        actor, home, server, invocation)
    }
  }
}
