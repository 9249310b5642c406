import ArgumentParser
import Foundation
import PSPConsent
import PSPWallet

struct FieldImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Fill in many fields at once from a JSON or CSV file.",
    discussion: """
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
      """)

  @Argument(help: ArgumentHelp("The JSON or CSV file.", valueName: "file"))
  var file: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    try trustee.validate(output)
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
        let entries = FieldImportFile.parse(data)
      else {
        throw Messages.importUnreadable
      }
      let values = try check(entries, invocation)
      var notShared: [Grant] = []
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
        notShared = try await acted.trustee.set(
          values, wallet: acted.wallet, ownerKey: acted.owner,
          procuration: try acted.allowing(.update), at: invocation.now)
      } else {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        try await acting.citizen(server, invocation).set(values, at: invocation.now)
      }
      if !notShared.isEmpty {
        invocation.console.note(invocation.say(Messages.trusteeChangeNotYetShared))
      }
      if invocation.json { return try invocation.printJSON(["saved": values.map(\.0.rawValue)]) }
      invocation.line(
        fr: "\(values.count) données enregistrées.", en: "\(values.count) fields saved.")
    }
  }

  /// Every entry validated; the problems listed on standard error (where and
  /// why, never the value), and nothing returned if there is one.
  func check(_ entries: [FieldImportFile.Entry], _ invocation: Invocation) throws(Message) -> [(
    FieldID, FieldValue
  )] {
    var values: [(FieldID, FieldValue)] = []
    var problems = 0
    var seen = Set<FieldID>()
    for entry in entries {
      let place =
        entry.line.map {
          invocation.say(fr: "ligne \($0), \(entry.field)", en: "line \($0), \(entry.field)")
        } ?? entry.field
      func problem(_ text: String) {
        problems += 1
        invocation.console.note("  " + place + invocation.say(fr: " : ", en: ": ") + text)
      }
      guard let definition = FieldCommand.definition(entry.field) else {
        problem(
          invocation.say(
            fr: "ce n'est pas une donnée du portefeuille.", en: "this is not a field of the wallet."
          ))
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
        problem(invocation.say(fr: "la valeur manque.", en: "the value is missing."))
        continue
      }
      guard seen.insert(definition.id).inserted else {
        problem(
          invocation.say(fr: "cette donnée est déjà plus haut.", en: "this field is already above.")
        )
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
