import PSPWallet

/// The words of the procurations pages. What the trusted person will be able
/// to do is said by `ProcurationCreateCommand.preview`, as the CLI says it;
/// the lines below that repeat a CLI line say it with the CLI's words.
extension AppWords {
  static let procurationNew = LocalizedText(
    fr: "Donner une procuration à une personne de confiance",
    en: "Give a procuration to a trusted person",
    de: "Einer Vertrauensperson eine Vollmacht geben",
    pt: "Dar uma procuração a uma pessoa de confiança")
  static let procurationKind = LocalizedText(
    fr: "Sorte de procuration", en: "Kind of procuration", de: "Art der Vollmacht",
    pt: "Tipo de procuração")
  static let procurationOneShotChoice = LocalizedText(
    fr: "Unique : une démarche, auprès d'une administration, utilisée une fois.",
    en: "One-shot: one step, at one administration, used once.",
    de: "Einmalig: ein Schritt, bei einer Behörde, einmal benutzt.",
    pt: "Única: um passo, numa administração, usado uma vez.")
  static let procurationPersonalisedChoice = LocalizedText(
    fr: "Personnalisée : des aides ou des cercles de données, pendant plusieurs jours.",
    en: "Personalised: some aids or circles of data, for some days.",
    de: "Persönlich: bestimmte Hilfen oder Kreise von Angaben, für einige Tage.",
    pt: "Personalizada: alguns apoios ou círculos de dados, durante alguns dias.")
  static let procurationState = LocalizedText(
    fr: "État", en: "State", de: "Stand", pt: "Estado")
  static let procurationMay = LocalizedText(
    fr: "Elle peut", en: "They may", de: "Sie darf", pt: "Pode")
  static let procurationFor = LocalizedText(
    fr: "Pour", en: "For", de: "Für", pt: "Para")
  static let procurationWith = LocalizedText(
    fr: "Auprès de", en: "With", de: "Bei", pt: "Junto de")
  static let procurationFields = LocalizedText(
    fr: "Données", en: "Fields", de: "Angaben", pt: "Dados")
  static func procurationCircles(_ k: Int) -> LocalizedText {
    LocalizedText(
      fr: "celles des cercles 0 à \(k)", en: "those of circles 0 to \(k)",
      de: "die der Kreise 0 bis \(k)", pt: "os dos círculos 0 a \(k)")
  }
  static let procurationNumber = LocalizedText(
    fr: "Numéro", en: "Number", de: "Nummer", pt: "Número")
  static let procurationSheet = LocalizedText(
    fr: "La feuille à imprimer pour la personne de confiance",
    en: "The sheet to print for the trusted person",
    de: "Das Blatt zum Ausdrucken für die Vertrauensperson",
    pt: "A folha para imprimir para a pessoa de confiança")

