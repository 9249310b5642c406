import ArgumentParser
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

struct ProcurationRevokeCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "revoke",
      abstract: helpText(
        fr: "Retirer une procuration.",
        en: "Withdraw a procuration.",
        de: "Eine Vollmacht zurücknehmen.",
        pt: "Retirar uma procuração."),
      discussion: helpText(
        fr: """
          walletd refuse désormais toute utilisation de la procuration. La commande
          demande avant : tapez « oui » (--yes dans un script).

          Exemple :
            wallet-cli procuration revoke PROCURATION_ID
          """,
        en: """
          walletd refuses every use of it from now on. It asks before: type "oui"
          (--yes in a script).

          Example:
            wallet-cli procuration revoke PROCURATION_ID
          """,
        de: """
          walletd lehnt ab jetzt jede Nutzung der Vollmacht ab. Der Befehl fragt
          vorher: Tippen Sie „ja“ (--yes in einem Skript).

          Beispiel:
            wallet-cli procuration revoke PROCURATION_ID
          """,
        pt: """
          A partir de agora, o walletd recusa qualquer uso da procuração. O comando
          pergunta antes: escreva «sim» (--yes num script).

          Exemplo:
            wallet-cli procuration revoke PROCURATION_ID
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de la procuration, donné par 'procuration list'.",
        en: "The procuration's number, from 'procuration list'.",
        de: "Die Nummer der Vollmacht, aus 'procuration list'.",
        pt: "O número da procuração, dado por 'procuration list'."),
      valueName: "procuration-id"))
  var procurationID: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  func validate() throws {
    try server.validateURL(output)
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
          en: "Withdraw this procuration for good? It cannot be taken back.",
          de: "Diese Vollmacht für immer zurücknehmen? Das kann nicht rückgängig gemacht werden.",
          pt: "Retirar esta procuração para sempre? Isto não pode ser desfeito."),
        assumeYes: confirm.yes)
      try await citizen.revoke(procuration: id, at: invocation.now)
      if invocation.json {
        return try invocation.printJSON(["procuration": id.rawValue, "action": "revoke"])
      }
      invocation.line(invocation.say(ProcurationWords.withdrawn))
    }
  }
}
