import ArgumentParser
import PSPConsent
import PSPDemo
import PSPWallet
import WalletAPI
import WalletClient

struct LogCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Read your access log (journal), checked: who did what with your data, newest first.",
    discussion: """
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
      """)

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
    try server.validateURL()
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
          invocation)
      }
      guard checked.intact else {
        return try await showUnchecked(
          citizen.transport, owner: citizen.identity.publicIdentity.keyID,
          entries: try await citizen.log(),
          failure: Messages.logNotVerified(checked.problem ?? "?"), mine: true, invocation)
      }
      try HomeState.update(acting.home, acting.name) { $0.checkpoint = checked.checkpoint }
      let rules = try await ClientRules.fetch(citizen.transport)
      let reused = try await oneShotReuse(checked.usedMoreThanOnce, citizen, rules)
      try await showChecked(
        citizen.transport, owner: citizen.identity.publicIdentity.keyID, reused: reused, checked,
        comparedWithPrevious: previous != nil, mine: true, invocation)
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
        failure: failure(error, invocation), mine: false, invocation)
    }
    guard checked.intact else {
      return try await showUnchecked(
        transport, owner: acted.ownerKeyID,
        entries: try await acted.trustee.log(wallet: acted.wallet),
        failure: Messages.logNotVerified(checked.problem ?? "?"), mine: false, invocation)
    }
    try HomeState.update(acting.home, acting.name) {
      var kept = $0.checkpoints ?? [:]
      kept[key] = checked.checkpoint
      $0.checkpoints = kept
    }
    try await showChecked(
      transport, owner: acted.ownerKeyID, reused: [], checked,
      comparedWithPrevious: previous != nil, mine: false, invocation)
  }

  private func failure(_ error: ClientError, _ invocation: Invocation) -> Message {
    if case .forged(let forgery) = error {
      return Messages.forged(forgery, trust: invocation.trustUsed.trust)
    }
    return Messages.from(error)
  }

  private func showChecked(
    _ transport: Transport, owner: String, reused: [OneShotReuse], _ checked: LogVerification,
    comparedWithPrevious: Bool, mine: Bool, _ invocation: Invocation
  ) async throws {
    let rules = try await ClientRules.fetch(transport)
    let renderer = AccessLogRenderer(vocabulary: DemoVocabulary(rules: rules), owner: owner)
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
        en: "Your access log is intact (\(checked.size) entries): the witnesses confirmed it.")
    } else {
      invocation.line(
        fr:
          "Le journal de ce portefeuille est intact (\(checked.size) entrées) : les témoins l'ont confirmé. « vous » y désigne la personne.",
        en:
          "This wallet's access log is intact (\(checked.size) entries): the witnesses confirmed it. “you” in it means the person."
      )
    }
    invocation.line(
      comparedWithPrevious
        ? invocation.say(
          fr: "Il a seulement grandi depuis la dernière vérification.",
          en: "It only grew since the last check.")
        : invocation.say(
          fr:
            "Première vérification sur cet appareil : il a été vérifié avec les témoins, et la preuve est gardée pour la prochaine fois.",
          en:
            "First check on this device: it was checked against the witnesses, and the proof is kept for next time."
        ))
    for reuse in reused { invocation.line(invocation.say(reuse.warning(rules))) }
    if !entries.isEmpty { invocation.line() }
    for entry in entries { invocation.line("- " + renderer.sentence(entry, invocation.language)) }
  }

  /// The entries walletd sends, under a warning that they could not be
  /// checked; then the reason, as the command's failure (exit code 1).
  private func showUnchecked(
    _ transport: Transport, owner: String, entries all: [AccessLogEntry], failure: Message,
    mine: Bool, _ invocation: Invocation
  ) async throws {
    let rules = try await ClientRules.fetch(transport)
    let renderer = AccessLogRenderer(vocabulary: DemoVocabulary(rules: rules), owner: owner)
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
        "WARNING: this log could not be checked. The entries below are what walletd sent: nothing shows that they are complete or unchanged."
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
