import ArgumentParser
import Foundation
import PSPWallet
import WalletClient

struct WalletImportCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "import",
      abstract: helpText(
        fr: "Relire un export (chiffré ou lisible) dans votre portefeuille ouvert.",
        en: "Read an export (encrypted or readable) back into your open wallet.",
        de: "Einen Export (verschlüsselt oder lesbar) wieder in Ihre offene Brieftasche einlesen.",
        pt: "Ler de novo uma exportação (cifrada ou legível) na sua carteira aberta."),
      discussion: helpText(
        fr: """
          Le fichier de 'wallet-cli wallet export' : chiffré (--encrypted), il
          s'ouvre seulement avec votre identité, et tout est vérifié avant
          d'enregistrer ; lisible, chaque valeur est vérifiée comme avec
          'field import'. La dernière valeur de chaque donnée, documents compris,
          est enregistrée dans le portefeuille ouvert maintenant (par exemple un
          nouveau portefeuille après une fermeture).

          Exemple :
            wallet-cli wallet import sauvegarde.psp --as maria
            wallet-cli wallet import mes-donnees.json --as maria
          """,
        en: """
          The file of 'wallet-cli wallet export': encrypted (--encrypted), it opens
          only with your identity, and everything is checked before anything is
          saved; readable, each value is checked as with 'field import'. The latest
          value of each field, documents included, is saved in the wallet open now
          (for example a new wallet after a close).

          Example:
            wallet-cli wallet import sauvegarde.psp --as maria
            wallet-cli wallet import mes-donnees.json --as maria
          """,
        de: """
          Die Datei von 'wallet-cli wallet export': verschlüsselt (--encrypted)
          öffnet sie sich nur mit Ihrer Identität, und alles wird vor dem Speichern
          geprüft; lesbar wird jeder Wert wie bei 'field import' geprüft. Der letzte
          Wert jeder Angabe, Dokumente eingeschlossen, wird in der jetzt offenen
          Brieftasche gespeichert (zum Beispiel einer neuen nach einer Schließung).

          Beispiel:
            wallet-cli wallet import sauvegarde.psp --as maria
            wallet-cli wallet import mes-donnees.json --as maria
          """,
        pt: """
          O ficheiro de 'wallet-cli wallet export': cifrado (--encrypted), só abre
          com a sua identidade, e tudo é verificado antes de guardar; legível, cada
          valor é verificado como com 'field import'. O último valor de cada dado,
          documentos incluídos, é guardado na carteira aberta agora (por exemplo
          uma nova carteira depois de um fecho).

          Exemplo:
            wallet-cli wallet import sauvegarde.psp --as maria
            wallet-cli wallet import mes-donnees.json --as maria
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le fichier de 'wallet export'.", en: "The file of 'wallet export'.",
        de: "Die Datei von 'wallet export'.", pt: "O ficheiro de 'wallet export'."),
      valueName: "file"))
  var file: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)) else {
        throw Messages.importUnreadable
      }
      var unlocked: Acting?
      let values = try Self.values(in: data, invocation) {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        unlocked = acting
        return acting.identity
      }
      let acting = try unlocked ?? OnBehalfOf.ownWallet(home, actor, invocation)
      try await acting.citizen(server, invocation).set(values, at: invocation.now)
      if invocation.json { return try invocation.printJSON(["saved": values.map(\.0.rawValue)]) }
      invocation.line(invocation.say(Messages.imported(values.count)))
    }
  }

  /// The fields a file brings: an encrypted copy of this person's wallet
  /// (opened with their key, asked for only then), or a copy made by `wallet
  /// export` (each value checked first, before any key is asked); with
  /// `typed`, also a file of values as `field import` reads it (the app's
  /// import takes both). Anything else is refused.
  static func values(
    in data: Data, typed: Bool = false, _ invocation: Invocation,
    identity: () throws -> Identity
  ) throws -> [(FieldID, FieldValue)] {
    let values: [(FieldID, FieldValue)]
    if let bundle = try? JSONDecoder().decode(WalletExport.self, from: data),
      bundle.format == WalletExport.format
    {
      let identity = try identity()
      do { values = try CitizenClient.values(of: bundle, identity: identity) } catch {
        throw Messages.bundleNotYours
      }
    } else if let entries = FieldImportFile.parse(data),
      typed || entries.allSatisfy({ $0.data != nil })
    {
      values = try FieldImportCommand.check(entries, invocation)
    } else {
      throw Messages.importUnknownFile
    }
    guard !values.isEmpty else { throw Messages.importUnknownFile }
    return values
  }
}