  // The form.
  static let procurationWho = LocalizedText(
    fr: "À qui ?", en: "To whom?", de: "An wen?", pt: "A quem?")
  static let procurationTrustee = LocalizedText(
    fr: "Une personne de confiance de cet ordinateur",
    en: "A trusted person on this computer",
    de: "Eine Vertrauensperson auf diesem Computer",
    pt: "Uma pessoa de confiança neste computador")
  static let procurationByKeys = LocalizedText(
    fr: "— ou bien ses deux clés, ci-dessous —", en: "— or else their two keys, below —",
    de: "— oder ihre zwei Schlüssel, unten —", pt: "— ou então as duas chaves, abaixo —")
  static let procurationToKey = LocalizedText(
    fr: "La clé publique de la personne de confiance (k4.public…)",
    en: "The trusted person's public key (k4.public…)",
    de: "Der öffentliche Schlüssel der Vertrauensperson (k4.public…)",
    pt: "A chave pública da pessoa de confiança (k4.public…)")
  static let procurationToEncryptionKey = LocalizedText(
    fr: "La clé de chiffrement de la personne de confiance",
    en: "The trusted person's encryption key",
    de: "Der Verschlüsselungsschlüssel der Vertrauensperson",
    pt: "A chave de cifra da pessoa de confiança")
  static let procurationKeysHelp = LocalizedText(
    fr: "Elle trouve ses deux clés avec : wallet-cli identity show.",
    en: "They find their two keys with: wallet-cli identity show.",
    de: "Sie findet ihre zwei Schlüssel mit: wallet-cli identity show.",
    pt: "A pessoa encontra as duas chaves com: wallet-cli identity show.")
  static let procurationWhat = LocalizedText(
    fr: "Ce qu'elle pourra faire", en: "What they may do", de: "Was sie tun darf",
    pt: "O que poderá fazer")
  static let procurationAids = LocalizedText(
    fr: "Pour quelles aides", en: "For which aids", de: "Für welche Hilfen",
    pt: "Para que apoios")
  static let procurationAidsHelp = LocalizedText(
    fr:
      "Unique : cochez une seule aide. Personnalisée : cochez des aides, ou aucune pour toutes les aides des données choisies.",
    en:
      "One-shot: tick one aid. Personalised: tick some aids, or none for any aid of the fields chosen.",
    de:
      "Einmalig: Kreuzen Sie eine Hilfe an. Persönlich: Kreuzen Sie Hilfen an, oder keine für alle Hilfen der gewählten Angaben.",
    pt:
      "Única: marque um só apoio. Personalizada: marque alguns apoios, ou nenhum para todos os apoios dos dados escolhidos."
  )
  static let procurationAt = LocalizedText(
    fr: "L'administration de la démarche (pour une procuration unique)",
    en: "The administration of the step (for a one-shot procuration)",
    de: "Die Behörde des Schritts (für eine einmalige Vollmacht)",
    pt: "A administração do passo (para uma procuração única)")
  static let procurationCircle = LocalizedText(
    fr: "Personnalisée : les données des cercles 0 jusqu'à celui choisi",
    en: "Personalised: the fields of circles 0 up to the one chosen",
    de: "Persönlich: die Angaben der Kreise 0 bis zum gewählten",
    pt: "Personalizada: os dados dos círculos 0 até ao escolhido")
  static let procurationNoChoice = LocalizedText(
    fr: "(aucune)", en: "(none)", de: "(keine)", pt: "(nenhuma)")
  static let procurationDays = LocalizedText(
    fr:
      "Combien de jours elle dure (unique : 7 par défaut, 30 au plus ; personnalisée : 90 par défaut, 366 au plus)",
    en:
      "How many days it lasts (one-shot: default 7, at most 30; personalised: default 90, at most 366)",
    de:
      "Wie viele Tage sie gilt (einmalig: Standard 7, höchstens 30; persönlich: Standard 90, höchstens 366)",
    pt:
      "Quantos dias dura (única: 7 por defeito, no máximo 30; personalizada: 90 por defeito, no máximo 366)"
  )
  static let procurationSee = LocalizedText(
    fr: "Voir ce qu'elle pourra faire", en: "See what they will be able to do",
    de: "Sehen, was sie tun darf", pt: "Ver o que poderá fazer")

  // The preview.
  static let procurationPreviewTitle = LocalizedText(
    fr: "Avant de signer", en: "Before signing", de: "Vor dem Unterschreiben",
    pt: "Antes de assinar")
  static func procurationCannot(_ actions: String) -> LocalizedText {
    LocalizedText(
      fr: "Elle ne pourra pas : \(actions).", en: "They will not be able to: \(actions).",
      de: "Sie darf nicht: \(actions).", pt: "Não poderá: \(actions).")
  }
  static let procurationNever = LocalizedText(
    fr: "Elle ne pourra jamais fermer votre portefeuille, ni donner une procuration à votre place.",
    en: "They can never close your wallet, nor give a procuration in your place.",
    de: "Sie darf nie Ihre Brieftasche schließen und nie an Ihrer Stelle eine Vollmacht geben.",
    pt: "Nunca poderá fechar a sua carteira, nem dar uma procuração em seu lugar.")
  static let procurationWithdrawAnyTime = LocalizedText(
    fr: "Vous pourrez la retirer à tout moment, sur la page « Mes procurations ».",
    en: "You can withdraw it at any time, on the page “My procurations”.",
    de: "Sie können sie jederzeit zurücknehmen, auf der Seite „Meine Vollmachten“.",
    pt: "Pode retirá-la a qualquer momento, na página «As minhas procurações».")
  static let procurationGive = LocalizedText(
    fr: "Donner cette procuration", en: "Give this procuration", de: "Diese Vollmacht geben",
    pt: "Dar esta procuração")
  static let procurationChange = LocalizedText(
    fr: "Changer", en: "Change", de: "Ändern", pt: "Alterar")

