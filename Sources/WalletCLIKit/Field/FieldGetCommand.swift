import ArgumentParser
import PSPWallet

struct FieldGetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Show one field.",
    discussion: """
      Example:
        wallet-cli field get address
      """)

  @Argument(help: ArgumentHelp("The field's name, as in 'field list --all'.", valueName: "name"))
  var name: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    guard FieldCommand.definition(name) != nil else {
      throw usageError(Messages.unknownField(name), output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let definition = FieldCommand.definition(name) else {
        throw Messages.unknownField(name)
      }
      let acting = try Acting.unlock(home, actor, as: [.citizen], invocation)
      let citizen = try await acting.citizen(server, invocation)
      guard
        let (record, value) = try await citizen.fields().first(where: {
          $0.record.field == definition.id
        })
      else {
        throw Messages.fieldEmpty(definition)
      }
      let shown = FieldDisplay(definition.id, value, record: record, invocation.language)
      if invocation.json { return try invocation.printJSON(shown) }
      invocation.line(shown.line(indent: "", invocation.language))
      let day = Words.day(record.createdAt, invocation.language)
      invocation.line(
        fr: "  (version \(record.version), du \(day))",
        en: "  (version \(record.version), of \(day))")
    }
  }
}
