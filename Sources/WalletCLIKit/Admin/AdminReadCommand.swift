import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

struct AdminReadCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "read",
      abstract: helpText(
        fr: "Lire les données qu'une permission permet, pour son aide.",
        en: "Read the fields a grant allows, for its aid.",
        de: "Die Angaben lesen, die eine Erlaubnis erlaubt, für ihre Hilfe.",
        pt: "Ler os dados que uma autorização permite, para o seu apoio."),
      discussion: helpText(
        fr: """
          Seul ce qui a été permis est affiché : walletd ne remet que les clés scellées
          des données permises, et elles s'ouvrent ici, une fois la lecture prouvée dans
          le journal du titulaire, telle que les témoins l'ont confirmée. Cette preuve,
          le reçu, est gardée dans --home (NAME.receipts/WALLET-GRANT-N.tlog-proof). La
          clé de chiffrement du titulaire y est gardée aussi, pour sceller pour lui les
          motifs d'une décision plus tard.

          Exemple :
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere --fields iban
          """,
        en: """
          Only what was granted is printed: walletd hands over the sealed keys of the
          granted fields only, and they open here, once the reading is proven in
          the citizen's log as the witnesses confirmed it. That proof, the receipt,
          is kept in --home (NAME.receipts/WALLET-GRANT-N.tlog-proof). The citizen's
          encryption key is kept there too, to seal the reasons of a later decision
          to them.

          Example:
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere --fields iban
          """,
        de: """
          Nur was erlaubt wurde, wird gezeigt: walletd gibt nur die versiegelten
          Schlüssel der erlaubten Angaben heraus, und sie öffnen sich hier, sobald das
          Lesen im Protokoll des Inhabers oder der Inhaberin nachgewiesen ist, so wie die
          Zeugen es bestätigt haben. Dieser Nachweis, die Quittung, wird in --home
          aufbewahrt (NAME.receipts/WALLET-GRANT-N.tlog-proof). Auch der
          Verschlüsselungsschlüssel des Inhabers oder der Inhaberin wird dort
          aufbewahrt, um die Gründe einer späteren Entscheidung für ihn oder sie zu
          versiegeln.

          Beispiel:
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere --fields iban
          """,
        pt: """
          Só é mostrado o que foi autorizado: o walletd entrega apenas as chaves seladas
          dos dados autorizados, e elas abrem-se aqui, depois de a leitura estar provada
          no registo do titular, tal como as testemunhas a confirmaram. Essa prova, o
          recibo, é guardada em --home (NAME.receipts/WALLET-GRANT-N.tlog-proof). A
          chave de cifra do titular também é guardada aí, para selar para ele os motivos
          de uma decisão futura.

          Exemplo:
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere --fields iban
          """))
  }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro du portefeuille du titulaire.",
        en: "The citizen's wallet number.",
        de: "Die Nummer der Brieftasche des Inhabers oder der Inhaberin.",
        pt: "O número da carteira do titular."),
      valueName: "wallet-id"))
  var wallet: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de la permission.",
        en: "The grant's number.",
        de: "Die Nummer der Erlaubnis.",
        pt: "O número da autorização."),
      valueName: "grant-id"))
  var grant: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'aide pour laquelle on lit.",
        en: "The aid the reading is for.",
        de: "Die Hilfe, für die gelesen wird.",
        pt: "O apoio para o qual se lê."),
      valueName: "purpose"))
  var purpose: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Seulement ces données permises (séparées par des virgules).",
        en: "Only these granted fields (comma-separated).",
        de: "Nur diese erlaubten Angaben (durch Kommas getrennt).",
        pt: "Só estes dados autorizados (separados por vírgulas)."),
      valueName: "a,b"))
  var fields: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    guard (try? WalletID(wallet)) != nil else {
      throw usageError(Messages.adminWalletNumberMalformed, output)
    }
    guard (try? StatementID(grant)) != nil else { throw usageError(Messages.grantNotFound, output) }
    guard PurposeArgument.known(purpose) != nil else {
      throw usageError(Messages.unknownPurpose(purpose), output)
    }
    if let fields, CommaList.parse(fields, { FieldID(rawValue: $0) }) == nil {
      throw usageError(
        Message(
          fr: "--fields : des noms de données comme dans 'wallet-cli field list --all'.",
          en: "--fields: field names as in 'wallet-cli field list --all'",
          de: "--fields: Namen von Angaben wie in 'wallet-cli field list --all'.",
          pt: "--fields: nomes de dados como em 'wallet-cli field list --all'.",
          hintFR: "Séparez les noms par des virgules, par exemple --fields iban.",
          hintEN: "Separate the names with commas, for example --fields iban.",
          hintDE: "Trennen Sie die Namen durch Kommas, zum Beispiel --fields iban.",
          hintPT: "Separe os nomes com vírgulas, por exemplo --fields iban."),
        output)
    }
  }

  struct Read: Encodable {
    let wallet: String
    let grant: String
    let purpose: String
    let fields: [String: String]
    /// Fields the permission gives that walletd did not return.
    let withheld: [String]
    /// The file of the receipt kept.
    let receipt: String
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let walletID = try WalletID(wallet)
      let grantID = try StatementID(grant)
      guard let purpose = PurposeArgument.known(purpose) else {
        throw Messages.unknownPurpose(self.purpose)
      }
      let acting = try Acting.unlock(home, actor, as: [.administration], invocation)
      let client = AdministrationClient(transport: try acting.transport(server, invocation))
      let asked = fields.flatMap { CommaList.parse($0) { FieldID(rawValue: $0) } }
      let result = try await client.read(
        wallet: walletID, grant: grantID, purpose: purpose, fields: asked)
      let receipt = try Self.keep(result, wallet: walletID, grant: grantID, acting)
      let language = invocation.language
      if invocation.json {
        return try invocation.printJSON(
          Read(
            wallet: wallet, grant: grant, purpose: purpose.rawValue,
            fields: Dictionary(
              uniqueKeysWithValues: result.values.map {
                ($0.field.rawValue, $0.value.displayText(language: language))
              }), withheld: result.withheld.map(\.rawValue), receipt: receipt.path))
      }
      invocation.line(
        invocation.say(AdminReadWords.count(result.values.count, Words.aid(purpose))))
      for (field, value) in result.values.sorted(by: { $0.field < $1.field }) {
        invocation.line(
          FieldDisplay.line(
            label: field.rawValue, value: value.displayText(language: language), indent: "  ",
            language))
      }
      invocation.line(invocation.say(AdminReadWords.receiptKept(receipt.path)))
      if !result.withheld.isEmpty {
        invocation.line(
          invocation.say(
            AdminReadWords.withheld(result.withheld.map(\.rawValue).joined(separator: ", "))))
      }
    }
  }
}

