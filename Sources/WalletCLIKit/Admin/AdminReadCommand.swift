import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

struct AdminReadCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read the fields a grant allows, for its aid.",
    discussion: """
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
      """)

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The citizen's wallet number.", valueName: "wallet-id"))
  var wallet: String

  @Option(parsing: .unconditional, help: ArgumentHelp("The grant's number.", valueName: "grant-id"))
  var grant: String

  @Option(help: ArgumentHelp("The aid the reading is for.", valueName: "purpose"))
  var purpose: String

  @Option(help: ArgumentHelp("Only these granted fields (comma-separated).", valueName: "a,b"))
  var fields: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    guard (try? WalletID(wallet)) != nil else {
      throw ValidationError("--wallet: a wallet number has 22 characters")
    }
    guard (try? StatementID(grant)) != nil else { throw usageError(Messages.grantNotFound, output) }
    guard PurposeArgument.known(purpose) != nil else {
      throw usageError(Messages.unknownPurpose(purpose), output)
    }
    if let fields, CommaList.parse(fields, { FieldID(rawValue: $0) }) == nil {
      throw ValidationError("--fields: field names as in 'wallet-cli field list --all'")
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
      try HomeState.update(acting.home, acting.name) {
        var keys = $0.citizenKeys ?? [:]
        keys[walletID.description] = Encoding.base64URL(result.ownerEncryptionKey.bytes)
        $0.citizenKeys = keys
      }
      let receipt = try Receipts.keep(
        result.receipt, home: acting.home, name: acting.name, wallet: walletID, statement: grantID)
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
        fr: "\(result.values.count) donnée(s) lue(s) pour « \(Words.aid(purpose).fr) » :",
        en: "\(result.values.count) field(s) read for “\(Words.aid(purpose).en)”:")
      for (field, value) in result.values.sorted(by: { $0.field < $1.field }) {
        invocation.line(
          FieldDisplay.line(
            label: field.rawValue, value: value.displayText(language: language), indent: "  ",
            language))
      }
      invocation.line(
        fr:
          "Reçu gardé (la preuve que cette lecture est inscrite au journal de la personne, confirmée par les témoins) : \(receipt.path)",
        en:
          "Receipt kept (the proof that this reading is in the person's log, confirmed by the witnesses): \(receipt.path)"
      )
      if !result.withheld.isEmpty {
        let names = result.withheld.map(\.rawValue).joined(separator: ", ")
        invocation.line(
          fr:
            "ATTENTION : la plateforme n'a pas renvoyé \(names), que la permission donne. Demandez-les à la personne.",
          en:
            "WARNING: the platform did not return \(names), which the permission gives. Ask the person for them."
        )
      }
    }
  }
}
