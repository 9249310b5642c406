import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

struct TrustAcceptCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept",
    abstract: "Confirm an administration's new keys, after checking with it.",
    discussion: """
      When an administration's keys change, wallet-cli stops and shows the old
      and the new key ids. Check with the administration itself (by phone, at
      its desk) that it changed them; then confirm here. The new keys must still
      be certified by the registration authority.
      """)

  @Argument(help: ArgumentHelp("The administration's id (e.g. fns).", valueName: "id"))
  var id: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL() }

  func run() async throws {
    try await Invocation.run(output) { invocation in try await accept(invocation) }
  }

  private func accept(_ invocation: Invocation) async throws {
    let acting = try Acting.unlock(
      home, actor, as: [.citizen, .trustee, .administration], invocation)
    let transport = try acting.transport(server, invocation)
    let change = try await ClientRules.pendingKeyChange(id, transport: transport)
    guard let change else { throw Messages.nothingToAccept(id) }
    let before =
      (try? Paserk.signingPublicKey(from: change.old.signingKey)).map { Paserk.identifier(of: $0) }
      ?? "?"
    invocation.line("\(change.new.administration.name) (\(id))")
    invocation.line(fr: "  clé d'avant :  \(before)", en: "  old key: \(before)")
    invocation.line(
      fr: "  nouvelle clé : \(change.new.administration.keyID)",
      en: "  new key: \(change.new.administration.keyID)")
    try invocation.confirm(
      LocalizedText(
        fr: "L'administration vous a-t-elle confirmé ce changement ?",
        en: "Did the administration confirm this change to you?"),
      assumeYes: confirm.yes)
    try transport.trust.acceptKeys(of: change.new)
    invocation.line(fr: "Nouvelles clés acceptées pour \(id).", en: "New keys accepted for \(id).")
  }
}

extension Messages {
  static func nothingToAccept(_ id: String) -> Message {
    Message(
      fr: "Les clés de « \(id) » n'ont pas changé : il n'y a rien à confirmer.",
      en: "The keys of '\(id)' did not change: there is nothing to confirm.",
      hintFR: "Voyez ce qui est enregistré avec : wallet-cli trust show.",
      hintEN: "See what is remembered with: wallet-cli trust show.")
  }
}
