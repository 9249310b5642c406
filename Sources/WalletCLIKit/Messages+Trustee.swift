import PSPWallet

/// What a trusted person (personne de confiance) is told when acting for a citizen.
extension Messages {
  public static let trusteeNoProcuration = Message(
    fr:
      "Vous n'avez pas de procuration en cours dans ce portefeuille : elle a été retirée, elle est finie, ou elle n'existe pas. Rien n'a été lu.",
    en:
      "You have no procuration in force in this wallet: it was revoked, it ended, or it does not exist. Nothing was read.",
    hintFR: "Demandez à la personne de vous donner une nouvelle procuration.",
    hintEN: "Ask the person to give you a new procuration.")

  public static let trusteeCannotRead = Message(
    fr: "Votre procuration ne permet pas de lire les données de ce portefeuille. Rien n'a été lu.",
    en: "Your procuration does not allow reading this wallet's data. Nothing was read.",
    hintFR: "Demandez à la personne une procuration qui permet de lire (--actions read).",
    hintEN: "Ask the person for a procuration that allows reading (--actions read).")

  public static func trusteeFieldNotShown(_ definition: FieldDefinition) -> Message {
    Message(
      fr:
        "La donnée « \(definition.label.fr) » n'est pas visible pour vous : elle est vide, ou hors de votre procuration.",
      en:
        "The field “\(definition.label.en)” is not visible to you: it is empty, or outside your procuration.",
      hintFR: "Voyez ce que vous pouvez lire avec : wallet-cli procuration list.",
      hintEN: "See what you may read with: wallet-cli procuration list.")
  }

  public static func trusteeFieldSealed(_ definition: FieldDefinition) -> Message {
    Message(
      fr:
        "La donnée « \(definition.label.fr) » n'a pas pu être ouverte : la personne ne vous a pas donné sa clé. Rien n'est montré.",
      en:
        "The field “\(definition.label.en)” could not be opened: the person did not give you its key. Nothing is shown.",
      hintFR: "Demandez à la personne de vous donner une procuration pour ce cercle de données.",
      hintEN: "Ask the person to give you a procuration for this circle of data.")
  }

  public static let onBehalfOfForTrustee = Message(
    fr: "--on-behalf-of est pour une personne de confiance. Rien n'a été fait.",
    en: "--on-behalf-of is for a trusted person. Nothing was done.",
    hintFR: "Enlevez --on-behalf-of pour agir sur votre propre portefeuille.",
    hintEN: "Remove --on-behalf-of to act on your own wallet.")

  public static let onBehalfOfNeeded = Message(
    fr: "Une personne de confiance doit dire pour quel portefeuille elle agit.",
    en: "A trusted person must say which wallet they act for.",
    hintFR: "Ajoutez --on-behalf-of PSP-… (la référence que la personne vous a donnée).",
    hintEN: "Add --on-behalf-of PSP-… (the reference the person gave you).")

  /// Closing the wallet and giving procurations stay the citizen's own.
  public static func citizenOnly(_ name: String) -> Message {
    Message(
      fr:
        "« \(name) » est une personne de confiance. Fermer le portefeuille et donner des procurations restent à la personne elle-même. Rien n'a été fait.",
      en:
        "“\(name)” is a trusted person. Closing the wallet and giving procurations stay the person's own. Nothing was done.",
      hintFR: "Demandez à la personne de le faire elle-même, avec son identité.",
      hintEN: "Ask the person to do it themselves, with their own identity.")
  }

  public static let noWalletsActedFor = Message(
    fr: "Vous n'agissez encore pour aucun portefeuille sur cet appareil.",
    en: "You do not act for any wallet on this device yet.",
    hintFR: "Ajoutez --wallet PSP-… (la référence que la personne vous a donnée).",
    hintEN: "Add --wallet PSP-… (the reference the person gave you).")
}
