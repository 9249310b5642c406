import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct GrantCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Let one administration read the fields of one aid.",
    discussion: """
      Before anything is signed, you see exactly which fields the administration
      will be able to read, and for how long; type "oui" to confirm (--yes in a
      script). Only the fields of the aid that your wallet holds are included.

      Example:
        wallet-cli grant create --to fns --purpose allocation-vie-chere --days 90
        wallet-cli grant create --to office-social-redange --purpose aide-sociale \\
            --once
        wallet-cli grant create --to fns --purpose allocation-vie-chere \\
            --as paul --on-behalf-of PSP-…
      """)

  @Option(
    name: .customLong("to"),
    help: ArgumentHelp("The administration (its id, e.g. fns).", valueName: "administration"))
  var administration: String

  @Option(
    help: ArgumentHelp(
      "The aid (e.g. allocation-vie-chere); see 'wallet-cli grant --help'.", valueName: "purpose"))
  var purpose: String

  @Flag(help: "For one reading only (a one-shot grant).")
  var once = false

  @Option(
    help: ArgumentHelp(
      "How many days it lasts (default: 90, or less if the aid allows less).", valueName: "n"))
  var days: Int?

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    try trustee.validate(output)
    guard PurposeArgument.known(purpose) != nil else {
      throw usageError(Messages.unknownPurpose(purpose), output)
    }
    if let days, !(1...AidTemplate.longestAllowedValidityDays).contains(days) {
      throw ValidationError(
        "--days must be between 1 and \(AidTemplate.longestAllowedValidityDays)")
    }
  }

  struct Created: Encodable {
    let grant: String
    let administration: String
    let purpose: String
    let kind: String
    let fields: [String]
    let expires: String
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let purpose = PurposeArgument.known(purpose) else {
        throw Messages.unknownPurpose(self.purpose)
      }
      let signer = try await Signer.connect(trustee.onBehalfOf, home, actor, server, invocation)
      let rules = try await ClientRules.fetch(signer.transport)
      let target = try rules.administration(named: administration, for: purpose)
      guard let template = rules.templates[purpose] else {
        throw Messages.unknownPurpose(purpose.rawValue)
      }
      let kind: GrantKind = once ? .oneShot : .durable
      let days = Int64(self.days ?? min(90, template.maximalValidityDays[kind] ?? 90))
      try template.validateGrant(kind: kind, validity: .seconds(days * 86_400))
      let preview = GrantPreview(template, held: try await signer.held())
      guard !preview.fields.isEmpty else { throw Messages.noFieldForAid }
      let now = invocation.now
      show(
        preview, to: target, aid: Words.aid(purpose), kind: kind, until: now + days * 86_400,
        invocation)
      if let acted = signer.acted {
        let text = invocation.say(Messages.actingFor(acted.reference))
        if invocation.json { invocation.console.note(text) } else { invocation.line(text) }
      }
      try invocation.confirm(
        LocalizedText(fr: "Donner cette permission ?", en: "Give this permission?"),
        assumeYes: confirm.yes)
      let grant = try await signer.grant(
        to: target.id.rawValue, purpose: purpose, fields: preview.fields, kind: kind, days: days,
        at: now)
      if invocation.json {
        return try invocation.printJSON(
          Created(
            grant: grant.id.rawValue, administration: target.id.rawValue, purpose: purpose.rawValue,
            kind: kind.rawValue, fields: grant.fields.map(\.rawValue),
            expires: Timestamp.rfc3339(grant.expires)))
      }
      invocation.line(
        fr: "Permission donnée. Son numéro : \(grant.id).",
        en: "Permission given. Its number: \(grant.id).")
      let revoke =
        "wallet-cli grant revoke \(grant.id)"
        + (signer.acted.map { " --on-behalf-of \($0.reference)" } ?? "")
      invocation.line(
        fr: "Pour la retirer : \(revoke)",
        en: "To withdraw it: \(revoke)")
    }
  }

  /// What the person agrees to, in plain words, before they confirm (on
  /// standard error with --json, so that the JSON stays one document).
  private func show(
    _ preview: GrantPreview, to target: Administration, aid: LocalizedText, kind: GrantKind,
    until: Int64,
    _ invocation: Invocation
  ) {
    let language = invocation.language
    let show: (String, String) -> Void = { fr, en in
      let text = invocation.say(fr: fr, en: en)
      if invocation.json { invocation.console.note(text) } else { invocation.line(text) }
    }
    let count = preview.fields.count
    show(
      "Vous allez permettre à « \(target.name) » de lire \(count) donnée(s), pour l'aide « \(aid.fr) » :",
      "You are about to let “\(target.name)” read \(count) field(s), for the aid “\(aid.en)”:")
    for label in GrantPreview.labels(preview.fields, language) {
      show("  - " + label, "  - " + label)
    }
    let day = Words.day(until, language)
    switch kind {
    case .oneShot:
      show(
        "Une seule lecture, jusqu'au \(day) au plus tard.",
        "One reading only, until \(day) at the latest.")
    case .durable:
      show(
        "Autant de lectures que nécessaire, jusqu'au \(day).",
        "As many readings as needed, until \(day).")
    }
    show(
      "Vous pourrez la retirer à tout moment. Ce qui aura déjà été lu ne pourra pas être repris.",
      "You can withdraw it at any time. What was already read cannot be taken back.")
    if !preview.notHeld.isEmpty {
      show(
        "L'aide demande aussi ces données, que vous n'avez pas remplies (elles ne seront pas montrées) :",
        "The aid also asks for these fields, which you have not filled in (they will not be shown):"
      )
      for label in GrantPreview.labels(preview.notHeld, language) {
        show("  - " + label, "  - " + label)
      }
    }
  }
}

/// Who signs a grant: the citizen, or a trusted person under a procuration
/// that allows `grant` (`--on-behalf-of`).
private struct Signer {
  let citizen: CitizenClient?
  let acted: OnBehalfOf?

  var transport: Transport { citizen?.transport ?? acted!.trustee.transport }

  static func connect(
    _ onBehalfOf: String?, _ home: HomeOptions, _ actor: ActorOptions, _ server: ServerOptions,
    _ invocation: Invocation
  ) async throws -> Signer {
    if let onBehalfOf {
      let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
      _ = try acted.allowing(.grant)
      return Signer(citizen: nil, acted: acted)
    }
    let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
    return Signer(citizen: try await acting.citizen(server, invocation), acted: nil)
  }

  /// The fields the wallet holds (for a trusted person, those they may see).
  func held() async throws -> Set<FieldID> {
    if let citizen { return Set(try await citizen.records().map(\.field)) }
    let acted = acted!
    return Set(try await acted.trustee.records(wallet: acted.wallet, ownerKey: acted.owner).map(\.field))
  }

  func grant(
    to administration: String, purpose: Purpose, fields: [FieldID], kind: GrantKind, days: Int64,
    at now: Int64
  ) async throws -> Grant {
    if let citizen {
      return try await citizen.grant(
        to: administration, purpose: purpose, fields: fields, kind: kind, days: days, at: now)
    }
    let acted = acted!
    return try await acted.trustee.grant(
      wallet: acted.wallet, ownerKey: acted.owner, procuration: try acted.allowing(.grant),
      to: administration, purpose: purpose, fields: fields, kind: kind, days: days, at: now)
  }
}
