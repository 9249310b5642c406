import ArgumentParser
import PSPWallet

struct FieldCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "field",
    abstract: "Fill in and read the fields (données) of your wallet.",
    discussion: """
      Each field is checked before it is saved, encrypted here with its own key, and
      sent to walletd, which cannot read it. Field names are those of the catalogue:
      see them all with 'wallet-cli field list --all'.

      Example:
        wallet-cli field set iban "LU28 0019 4006 4475 0000"
        wallet-cli field get iban
        wallet-cli field list
      """,
    subcommands: [
      FieldSetCommand.self, FieldGetCommand.self, FieldListCommand.self, FieldHistoryCommand.self,
      FieldImportCommand.self,
    ])

  /// The catalogue entry a field name on the command line names.
  static func definition(_ name: String) -> FieldDefinition? {
    FieldID(rawValue: name).flatMap { FieldCatalogue.standard[$0] }
  }
}
