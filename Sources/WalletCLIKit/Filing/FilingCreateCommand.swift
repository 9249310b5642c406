import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct FilingCreateCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "create",
      abstract: helpText(
        fr: "Envoyer une demande d'aide, comme titulaire ou comme sa personne de confiance.",
        en: "Send a request for an aid, as the citizen or as their trusted person.",
        de: "Einen Antrag auf Hilfe schicken, als Inhaber/in oder als deren Vertrauensperson.",
        pt: "Enviar um pedido de apoio, como titular ou como a sua pessoa de confiança."),
      discussion: helpText(
        fr: """
          Vous voyez quelles données l'administration pourra lire une fois, puis vous
          tapez « oui » (--yes dans un script). Une personne de confiance ajoute
          --on-behalf-of avec la référence que le titulaire lui a donnée (PSP-…), qui
          vérifie que le portefeuille est bien celui de cette personne, et agit avec
          une procuration que le titulaire lui a donnée. Avec le seul numéro du
          portefeuille, --owner-key-id (l'identifiant de clé qu'il vous a donné) fait
          cette vérification. La preuve que la demande est inscrite au journal du
          titulaire, confirmée par les témoins, est gardée dans --home
          (NAME.receipts/WALLET-FILING-N.tlog-proof).

          Exemple :
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing create --as paul --on-behalf-of PSP-… \\
                --purpose aide-sociale --at office-social-redange
          """,
        en: """
          You see which fields the administration will be able to read once, then type
          "oui" (--yes in a script). A trusted person adds --on-behalf-of with the
          reference the citizen gave them (PSP-…), which checks that the wallet is
          really that person's, and acts under a procuration the citizen gave them.
          With the wallet number alone, --owner-key-id (the key id they gave you)
          does that check. The proof that the request is in the citizen's log,
          confirmed by the witnesses, is kept in --home
          (NAME.receipts/WALLET-FILING-N.tlog-proof).

          Example:
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing create --as paul --on-behalf-of PSP-… \\
                --purpose aide-sociale --at office-social-redange
          """,
        de: """
          Sie sehen, welche Angaben die Behörde einmal lesen darf, und tippen dann
          „oui“ (--yes in einem Skript). Eine Vertrauensperson fügt --on-behalf-of mit
          der Referenz hinzu, die der Inhaber oder die Inhaberin ihr gegeben hat
          (PSP-…). So wird geprüft, dass die Brieftasche wirklich dieser Person gehört.
          Die Vertrauensperson handelt mit einer Vollmacht, die ihr der Inhaber oder die
          Inhaberin gegeben hat. Mit der Nummer der Brieftasche allein macht
          --owner-key-id (die Schlüssel-ID, die man Ihnen gegeben hat) diese Prüfung.
          Der Nachweis, dass der Antrag im Protokoll des Inhabers steht, bestätigt von
          den Zeugen, wird in --home aufbewahrt
          (NAME.receipts/WALLET-FILING-N.tlog-proof).

          Beispiel:
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing create --as paul --on-behalf-of PSP-… \\
                --purpose aide-sociale --at office-social-redange
          """,
        pt: """
          Vê que dados a administração poderá ler uma vez e depois escreve «oui»
          (--yes num script). Uma pessoa de confiança acrescenta --on-behalf-of com a
          referência que o titular lhe deu (PSP-…), que verifica que a carteira é mesmo
          dessa pessoa, e age com uma procuração que o titular lhe deu. Só com o número
          da carteira, --owner-key-id (o identificador de chave que lhe deram) faz essa
          verificação. A prova de que o pedido está no registo do titular, confirmada
          pelas testemunhas, é guardada em --home
          (NAME.receipts/WALLET-FILING-N.tlog-proof).

          Exemplo:
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing create --as paul --on-behalf-of PSP-… \\
                --purpose aide-sociale --at office-social-redange
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'aide demandée.",
        en: "The aid asked for.",
        de: "Die beantragte Hilfe.",
        pt: "O apoio pedido."),
      valueName: "purpose"))
  var purpose: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'administration (son identifiant).",
        en: "The administration (its id).",
        de: "Die Behörde (ihre Kennung).",
        pt: "A administração (o seu identificador)."),
      valueName: "administration"))
  var at: String

  @OptionGroup var trustee: OnBehalfOfOptions
  var onBehalfOf: String? { trustee.onBehalfOf }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr:
          "Comme personne de confiance : la procuration à utiliser (par défaut : la première qui convient).",
        en: "As a trusted person: the procuration to use (default: the first that fits).",
        de:
          "Als Vertrauensperson: die Vollmacht, die verwendet wird (Standard: die erste, die passt).",
        pt: "Como pessoa de confiança: a procuração a usar (por omissão: a primeira que serve)."),
      valueName: "id"))
  var procuration: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr:
          "Comme personne de confiance : l'identifiant de clé du titulaire, pour vérifier que le portefeuille est le sien.",
        en: "As a trusted person: the citizen's key id, to check the wallet is theirs.",
        de:
          "Als Vertrauensperson: die Schlüssel-ID des Inhabers oder der Inhaberin, um zu prüfen, dass die Brieftasche ihm oder ihr gehört.",
        pt:
          "Como pessoa de confiança: o identificador de chave do titular, para verificar que a carteira é dele."
      ),
      valueName: "k4.pid"))
  var ownerKeyId: String?

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    guard PurposeArgument.known(purpose) != nil else {
      throw usageError(Messages.unknownPurpose(purpose), output)
    }
    if let onBehalfOf {
      do { _ = try WalletArgument(onBehalfOf) } catch { throw usageError(error, output) }
    }
    if let procuration, (try? StatementID(procuration)) == nil {
      throw usageError(Messages.procurationNotFound, output)
    }
    if onBehalfOf == nil, procuration != nil || ownerKeyId != nil {
      throw usageError(
        Message(
          fr: "--procuration et --owner-key-id vont avec --on-behalf-of.",
          en: "--procuration and --owner-key-id go with --on-behalf-of",
          de: "--procuration und --owner-key-id gehören zu --on-behalf-of.",
          pt: "--procuration e --owner-key-id vão com --on-behalf-of.",
          hintFR:
            "Ajoutez --on-behalf-of avec la référence que le titulaire vous a donnée (PSP-…), ou enlevez ces options.",
          hintEN:
            "Add --on-behalf-of with the reference the citizen gave you (PSP-…), or remove these options.",
          hintDE:
            "Fügen Sie --on-behalf-of mit der Referenz hinzu, die Ihnen der Inhaber oder die Inhaberin gegeben hat (PSP-…), oder lassen Sie diese Optionen weg.",
          hintPT:
            "Acrescente --on-behalf-of com a referência que o titular lhe deu (PSP-…), ou retire estas opções."
        ),
        output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let purpose = PurposeArgument.known(purpose) else {
        throw Messages.unknownPurpose(self.purpose)
      }
      let acting = try Acting.unlock(
        home, actor, as: onBehalfOf == nil ? [.citizen] : [.trustee, .citizen], invocation)
      let transport = try acting.transport(server, invocation)
      let rules = try await ClientRules.fetch(transport)
      let administration = try rules.administration(named: at, for: purpose)
      guard let template = rules.templates[purpose] else {
        throw Messages.unknownPurpose(purpose.rawValue)
      }
      let now = invocation.now
      let filing: FilingView
      let filedIn: WalletID
      var follow = "wallet-cli filing list"
      if let onBehalfOf {
        let argument = try WalletArgument(onBehalfOf)
        let wallet = argument.wallet
        filedIn = wallet
        let trustee = TrusteeClient(transport: transport)
        let owner = try await argument.ownerKey(trustee)
        let ownerID = Paserk.identifier(of: owner)
        if let ownerKeyId, ownerKeyId != ownerID { throw Messages.ownerMismatch }
        let chosen = try await usableProcuration(
          trustee, wallet: wallet, owner: owner, purpose: purpose, administration: administration)
        let held = try await trustee.records(wallet: wallet, ownerKey: owner).map(\.field)
        let preview = GrantPreview(template, held: Set(held))
        guard !preview.fields.isEmpty else { throw Messages.noFieldForAid }
        show(preview, administration, purpose, invocation)
        if ownerKeyId == nil, argument.reference == nil {
          invocation.note(
            fr:
              "Portefeuille de \(ownerID) : vérifiez que c'est l'identifiant que la personne vous a donné.",
            en: "Wallet of \(ownerID): check that it is the key id the person gave you.",
            de:
              "Brieftasche von \(ownerID): Prüfen Sie, dass das die Schlüssel-ID ist, die Ihnen die Person gegeben hat.",
            pt:
              "Carteira de \(ownerID): verifique que é o identificador de chave que a pessoa lhe deu."
          )
        }
        try invocation.confirm(FilingWords.sendQuestion, assumeYes: confirm.yes)
        filing = try await trustee.file(
          wallet: wallet, ownerKey: owner, procuration: chosen, purpose: purpose,
          at: administration.id.rawValue,
          fields: preview.fields, at: now)
        try OnBehalfOf.remember(acting, wallet: wallet, owner: owner)
        let reference = WalletReference(wallet: wallet, owner: owner).description
        follow = "wallet-cli filing show \(filing.id) --on-behalf-of \(reference)"
      } else {
        let citizen = try await acting.citizen(server, invocation)
        filedIn = citizen.walletID
        let preview = GrantPreview(template, held: Set(try await citizen.records().map(\.field)))
        guard !preview.fields.isEmpty else { throw Messages.noFieldForAid }
        show(preview, administration, purpose, invocation)
        try invocation.confirm(FilingWords.sendQuestion, assumeYes: confirm.yes)
        filing = try await citizen.file(
          purpose: purpose, at: administration.id.rawValue, fields: preview.fields, at: now)
      }
      // The client checked the receipt before returning the filing.
      let receipt = try Receipts.keep(
        filing.receipt ?? "", home: acting.home, name: acting.name, wallet: filedIn,
        statement: filing.id)
      if invocation.json {
        return try invocation.printJSON(["filing": filing.id.rawValue, "receipt": receipt.path])
      }
      invocation.line(invocation.say(FilingWords.sent(filing.id.rawValue)))
      invocation.line(
        fr:
          "Reçu gardé (la preuve que la demande est inscrite au journal de la personne, confirmée par les témoins) : \(receipt.path)",
        en:
          "Receipt kept (the proof that the request is in the person's log, confirmed by the witnesses): \(receipt.path)",
        de:
          "Beleg aufbewahrt (der Nachweis, dass der Antrag im Protokoll der Person steht, bestätigt von den Zeugen): \(receipt.path)",
        pt:
          "Recibo guardado (a prova de que o pedido está no registo da pessoa, confirmada pelas testemunhas): \(receipt.path)"
      )
      invocation.line(
        fr: "\(administration.name) va en accuser réception. Pour suivre la demande : \(follow)",
        en: "\(administration.name) will acknowledge it. To follow the request: \(follow)",
        de:
          "\(administration.name) wird den Eingang bestätigen. Um den Antrag zu verfolgen: \(follow)",
        pt: "\(administration.name) vai acusar a receção. Para seguir o pedido: \(follow)")
    }
  }

  /// The procuration named by --procuration, else the first active one that
  /// allows filing this aid at this administration.
  private func usableProcuration(
    _ trustee: TrusteeClient, wallet: WalletID, owner: SigningPublicKey, purpose: Purpose,
    administration: Administration
  ) async throws -> Procuration {
    let all = try await trustee.procurations(wallet: wallet, ownerKey: owner)
    if let procuration {
      guard let named = all.first(where: { $0.id.rawValue == procuration }) else {
        throw Messages.procurationNotFound
      }
      return named
    }
    guard
      let fitting = all.first(where: {
        $0.claims.actions.contains(.file)
          && ($0.claims.purposes.isEmpty || $0.claims.purposes.contains(purpose))
          && ($0.claims.administration == nil || $0.claims.administration == administration.keyID)
      })
    else { throw Messages.noUsableProcuration }
    return fitting
  }

  private func show(
    _ preview: GrantPreview, _ administration: Administration, _ purpose: Purpose,
    _ invocation: Invocation
  ) {
    let say: (String) -> Void = {
      invocation.json ? invocation.console.note($0) : invocation.line($0)
    }
    say(
      invocation.say(
        FilingWords.intro(purpose, to: administration.name, count: preview.fields.count)))
    for label in GrantPreview.labels(preview.fields, invocation.language) { say("  - " + label) }
    // As in the grant's preview: what the aid asks for but is not filled in.
    if !preview.notHeld.isEmpty {
      say(invocation.say(FilingWords.notHeld))
      for label in GrantPreview.labels(preview.notHeld, invocation.language) { say("  - " + label) }
    }
  }
}
