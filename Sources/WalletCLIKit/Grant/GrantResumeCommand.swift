import ArgumentParser

struct GrantResumeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Resume a paused permission.",
    discussion: """
      Example:
        wallet-cli grant resume GRANT_ID
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
      try await GrantStatusChange(action: .resume, grantID: grantID).run(
        actor, home, server, invocation)
    }
  }
}
