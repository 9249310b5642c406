import PSPWallet

/// What a trusted person (personne de confiance) is told when acting for a citizen.
extension Messages {
  public static let trusteeNoProcuration = Message(
    fr:
      "Vous n'avez pas de procuration en cours dans ce portefeuille : elle a été retirée, elle est finie, ou elle n'existe pas. Rien n'a été lu.",
    en:
      "You have no procuration in force in this wallet: it was revoked, it ended, or it does not exist. Nothing was read.",
    de:
      "Sie haben in dieser Brieftasche keine gültige Vollmacht: Sie wurde zurückgenommen, sie ist abgelaufen, oder es gibt sie nicht. Nichts wurde gelesen.",
    pt:
      "Não tem nenhuma procuração válida nesta carteira: foi retirada, terminou, ou não existe. Nada foi lido.",
    hintFR: "Demandez à la personne de vous donner une nouvelle procuration.",
    hintEN: "Ask the person to give you a new procuration.",
    hintDE: "Bitten Sie die Person, Ihnen eine neue Vollmacht zu geben.",
    hintPT: "Peça à pessoa que lhe dê uma nova procuração.")

  public static let trusteeCannotRead = Message(
    fr: "Votre procuration ne permet pas de lire les données de ce portefeuille. Rien n'a été lu.",
    en: "Your procuration does not allow reading this wallet's data. Nothing was read.",
    de:
      "Ihre Vollmacht erlaubt nicht, die Angaben dieser Brieftasche zu lesen. Nichts wurde gelesen.",
    pt: "A sua procuração não permite ler os dados desta carteira. Nada foi lido.",
    hintFR: "Demandez à la personne une procuration qui permet de lire (--actions read).",
    hintEN: "Ask the person for a procuration that allows reading (--actions read).",
    hintDE: "Bitten Sie die Person um eine Vollmacht, die das Lesen erlaubt (--actions read).",
    hintPT: "Peça à pessoa uma procuração que permita ler (--actions read).")

  public static func trusteeFieldNotShown(_ definition: FieldDefinition) -> Message {
    Message(
      fr:
        "La donnée « \(definition.label.fr) » n'est pas visible pour vous : elle est vide, ou hors de votre procuration.",
      en:
        "The field “\(definition.label.en)” is not visible to you: it is empty, or outside your procuration.",
      de:
        "Die Angabe „\(definition.label.text(in: .german))“ ist für Sie nicht sichtbar: Sie ist leer, oder sie gehört nicht zu Ihrer Vollmacht.",
      pt:
        "O dado «\(definition.label.text(in: .portuguese))» não está visível para si: está vazio, ou fora da sua procuração.",
      hintFR: "Voyez ce que vous pouvez lire avec : wallet-cli procuration list.",
      hintEN: "See what you may read with: wallet-cli procuration list.",
      hintDE: "Was Sie lesen dürfen, sehen Sie mit: wallet-cli procuration list.",
      hintPT: "Veja o que pode ler com: wallet-cli procuration list.")
  }

  public static func trusteeFieldSealed(_ definition: FieldDefinition) -> Message {
    Message(
      fr:
        "La donnée « \(definition.label.fr) » n'a pas pu être ouverte : la personne ne vous a pas donné sa clé. Rien n'est montré.",
      en:
        "The field “\(definition.label.en)” could not be opened: the person did not give you its key. Nothing is shown.",
      de:
        "Die Angabe „\(definition.label.text(in: .german))“ konnte nicht geöffnet werden: Die Person hat Ihnen ihren Schlüssel nicht gegeben. Nichts wird gezeigt.",
      pt:
        "O dado «\(definition.label.text(in: .portuguese))» não pôde ser aberto: a pessoa não lhe deu a chave dele. Nada é mostrado.",
      hintFR: "Demandez à la personne de vous donner une procuration pour ce cercle de données.",
      hintEN: "Ask the person to give you a procuration for this circle of data.",
      hintDE: "Bitten Sie die Person, Ihnen eine Vollmacht für diesen Kreis von Angaben zu geben.",
      hintPT: "Peça à pessoa que lhe dê uma procuração para este círculo de dados.")
  }

  public static let onBehalfOfForTrustee = Message(
    fr: "--on-behalf-of est pour une personne de confiance. Rien n'a été fait.",
    en: "--on-behalf-of is for a trusted person. Nothing was done.",
    de: "--on-behalf-of ist für eine Vertrauensperson. Nichts wurde getan.",
    pt: "--on-behalf-of é para uma pessoa de confiança. Nada foi feito.",
    hintFR: "Enlevez --on-behalf-of pour agir sur votre propre portefeuille.",
    hintEN: "Remove --on-behalf-of to act on your own wallet.",
    hintDE: "Lassen Sie --on-behalf-of weg, um in Ihrer eigenen Brieftasche zu handeln.",
    hintPT: "Retire --on-behalf-of para agir na sua própria carteira.")

  public static let onBehalfOfNeeded = Message(
    fr: "Une personne de confiance doit dire pour quel portefeuille elle agit.",
    en: "A trusted person must say which wallet they act for.",
    de: "Eine Vertrauensperson muss sagen, für welche Brieftasche sie handelt.",
    pt: "Uma pessoa de confiança tem de dizer por que carteira está a agir.",
    hintFR: "Ajoutez --on-behalf-of PSP-… (la référence que la personne vous a donnée).",
    hintEN: "Add --on-behalf-of PSP-… (the reference the person gave you).",
    hintDE:
      "Fügen Sie --on-behalf-of PSP-… hinzu (die Referenz, die Ihnen die Person gegeben hat).",
    hintPT: "Acrescente --on-behalf-of PSP-… (a referência que a pessoa lhe deu).")

  /// Closing the wallet and giving procurations stay the citizen's own.
  public static func citizenOnly(_ name: String) -> Message {
    Message(
      fr:
        "« \(name) » est une personne de confiance. Fermer le portefeuille et donner des procurations restent à la personne elle-même. Rien n'a été fait.",
      en:
        "“\(name)” is a trusted person. Closing the wallet and giving procurations stay the person's own. Nothing was done.",
      de:
        "„\(name)“ ist eine Vertrauensperson. Die Brieftasche schließen und Vollmachten geben kann nur die Person selbst. Nichts wurde getan.",
      pt:
        "«\(name)» é uma pessoa de confiança. Fechar a carteira e dar procurações cabe só à própria pessoa. Nada foi feito.",
      hintFR: "Demandez à la personne de le faire elle-même, avec son identité.",
      hintEN: "Ask the person to do it themselves, with their own identity.",
      hintDE: "Bitten Sie die Person, es selbst zu tun, mit ihrer eigenen Identität.",
      hintPT: "Peça à pessoa que o faça ela própria, com a sua própria identidade.")
  }

  public static let noWalletsActedFor = Message(
    fr: "Vous n'agissez encore pour aucun portefeuille sur cet appareil.",
    en: "You do not act for any wallet on this device yet.",
    de: "Sie handeln auf diesem Gerät noch für keine Brieftasche.",
    pt: "Ainda não age por nenhuma carteira neste dispositivo.",
    hintFR: "Ajoutez --wallet PSP-… (la référence que la personne vous a donnée).",
    hintEN: "Add --wallet PSP-… (the reference the person gave you).",
    hintDE: "Fügen Sie --wallet PSP-… hinzu (die Referenz, die Ihnen die Person gegeben hat).",
    hintPT: "Acrescente --wallet PSP-… (a referência que a pessoa lhe deu).")
}
