import ArgumentParser
import PSPWallet

struct FieldHistoryCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "history",
      abstract: helpText(
        fr: "Montrer toutes les versions d'une donnée, la plus récente d'abord.",
        en: "Show every version of one field, newest first.",
        de: "Alle Versionen einer Angabe zeigen, die neueste zuerst.",
        pt: "Mostrar todas as versões de um dado, a mais recente primeiro."),
      discussion: helpText(
        fr: """
          Exemple :
            wallet-cli field history address
            wallet-cli field history address --as paul --on-behalf-of PSP-…
          """,
        en: """
          Example:
            wallet-cli field history address
            wallet-cli field history address --as paul --on-behalf-of PSP-…
          """,
        de: """
          Beispiel:
            wallet-cli field history address
            wallet-cli field history address --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Exemplo:
            wallet-cli field history address
            wallet-cli field history address --as paul --on-behalf-of PSP-…
          """))
  }

  @OptionGroup var field: OneFieldOptions
  @OptionGroup var trustee: OnBehalfOfOptions

  func validate() throws { try trustee.validate(field.output) }

  func run() async throws {
    try await Invocation.run(field.output) { invocation in
      guard let definition = FieldCommand.definition(field.name) else {
        throw Messages.unknownField(field.name)
      }
      var versions: [(record: FieldRecord, value: FieldValue)]
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(
          onBehalfOf, field.home, field.actor, field.server, invocation)
        _ = try acted.allowing(.read)
        versions = try await acted.trustee.history(
          definition.id, wallet: acted.wallet, ownerKey: acted.owner)
        if versions.isEmpty { throw Messages.trusteeFieldNotShown(definition) }
      } else {
        let acting = try OnBehalfOf.ownWallet(field.home, field.actor, invocation)
        versions = try await acting.citizen(field.server, invocation).history(definition.id)
      }
      versions.sort { $0.record.version > $1.record.version }
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
          fr: "Version \(record.version), du \(day)", en: "Version \(record.version), of \(day)",
          de: "Version \(record.version), vom \(day)", pt: "Versão \(record.version), de \(day)")
        invocation.line(
          FieldDisplay.line(
            label: label, value: value.displayText(language: language), indent: "  ", language))
      }
    }
  }
}
