import ArgumentParser
import Foundation
import PSPWallet
import WalletClient

struct WalletExportCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "export",
      abstract: helpText(
        fr:
          "Écrire toutes vos données, lisibles, dans un fichier JSON (votre copie de vos données).",
        en: "Write all your fields, readable, in a JSON file (your copy of your data).",
        de:
          "Alle Ihre Angaben lesbar in eine JSON-Datei schreiben (Ihre Kopie Ihrer Daten).",
        pt:
          "Escrever todos os seus dados, legíveis, num ficheiro JSON (a sua cópia dos seus dados)."),
      discussion: helpText(
        fr: """
          Les données sont récupérées, ouvertes ici avec vos clés, et écrites avec
          leurs noms et leurs valeurs telles qu'une personne les lit, dans la langue
          de --lang. Le fichier n'est PAS chiffré : gardez-le pour vous. Chaque
          donnée porte aussi sa valeur exacte (« data », en base64), documents
          compris, pour que 'wallet-cli field import' puisse relire le fichier dans
          un portefeuille.

          Exemple :
            wallet-cli wallet export --as maria --output mes-donnees.json
            wallet-cli wallet export --as paul --on-behalf-of PSP-… --output maria.json
          (une personne de confiance exporte les données que sa procuration lui
          permet de lire)

          Avec --encrypted, le fichier est chiffré pour vous seul : tout le
          portefeuille, chaque version de chaque donnée. Il se relit avec
          'wallet-cli wallet import' et votre identité.
            wallet-cli wallet export --as maria --encrypted --output sauvegarde.psp
          """,
        en: """
          The fields are fetched, opened here with your keys, and written with their
          labels and values as a person reads them, in --lang. The file is NOT
          encrypted: keep it for yourself. Each field also carries its exact value
          ("data", base64), documents included, so that 'wallet-cli field import'
          reads the file back into a wallet.

          Example:
            wallet-cli wallet export --as maria --output mes-donnees.json
            wallet-cli wallet export --as paul --on-behalf-of PSP-… --output maria.json
          (a trusted person exports the fields their procuration lets them read)

          With --encrypted, the file is encrypted for you alone: the whole wallet,
          every version of every field. It is read back with 'wallet-cli wallet
          import' and your identity.
            wallet-cli wallet export --as maria --encrypted --output sauvegarde.psp
          """,
        de: """
          Die Angaben werden geholt, hier mit Ihren Schlüsseln geöffnet und mit ihren
          Namen und Werten so geschrieben, wie eine Person sie liest, in der Sprache
          von --lang. Die Datei ist NICHT verschlüsselt: Behalten Sie sie für sich.
          Jede Angabe enthält auch ihren genauen Wert („data“, base64), Dokumente
          eingeschlossen, damit 'wallet-cli field import' die Datei wieder in eine
          Brieftasche einlesen kann.

          Beispiel:
            wallet-cli wallet export --as maria --output mes-donnees.json
            wallet-cli wallet export --as paul --on-behalf-of PSP-… --output maria.json
          (eine Vertrauensperson exportiert die Angaben, die sie mit ihrer Vollmacht
          lesen darf)

          Mit --encrypted ist die Datei nur für Sie verschlüsselt: die ganze
          Brieftasche, jede Fassung jeder Angabe. Sie wird mit 'wallet-cli wallet
          import' und Ihrer Identität wieder eingelesen.
            wallet-cli wallet export --as maria --encrypted --output sauvegarde.psp
          """,
        pt: """
          Os dados são obtidos, abertos aqui com as suas chaves e escritos com os
          nomes e os valores tal como uma pessoa os lê, na língua de --lang. O
          ficheiro NÃO está cifrado: guarde-o para si. Cada dado traz também o seu
          valor exato («data», em base64), documentos incluídos, para que
          'wallet-cli field import' possa ler o ficheiro de novo numa carteira.

          Exemplo:
            wallet-cli wallet export --as maria --output mes-donnees.json
            wallet-cli wallet export --as paul --on-behalf-of PSP-… --output maria.json
          (uma pessoa de confiança exporta os dados que a procuração lhe permite ler)

          Com --encrypted, o ficheiro é cifrado só para si: a carteira inteira,
          cada versão de cada dado. Lê-se de novo com 'wallet-cli wallet import' e
          a sua identidade.
            wallet-cli wallet export --as maria --encrypted --output sauvegarde.psp
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Écrire dans ce fichier (mode 0600) au lieu de l'écran.",
        en: "Write to this file (mode 0600) instead of the screen.",
        de: "In diese Datei schreiben (Modus 0600) statt auf den Bildschirm.",
        pt: "Escrever neste ficheiro (modo 0600) em vez do ecrã."),
      valueName: "file"))
  var output: String?

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr: "Chiffrer le fichier pour vous seul (tout le portefeuille, pour 'wallet import').",
        en: "Encrypt the file for you alone (the whole wallet, for 'wallet import').",
        de: "Die Datei nur für Sie verschlüsseln (die ganze Brieftasche, für 'wallet import').",
        pt: "Cifrar o ficheiro só para si (a carteira inteira, para 'wallet import').")))
  var encrypted = false

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var outputOptions: OutputOptions

  func validate() throws {
    try server.validateURL(outputOptions)
    try trustee.validate(outputOptions)
    if encrypted, trustee.onBehalfOf != nil {
      throw usageError(Messages.bundleIsTheCitizens, outputOptions)
    }
    if encrypted, output == nil { throw usageError(Messages.bundleNeedsOutput, outputOptions) }
  }

  struct Export: Encodable {
    let format = "psp-readable-export/1"
    let wallet: String
    let exportedAt: String
    let language: String
    let fields: [Exported]
  }

  /// A field as a person reads it, and its exact value (the catalogue's
  /// canonical bytes, base64) for `field import` to read back.
  struct Exported: Encodable {
    let shown: FieldDisplay
    let data: String

    enum Keys: String, CodingKey { case data }

    func encode(to encoder: any Encoder) throws {
      try shown.encode(to: encoder)
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(data, forKey: .data)
    }
  }

  func run() async throws {
    try await Invocation.run(outputOptions) { invocation in
      if encrypted, let output {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        let citizen = try await acting.citizen(server, invocation)
        let bundle = try await citizen.exportBundle()
        try AtomicFile.write(try JSONEncoder().encode(bundle), to: URL(fileURLWithPath: output))
        if invocation.json { return try invocation.printJSON(["file": output]) }
        return invocation.line(invocation.say(Messages.bundleWritten(output)))
      }
      let wallet: WalletID
      let opened: [(record: FieldRecord, value: FieldValue)]
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
        _ = try acted.allowing(.read)
        wallet = acted.wallet
        opened = try await acted.trustee.fields(wallet: acted.wallet, ownerKey: acted.owner).fields
      } else {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        let citizen = try await acting.citizen(server, invocation)
        wallet = citizen.walletID
        opened = try await citizen.fields()
      }
      let fields =
        opened
        .map {
          Exported(
            shown: FieldDisplay($0.record.field, $0.value, record: $0.record, invocation.language),
            data: Data($0.value.encoded()).base64EncodedString())
        }
        .sorted { ($0.shown.circle, $0.shown.field) < ($1.shown.circle, $1.shown.field) }
      let export = Export(
        wallet: wallet.description, exportedAt: Timestamp.rfc3339(invocation.now),
        language: invocation.language.rawValue, fields: fields)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(export)
      guard let output else { return invocation.line(String(decoding: data, as: UTF8.self)) }
      try AtomicFile.write(data, to: URL(fileURLWithPath: output))
      if invocation.json {
        return try invocation.printJSON(["file": output, "fields": String(fields.count)])
      }
      invocation.line(
        fr: "\(fields.count) données écrites dans \(output).",
        en: "\(fields.count) fields written to \(output).",
        de: "\(fields.count) Angaben in \(output) geschrieben.",
        pt: "\(fields.count) dados escritos em \(output).")
      invocation.line(invocation.say(WalletWords.unencryptedCopy))
    }
  }
}
