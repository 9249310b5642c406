import ArgumentParser
import Foundation
import PSPConsent
import PSPWallet

struct FieldSetCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "set",
      abstract: helpText(
        fr: "Remplir ou changer une donnée.",
        en: "Fill in or change one field.",
        de: "Eine Angabe eintragen oder ändern.",
        pt: "Preencher ou mudar um dado."),
      discussion: helpText(
        fr: """
          La valeur est d'abord vérifiée (les chiffres de contrôle d'un matricule, un
          IBAN, une commune du Luxembourg, une date…) ; une valeur fausse est refusée
          avec ce qu'il faut corriger, et rien n'est enregistré. Un document (cercle 4)
          se donne comme un fichier, avec --file.

          Exemple :
            wallet-cli field set surname Ferreira
            wallet-cli field set birth_date 12/03/1985
            wallet-cli field set household_income "2 150,00"
            wallet-cli field set payslips --file fiche-de-paie.pdf
            wallet-cli field set address "12 rue de la Gare, 8510 Redange" \\
                --as paul --on-behalf-of PSP-…
          """,
        en: """
          The value is checked first (a matricule's check digits, an IBAN, a commune
          of Luxembourg, a date…); a wrong value is refused with what to correct, and
          nothing is saved. A document (circle 4) is given as a file with --file.

          Example:
            wallet-cli field set surname Ferreira
            wallet-cli field set birth_date 12/03/1985
            wallet-cli field set household_income "2 150,00"
            wallet-cli field set payslips --file fiche-de-paie.pdf
            wallet-cli field set address "12 rue de la Gare, 8510 Redange" \\
                --as paul --on-behalf-of PSP-…
          """,
        de: """
          Der Wert wird zuerst geprüft (die Prüfziffern einer Matrikelnummer, eine
          IBAN, eine Gemeinde in Luxemburg, ein Datum…). Ein falscher Wert wird
          abgelehnt, mit dem, was zu korrigieren ist, und nichts wird gespeichert.
          Ein Dokument (Kreis 4) wird als Datei mit --file angegeben.

          Beispiel:
            wallet-cli field set surname Ferreira
            wallet-cli field set birth_date 12/03/1985
            wallet-cli field set household_income "2 150,00"
            wallet-cli field set payslips --file fiche-de-paie.pdf
            wallet-cli field set address "12 rue de la Gare, 8510 Redange" \\
                --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Primeiro, o valor é verificado (os algarismos de controlo de um número de
          matrícula, um IBAN, uma comuna do Luxemburgo, uma data…). Um valor errado é
          recusado, com o que deve corrigir, e nada é guardado. Um documento (círculo 4)
          é dado como ficheiro, com --file.

          Exemplo:
            wallet-cli field set surname Ferreira
            wallet-cli field set birth_date 12/03/1985
            wallet-cli field set household_income "2 150,00"
            wallet-cli field set payslips --file fiche-de-paie.pdf
            wallet-cli field set address "12 rue de la Gare, 8510 Redange" \\
                --as paul --on-behalf-of PSP-…
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le nom de la donnée, comme dans 'field list --all' (par ex. iban).",
        en: "The field's name, as in 'field list --all' (e.g. iban).",
        de: "Der Name der Angabe, wie in 'field list --all' (z. B. iban).",
        pt: "O nome do dado, como em 'field list --all' (por exemplo iban)."),
      valueName: "name"))
  var name: String

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "La valeur, comme vous l'écririez sur un formulaire.",
        en: "The value, as you would write it on a form.",
        de: "Der Wert, so wie Sie ihn auf ein Formular schreiben würden.",
        pt: "O valor, tal como o escreveria num formulário."),
      valueName: "value"))
  var value: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Pour un document : le fichier (PDF, PNG, JPEG ou texte).",
        en: "For a document: the file (PDF, PNG, JPEG or text).",
        de: "Für ein Dokument: die Datei (PDF, PNG, JPEG oder Text).",
        pt: "Para um documento: o ficheiro (PDF, PNG, JPEG ou texto)."),
      valueName: "file"))
  var file: String?

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    try trustee.validate(output)
    guard FieldCommand.definition(name) != nil else {
      throw usageError(Messages.unknownField(name), output)
    }
    guard (value == nil) != (file == nil) else {
      throw usageError(Self.valueOrFile, output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let definition = FieldCommand.definition(name) else {
        throw Messages.unknownField(name)
      }
      let fieldValue: FieldValue
      do {
        if let file {
          guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: file)) else {
            throw Messages.documentUnreadable
          }
          fieldValue = try definition.validateDocument(
            Array(bytes), mediaType: Self.mediaType(of: file))
        } else {
          fieldValue = try definition.validate(value ?? "")
        }
      } catch let error as FieldValidationError {
        throw Messages.invalidValueWithExample(error, field: definition)
      }
      var notShared: [Grant] = []
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
        notShared = try await acted.trustee.set(
          [(definition.id, fieldValue)], wallet: acted.wallet, ownerKey: acted.owner,
          procuration: try acted.updating(), at: invocation.now)
      } else {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        let citizen = try await acting.citizen(server, invocation)
        try await citizen.set([(definition.id, fieldValue)], at: invocation.now)
      }
      let shown = FieldDisplay(definition.id, fieldValue, invocation.language)
      if invocation.json { return try invocation.printJSON(shown) }
      invocation.line(fr: "Enregistré.", en: "Saved.", de: "Gespeichert.", pt: "Guardado.")
      invocation.line(shown.line(indent: "  ", invocation.language))
      if !notShared.isEmpty {
        invocation.console.note(invocation.say(Messages.trusteeChangeNotYetShared))
      }
    }
  }

  /// Neither a value nor --file, or both.
  static let valueOrFile = Message(
    fr: "Donnez soit une valeur, soit --file : pas les deux, et pas aucun des deux.",
    en: "Give either a value or --file, not both and not neither.",
    de: "Geben Sie entweder einen Wert oder --file an: nicht beides und nicht keines.",
    pt: "Indique um valor ou --file: não os dois, e não nenhum.",
    hintFR: "Par exemple : wallet-cli field set surname Ferreira.",
    hintEN: "For example: wallet-cli field set surname Ferreira.",
    hintDE: "Zum Beispiel: wallet-cli field set surname Ferreira.",
    hintPT: "Por exemplo: wallet-cli field set surname Ferreira.")

  /// The media type a file's name declares; the content is checked against it.
  static func mediaType(of path: String) -> String {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "pdf": "application/pdf"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    default: "text/plain"
    }
  }
}