  static let procurationBack = LocalizedText(
    fr: "Retour à mes procurations", en: "Back to my procurations",
    de: "Zurück zu meinen Vollmachten", pt: "Voltar às minhas procurações")

  // What a form may be refused for, said in place; nothing typed is repeated.
  static let procurationWhoMissing = Message(
    fr: "Choisissez la personne de confiance dans la liste, ou tapez ses deux clés.",
    en: "Choose the trusted person in the list, or type their two keys.",
    de: "Wählen Sie die Vertrauensperson in der Liste, oder tippen Sie ihre zwei Schlüssel.",
    pt: "Escolha a pessoa de confiança na lista, ou escreva as duas chaves dela.",
    hintFR: "Une seule façon : la liste seule, ou les deux clés ensemble.",
    hintEN: "Use one way only: the list alone, or the two keys together.",
    hintDE: "Nur ein Weg: die Liste allein, oder die beiden Schlüssel zusammen.",
    hintPT: "Use uma só forma: a lista sozinha, ou as duas chaves juntas.")
  static let procurationNotATrustee = Message(
    fr: "Cette personne n'est pas une personne de confiance de cet ordinateur.",
    en: "This person is not a trusted person on this computer.",
    de: "Diese Person ist keine Vertrauensperson auf diesem Computer.",
    pt: "Esta pessoa não é uma pessoa de confiança neste computador.",
    hintFR: "Choisissez-la dans la liste, ou tapez ses deux clés.",
    hintEN: "Choose them in the list, or type their two keys.",
    hintDE: "Wählen Sie sie in der Liste, oder tippen Sie ihre zwei Schlüssel.",
    hintPT: "Escolha-a na lista, ou escreva as duas chaves dela.")
  static let procurationNotYourself = Message(
    fr: "Vous ne pouvez pas vous donner une procuration à vous-même.",
    en: "You cannot give a procuration to yourself.",
    de: "Sie können sich selbst keine Vollmacht geben.",
    pt: "Não pode dar uma procuração a si mesmo.",
    hintFR: "Choisissez la personne de confiance, ou tapez ses clés à elle.",
    hintEN: "Choose the trusted person, or type their own keys.",
    hintDE: "Wählen Sie die Vertrauensperson, oder tippen Sie deren eigene Schlüssel.",
    hintPT: "Escolha a pessoa de confiança, ou escreva as chaves dela.")
  static let procurationKindMissing = Message(
    fr: "Choisissez la sorte de procuration : unique ou personnalisée.",
    en: "Choose the kind of procuration: one-shot or personalised.",
    de: "Wählen Sie die Art der Vollmacht: einmalig oder persönlich.",
    pt: "Escolha o tipo de procuração: única ou personalizada.",
    hintFR: "Unique : une démarche. Personnalisée : plusieurs, pendant des jours.",
    hintEN: "One-shot: one step. Personalised: several, for some days.",
    hintDE: "Einmalig: ein Schritt. Persönlich: mehrere, für einige Tage.",
    hintPT: "Única: um passo. Personalizada: vários, durante alguns dias.")
  static let procurationActionsMissing = Message(
    fr: "Cochez au moins une chose que la personne pourra faire.",
    en: "Tick at least one thing the person may do.",
    de: "Kreuzen Sie mindestens eine Sache an, die die Person tun darf.",
    pt: "Marque pelo menos uma coisa que a pessoa poderá fazer.",
    hintFR: "Par exemple : lire vos données.",
    hintEN: "For example: read your data.",
    hintDE: "Zum Beispiel: Ihre Angaben lesen.",
    hintPT: "Por exemplo: ler os seus dados.")
  static let procurationAidUnknown = Message(
    fr: "Une des aides cochées n'est pas connue.",
    en: "One of the aids ticked is not known.",
    de: "Eine der angekreuzten Hilfen ist nicht bekannt.",
    pt: "Um dos apoios marcados não é conhecido.",
    hintFR: "Cochez les aides proposées dans la liste.",
    hintEN: "Tick the aids offered in the list.",
    hintDE: "Kreuzen Sie die Hilfen aus der Liste an.",
    hintPT: "Marque os apoios propostos na lista.")
  static let procurationAdministrationUnknown = Message(
    fr: "Cette administration n'est pas inscrite sur la plateforme.",
    en: "This administration is not registered on the platform.",
    de: "Diese Behörde ist nicht auf der Plattform eingetragen.",
    pt: "Esta administração não está inscrita na plataforma.",
    hintFR: "Choisissez l'administration dans la liste.",
    hintEN: "Choose the administration in the list.",
    hintDE: "Wählen Sie die Behörde in der Liste.",
    hintPT: "Escolha a administração na lista.")
  static let procurationCircleUnknown = Message(
    fr: "Les données choisies ne sont pas dans la liste.",
    en: "The fields chosen are not in the list.",
    de: "Die gewählten Angaben sind nicht in der Liste.",
    pt: "Os dados escolhidos não estão na lista.",
    hintFR: "Choisissez un cercle de 0 à 4, ou (aucune).",
    hintEN: "Choose a circle from 0 to 4, or (none).",
    hintDE: "Wählen Sie einen Kreis von 0 bis 4, oder (keine).",
    hintPT: "Escolha um círculo de 0 a 4, ou (nenhuma).")
  static let procurationOnceOneAid = Message(
    fr: "Une procuration unique est pour une seule aide, auprès d'une administration.",
    en: "A one-shot procuration is for one aid, at one administration.",
    de: "Eine einmalige Vollmacht ist für eine Hilfe, bei einer Behörde.",
    pt: "Uma procuração única é para um só apoio, numa administração.",
    hintFR: "Cochez une seule aide, et choisissez l'administration de la démarche.",
    hintEN: "Tick one aid only, and choose the administration of the step.",
    hintDE: "Kreuzen Sie nur eine Hilfe an, und wählen Sie die Behörde des Schritts.",
    hintPT: "Marque um só apoio, e escolha a administração do passo.")
  static let procurationOnceNoCircle = Message(
    fr: "Les cercles de données sont pour une procuration personnalisée, pas unique.",
    en: "Circles of data are for a personalised procuration, not a one-shot one.",
    de: "Kreise von Angaben sind für eine persönliche Vollmacht, nicht für eine einmalige.",
    pt: "Os círculos de dados são para uma procuração personalizada, não única.",
    hintFR: "Choisissez (aucune) pour les données, ou une procuration personnalisée.",
    hintEN: "Choose (none) for the fields, or a personalised procuration.",
    hintDE: "Wählen Sie (keine) bei den Angaben, oder eine persönliche Vollmacht.",
    hintPT: "Escolha (nenhuma) nos dados, ou uma procuração personalizada.")
  static let procurationScopeMissing = Message(
    fr: "Une procuration personnalisée a besoin d'au moins une aide, ou de données.",
    en: "A personalised procuration needs at least one aid, or some fields.",
    de: "Eine persönliche Vollmacht braucht mindestens eine Hilfe, oder Angaben.",
    pt: "Uma procuração personalizada precisa de pelo menos um apoio, ou de dados.",
    hintFR: "Cochez une aide, ou choisissez les données des cercles 0 à K.",
    hintEN: "Tick an aid, or choose the fields of circles 0 to K.",
    hintDE: "Kreuzen Sie eine Hilfe an, oder wählen Sie die Angaben der Kreise 0 bis K.",
    hintPT: "Marque um apoio, ou escolha os dados dos círculos 0 a K.")
  static let procurationOnceDaysHint = LocalizedText(
    fr: "Tapez un nombre de 1 à 30, ou laissez vide (7 jours).",
    en: "Type a number from 1 to 30, or leave it empty (7 days).",
    de: "Tippen Sie eine Zahl von 1 bis 30, oder lassen Sie das Feld leer (7 Tage).",
    pt: "Escreva um número de 1 a 30, ou deixe vazio (7 dias).")
  static let procurationPersonalisedDaysHint = LocalizedText(
    fr: "Tapez un nombre de 1 à 366, ou laissez vide (90 jours).",
    en: "Type a number from 1 to 366, or leave it empty (90 days).",
    de: "Tippen Sie eine Zahl von 1 bis 366, oder lassen Sie das Feld leer (90 Tage).",
    pt: "Escreva um número de 1 a 366, ou deixe vazio (90 dias).")
  static let procurationTickForGood = LocalizedText(
    fr: "Cochez « Je comprends », puis appuyez sur « Retirer pour toujours ».",
    en: "Tick “I understand”, then press “Withdraw for good”.",
    de: "Kreuzen Sie „Ich verstehe“ an, dann drücken Sie „Für immer zurücknehmen“.",
    pt: "Marque «Compreendo» e depois carregue em «Retirar para sempre».")
}
