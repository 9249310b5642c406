import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct ProcurationCreateCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "create",
      abstract: helpText(
        fr: "Donner une procuration à une personne de confiance.",
        en: "Give a procuration to a trusted person.",
        de: "Einer Vertrauensperson eine Vollmacht geben.",
        pt: "Dar uma procuração a uma pessoa de confiança."),
      discussion: helpText(
        fr: """
          Unique : --once --purpose P --at ADMINISTRATION (la personne peut faire
          cette demande-là, une fois ; 30 jours au plus). Personnalisée : --days N
          (366 au plus), et si vous voulez --circle K (les données des cercles 0 à
          K), --purposes a,b (aucune : toutes les aides), --actions
          read,update,file,grant (par défaut : read). Vous voyez ce que la personne
          pourra faire, puis vous tapez « oui » (--yes dans un script). Donnez ensuite
          à la personne la référence affichée (PSP-…) : avec elle, elle trouve votre
          portefeuille et vérifie qu'il est bien le vôtre.

          La personne de confiance est désignée par --to : un nom dans --home, ou le
          fichier qu'elle a fait avec 'wallet-cli identity show --json' ; ou par
          --to-key et --to-encryption-key.

          Exemple :
            wallet-cli procuration create --to paul --once --purpose aide-sociale \\
                --at office-social-redange
            wallet-cli procuration create --to-key k4.public.… --to-encryption-key … \\
                --days 90 --circle 1 --actions read
          """,
        en: """
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
          """,
        de: """
          Einmalig: --once --purpose P --at ADMINISTRATION (die Person darf genau
          diesen Antrag stellen, einmal; höchstens 30 Tage). Persönlich: --days N
          (höchstens 366), und nach Wunsch --circle K (die Angaben der Kreise 0 bis
          K), --purposes a,b (keine: alle Hilfen), --actions read,update,file,grant
          (Standard: read). Sie sehen, was die Person tun darf, dann tippen Sie „ja“
          (--yes in einem Skript). Geben Sie der Person danach die angezeigte
          Referenz (PSP-…): Damit findet sie Ihre Brieftasche und prüft, dass es
          wirklich Ihre ist.

          Die Vertrauensperson wird mit --to genannt: ein Name in --home, oder die
          Datei, die sie mit 'wallet-cli identity show --json' gemacht hat; oder mit
          --to-key und --to-encryption-key.

          Beispiel:
            wallet-cli procuration create --to paul --once --purpose aide-sociale \\
                --at office-social-redange
            wallet-cli procuration create --to-key k4.public.… --to-encryption-key … \\
                --days 90 --circle 1 --actions read
          """,
        pt: """
          Única: --once --purpose P --at ADMINISTRATION (a pessoa pode fazer esse
          pedido, uma vez; no máximo 30 dias). Personalizada: --days N (no máximo
          366), e, se quiser, --circle K (os dados dos círculos 0 a K), --purposes
          a,b (nenhum: todos os apoios), --actions read,update,file,grant (por
          defeito: read). Vê o que a pessoa poderá fazer e depois escreve «sim»
          (--yes num script). Depois, dê à pessoa a referência mostrada (PSP-…): com
          ela, a pessoa encontra a sua carteira e verifica que é mesmo sua.

          A pessoa de confiança é indicada com --to: um nome em --home, ou o ficheiro
          que ela fez com 'wallet-cli identity show --json'; ou com --to-key e
          --to-encryption-key.

          Exemplo:
            wallet-cli procuration create --to paul --once --purpose aide-sociale \\
                --at office-social-redange
            wallet-cli procuration create --to-key k4.public.… --to-encryption-key … \\
                --days 90 --circle 1 --actions read
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "La personne de confiance : un nom dans --home, ou son fichier d'identité publique.",
        en: "The trusted person: a name in --home, or their public identity file.",
        de:
          "Die Vertrauensperson: ein Name in --home, oder ihre Datei mit der öffentlichen Identität.",
        pt: "A pessoa de confiança: um nome em --home, ou o ficheiro da sua identidade pública."),
      valueName: "name-or-file"))
  var to: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "La clé publique de la personne de confiance (k4.public…).",
        en: "The trusted person's public key (k4.public…).",
        de: "Der öffentliche Schlüssel der Vertrauensperson (k4.public…).",
        pt: "A chave pública da pessoa de confiança (k4.public…)."),
      valueName: "key"))
  var toKey: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "La clé de chiffrement de la personne de confiance (base64url).",
        en: "The trusted person's encryption key (base64url).",
        de: "Der Verschlüsselungsschlüssel der Vertrauensperson (base64url).",
        pt: "A chave de cifra da pessoa de confiança (base64url)."),
      valueName: "key"))
  var toEncryptionKey: String?

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr: "Une démarche, utilisée une fois (une procuration unique).",
        en: "One step, used once (a one-shot procuration).",
        de: "Ein Schritt, einmal benutzt (eine einmalige Vollmacht).",
        pt: "Um passo, usado uma vez (uma procuração única).")))
  var once = false

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Unique : l'aide de la démarche.",
        en: "One-shot: the aid of the step.",
        de: "Einmalig: die Hilfe des Schritts.",
        pt: "Única: o apoio do passo."),
      valueName: "purpose"))
  var purpose: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'administration de la démarche (son identifiant).",
        en: "The administration of the step (its id).",
        de: "Die Behörde des Schritts (ihre Kennung).",
        pt: "A administração do passo (o seu identificador)."),
      valueName: "administration"))
  var at: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr:
          "Combien de jours elle dure (unique : 7 par défaut, 30 au plus ; personnalisée : 90 par défaut, 366 au plus).",
        en:
          "How many days it lasts (one-shot: default 7, at most 30; personalised: default 90, at most 366).",
        de:
          "Wie viele Tage sie gilt (einmalig: Standard 7, höchstens 30; persönlich: Standard 90, höchstens 366).",
        pt:
          "Quantos dias dura (única: 7 por defeito, no máximo 30; personalizada: 90 por defeito, no máximo 366)."
      ),
      valueName: "n"))
  var days: Int?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Personnalisée : les données des cercles 0 à K.",
        en: "Personalised: the fields of circles 0 to K.",
        de: "Persönlich: die Angaben der Kreise 0 bis K.",
        pt: "Personalizada: os dados dos círculos 0 a K."),
      valueName: "k"))
  var circle: Int?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Personnalisée : les aides, séparées par des virgules (aucune : toutes les aides).",
        en: "Personalised: the aids, comma-separated (none: any aid).",
        de: "Persönlich: die Hilfen, durch Kommas getrennt (keine: alle Hilfen).",
        pt: "Personalizada: os apoios, separados por vírgulas (nenhum: todos os apoios)."),
      valueName: "a,b"))
  var purposes: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr:
          "Ce que la personne peut faire : read, update, file, grant (séparés par des virgules).",
        en: "What the person may do: read, update, file, grant (comma-separated).",
        de: "Was die Person tun darf: read, update, file, grant (durch Kommas getrennt).",
        pt: "O que a pessoa pode fazer: read, update, file, grant (separados por vírgulas)."),
      valueName: "a,b"))
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
    try server.validateURL(output)
    guard trustee.isComplete else { throw usageError(Messages.procurationWhoIsTrustee, output) }
    if once {
      guard let purpose, at != nil else {
        throw usageError(Messages.procurationOnceNeedsPurposeAndAt, output)
      }
      guard PurposeArgument.known(purpose) != nil else {
        throw usageError(Messages.unknownPurpose(purpose), output)
      }
      guard purposes == nil, circle == nil else {
        throw usageError(Messages.procurationOnceNoPurposesOrCircle, output)
      }
      guard (1...30).contains(validityDays) else {
        throw usageError(Messages.procurationOnceDays, output)
      }
    } else {
      guard purpose == nil else { throw usageError(Messages.procurationPurposeIsForOnce, output) }
      guard purposeList != nil else {
        throw usageError(Messages.procurationUnknownPurposes, output)
      }
      if let circle, Circle(rawValue: circle) == nil {
        throw usageError(Messages.procurationCircleRange, output)
      }
      guard (1...366).contains(validityDays) else {
        throw usageError(Messages.procurationPersonalisedDays, output)
      }
    }
    guard let actionList, !actionList.isEmpty else {
      throw usageError(Messages.procurationUnknownActions, output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try OnBehalfOf.citizensOwn(home, actor, invocation)
      let person = try trustee.resolve(acting.home)
      // The name the file or the home gives, shown with the whole key id in
      // the preview, kept only once the procuration is given.
      let named = trustee.name(acting.home).flatMap(NameBook.printable)
      let known = NameBook.read(acting).name(of: person.keyID) ?? named
      let shownPerson = known.map { "\($0) (\(person.keyID))" } ?? person.keyID
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
        shownPerson, purposes: purposes, actions: actions,
        administration: administration, circle: scope,
        until: now + days * 86_400, invocation)
      try invocation.confirm(
        LocalizedText(
          fr: "Donner cette procuration ?", en: "Give this procuration?",
          de: "Diese Vollmacht geben?", pt: "Dar esta procuração?"),
        assumeYes: confirm.yes)
      let procuration = try await citizen.procuration(
        to: person, kind: kind, purposes: purposes, administration: administration?.id.rawValue,
        circle: scope,
        actions: actions, days: days, at: now)
      if let named, NameBook.read(acting).name(of: person.keyID) == nil {
        try NameBook.remember(named, for: person.keyID, acting)
      }
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
      invocation.line(invocation.say(ProcurationWords.given(procuration.id.rawValue)))
      invocation.line(invocation.say(ProcurationWords.giveReference))
      invocation.line("  \(reference)")
      invocation.line(invocation.say(ProcurationWords.separately))
      invocation.line("  \(citizen.walletID)")
      invocation.line("  \(owner)")
    }
  }

  /// What the trusted person will be able to do, in plain words.
  private func show(
    _ person: String, purposes: [Purpose], actions: [ProcurationAction],
    administration: Administration?,
    circle: Circle?, until: Int64, _ invocation: Invocation
  ) {
    let say: (String) -> Void = { text in
      if invocation.json { invocation.console.note(text) } else { invocation.line(text) }
    }
    let preview = Self.preview(
      person, once: once, purposes: purposes, actions: actions, administration: administration,
      circle: circle, until: until, invocation.language)
    say(preview.intro)
    for point in preview.points { say("  " + point) }
    say(
      invocation.say(
        LocalizedText(
          fr: "Vous pourrez la retirer à tout moment : wallet-cli procuration revoke NUMÉRO.",
          en: "You can withdraw it at any time: wallet-cli procuration revoke NUMBER.",
          de: "Sie können sie jederzeit zurücknehmen: wallet-cli procuration revoke NUMMER.",
          pt: "Pode retirá-la a qualquer momento: wallet-cli procuration revoke NÚMERO.")))
  }

  /// What the trusted person will be able to do, in plain words: a first
  /// line, then one line per point (said by this command and by the app's
  /// procuration preview).
  static func preview(
    _ person: String, once: Bool, purposes: [Purpose], actions: [ProcurationAction],
    administration: Administration?, circle: Circle?, until: Int64, _ language: Language
  ) -> (intro: String, points: [String]) {
    let say: (LocalizedText) -> String = { $0.text(in: language) }
    let intro = say(
      LocalizedText(
        fr: "Vous allez donner une procuration à la personne de confiance \(person).",
        en: "You are about to give a procuration to the trusted person \(person).",
        de: "Sie geben gleich der Vertrauensperson \(person) eine Vollmacht.",
        pt: "Vai dar uma procuração à pessoa de confiança \(person)."))
    var points: [String] = []
    let can = actions.map { say(Words.action($0)) }.joined(separator: ", ")
    points.append(
      say(
        LocalizedText(
          fr: "Elle pourra : \(can).", en: "They will be able to: \(can).",
          de: "Sie darf: \(can).", pt: "Poderá: \(can).")))
    let aids =
      purposes.isEmpty
      ? say(ProcurationWords.anyAid) : purposes.map { say(Words.aid($0)) }.joined(separator: ", ")
    points.append(
      say(
        LocalizedText(
          fr: "Pour : \(aids).", en: "For: \(aids).", de: "Für: \(aids).", pt: "Para: \(aids).")))
    if let administration {
      points.append(
        say(
          LocalizedText(
            fr: "Auprès de : \(administration.name).", en: "With: \(administration.name).",
            de: "Bei: \(administration.name).", pt: "Junto de: \(administration.name).")))
    }
    if let circle {
      let k = circle.rawValue
      points.append(
        say(
          LocalizedText(
            fr: "Données : celles des cercles 0 à \(k).",
            en: "Fields: those of circles 0 to \(k).",
            de: "Angaben: die der Kreise 0 bis \(k).", pt: "Dados: os dos círculos 0 a \(k).")))
    }
    let day = Words.day(until, language)
    if once {
      points.append(
        say(
          LocalizedText(
            fr: "Une seule fois, jusqu'au \(day) au plus tard.",
            en: "Once, until \(day) at the latest.",
            de: "Nur einmal, spätestens bis zum \(day).",
            pt: "Uma só vez, até \(day), no máximo.")))
    } else {
      points.append(
        say(
          LocalizedText(
            fr: "Jusqu'au \(day).", en: "Until \(day).", de: "Bis zum \(day).",
            pt: "Até \(day).")))
    }
    return (intro, points)
  }
}

/// The usage errors of `procuration create`, each with what to type instead.
extension Messages {
  static let procurationWhoIsTrustee = Message(
    fr: "Désignez la personne de confiance avec --to, ou avec --to-key et --to-encryption-key.",
    en: "Name the trusted person with --to, or with --to-key and --to-encryption-key.",
    de: "Nennen Sie die Vertrauensperson mit --to, oder mit --to-key und --to-encryption-key.",
    pt: "Indique a pessoa de confiança com --to, ou com --to-key e --to-encryption-key.",
    hintFR: "Une seule façon : --to NOM seul, ou les deux clés ensemble.",
    hintEN: "Use one way only: --to NAME alone, or the two keys together.",
    hintDE: "Nur ein Weg: --to NAME allein, oder die beiden Schlüssel zusammen.",
    hintPT: "Use uma só forma: --to NOME sozinho, ou as duas chaves juntas.")

  static let procurationOnceNeedsPurposeAndAt = Message(
    fr: "--once a besoin de --purpose et de --at.",
    en: "--once needs --purpose and --at.",
    de: "--once braucht --purpose und --at.",
    pt: "--once precisa de --purpose e de --at.",
    hintFR:
      "Exemple : wallet-cli procuration create --to paul --once --purpose aide-sociale --at office-social-redange.",
    hintEN:
      "Example: wallet-cli procuration create --to paul --once --purpose aide-sociale --at office-social-redange.",
    hintDE:
      "Beispiel: wallet-cli procuration create --to paul --once --purpose aide-sociale --at office-social-redange.",
    hintPT:
      "Exemplo: wallet-cli procuration create --to paul --once --purpose aide-sociale --at office-social-redange."
  )

  static let procurationOnceNoPurposesOrCircle = Message(
    fr: "--purposes et --circle sont pour une procuration personnalisée, pas pour --once.",
    en: "--purposes and --circle are for a personalised procuration, not --once.",
    de: "--purposes und --circle sind für eine persönliche Vollmacht, nicht für --once.",
    pt: "--purposes e --circle são para uma procuração personalizada, não para --once.",
    hintFR: "Enlevez --once, ou enlevez --purposes et --circle.",
    hintEN: "Remove --once, or remove --purposes and --circle.",
    hintDE: "Lassen Sie --once weg, oder lassen Sie --purposes und --circle weg.",
    hintPT: "Retire --once, ou retire --purposes e --circle.")

  static let procurationOnceDays = Message(
    fr: "Une procuration unique dure de 1 à 30 jours.",
    en: "A one-shot procuration lasts 1 to 30 days.",
    de: "Eine einmalige Vollmacht gilt 1 bis 30 Tage.",
    pt: "Uma procuração única dura de 1 a 30 dias.",
    hintFR: "Donnez avec --days un nombre de 1 à 30, ou enlevez --days (7 jours).",
    hintEN: "Give --days a number from 1 to 30, or remove --days (7 days).",
    hintDE: "Geben Sie bei --days eine Zahl von 1 bis 30 an, oder lassen Sie --days weg (7 Tage).",
    hintPT: "Indique em --days um número de 1 a 30, ou retire --days (7 dias).")

  static let procurationPurposeIsForOnce = Message(
    fr: "--purpose est pour --once.",
    en: "--purpose is for --once.",
    de: "--purpose ist für --once.",
    pt: "--purpose é para --once.",
    hintFR: "Pour une procuration personnalisée, écrivez --purposes a,b.",
    hintEN: "For a personalised procuration, use --purposes a,b.",
    hintDE: "Für eine persönliche Vollmacht schreiben Sie --purposes a,b.",
    hintPT: "Para uma procuração personalizada, escreva --purposes a,b.")

  static let procurationUnknownPurposes = Message(
    fr: "--purposes : aide inconnue.",
    en: "--purposes: unknown aid.",
    de: "--purposes: unbekannte Hilfe.",
    pt: "--purposes: apoio desconhecido.",
    hintFR: "Les aides connues sont listées dans : wallet-cli grant --help.",
    hintEN: "The known aids are listed in: wallet-cli grant --help.",
    hintDE: "Die bekannten Hilfen stehen in: wallet-cli grant --help.",
    hintPT: "Os apoios conhecidos estão na lista de: wallet-cli grant --help.")

  static let procurationCircleRange = Message(
    fr: "--circle doit être un nombre de 0 à 4.",
    en: "--circle must be 0 to 4.",
    de: "--circle muss eine Zahl von 0 bis 4 sein.",
    pt: "--circle tem de ser um número de 0 a 4.",
    hintFR: "Exemple : --circle 1 (les données des cercles 0 et 1).",
    hintEN: "Example: --circle 1 (the fields of circles 0 and 1).",
    hintDE: "Beispiel: --circle 1 (die Angaben der Kreise 0 und 1).",
    hintPT: "Exemplo: --circle 1 (os dados dos círculos 0 e 1).")

  static let procurationPersonalisedDays = Message(
    fr: "Une procuration personnalisée dure de 1 à 366 jours.",
    en: "A personalised procuration lasts 1 to 366 days.",
    de: "Eine persönliche Vollmacht gilt 1 bis 366 Tage.",
    pt: "Uma procuração personalizada dura de 1 a 366 dias.",
    hintFR: "Donnez avec --days un nombre de 1 à 366, ou enlevez --days (90 jours).",
    hintEN: "Give --days a number from 1 to 366, or remove --days (90 days).",
    hintDE:
      "Geben Sie bei --days eine Zahl von 1 bis 366 an, oder lassen Sie --days weg (90 Tage).",
    hintPT: "Indique em --days um número de 1 a 366, ou retire --days (90 dias).")

  static let procurationUnknownActions = Message(
    fr: "--actions : les actions possibles sont read, update, file et grant.",
    en: "--actions: read, update, file or grant.",
    de: "--actions: Möglich sind read, update, file und grant.",
    pt: "--actions: as ações possíveis são read, update, file e grant.",
    hintFR: "Exemple : --actions read,file (séparées par des virgules).",
    hintEN: "Example: --actions read,file (comma-separated).",
    hintDE: "Beispiel: --actions read,file (durch Kommas getrennt).",
    hintPT: "Exemplo: --actions read,file (separadas por vírgulas).")
}
