import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

struct AdminDecideCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decide",
    abstract: "Post the motivated decision on a request.",
    discussion: """
      The motivation is about the person: it is sealed to them (only they can read
      it); the signed decision carries only its digest. The citizen's encryption
      key comes from an earlier 'admin read' of the request, or from
      --citizen-key.

      Example:
        wallet-cli admin decide --as office --wallet WALLET_ID \\
            --filing FILING_ID --outcome granted \\
            --motivation "Aide accordée : facture d'électricité de novembre." \\
            --recourse "Recours possible : voir la lettre de décision."
      """)

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The citizen's wallet number.", valueName: "wallet-id"))
  var wallet: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The request's number in the wallet.", valueName: "filing-id"))
  var filing: String

  @Option(help: "granted, refused or partial.")
  var outcome: OutcomeArgument

  @Option(
    help: ArgumentHelp("The reasons, in plain words (sealed to the citizen).", valueName: "text"))
  var motivation: String

  @Option(help: ArgumentHelp("How to contest the decision.", valueName: "text"))
  var recourse: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The citizen's encryption key (base64url), if not read before.", valueName: "key"))
  var citizenKey: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    guard (try? WalletID(wallet)) != nil else {
      throw ValidationError("--wallet: a wallet number has 22 characters")
    }
    guard (try? StatementID(filing)) != nil else {
      throw usageError(Messages.filingNotFound, output)
    }
    guard !motivation.trimmingCharacters(in: .whitespaces).isEmpty,
      !recourse.trimmingCharacters(in: .whitespaces).isEmpty
    else { throw ValidationError("a decision needs its --motivation and its --recourse") }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let walletID = try WalletID(wallet)
      let acting = try Acting.unlock(home, actor, as: [.administration], invocation)
      let known = try HomeState.read(acting.home)[acting.name].citizenKeys?[walletID.description]
      guard let text = citizenKey ?? known,
        let bytes = try? Encoding.fromBase64URL(text), let key = try? AgreementPublicKey(bytes)
      else { throw Messages.citizenKeyUnknown }
      let client = AdministrationClient(transport: try acting.transport(server, invocation))
      let view = try await AdminFiling.find(client, wallet: walletID, filing: filing)
      try await client.decide(
        wallet: walletID, filing: view, outcome: outcome.outcome, motivation: motivation,
        recourse: recourse,
        citizenKey: key, at: invocation.now)
      if invocation.json {
        return try invocation.printJSON(["filing": filing, "outcome": outcome.rawValue])
      }
      invocation.line(
        fr:
          "Décision envoyée : \(Words.outcome(outcome.outcome).fr). Les motifs sont scellés pour la personne.",
        en:
          "Decision sent: \(Words.outcome(outcome.outcome).en). The reasons are sealed to the person."
      )
    }
  }
}
