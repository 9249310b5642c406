import ArgumentParser
import PSPWallet

struct FieldGetCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "get",
      abstract: helpText(
        fr: "Montrer une donnée.",
        en: "Show one field.",
        de: "Eine Angabe zeigen.",
        pt: "Mostrar um dado."),
      discussion: helpText(
        fr: """
          Une personne de confiance ajoute --on-behalf-of avec la référence que la
          personne lui a donnée (PSP-…) : la donnée est montrée si sa procuration
          permet de la lire.

          Exemple :
            wallet-cli field get address
            wallet-cli field get address --as paul --on-behalf-of PSP-…
          """,
        en: """
          A trusted person adds --on-behalf-of with the reference the citizen gave
          them (PSP-…): the field is shown if their procuration allows reading it.

          Example:
            wallet-cli field get address
            wallet-cli field get address --as paul --on-behalf-of PSP-…
          """,
        de: """
          Eine Vertrauensperson fügt --on-behalf-of mit der Referenz hinzu, die ihr
          der Inhaber oder die Inhaberin gegeben hat (PSP-…): Die Angabe wird
          gezeigt, wenn ihre Vollmacht das Lesen erlaubt.

          Beispiel:
            wallet-cli field get address
            wallet-cli field get address --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Uma pessoa de confiança acrescenta --on-behalf-of com a referência que o
          titular lhe deu (PSP-…): o dado é mostrado se a procuração dela permitir
          lê-lo.

          Exemplo:
            wallet-cli field get address
            wallet-cli field get address --as paul --on-behalf-of PSP-…
          """))
  }

  @OptionGroup var field: OneFieldOptions

  @OptionGroup var trustee: OnBehalfOfOptions
  var onBehalfOf: String? { trustee.onBehalfOf }

  func validate() throws {
    if let onBehalfOf {
      do { _ = try WalletArgument(onBehalfOf) } catch { throw usageError(error, field.output) }
    }
  }

  func run() async throws {
    try await Invocation.run(field.output) { invocation in
      guard let definition = FieldCommand.definition(field.name) else {
        throw Messages.unknownField(field.name)
      }
      let found: (FieldRecord, FieldValue)?
      if let onBehalfOf {
        let acting = try Acting.unlock(field.home, field.actor, as: [.trustee], invocation)
        let acted = try await OnBehalfOf.connect(onBehalfOf, acting, field.server, invocation)
        _ = try acted.allowing(.read)
        let (fields, unopened) = try await acted.trustee.fields(
          wallet: acted.wallet, ownerKey: acted.owner)
        if unopened.contains(definition.id) { throw Messages.trusteeFieldSealed(definition) }
        guard let shown = fields.first(where: { $0.record.field == definition.id }) else {
          throw Messages.trusteeFieldNotShown(definition)
        }
        found = shown
      } else {
        let located = try Acting.locate(
          field.home, field.actor, as: [.citizen, .trustee], invocation)
        guard located.keystore.kind == .citizen else { throw Messages.onBehalfOfNeeded }
        let (_, citizen) = try await field.connect(invocation)
        found = try await citizen.fields().first(where: { $0.record.field == definition.id })
      }
      guard let (record, value) = found else { throw Messages.fieldEmpty(definition) }
      let shown = FieldDisplay(definition.id, value, record: record, invocation.language)
      if invocation.json { return try invocation.printJSON(shown) }
      invocation.line(shown.line(indent: "", invocation.language))
      let day = Words.day(record.createdAt, invocation.language)
      invocation.line(
        fr: "  (version \(record.version), du \(day))",
        en: "  (version \(record.version), of \(day))",
        de: "  (Version \(record.version), vom \(day))",
        pt: "  (versão \(record.version), de \(day))")
    }
  }
}
