import ArgumentParser
import Foundation
import PSPConsent
import PSPWallet

struct FieldSetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Fill in or change one field.",
    discussion: """
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
      """)

  @Argument(
    help: ArgumentHelp("The field's name, as in 'field list --all' (e.g. iban).", valueName: "name")
  )
  var name: String

  @Argument(help: ArgumentHelp("The value, as you would write it on a form.", valueName: "value"))
  var value: String?

  @Option(
    help: ArgumentHelp("For a document: the file (PDF, PNG, JPEG or text).", valueName: "file"))
  var file: String?

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    try trustee.validate(output)
    guard FieldCommand.definition(name) != nil else {
      throw usageError(Messages.unknownField(name), output)
    }
    guard (value == nil) != (file == nil) else {
      throw ValidationError("give either a value or --file, not both and not neither")
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
          procuration: try acted.allowing(.update), at: invocation.now)
      } else {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        let citizen = try await acting.citizen(server, invocation)
        try await citizen.set([(definition.id, fieldValue)], at: invocation.now)
      }
      let shown = FieldDisplay(definition.id, fieldValue, invocation.language)
      if invocation.json { return try invocation.printJSON(shown) }
      invocation.line(invocation.say(fr: "Enregistré.", en: "Saved."))
      invocation.line(shown.line(indent: "  ", invocation.language))
      if !notShared.isEmpty {
        invocation.console.note(invocation.say(Messages.trusteeChangeNotYetShared))
      }
    }
  }

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
