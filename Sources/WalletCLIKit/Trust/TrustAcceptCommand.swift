import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

struct TrustAcceptCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "accept",
      abstract: helpText(
        fr: "Confirmer les nouvelles clés d'une administration, après avoir vérifié avec elle.",
        en: "Confirm an administration's new keys, after checking with it.",
        de: "Die neuen Schlüssel einer Behörde bestätigen, nachdem Sie es mit ihr geprüft haben.",
        pt: "Confirmar as novas chaves de uma administração, depois de verificar com ela."),
      discussion: helpText(
        fr: """
          Quand les clés d'une administration changent, wallet-cli s'arrête et montre
          les identifiants de l'ancienne et de la nouvelle clé. Vérifiez auprès de
          l'administration elle-même (par téléphone, à son guichet) qu'elle les a
          changées ; puis confirmez ici. Les nouvelles clés doivent toujours être
          certifiées par l'autorité d'enregistrement.
          """,
        en: """
          When an administration's keys change, wallet-cli stops and shows the old
          and the new key ids. Check with the administration itself (by phone, at
          its desk) that it changed them; then confirm here. The new keys must still
          be certified by the registration authority.
          """,
        de: """
          Wenn sich die Schlüssel einer Behörde ändern, hält wallet-cli an und zeigt
          die Kennungen des alten und des neuen Schlüssels. Prüfen Sie bei der Behörde
          selbst (per Telefon, an ihrem Schalter), dass sie sie geändert hat; dann
          bestätigen Sie hier. Die neuen Schlüssel müssen trotzdem von der
          Registrierungsstelle zertifiziert sein.
          """,
        pt: """
          Quando as chaves de uma administração mudam, o wallet-cli para e mostra os
          identificadores da chave antiga e da nova. Verifique junto da própria
          administração (por telefone, no seu balcão) que ela as mudou; depois
          confirme aqui. As novas chaves têm de continuar certificadas pela
          autoridade de registo.
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "L'identifiant de l'administration (par ex. fns).",
        en: "The administration's id (e.g. fns).",
        de: "Die Kennung der Behörde (z. B. fns).",
        pt: "O identificador da administração (p. ex. fns)."),
      valueName: "id"))
  var id: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

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
    invocation.line(
      fr: "  clé d'avant :  \(before)", en: "  old key: \(before)",
      de: "  alter Schlüssel: \(before)", pt: "  chave antiga: \(before)")
    invocation.line(
      fr: "  nouvelle clé : \(change.new.administration.keyID)",
      en: "  new key: \(change.new.administration.keyID)",
      de: "  neuer Schlüssel: \(change.new.administration.keyID)",
      pt: "  chave nova: \(change.new.administration.keyID)")
    try invocation.confirm(
      LocalizedText(
        fr: "L'administration vous a-t-elle confirmé ce changement ?",
        en: "Did the administration confirm this change to you?",
        de: "Hat die Behörde Ihnen diese Änderung bestätigt?",
        pt: "A administração confirmou-lhe esta mudança?"),
      assumeYes: confirm.yes)
    try transport.trust.acceptKeys(of: change.new)
    invocation.line(
      fr: "Nouvelles clés acceptées pour \(id).", en: "New keys accepted for \(id).",
      de: "Neue Schlüssel für \(id) angenommen.", pt: "Novas chaves aceites para \(id).")
  }
}

extension Messages {
  static func nothingToAccept(_ id: String) -> Message {
    Message(
      fr: "Les clés de « \(id) » n'ont pas changé : il n'y a rien à confirmer.",
      en: "The keys of '\(id)' did not change: there is nothing to confirm.",
      de: "Die Schlüssel von „\(id)“ haben sich nicht geändert: Es gibt nichts zu bestätigen.",
      pt: "As chaves de «\(id)» não mudaram: não há nada a confirmar.",
      hintFR: "Voyez ce qui est enregistré avec : wallet-cli trust show.",
      hintEN: "See what is remembered with: wallet-cli trust show.",
      hintDE: "Sehen Sie mit wallet-cli trust show, was gespeichert ist.",
      hintPT: "Veja o que está guardado com: wallet-cli trust show.")
  }
}