extension AdminReadCommand {
  /// What a reading leaves with the administration, here and in the app
  /// alike: the person's encryption key (to seal the reasons of a decision
  /// to them) and the receipt, whose file it returns.
  static func keep(
    _ result: AdministrationClient.ReadResult, wallet: WalletID, grant: StatementID,
    _ acting: Acting
  )
    throws(Message) -> URL
  {
    try HomeState.update(acting.home, acting.name) {
      var keys = $0.citizenKeys ?? [:]
      keys[wallet.description] = Encoding.base64URL(result.ownerEncryptionKey.bytes)
      $0.citizenKeys = keys
    }
    return try Receipts.keep(
      result.receipt, home: acting.home, name: acting.name, wallet: wallet, statement: grant)
  }
}

/// What `admin read` says, in the CLI and in the app's pages alike.
enum AdminReadWords {
  /// "3 donnée(s) lue(s) pour « Allocation de vie chère » :"
  static func count(_ count: Int, _ aid: LocalizedText) -> LocalizedText {
    LocalizedText(
      fr: "\(count) donnée(s) lue(s) pour « \(aid.text(in: .french)) » :",
      en: "\(count) field(s) read for “\(aid.text(in: .english))”:",
      de: "\(count) Angabe(n) gelesen für „\(aid.text(in: .german))“:",
      pt: "\(count) dado(s) lido(s) para «\(aid.text(in: .portuguese))»:")
  }

  /// The receipt kept.
  static func receiptKept(_ path: String) -> LocalizedText {
    LocalizedText(
      fr:
        "Reçu gardé (la preuve que cette lecture est inscrite au journal de la personne, confirmée par les témoins) : \(path)",
      en:
        "Receipt kept (the proof that this reading is in the person's log, confirmed by the witnesses): \(path)",
      de:
        "Quittung aufbewahrt (der Nachweis, dass dieses Lesen im Protokoll der Person steht, von den Zeugen bestätigt): \(path)",
      pt:
        "Recibo guardado (a prova de que esta leitura está no registo da pessoa, confirmada pelas testemunhas): \(path)"
    )
  }

  /// Fields the grant gives that walletd did not return.
  static func withheld(_ names: String) -> LocalizedText {
    LocalizedText(
      fr:
        "ATTENTION : la plateforme n'a pas renvoyé \(names), que la permission donne. Demandez-les à la personne.",
      en:
        "WARNING: the platform did not return \(names), which the permission gives. Ask the person for them.",
      de:
        "ACHTUNG: Die Plattform hat \(names) nicht zurückgegeben, obwohl die Erlaubnis es gibt. Fragen Sie die Person danach.",
      pt:
        "ATENÇÃO: a plataforma não devolveu \(names), que a autorização dá. Peça-os à pessoa.")
  }
}
