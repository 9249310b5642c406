import ArgumentParser
import Foundation
import PSPConsent
import PSPWallet

struct FieldImportCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "import",
      abstract: helpText(
        fr: "Remplir plusieurs données d'un coup, depuis un fichier JSON ou CSV.",
        en: "Fill in many fields at once from a JSON or CSV file.",
        de: "Viele Angaben auf einmal aus einer JSON- oder CSV-Datei eintragen.",
        pt: "Preencher vários dados de uma vez, a partir de um ficheiro JSON ou CSV."),
      discussion: helpText(
        fr: """
          Chaque valeur est d'abord vérifiée. Si l'une est fausse, les lignes à
          corriger sont listées (sans leurs valeurs) et rien n'est enregistré.

          Exemple (mes-donnees.csv) :
            field,value
            surname,Ferreira
            given_names,Maria
            address,"12, rue de la Gare, L-8510 Redange"

            wallet-cli field import mes-donnees.csv
            wallet-cli field import mes-donnees.json
            wallet-cli field import mes-donnees.csv --as paul --on-behalf-of PSP-…
          (un fichier JSON est un seul objet :
          {"surname": "Ferreira", "given_names": "Maria"}, ou le fichier de
          'wallet-cli wallet export', relu tel quel, documents compris)
          """,
        en: """
          Every value is checked first. If one is wrong, the lines to correct are listed
          (without their values) and nothing is saved.

          Example (mes-donnees.csv):
            field,value
            surname,Ferreira
            given_names,Maria
            address,"12, rue de la Gare, L-8510 Redange"

            wallet-cli field import mes-donnees.csv
            wallet-cli field import mes-donnees.json
            wallet-cli field import mes-donnees.csv --as paul --on-behalf-of PSP-…
          (a JSON file is one object: {"surname": "Ferreira", "given_names": "Maria"},
          or the file of 'wallet-cli wallet export', read back exactly, documents
          included)
          """,
        de: """
          Jeder Wert wird zuerst geprüft. Ist einer falsch, werden die zu
          korrigierenden Zeilen aufgelistet (ohne ihre Werte), und nichts wird
          gespeichert.

          Beispiel (mes-donnees.csv):
            field,value
            surname,Ferreira
            given_names,Maria
            address,"12, rue de la Gare, L-8510 Redange"

            wallet-cli field import mes-donnees.csv
            wallet-cli field import mes-donnees.json
            wallet-cli field import mes-donnees.csv --as paul --on-behalf-of PSP-…
          (eine JSON-Datei ist ein einziges Objekt:
          {"surname": "Ferreira", "given_names": "Maria"}, oder die Datei von
          'wallet-cli wallet export', genau so wieder eingelesen, mit den Dokumenten)
          """,
        pt: """
          Primeiro, cada valor é verificado. Se um estiver errado, as linhas a
          corrigir são listadas (sem os valores) e nada é guardado.

          Exemplo (mes-donnees.csv):
            field,value
            surname,Ferreira
            given_names,Maria
            address,"12, rue de la Gare, L-8510 Redange"

            wallet-cli field import mes-donnees.csv
            wallet-cli field import mes-donnees.json
            wallet-cli field import mes-donnees.csv --as paul --on-behalf-of PSP-…
          (um ficheiro JSON é um único objeto:
          {"surname": "Ferreira", "given_names": "Maria"}, ou o ficheiro de
          'wallet-cli wallet export', lido de novo tal como está, documentos incluídos)
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le fichier JSON ou CSV.",
        en: "The JSON or CSV file.",
        de: "Die JSON- oder CSV-Datei.",
        pt: "O ficheiro JSON ou CSV."),
      valueName: "file"))
  var file: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    try trustee.validate(output)
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
        let entries = FieldImportFile.parse(data)
      else {
        throw Messages.importUnreadable
      }
      let values = try Self.check(entries, invocation)
      var notShared: [Grant] = []
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
        notShared = try await acted.trustee.set(
          values, wallet: acted.wallet, ownerKey: acted.owner,
          procuration: try acted.updating(), at: invocation.now)
      } else {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        try await acting.citizen(server, invocation).set(values, at: invocation.now)
      }
      if !notShared.isEmpty {
        invocation.console.note(invocation.say(Messages.trusteeChangeNotYetShared))
      }
      if invocation.json { return try invocation.printJSON(["saved": values.map(\.0.rawValue)]) }
      invocation.line(
        fr: "\(values.count) données enregistrées.", en: "\(values.count) fields saved.",
        de: "\(values.count) Angaben gespeichert.", pt: "\(values.count) dados guardados.")
    }
  }

  /// Every entry validated; the problems listed on standard error (where and
  /// why, never the value), and nothing returned if there is one.
  static func check(_ entries: [FieldImportFile.Entry], _ invocation: Invocation) throws(Message)
    -> [(
      FieldID, FieldValue
    )]
  {
    var values: [(FieldID, FieldValue)] = []
    var problems = 0
    var seen = Set<FieldID>()
    for entry in entries {
      let place =
        entry.line.map {
          invocation.say(
            fr: "ligne \($0), \(entry.field)", en: "line \($0), \(entry.field)",
            de: "Zeile \($0), \(entry.field)", pt: "linha \($0), \(entry.field)")
        } ?? entry.field
      func problem(_ text: String) {
        problems += 1
        invocation.console.note(
          "  " + place + invocation.say(fr: " : ", en: ": ", de: ": ", pt: ": ") + text)
      }
      guard let definition = FieldCommand.definition(entry.field) else {
        problem(
          invocation.say(
            fr: "ce n'est pas une donnée du portefeuille.",
            en: "this is not a field of the wallet.",
            de: "das ist keine Angabe der Brieftasche.", pt: "isto não é um dado da carteira."))
        continue
      }
      if let data = entry.data {
        guard let bytes = Data(base64Encoded: data),
          let value = try? FieldValue.decode(Array(bytes), type: definition.type)
        else {
          problem(invocation.say(Messages.exportValueDamaged))
          continue
        }
        guard seen.insert(definition.id).inserted else {
          problem(invocation.say(Messages.fieldAlreadyAbove))
          continue
        }
        values.append((definition.id, value))
        continue
      }
      guard let text = entry.value else {
        problem(
          invocation.say(
            fr: "la valeur manque.", en: "the value is missing.", de: "der Wert fehlt.",
            pt: "falta o valor."))
        continue
      }
      guard seen.insert(definition.id).inserted else {
        problem(invocation.say(Messages.fieldAlreadyAbove))
        continue
      }
      do { values.append((definition.id, try definition.validate(text))) } catch {
        problem(error.message(in: invocation.language))
      }
    }
    guard problems == 0 else { throw Messages.importRefused(problems) }
    return values
  }
}
