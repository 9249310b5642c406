import ArgumentParser
import PSPConsent
import PSPDemo
import PSPWallet
import WalletAPI
import WalletClient

struct LogCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "log",
      abstract: helpText(
        fr:
          "Lire votre journal, vérifié : qui a fait quoi avec vos données, le plus récent d'abord.",
        en:
          "Read your access log (journal), checked: who did what with your data, newest first.",
        de:
          "Ihr Protokoll lesen, geprüft: wer was mit Ihren Angaben gemacht hat, das Neueste zuerst.",
        pt:
          "Ler o seu registo, verificado: quem fez o quê com os seus dados, o mais recente primeiro."
      ),
      discussion: helpText(
        fr: """
          Chaque lecture, permission, refus, procuration et demande est dans le
          journal : quand, qui, pour quelle aide, quelles données — jamais leurs
          valeurs. Le journal est vérifié à chaque fois avec les témoins choisis avec
          'wallet-cli trust witnesses' : les entrées montrées sont celles du journal
          qu'ils ont confirmé, et le journal n'a fait que grandir depuis la dernière
          vérification (sa preuve est gardée dans --home). Un journal qui ne peut pas
          être vérifié est quand même montré, sous un avertissement, et la commande
          finit avec le code de sortie 1.

          Une personne de confiance dont la procuration permet de lire ajoute
          --on-behalf-of avec la référence que la personne lui a donnée (PSP-…) : le
          journal de la personne est vérifié de la même façon, et sa preuve gardée
          dans son propre --home.

          Exemple :
            wallet-cli log --as maria
            wallet-cli log --json
            wallet-cli log --as paul --on-behalf-of PSP-…
          """,
        en: """
          Every reading, permission, refusal, procuration and request is in the log:
          when, who, for which aid, which fields — never their values. The log is
          checked every time against the witnesses set with 'wallet-cli trust
          witnesses': the entries shown are those of the log they confirmed, and the
          log only grew since the last check (its proof is kept in --home). A log
          that cannot be checked is still shown, under a warning, and the command
          ends with exit code 1.

          A trusted person whose procuration allows reading adds --on-behalf-of
          with the reference the citizen gave them (PSP-…): the citizen's log is
          checked the same way, and its proof kept in their own --home.

          Example:
            wallet-cli log --as maria
            wallet-cli log --json
            wallet-cli log --as paul --on-behalf-of PSP-…
          """,
        de: """
          Jedes Lesen, jede Erlaubnis, jede Ablehnung, jede Vollmacht und jeder
          Antrag steht im Protokoll: wann, wer, für welche Hilfe, welche Angaben —
          nie ihre Werte. Das Protokoll wird jedes Mal mit den Zeugen geprüft, die
          mit 'wallet-cli trust witnesses' gewählt wurden: Die gezeigten Einträge sind
          die des Protokolls, das sie bestätigt haben, und das Protokoll ist seit der
          letzten Prüfung nur gewachsen (der Nachweis wird in --home aufbewahrt). Ein
          Protokoll, das nicht geprüft werden kann, wird trotzdem gezeigt, unter
          einer Warnung, und der Befehl endet mit dem Exit-Code 1.

          Eine Vertrauensperson, deren Vollmacht das Lesen erlaubt, fügt
          --on-behalf-of mit der Referenz hinzu, die ihr die Person gegeben hat
          (PSP-…): Das Protokoll der Person wird genauso geprüft, und sein Nachweis
          in ihrem eigenen --home aufbewahrt.

          Beispiel:
            wallet-cli log --as maria
            wallet-cli log --json
            wallet-cli log --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Cada leitura, autorização, recusa, procuração e pedido está no registo:
          quando, quem, para que apoio, que dados — nunca os seus valores. O registo
          é verificado sempre com as testemunhas escolhidas com 'wallet-cli trust
          witnesses': as entradas mostradas são as do registo que elas confirmaram,
          e o registo só cresceu desde a última verificação (a prova fica guardada em
          --home). Um registo que não pode ser verificado é mostrado na mesma, com um
          aviso, e o comando termina com o código de saída 1.

          Uma pessoa de confiança cuja procuração permite ler acrescenta
          --on-behalf-of com a referência que a pessoa lhe deu (PSP-…): o registo da
          pessoa é verificado da mesma forma, e a prova fica guardada no seu próprio
          --home.

          Exemplo:
            wallet-cli log --as maria
            wallet-cli log --json
            wallet-cli log --as paul --on-behalf-of PSP-…
          """))
  }

  @OptionGroup var trustee: OnBehalfOfOptions
  var onBehalfOf: String? { trustee.onBehalfOf }

  /// Kept so that older scripts still run: the log is always checked now.
  @Flag(help: .hidden)
  var verify = false

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    if let onBehalfOf {
      do { _ = try WalletArgument(onBehalfOf) } catch { throw usageError(error, output) }
    }
  }

  struct Told: Encodable {
    let entry: AccessLogEntry
    let sentence: String
  }

  struct Shown: Encodable {
    /// Whether the log was checked against the witnesses and found intact.
    let intact: Bool
    /// Why it could not be checked, in plain words.
    let problem: String?
    let size: Int?
    let comparedWithPreviousCheckpoint: Bool?
    /// One-shot grants and procurations the log shows used more than once.
    let oneShotUsedMoreThanOnce: [String]
    /// Newest first.
    let entries: [Told]
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      if let onBehalfOf { return try await runAsTrustee(onBehalfOf, invocation) }
      let located = try Acting.locate(home, actor, as: [.citizen, .trustee], invocation)
      guard located.keystore.kind == .citizen else { throw Messages.onBehalfOfNeeded }
      let acting = try Acting.unlock(located, home, invocation)
      let citizen = try await acting.readableCitizen(server, invocation)
      var previous = try HomeState.read(acting.home)[acting.name].checkpoint
      // A checkpoint kept before the log was witnessed (a token walletd alone
      // signed) proves nothing now: the witnesses stand in for it.
      if previous?.hasPrefix("v4.public.") == true { previous = nil }
      let checked: LogVerification
      do throws(ClientError) {
        checked = try await citizen.verifyLog(since: previous)
      } catch .unreachable(let server) {
        throw ClientError.unreachable(server)
      } catch {
        // walletd could not give a proof (its witnesses did not answer in
        // time, say): the log is shown unchecked, and the reason told.
        return try await showUnchecked(
          citizen.transport, owner: citizen.identity.publicIdentity.keyID,
          entries: try await citizen.log(), failure: failure(error, invocation), mine: true,
          names: NameBook.read(acting), invocation)
      }
      guard checked.intact else {
        return try await showUnchecked(
          citizen.transport, owner: citizen.identity.publicIdentity.keyID,
          entries: try await citizen.log(),
          failure: Messages.logNotVerified(checked.problem ?? "?"), mine: true,
          names: NameBook.read(acting), invocation)
      }
      try HomeState.update(acting.home, acting.name) { $0.checkpoint = checked.checkpoint }
      let rules = try await ClientRules.fetch(citizen.transport)
      let reused = try await oneShotReuse(checked.usedMoreThanOnce, citizen, rules)
      try await showChecked(
        citizen.transport, owner: citizen.identity.publicIdentity.keyID, reused: reused, checked,
        comparedWithPrevious: previous != nil, mine: true, names: NameBook.read(acting), invocation)
    }
  }

  /// A trusted person reads the citizen's log under a procuration with
  /// `read`, checked as the citizen's own; the head proof is kept per wallet
  /// in the trusted person's state.
  private func runAsTrustee(_ text: String, _ invocation: Invocation) async throws {
    let acting = try Acting.unlock(home, actor, as: [.trustee], invocation)
    let acted = try await OnBehalfOf.connect(text, acting, server, invocation)
    _ = try acted.allowing(.read)
    let key = acted.wallet.description
    let previous = try HomeState.read(acting.home)[acting.name].checkpoints?[key]
    let transport = acted.trustee.transport
    let checked: LogVerification
    do throws(ClientError) {
      checked = try await acted.trustee.verifyLog(wallet: acted.wallet, since: previous)
    } catch .unreachable(let server) {
      throw ClientError.unreachable(server)
    } catch {
      return try await showUnchecked(
        transport, owner: acted.ownerKeyID,
        entries: try await acted.trustee.log(wallet: acted.wallet),
        failure: failure(error, invocation), mine: false, names: NameBook.read(acting), invocation)
    }
    guard checked.intact else {
      return try await showUnchecked(
        transport, owner: acted.ownerKeyID,
        entries: try await acted.trustee.log(wallet: acted.wallet),
        failure: Messages.logNotVerified(checked.problem ?? "?"), mine: false,
        names: NameBook.read(acting), invocation)
    }
    try HomeState.update(acting.home, acting.name) {
      var kept = $0.checkpoints ?? [:]
      kept[key] = checked.checkpoint
      $0.checkpoints = kept
    }
    try await showChecked(
      transport, owner: acted.ownerKeyID, reused: [], checked,
      comparedWithPrevious: previous != nil, mine: false, names: NameBook.read(acting), invocation)
  }

  private func failure(_ error: ClientError, _ invocation: Invocation) -> Message {
    if case .forged(let forgery) = error {
      return Messages.forged(forgery, trust: invocation.trustUsed.trust)
    }
    return Messages.from(error)
  }

  private func showChecked(
    _ transport: Transport, owner: String, reused: [OneShotReuse], _ checked: LogVerification,
    comparedWithPrevious: Bool, mine: Bool, names: NameBook, _ invocation: Invocation
  ) async throws {
    let rules = try await ClientRules.fetch(transport)
    let renderer = AccessLogRenderer(
      vocabulary: NamedVocabulary(base: DemoVocabulary(rules: rules), names: names), owner: owner)
    let entries = checked.entries.reversed()
    if invocation.json {
      return try invocation.printJSON(
        Shown(
          intact: true, problem: nil, size: checked.size,
          comparedWithPreviousCheckpoint: comparedWithPrevious,
          oneShotUsedMoreThanOnce: reused.map(\.id.rawValue),
          entries: entries.map {
            Told(entry: $0, sentence: renderer.sentence($0, invocation.language))
          }))
    }
    if mine {
      invocation.line(
        fr: "Votre journal est intact (\(checked.size) entrées) : les témoins l'ont confirmé.",
        en: "Your access log is intact (\(checked.size) entries): the witnesses confirmed it.",
        de:
          "Ihr Protokoll ist unverändert (\(checked.size) Einträge): Die Zeugen haben es bestätigt.",
        pt:
          "O seu registo está intacto (\(checked.size) entradas): as testemunhas confirmaram-no.")
    } else {
      invocation.line(
        fr:
          "Le journal de ce portefeuille est intact (\(checked.size) entrées) : les témoins l'ont confirmé. « vous » y désigne la personne.",
        en:
          "This wallet's access log is intact (\(checked.size) entries): the witnesses confirmed it. “you” in it means the person.",
        de:
          "Das Protokoll dieser Brieftasche ist unverändert (\(checked.size) Einträge): Die Zeugen haben es bestätigt. „Sie“ meint darin die Person.",
        pt:
          "O registo desta carteira está intacto (\(checked.size) entradas): as testemunhas confirmaram-no. Nele, «si» e «seu» designam a pessoa."
      )
    }
    invocation.line(
      comparedWithPrevious
        ? invocation.say(
          fr: "Il a seulement grandi depuis la dernière vérification.",
          en: "It only grew since the last check.",
          de: "Es ist seit der letzten Prüfung nur gewachsen.",
          pt: "Só cresceu desde a última verificação.")
        : invocation.say(
          fr:
            "Première vérification sur cet appareil : il a été vérifié avec les témoins, et la preuve est gardée pour la prochaine fois.",
          en:
            "First check on this device: it was checked against the witnesses, and the proof is kept for next time.",
          de:
            "Erste Prüfung auf diesem Gerät: Es wurde mit den Zeugen geprüft, und der Nachweis wird für das nächste Mal aufbewahrt.",
          pt:
            "Primeira verificação neste dispositivo: foi verificado com as testemunhas, e a prova fica guardada para a próxima vez."
        ))
    for reuse in reused { invocation.line(invocation.say(reuse.warning(rules))) }
    if !entries.isEmpty { invocation.line() }
    for entry in entries { invocation.line("- " + renderer.sentence(entry, invocation.language)) }
  }

  /// The entries walletd sends, under a warning that they could not be
  /// checked; then the reason, as the command's failure (exit code 1).
  private func showUnchecked(
    _ transport: Transport, owner: String, entries all: [AccessLogEntry], failure: Message,
    mine: Bool, names: NameBook, _ invocation: Invocation
  ) async throws {
    let rules = try await ClientRules.fetch(transport)
    let renderer = AccessLogRenderer(
      vocabulary: NamedVocabulary(base: DemoVocabulary(rules: rules), names: names), owner: owner)
    let entries = all.reversed()
    if invocation.json {
      try invocation.printJSON(
        Shown(
          intact: false, problem: invocation.say(failure.text), size: nil,
          comparedWithPreviousCheckpoint: nil, oneShotUsedMoreThanOnce: [],
          entries: entries.map {
            Told(entry: $0, sentence: renderer.sentence($0, invocation.language))
          }))
      throw failure
    }
    invocation.line(
      fr:
        "ATTENTION : ce journal n'a pas pu être vérifié. Les entrées ci-dessous sont celles que walletd a envoyées : rien ne montre qu'elles sont complètes ni qu'elles n'ont pas été changées.",
      en:
        "WARNING: this log could not be checked. The entries below are what walletd sent: nothing shows that they are complete or unchanged.",
      de:
        "ACHTUNG: Dieses Protokoll konnte nicht geprüft werden. Die Einträge unten sind die, die walletd gesendet hat: Nichts zeigt, dass sie vollständig oder unverändert sind.",
      pt:
        "ATENÇÃO: este registo não pôde ser verificado. As entradas abaixo são as que o walletd enviou: nada mostra que estão completas ou que não foram alteradas."
    )
    if !entries.isEmpty { invocation.line() }
    for entry in entries { invocation.line("- " + renderer.sentence(entry, invocation.language)) }
    throw failure
  }

  /// The one-shot statements among those the log shows used more than once,
  /// judged by the citizen's own grants and procurations (fetched only then).
  private func oneShotReuse(
    _ used: [StatementID], _ citizen: CitizenClient, _ rules: StandardConsentRules
  ) async throws -> [OneShotReuse] {
    guard !used.isEmpty else { return [] }
    let grants = try await citizen.grants().map(\.grant.claims)
    let authority = WalletAuthority(
      wallet: citizen.walletID, owner: citizen.identity.signingKey.publicKey)
    let procurations = try await citizen.transport.send(
      "GET", "/v1/wallets/\(citizen.walletID)/procurations", as: ProcurationsView.self
    ).procurations.compactMap {
      try? ProcurationVerifier.verify($0.token, authority: authority, rules: rules).claims
    }
    return OneShotReuse.find(used, grants: grants, procurations: procurations)
  }
}
