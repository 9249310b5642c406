import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct AdminAcknowledgeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "acknowledge",
    abstract: "Acknowledge a request: its number, its registration date and who to contact.",
    discussion: """
      The decision's due date is computed from the registration date and the aid's
      legal deadline (for an office social: 25 working days, RGD 8 November 2010,
      art. 12), and shown to the citizen.

      Example:
        wallet-cli admin acknowledge --as office --wallet WALLET_ID \\
            --filing FILING_ID --number OSR-2026-0042 --registered-on 2026-03-12 \\
            --service "Accueil social" --phone "+352 2000 0000"
      """)

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The citizen's wallet number.", valueName: "wallet-id"))
  var wallet: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The request's number in the wallet.", valueName: "filing-id"))
  var filing: String

  @Option(help: ArgumentHelp("Your own number for the request.", valueName: "number"))
  var number: String

  @Option(help: ArgumentHelp("The day the request was registered (YYYY-MM-DD).", valueName: "date"))
  var registeredOn: String

  @Option(help: ArgumentHelp("The service the citizen can contact.", valueName: "service"))
  var service: String

  @Option(help: ArgumentHelp("The service's phone number.", valueName: "phone"))
  var phone: String?

  @Option(help: ArgumentHelp("The service's e-mail address.", valueName: "email"))
  var email: String?

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
    guard (try? CivilDate(iso: registeredOn)) != nil else {
      throw ValidationError("--registered-on: a date like 2026-03-12")
    }
    guard !number.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--number must not be empty")
    }
    guard phone != nil || email != nil else {
      throw ValidationError("give the service's --phone or --email")
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let walletID = try WalletID(wallet)
      let registered = try CivilDate(iso: registeredOn)
      let acting = try Acting.unlock(home, actor, as: [.administration], invocation)
      let client = AdministrationClient(transport: try acting.transport(server, invocation))
      let view = try await AdminFiling.find(client, wallet: walletID, filing: filing)
      if let filedOn = AdminFiling.filedOn(view), registered < filedOn {
        throw Messages.registeredBeforeFiling(filedOn)
      }
      let due = try await client.acknowledge(
        wallet: walletID, filing: view, number: number, registeredOn: registered,
        contact: .init(service: service, phone: phone, email: email), at: invocation.now)
      if invocation.json {
        return try invocation.printJSON([
          "filing": filing, "number": number, "dueOn": due?.iso ?? "",
        ])
      }
      invocation.line(
        fr: "Accusé de réception envoyé : demande n° \(number).",
        en: "Acknowledgement sent: request no. \(number).")
      if let due {
        let day = Words.day(due, invocation.language)
        invocation.line(
          fr: "La décision est due au plus tard le \(day).", en: "The decision is due by \(day).")
      }
    }
  }
}
