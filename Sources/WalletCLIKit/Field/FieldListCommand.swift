import ArgumentParser
import PSPWallet

struct FieldListCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "list",
      abstract: helpText(
        fr: "Voir vos données, cercle par cercle.",
        en: "Show your fields, circle by circle.",
        de: "Ihre Angaben anzeigen, Kreis für Kreis.",
        pt: "Ver os seus dados, círculo a círculo."),
      discussion: helpText(
        fr: """
          Avec --all, les données pas encore remplies sont montrées aussi, avec le
          nom à taper dans 'field set'.

          Exemple :
            wallet-cli field list
            wallet-cli field list --all
          """,
        en: """
          With --all, the fields not filled in yet are shown too, with the name to
          type in 'field set'.

          Example:
            wallet-cli field list
            wallet-cli field list --all
          """,
        de: """
          Mit --all werden auch die noch nicht eingetragenen Angaben gezeigt, mit dem
          Namen, den Sie bei 'field set' tippen.

          Beispiel:
            wallet-cli field list
            wallet-cli field list --all
          """,
        pt: """
          Com --all, os dados ainda não preenchidos também são mostrados, com o nome
          a escrever em 'field set'.

          Exemplo:
            wallet-cli field list
            wallet-cli field list --all
          """))
  }

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr: "Montrer aussi les données pas encore remplies, avec leur nom.",
        en: "Also show the fields not filled in yet, with their names.",
        de: "Auch die noch nicht eingetragenen Angaben zeigen, mit ihren Namen.",
        pt: "Mostrar também os dados ainda não preenchidos, com os seus nomes.")))
  var all = false

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try Acting.unlock(home, actor, as: [.citizen], invocation)
      let citizen = try await acting.citizen(server, invocation)
      let language = invocation.language
      var held: [FieldID: FieldDisplay] = [:]
      for (record, value) in try await citizen.fields() {
        held[record.field] = FieldDisplay(record.field, value, record: record, language)
      }
      if invocation.json {
        return try invocation.printJSON(FieldCatalogue.standard.fields.compactMap { held[$0.id] })
      }
      if held.isEmpty && !all {
        invocation.line(
          fr: "Aucune donnée n'est encore remplie.", en: "No field is filled in yet.",
          de: "Noch keine Angabe ist eingetragen.", pt: "Ainda nenhum dado está preenchido.")
        invocation.line(
          fr: "Voyez les données possibles avec : wallet-cli field list --all.",
          en: "See the possible fields with: wallet-cli field list --all.",
          de: "Die möglichen Angaben sehen Sie mit: wallet-cli field list --all.",
          pt: "Veja os dados possíveis com: wallet-cli field list --all.")
        return
      }
      for circle in Circle.allCases {
        let definitions = FieldCatalogue.standard.fields(in: circle).filter {
          all || held[$0.id] != nil
        }
        guard !definitions.isEmpty else { continue }
        invocation.line(invocation.say(Words.circle(circle)))
        for definition in definitions {
          let label = definition.label.text(in: language) + (all ? " [\(definition.id)]" : "")
          let value = held[definition.id]?.value ?? invocation.say(Words.empty)
          invocation.line(FieldDisplay.line(label: label, value: value, indent: "  ", language))
        }
        invocation.line()
      }
    }
  }
}
