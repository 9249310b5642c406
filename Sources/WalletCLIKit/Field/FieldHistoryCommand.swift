import ArgumentParser
import PSPWallet

struct FieldHistoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show every version of one field, newest first.",
    discussion: """
      Example:
        wallet-cli field history address
      """)

  @OptionGroup var field: OneFieldOptions

  func run() async throws {
    try await Invocation.run(field.output) { invocation in
      let (definition, citizen) = try await field.connect(invocation)
      let versions = try await citizen.history(definition.id).sorted {
        $0.record.version > $1.record.version
      }
      guard !versions.isEmpty else { throw Messages.fieldEmpty(definition) }
      let language = invocation.language
      if invocation.json {
        return try invocation.printJSON(
          versions.map { FieldDisplay(definition.id, $0.value, record: $0.record, language) })
      }
      invocation.line(invocation.say(definition.label))
      for (record, value) in versions {
        let day = Words.day(record.createdAt, language)
        let label = invocation.say(
          fr: "Version \(record.version), du \(day)", en: "Version \(record.version), of \(day)")
        invocation.line(
          FieldDisplay.line(
            label: label, value: value.displayText(language: language), indent: "  ", language))
      }
    }
  }
}
