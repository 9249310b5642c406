import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct ProcurationCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Give a procuration to a trusted person.",
    discussion: """
      One-shot: --once --purpose P --at ADMINISTRATION (the person may file that
      one request, once; at most 30 days). Personalised: --days N (at most 366),
      and any of --circle K (fields of circles 0 to K), --purposes a,b (none: any
      aid), --actions read,update,file,grant (default: read). You see what the
      person will be able to do, then type "oui" (--yes in a script). Then give
      the person the reference printed (PSP-…): with it they reach your wallet
      and check that it is yours.

      The trusted person is named by --to: a name in --home, or the file they made
      with 'wallet-cli identity show --json'; or by --to-key and
      --to-encryption-key.

      Example:
        wallet-cli procuration create --to paul --once --purpose aide-sociale \\
            --at office-social-redange
        wallet-cli procuration create --to-key k4.public.… --to-encryption-key … \\
            --days 90 --circle 1 --actions read
      """)

  @Option(
    help: ArgumentHelp(
      "The trusted person: a name in --home, or their public identity file.",
      valueName: "name-or-file"))
  var to: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The trusted person's public key (k4.public…).", valueName: "key"))
  var toKey: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The trusted person's encryption key (base64url).", valueName: "key"))
  var toEncryptionKey: String?

  @Flag(help: "One step, used once (a one-shot procuration).")
  var once = false

  @Option(help: ArgumentHelp("One-shot: the aid of the step.", valueName: "purpose"))
  var purpose: String?

  @Option(
    help: ArgumentHelp("The administration of the step (its id).", valueName: "administration"))
  var at: String?

  @Option(
    help: ArgumentHelp(
      "How many days it lasts (one-shot: default 7, at most 30; personalised: default 90, at most 366).",
      valueName: "n"))
  var days: Int?

  @Option(help: ArgumentHelp("Personalised: the fields of circles 0 to K.", valueName: "k"))
  var circle: Int?

  @Option(
    help: ArgumentHelp("Personalised: the aids, comma-separated (none: any aid).", valueName: "a,b")
  )
  var purposes: String?

  @Option(
    help: ArgumentHelp(
      "What the person may do: read, update, file, grant (comma-separated).", valueName: "a,b"))
  var actions: String?

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  var trustee: TrusteeReference {
    TrusteeReference(to: to, signingKey: toKey, encryptionKey: toEncryptionKey)
  }
  var kind: ProcurationKind { once ? .oneShot : .personalised }

  var purposeList: [Purpose]? {
    if once { return purpose.flatMap(PurposeArgument.known).map { [$0] } }
    guard let purposes else { return [] }
    return CommaList.parse(purposes, PurposeArgument.known)
  }

  var actionList: [ProcurationAction]? {
    guard let actions else { return once ? [.file] : [.read] }
    return CommaList.parse(actions) { ProcurationAction(rawValue: $0) }
  }

  var validityDays: Int { days ?? (once ? 7 : 90) }

  func validate() throws {
    try server.validateURL()
    guard trustee.isComplete else {
      throw ValidationError(
        "name the trusted person with --to, or with --to-key and --to-encryption-key")
    }
    if once {
      guard let purpose, at != nil else { throw ValidationError("--once needs --purpose and --at") }
      guard PurposeArgument.known(purpose) != nil else {
        throw usageError(Messages.unknownPurpose(purpose), output)
      }
      guard purposes == nil, circle == nil else {
        throw ValidationError(
          "--purposes and --circle are for a personalised procuration, not --once")
      }
      guard (1...30).contains(validityDays) else {
        throw ValidationError("a one-shot procuration lasts 1 to 30 days")
      }
    } else {
      guard purpose == nil else {
        throw ValidationError("--purpose is for --once; use --purposes a,b")
      }
      guard purposeList != nil else {
        throw ValidationError("--purposes: unknown aid; see 'wallet-cli grant --help'")
      }
      if let circle, Circle(rawValue: circle) == nil {
        throw ValidationError("--circle must be 0 to 4")
      }
      guard (1...366).contains(validityDays) else {
        throw ValidationError("a personalised procuration lasts 1 to 366 days")
      }
    }
    guard let actionList, !actionList.isEmpty else {
      throw ValidationError("--actions: read, update, file or grant")
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try OnBehalfOf.citizensOwn(home, actor, invocation)
      let person = try trustee.resolve(acting.home)
      let citizen = try await acting.citizen(server, invocation)
      let rules = try await ClientRules.fetch(citizen.transport)
      let purposes = purposeList ?? []
      let actions = actionList ?? []
      let administration: Administration?
      if let at {
        administration =
          try once
          ? rules.administration(named: at, for: purposes[0]) : rules.administration(named: at)
      } else {
        administration = nil
      }
      let scope = circle.flatMap(Circle.init(rawValue:))
      let now = invocation.now
      let days = Int64(validityDays)
      show(
        person, purposes: purposes, actions: actions, administration: administration, circle: scope,
        until: now + days * 86_400, invocation)
      try invocation.confirm(
        LocalizedText(fr: "Donner cette procuration ?", en: "Give this procuration?"),
        assumeYes: confirm.yes)
      let procuration = try await citizen.procuration(
        to: person, kind: kind, purposes: purposes, administration: administration?.id.rawValue,
        circle: scope,
        actions: actions, days: days, at: now)
      let owner = citizen.identity.publicIdentity.keyID
      let reference = WalletReference(
        wallet: citizen.walletID, owner: citizen.identity.signingKey.publicKey)
      if invocation.json {
        return try invocation.printJSON([
          "procuration": procuration.id.rawValue, "wallet": citizen.walletID.description,
          "ownerKeyID": owner, "reference": reference.description,
          "trustee": person.keyID,
        ])
      }
      invocation.line(
        fr: "Procuration donnée. Son numéro : \(procuration.id).",
        en: "Procuration given. Its number: \(procuration.id).")
      invocation.line(
        fr:
          "Donnez à la personne de confiance cette référence (elle lui permet de trouver votre portefeuille et de vérifier qu'il est bien le vôtre) :",
        en:
          "Give the trusted person this reference (it lets them find your wallet and check that it is really yours):"
      )
      invocation.line("  \(reference)")
      invocation.line(
        fr: "Ou bien, séparément, le numéro de votre portefeuille et votre identifiant de clé :",
        en: "Or else, separately, your wallet's number and your key id:")
      invocation.line("  \(citizen.walletID)")
      invocation.line("  \(owner)")
    }
  }

  /// What the trusted person will be able to do, in plain words.
  private func show(
    _ person: PublicIdentity, purposes: [Purpose], actions: [ProcurationAction],
    administration: Administration?,
    circle: Circle?, until: Int64, _ invocation: Invocation
  ) {
    let say: (String, String) -> Void = { fr, en in
      let text = invocation.say(fr: fr, en: en)
      if invocation.json { invocation.console.note(text) } else { invocation.line(text) }
    }
    say(
      "Vous allez donner une procuration à la personne de confiance \(person.keyID).",
      "You are about to give a procuration to the trusted person \(person.keyID).")
    let can = actions.map { invocation.say(Words.action($0)) }.joined(separator: ", ")
    say("  Elle pourra : \(can).", "  They will be able to: \(can).")
    let aids = purposes.map { invocation.say(Words.aid($0)) }
    say(
      "  Pour : " + (aids.isEmpty ? "toutes les aides" : aids.joined(separator: ", ")) + ".",
      "  For: " + (aids.isEmpty ? "any aid" : aids.joined(separator: ", ")) + ".")
    if let administration {
      say("  Auprès de : \(administration.name).", "  With: \(administration.name).")
    }
    if let circle {
      let k = circle.rawValue
      say("  Données : celles des cercles 0 à \(k).", "  Fields: those of circles 0 to \(k).")
    }
    let day = Words.day(until, invocation.language)
    if once {
      say("  Une seule fois, jusqu'au \(day) au plus tard.", "  Once, until \(day) at the latest.")
    } else {
      say("  Jusqu'au \(day).", "  Until \(day).")
    }
    say(
      "Vous pourrez la retirer à tout moment : wallet-cli procuration revoke NUMÉRO.",
      "You can withdraw it at any time: wallet-cli procuration revoke NUMBER.")
  }
}
