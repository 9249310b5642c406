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

  @OptionGroup var field: OneFieldOptions

  func run() async throws {
    try await Invocation.run(field.output) { invocation in
      let (definition, citizen) = try await field.connect(invocation)
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
