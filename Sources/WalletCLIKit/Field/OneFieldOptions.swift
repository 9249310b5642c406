import ArgumentParser
import PSPWallet
import WalletClient

/// What `field get` and `field history` share: one field of the citizen's own
/// wallet, named on the command line, and the citizen unlocked and connected.
struct OneFieldOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le nom de la donnée, comme dans 'field list --all'.",
        en: "The field's name, as in 'field list --all'.",
        de: "Der Name der Angabe, wie in 'field list --all'.",
        pt: "O nome do dado, como em 'field list --all'."),
      valueName: "name"))
  var name: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    guard FieldCommand.definition(name) != nil else {
      throw usageError(Messages.unknownField(name), output)
    }
  }

  /// The field's definition, and the citizen's client once unlocked and connected.
  func connect(_ invocation: Invocation) async throws -> (FieldDefinition, CitizenClient) {
    guard let definition = FieldCommand.definition(name) else {
      throw Messages.unknownField(name)
    }
    let acting = try Acting.unlock(home, actor, as: [.citizen], invocation)
    return (definition, try await acting.citizen(server, invocation))
  }
}
