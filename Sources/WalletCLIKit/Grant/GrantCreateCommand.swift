import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct GrantCreateCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "create",
      abstract: helpText(
        fr: "Permettre à une administration de lire les données d'une aide.",
        en: "Let one administration read the fields of one aid.",
        de: "Einer Behörde erlauben, die Angaben einer Hilfe zu lesen.",
        pt: "Permitir a uma administração ler os dados de um apoio."),
      discussion: helpText(
        fr: """
          Avant toute signature, vous voyez exactement quelles données
          l'administration pourra lire, et pour combien de temps ; tapez « oui » pour
          confirmer (--yes dans un script). Seules les données de l'aide que votre
          portefeuille contient sont comprises.

          Exemple :
            wallet-cli grant create --to fns --purpose allocation-vie-chere --days 90
            wallet-cli grant create --to office-social-redange --purpose aide-sociale \\
                --once
            wallet-cli grant create --to fns --purpose allocation-vie-chere \\
                --as paul --on-behalf-of PSP-…
          """,
        en: """
          Before anything is signed, you see exactly which fields the administration
          will be able to read, and for how long; type "oui" to confirm (--yes in a
          script). Only the fields of the aid that your wallet holds are included.

          Example:
            wallet-cli grant create --to fns --purpose allocation-vie-chere --days 90
            wallet-cli grant create --to office-social-redange --purpose aide-sociale \\
                --once
            wallet-cli grant create --to fns --purpose allocation-vie-chere \\
                --as paul --on-behalf-of PSP-…
          """,
        de: """
          Bevor etwas unterschrieben wird, sehen Sie genau, welche Angaben die Behörde
          lesen kann, und wie lange. Geben Sie „ja“ ein, um zu bestätigen (--yes in
          einem Skript). Nur die Angaben der Hilfe, die Ihre Brieftasche enthält,
          sind dabei.

          Beispiel:
            wallet-cli grant create --to fns --purpose allocation-vie-chere --days 90
            wallet-cli grant create --to office-social-redange --purpose aide-sociale \\
                --once
            wallet-cli grant create --to fns --purpose allocation-vie-chere \\
                --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Antes de qualquer assinatura, vê exatamente que dados a administração
          poderá ler, e durante quanto tempo. Escreva «sim» para confirmar (--yes
          num script). Só estão incluídos os dados do apoio que a sua carteira tem.

          Exemplo:
            wallet-cli grant create --to fns --purpose allocation-vie-chere --days 90
            wallet-cli grant create --to office-social-redange --purpose aide-sociale \\
                --once
            wallet-cli grant create --to fns --purpose allocation-vie-chere \\
                --as paul --on-behalf-of PSP-…
          """))
  }

  @Option(
    name: .customLong("to"),
    help: ArgumentHelp(
      helpText(
        fr: "L'administration (son identifiant, par ex. fns).",
        en: "The administration (its id, e.g. fns).",
        de: "Die Behörde (ihre Kennung, z. B. fns).",
        pt: "A administração (o seu identificador, por exemplo fns)."),
      valueName: "administration"))
  var administration: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'aide (par ex. allocation-vie-chere) ; voyez 'wallet-cli grant --help'.",
        en: "The aid (e.g. allocation-vie-chere); see 'wallet-cli grant --help'.",
        de: "Die Hilfe (z. B. allocation-vie-chere); siehe 'wallet-cli grant --help'.",
        pt: "O apoio (por exemplo allocation-vie-chere); veja 'wallet-cli grant --help'."),
      valueName: "purpose"))
  var purpose: String

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr: "Pour une seule lecture (une permission à usage unique).",
        en: "For one reading only (a one-shot grant).",
        de: "Für ein einziges Lesen (eine Erlaubnis für einmal).",
        pt: "Para uma só leitura (uma autorização de uso único).")))
  var once = false

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Combien de jours elle dure (par défaut : 90, ou moins si l'aide permet moins).",
        en: "How many days it lasts (default: 90, or less if the aid allows less).",
        de: "Wie viele Tage sie gilt (Standard: 90, oder weniger, wenn die Hilfe weniger erlaubt).",
        pt: "Quantos dias dura (por omissão: 90, ou menos se o apoio permitir menos)."),
      valueName: "n"))
  var days: Int?

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    try trustee.validate(output)
    guard PurposeArgument.known(purpose) != nil else {
      throw usageError(Messages.unknownPurpose(purpose), output)
    }
    if let days, !(1...AidTemplate.longestAllowedValidityDays).contains(days) {
      throw usageError(Self.daysOutOfRange, output)
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
      var days = Int64(self.days ?? min(90, template.maximalValidityDays[kind] ?? 90))
      // A trusted person's permission ends with their procuration, at the latest.
      if let ends = try signer.procurationEnds() {
        let left = (ends - invocation.now) / 86_400
        if days > left {
          guard self.days == nil, left >= 1 else {
            throw Messages.grantOutlivesProcuration(Words.day(ends, invocation.language))
          }
          days = left
        }
      }
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
        LocalizedText(
          fr: "Donner cette permission ?", en: "Give this permission?",
          de: "Diese Erlaubnis geben?", pt: "Dar esta autorização?"),
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
        en: "Permission given. Its number: \(grant.id).",
        de: "Erlaubnis gegeben. Ihre Nummer: \(grant.id).",
        pt: "Autorização dada. O número dela: \(grant.id).")
      let revoke =
        "wallet-cli grant revoke \(grant.id)"
        + (signer.acted.map { " --on-behalf-of \($0.reference)" } ?? "")
      invocation.line(
        fr: "Pour la retirer : \(revoke)",
        en: "To withdraw it: \(revoke)",
        de: "Um sie zurückzunehmen: \(revoke)",
        pt: "Para a retirar: \(revoke)")
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
    let out: (String) -> Void = { text in
      if invocation.json { invocation.console.note(text) } else { invocation.line(text) }
    }
    let show: (LocalizedText) -> Void = { out(invocation.say($0)) }
    let (fr, en, de, pt) = (
      aid.text(in: .french), aid.text(in: .english), aid.text(in: .german),
      aid.text(in: .portuguese)
    )
    let count = preview.fields.count
    show(
      LocalizedText(
        fr:
          "Vous allez permettre à « \(target.name) » de lire \(count) donnée(s), pour l'aide « \(fr) » :",
        en: "You are about to let “\(target.name)” read \(count) field(s), for the aid “\(en)”:",
        de:
          "Sie erlauben gleich „\(target.name)“, \(count) Angabe(n) zu lesen, für die Hilfe „\(de)“:",
        pt:
          "Vai permitir a «\(target.name)» ler \(count) dado(s), para o apoio «\(pt)»:"))
    for label in GrantPreview.labels(preview.fields, language) {
      out("  - " + label)
    }
    let day = Words.day(until, language)
    switch kind {
    case .oneShot:
      show(
        LocalizedText(
          fr: "Une seule lecture, jusqu'au \(day) au plus tard.",
          en: "One reading only, until \(day) at the latest.",
          de: "Ein einziges Lesen, spätestens bis zum \(day).",
          pt: "Uma só leitura, até \(day), o mais tardar."))
    case .durable:
      show(
        LocalizedText(
          fr: "Autant de lectures que nécessaire, jusqu'au \(day).",
          en: "As many readings as needed, until \(day).",
          de: "So oft lesen wie nötig, bis zum \(day).",
          pt: "Tantas leituras quantas forem precisas, até \(day)."))
    }
    show(GrantPreview.takeBack)
    if !preview.notHeld.isEmpty {
      show(GrantPreview.notHeldNotice)
      for label in GrantPreview.labels(preview.notHeld, language) {
        out("  - " + label)
      }
    }
  }

  /// `--days` outside what any aid allows.
  static let daysOutOfRange = Message(
    fr: "--days doit être entre 1 et \(AidTemplate.longestAllowedValidityDays).",
    en: "--days must be between 1 and \(AidTemplate.longestAllowedValidityDays).",
    de: "--days muss zwischen 1 und \(AidTemplate.longestAllowedValidityDays) liegen.",
    pt: "--days tem de estar entre 1 e \(AidTemplate.longestAllowedValidityDays).",
    hintFR: "Par exemple --days 90, ou rien pour la durée par défaut.",
    hintEN: "For example --days 90, or nothing for the default length.",
    hintDE: "Zum Beispiel --days 90, oder nichts für die Standarddauer.",
    hintPT: "Por exemplo --days 90, ou nada para a duração por omissão.")
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

  /// When the procuration a trusted person signs under ends (nil for the citizen).
  func procurationEnds() throws -> Int64? {
    guard let acted else { return nil }
    return try acted.allowing(.grant).expires
  }

  /// The fields the wallet holds (for a trusted person, those they may see).
  func held() async throws -> Set<FieldID> {
    if let citizen { return Set(try await citizen.records().map(\.field)) }
    let acted = acted!
    return Set(
      try await acted.trustee.records(wallet: acted.wallet, ownerKey: acted.owner).map(\.field))
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
