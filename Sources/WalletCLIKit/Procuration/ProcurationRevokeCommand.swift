import ArgumentParser
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

struct ProcurationRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Withdraw a procuration.",
    discussion: """
      walletd refuses every use of it from now on. It asks before: type "oui"
      (--yes in a script).

      Example:
        wallet-cli procuration revoke PROCURATION_ID
      """)

  @Argument(
    help: ArgumentHelp(
      "The procuration's number, from 'procuration list'.", valueName: "procuration-id"))
  var procurationID: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  func validate() throws {
    try server.validateURL()
    guard (try? StatementID(procurationID)) != nil else {
      throw usageError(Messages.procurationNotFound, output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let id = try? StatementID(procurationID) else { throw Messages.procurationNotFound }
      let acting = try Acting.unlock(home, actor, as: [.citizen], invocation)
      let citizen = try await acting.citizen(server, invocation)
      let views = try await citizen.transport.send(
        "GET", "/v1/wallets/\(citizen.walletID)/procurations", as: ProcurationsView.self)
      guard views.procurations.contains(where: { $0.id == id }) else {
        throw Messages.procurationNotFound
      }
      try invocation.confirmIrreversible(
        LocalizedText(
          fr: "Retirer pour toujours cette procuration ? Elle ne pourra pas être reprise.",
          en: "Withdraw this procuration for good? It cannot be taken back."),
        assumeYes: confirm.yes)
      try await citizen.revoke(procuration: id, at: invocation.now)
      if invocation.json {
        return try invocation.printJSON(["procuration": id.rawValue, "action": "revoke"])
      }
      invocation.line(
        fr: "Procuration retirée. La personne de confiance ne peut plus agir avec elle.",
        en: "Procuration withdrawn. The trusted person can no longer act with it.")
    }
  }
}
