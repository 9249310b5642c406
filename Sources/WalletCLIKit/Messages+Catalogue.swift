import PSPWallet

/// Every message wallet-cli prints on failure, in French and English, written
/// to the rule in `Message`. Names (of identities, administrations, aids) may
/// appear; values, keys and paths never do.
public enum Messages {
  // MARK: identities and passphrases

  public static let wrongPassphrase = Message(
    fr: "Le mot de passe n'est pas le bon. Rien n'a été changé.",
    en: "The passphrase is not right. Nothing was changed.",
    hintFR:
      "Réessayez. Si vous l'avez oublié, tapez 'wallet-cli identity recover' avec votre code de secours.",
    hintEN:
      "Try again. If you forgot it, type 'wallet-cli identity recover' with your recovery code.")

  public static let noPassphrase = Message(
    fr: "Il faut le mot de passe, et il n'y a pas de terminal pour le demander.",
    en: "The passphrase is needed, and there is no terminal to ask for it.",
    hintFR: "Donnez-le avec --passphrase-file FICHIER ou avec la variable PSP_PASSPHRASE.",
    hintEN: "Give it with --passphrase-file FILE or with the PSP_PASSPHRASE variable.")

  public static let passphraseFileUnreadable = Message(
    fr: "Le fichier du mot de passe ne peut pas être lu.",
    en: "The passphrase file cannot be read.",
    hintFR: "Vérifiez le fichier donné à --passphrase-file.",
    hintEN: "Check the file given to --passphrase-file.")

  public static func passphraseTooShort(_ minimum: Int) -> Message {
    Message(
      fr: "Le mot de passe est trop court : \(minimum) caractères au moins. Rien n'a été créé.",
      en: "The passphrase is too short: \(minimum) characters at least. Nothing was created.",
      hintFR:
        "Choisissez une phrase facile à retenir pour vous et difficile à deviner pour les autres.",
      hintEN: "Choose a sentence that is easy for you to remember and hard for others to guess.")
  }

  public static let passphrasesDiffer = Message(
    fr: "Les deux mots de passe ne sont pas les mêmes. Rien n'a été créé.",
    en: "The two passphrases are not the same. Nothing was created.",
    hintFR: "Relancez la commande et tapez deux fois le même mot de passe.",
    hintEN: "Run the command again and type the same passphrase twice.")

  public static let wrongRecoveryCode = Message(
    fr: "Le code de secours n'est pas le bon pour cette identité. Rien n'a été changé.",
    en: "The recovery code is not right for this identity. Nothing was changed.",
    hintFR: "Vérifiez le code sur le papier où vous l'avez noté.",
    hintEN: "Check the code on the paper where you wrote it down.")

  public static let malformedRecoveryCode = Message(
    fr: "Un code de secours a 24 lettres et chiffres, en groupes de quatre. Rien n'a été changé.",
    en: "A recovery code has 24 letters and digits, in groups of four. Nothing was changed.",
    hintFR: "Tapez-le comme sur votre papier : 24 caractères, en 6 groupes de 4.",
    hintEN: "Type it as on your paper: 24 characters, in 6 groups of 4.")

  public static let noRecoveryCode = Message(
    fr: "Il faut le code de secours, et il n'y a pas de terminal pour le demander.",
    en: "The recovery code is needed, and there is no terminal to ask for it.",
    hintFR: "Donnez-le avec la variable PSP_RECOVERY_CODE.",
    hintEN: "Give it with the PSP_RECOVERY_CODE variable.")

  public static func noSuchIdentity(_ name: String) -> Message {
    Message(
      fr: "Il n'y a pas d'identité « \(name) » dans ce dossier.",
      en: "There is no identity “\(name)” in this folder.",
      hintFR: "Créez-la avec 'wallet-cli identity create', ou vérifiez --home et --as.",
      hintEN: "Create it with 'wallet-cli identity create', or check --home and --as.")
  }

  public static let noIdentityYet = Message(
    fr: "Il n'y a encore aucune identité dans ce dossier.",
    en: "There is no identity in this folder yet.",
    hintFR: "Créez-en une : wallet-cli identity create --kind citizen --name VOTRE-NOM.",
    hintEN: "Create one: wallet-cli identity create --kind citizen --name YOUR-NAME.")

  public static let chooseIdentity = Message(
    fr: "Il y a plusieurs identités dans ce dossier. Il faut dire laquelle agit.",
    en: "There are several identities in this folder. Say which one acts.",
    hintFR: "Ajoutez --as NOM, par exemple --as maria.",
    hintEN: "Add --as NAME, for example --as maria.")

  public static func identityExists(_ name: String) -> Message {
    Message(
      fr: "L'identité « \(name) » existe déjà. Rien n'a été changé.",
      en: "The identity “\(name)” already exists. Nothing was changed.",
      hintFR: "Choisissez un autre nom avec --name.",
      hintEN: "Choose another name with --name.")
  }

  public static let identityFileExists = Message(
    fr: "Une identité de ce nom existe déjà. Rien n'a été changé.",
    en: "An identity with this name already exists. Nothing was changed.",
    hintFR: "Choisissez un autre nom avec --name.",
    hintEN: "Choose another name with --name.")

  public static let keystoreDamaged = Message(
    fr: "Le fichier de l'identité est abîmé. Rien n'a été changé.",
    en: "The identity file is damaged. Nothing was changed.",
    hintFR: "Remettez une copie de sauvegarde du fichier .keystore.",
    hintEN: "Put back a backup copy of the .keystore file.")

  public static let keystoreUnwritable = Message(
    fr: "Le fichier de l'identité ne peut pas être lu ou écrit.",
    en: "The identity file cannot be read or written.",
    hintFR: "Vérifiez le dossier donné à --home et ses droits.",
    hintEN: "Check the folder given to --home and its permissions.")

  public static func wrongRole(
    _ name: String, is actual: PrincipalKind, needs expected: [PrincipalKind]
  ) -> Message {
    let fr = expected.map { Words.role($0).fr }.joined(separator: " ou ")
    let en = expected.map { Words.role($0).en }.joined(separator: " or ")
    return Message(
      fr: "Cette commande est pour : \(fr). « \(name) » est : \(Words.role(actual).fr).",
      en: "This command is for: \(en). “\(name)” is: \(Words.role(actual).en).",
      hintFR: "Choisissez une autre identité avec --as.",
      hintEN: "Choose another identity with --as.")
  }

  // MARK: wallet

  public static func noWallet(_ name: String) -> Message {
    Message(
      fr: "L'identité « \(name) » n'a pas encore de portefeuille.",
      en: "The identity “\(name)” has no wallet yet.",
      hintFR: "Ouvrez-le avec : wallet-cli wallet open.",
      hintEN: "Open it with: wallet-cli wallet open.")
  }

  public static func walletAlreadyOpen(_ name: String) -> Message {
    Message(
      fr: "L'identité « \(name) » a déjà un portefeuille. Rien n'a été changé.",
      en: "The identity “\(name)” already has a wallet. Nothing was changed.",
      hintFR: "Voyez-le avec : wallet-cli wallet status.",
      hintEN: "See it with: wallet-cli wallet status.")
  }

  public static let consentNotGiven = Message(
    fr: "Vous n'avez pas accepté le texte. Le portefeuille n'est pas ouvert.",
    en: "You did not accept the text. The wallet is not open.",
    hintFR: "Pour l'ouvrir, relancez la commande et tapez oui.",
    hintEN: "To open it, run the command again and type yes.")

  public static let notConfirmed = Message(
    fr: "Vous n'avez pas confirmé. Rien n'a été changé.",
    en: "You did not confirm. Nothing was changed.",
    hintFR: "Pour confirmer, tapez oui. Dans un script, ajoutez --yes.",
    hintEN: "To confirm, type yes. In a script, add --yes.")

  public static let stateDamaged = Message(
    fr: "Le fichier state.json du dossier est abîmé. Rien n'a été changé.",
    en: "The folder's state.json file is damaged. Nothing was changed.",
    hintFR: "Remettez une copie de sauvegarde de state.json.",
    hintEN: "Put back a backup copy of state.json.")

  public static let fileUnwritable = Message(
    fr: "Le fichier ne peut pas être écrit. Rien n'a été écrit.",
    en: "The file cannot be written. Nothing was written.",
    hintFR: "Vérifiez le chemin donné à --output et ses droits.",
    hintEN: "Check the path given to --output and its permissions.")

  // MARK: fields

  public static func unknownField(_ name: String) -> Message {
    Message(
      fr: "Le nom « \(name) » n'est pas une donnée du portefeuille.",
      en: "The name “\(name)” is not a field of the wallet.",
      hintFR: "Voyez toutes les données avec : wallet-cli field list --all.",
      hintEN: "See every field with: wallet-cli field list --all.")
  }

  public static func invalidValue(_ error: FieldValidationError, field: FieldDefinition) -> Message
  {
    // The catalogue's own words say what is wrong; its hint says where to find the value.
    Message(
      LocalizedText(
        fr: "\(error.message(in: .french)) Rien n'a été enregistré.",
        en: "\(error.message(in: .english)) Nothing was saved."),
      hint: field.hint)
  }

  public static func fieldEmpty(_ field: FieldDefinition) -> Message {
    Message(
      LocalizedText(
        fr: "Pas encore rempli : \(field.label.fr).", en: "Not filled in yet: \(field.label.en)."),
      hint: LocalizedText(
        fr: "Remplissez-le avec : wallet-cli field set \(field.id) VALEUR.",
        en: "Fill it in with: wallet-cli field set \(field.id) VALUE."))
  }

  public static func importRefused(_ count: Int) -> Message {
    Message(
      fr: "Le fichier a \(count) ligne(s) qui ne sont pas valables. Rien n'a été enregistré.",
      en: "The file has \(count) line(s) that are not valid. Nothing was saved.",
      hintFR: "Corrigez les lignes ci-dessus, puis relancez l'import.",
      hintEN: "Correct the lines above, then run the import again.")
  }

  public static let importUnreadable = Message(
    fr:
      "Le fichier ne peut pas être lu : ce n'est ni un objet JSON, ni des lignes « donnée,valeur ».",
    en: "The file cannot be read: it is neither a JSON object nor lines of “field,value”.",
    hintFR: "Voyez l'exemple dans : wallet-cli field import --help.",
    hintEN: "See the example in: wallet-cli field import --help.")

  public static let documentUnreadable = Message(
    fr: "Le document ne peut pas être lu. Rien n'a été enregistré.",
    en: "The document cannot be read. Nothing was saved.",
    hintFR: "Vérifiez le fichier donné à --file.",
    hintEN: "Check the file given to --file.")

  // MARK: walletd

  public static func unreachable(_ server: String) -> Message {
    Message(
      fr: "walletd ne répond pas à l'adresse \(server). Rien n'a été changé.",
      en: "walletd does not answer at \(server). Nothing was changed.",
      hintFR: "Vérifiez que walletd tourne, ou donnez la bonne adresse avec --server.",
      hintEN: "Check that walletd is running, or give the right address with --server.")
  }

  public static let badAnswer = Message(
    fr: "La réponse de walletd n'est pas valable. Elle n'a pas été acceptée.",
    en: "walletd's answer is not valid. It was not accepted.",
    hintFR: "Ne continuez pas et prévenez l'opérateur de la plateforme.",
    hintEN: "Do not go on, and tell the platform's operator.")

  /// A refusal: its stable code (the one in the access log), then the reason.
  public static func refused(_ reason: LocalizedText, code: String) -> Message {
    func sentence(_ text: String) -> String {
      let lowered = text.prefix(1).lowercased() + text.dropFirst()
      return lowered.hasSuffix(".") ? lowered : lowered + "."
    }
    return Message(
      LocalizedText(
        fr: "Refusé (\(code)) : \(sentence(reason.fr))",
        en: "Refused (\(code)): \(sentence(reason.en))"))
  }

  public static func failed(_ detail: String) -> Message {
    Message(
      fr: "L'opération n'a pas été faite : \(detail).",
      en: "The operation was not done: \(detail).",
      hintFR: "Vérifiez les arguments ; si cela revient, prévenez l'opérateur.",
      hintEN: "Check the arguments; if it happens again, tell the operator.")
  }

  public static let unexpected = Message(
    fr: "Une erreur inattendue est survenue.",
    en: "An unexpected error happened.",
    hintFR: "Réessayez ; si cela revient, prévenez l'opérateur.",
    hintEN: "Try again; if it happens again, tell the operator.")

  // MARK: consent

  public static func unknownAdministration(_ id: String) -> Message {
    Message(
      fr: "Aucune administration « \(id) » n'est inscrite sur la plateforme.",
      en: "No administration “\(id)” is registered on the platform.",
      hintFR: "Vérifiez le nom, ou demandez à l'opérateur de l'inscrire.",
      hintEN: "Check the name, or ask the operator to register it.")
  }

  public static func administrationNotForAid(_ administration: String, aid: LocalizedText)
    -> Message
  {
    Message(
      LocalizedText(
        fr: "\(administration) ne traite pas l'aide « \(aid.fr) ». Rien n'a été changé.",
        en: "\(administration) does not process the aid “\(aid.en)”. Nothing was changed."),
      hint: LocalizedText(
        fr: "Choisissez l'administration qui traite cette aide.",
        en: "Choose the administration that processes this aid."))
  }

  public static func unknownPurpose(_ purpose: String) -> Message {
    Message(
      fr: "L'aide « \(purpose) » n'est pas connue.",
      en: "The aid “\(purpose)” is not known.",
      hintFR: "Les aides connues sont listées dans : wallet-cli grant --help.",
      hintEN: "The known aids are listed in: wallet-cli grant --help.")
  }

  public static let noFieldForAid = Message(
    fr:
      "Votre portefeuille n'a encore aucune des données que cette aide demande. Rien n'a été changé.",
    en: "Your wallet has none of the fields this aid asks for yet. Nothing was changed.",
    hintFR: "Remplissez-les d'abord avec : wallet-cli field set.",
    hintEN: "Fill them in first with: wallet-cli field set.")

  public static let grantNotFound = Message(
    fr: "Aucune permission n'a ce numéro.",
    en: "No grant has this number.",
    hintFR: "Voyez les numéros avec : wallet-cli grant list.",
    hintEN: "See the numbers with: wallet-cli grant list.")

  public static let procurationNotFound = Message(
    fr: "Aucune procuration n'a ce numéro.",
    en: "No procuration has this number.",
    hintFR: "Voyez les numéros avec : wallet-cli procuration list.",
    hintEN: "See the numbers with: wallet-cli procuration list.")

  public static let filingNotFound = Message(
    fr: "Aucune demande n'a ce numéro.",
    en: "No filing has this number.",
    hintFR: "Voyez les numéros avec : wallet-cli filing list.",
    hintEN: "See the numbers with: wallet-cli filing list.")

  public static let noUsableProcuration = Message(
    fr:
      "Vous n'avez pas de procuration valable pour cette démarche dans ce portefeuille. Rien n'a été fait.",
    en: "You have no valid procuration for this step in this wallet. Nothing was done.",
    hintFR: "Demandez à la personne de vous donner une procuration pour cette aide.",
    hintEN: "Ask the person to give you a procuration for this aid.")

  public static let walletNeeded = Message(
    fr: "Il faut dire de quel portefeuille il s'agit.",
    en: "Say which wallet this is about.",
    hintFR: "Ajoutez --wallet NUMÉRO (le numéro que la personne vous a donné).",
    hintEN: "Add --wallet NUMBER (the number the person gave you).")

  public static let ownerMismatch = Message(
    fr:
      "Ce portefeuille n'appartient pas à la personne attendue : l'identifiant de clé ne correspond pas. Rien n'a été fait.",
    en:
      "This wallet does not belong to the expected person: the key id does not match. Nothing was done.",
    hintFR: "Vérifiez le numéro du portefeuille avec la personne.",
    hintEN: "Check the wallet number with the person.")

  public static let walletUnreadable = Message(
    fr:
      "Ce n'est ni une référence de portefeuille (PSP-…) ni un numéro de portefeuille (22 caractères). Rien n'a été envoyé.",
    en:
      "This is neither a wallet reference (PSP-…) nor a wallet number (22 characters). Nothing was sent.",
    hintFR: "Recopiez la référence que la personne vous a donnée ; elle commence par PSP-.",
    hintEN: "Copy the reference the person gave you; it begins with PSP-.")

  /// A typed reference that does not read (`WalletReference.Problem`).
  public static func reference(_ problem: WalletReference.Problem) -> Message {
    let hintFR = "Recopiez-la signe par signe depuis ce que la personne vous a donné."
    let hintEN = "Copy it again, character by character, from what the person gave you."
    switch problem {
    case .notAReference:
      return walletUnreadable
    case .wrongLength(let count):
      return Message(
        fr:
          "Cette référence a \(count) lettres et chiffres après PSP, au lieu de \(WalletReference.characterCount) : elle est incomplète ou mal recopiée. Rien n'a été envoyé.",
        en:
          "This reference has \(count) letters and digits after PSP instead of \(WalletReference.characterCount): it is incomplete or mistyped. Nothing was sent.",
        hintFR: hintFR, hintEN: hintEN)
    case .notInAlphabet:
      return Message(
        fr:
          "Cette référence contient un signe qui n'y a pas sa place (elle n'a que des chiffres et des lettres, sans U) : elle a été mal recopiée. Rien n'a été envoyé.",
        en:
          "This reference holds a sign that does not belong in it (it has only digits and letters, no U): it was mistyped. Nothing was sent.",
        hintFR: hintFR, hintEN: hintEN)
    case .mistyped:
      return Message(
        fr:
          "Cette référence a été mal recopiée : un signe est faux, ou deux sont inversés. Rien n'a été envoyé.",
        en:
          "This reference was mistyped: a character is wrong, or two are swapped. Nothing was sent.",
        hintFR: hintFR, hintEN: hintEN)
    }
  }

  public static let referenceMismatch = Message(
    fr:
      "Le portefeuille que la plateforme renvoie n'est pas celui de la référence : la clé de son titulaire ne correspond pas. Rien n'a été fait.",
    en:
      "The wallet the platform returned is not the one of the reference: its holder's key does not match. Nothing was done.",
    hintFR:
      "Vérifiez la référence avec la personne ; si elle est juste, n'agissez pas et signalez-le : la plateforme n'est pas digne de confiance.",
    hintEN:
      "Check the reference with the person; if it is right, do not act and report it: the platform cannot be trusted."
  )

  public static let trusteeUnreadable = Message(
    fr:
      "La personne de confiance n'est pas reconnue : --to ne désigne ni une identité de ce dossier, ni un fichier d'identité.",
    en:
      "The trusted person is not recognised: --to names neither an identity of this folder nor an identity file.",
    hintFR:
      "Donnez un nom, un fichier de 'wallet-cli identity show --json', ou --to-key et --to-encryption-key.",
    hintEN:
      "Give a name, a file from 'wallet-cli identity show --json', or --to-key and --to-encryption-key."
  )

  public static let publicKeysUnreadable = Message(
    fr: "Les clés publiques données ne sont pas valables.",
    en: "The public keys given are not valid.",
    hintFR: "Copiez-les depuis 'wallet-cli identity show' de la personne ou de l'administration.",
    hintEN: "Copy them from the person's or administration's 'wallet-cli identity show'.")

  public static let citizenKeyUnknown = Message(
    fr: "La clé de chiffrement de la personne n'est pas connue ici. Rien n'a été envoyé.",
    en: "The person's encryption key is not known here. Nothing was sent.",
    hintFR: "Lisez d'abord la demande avec 'wallet-cli admin read', ou donnez --citizen-key.",
    hintEN: "Read the request first with 'wallet-cli admin read', or give --citizen-key.")

  // MARK: access log

  public static func logNotIntact(_ problem: String) -> Message {
    let reason = logProblem(problem)
    return Message(
      fr: "Votre journal n'est PAS intact : \(reason.fr).",
      en: "Your access log is NOT intact: \(reason.en).",
      hintFR:
        "Gardez ce message et prévenez l'opérateur. Le point de contrôle précédent est gardé.",
      hintEN: "Keep this message and tell the operator. The previous checkpoint is kept.")
  }

  /// Why `wallet-cli log` could not check the log: nothing set up to check
  /// it with, witnesses that did not confirm it lately (try again), or a log
  /// that is not what the witnesses confirmed (tell someone).
  public static func logNotVerified(_ problem: String) -> Message {
    switch problem {
    case "no witnesses are set up here": return noWitnesses
    case "the witnesses have not confirmed the log recently":
      return Message(
        fr:
          "Votre journal n'a pas pu être vérifié : les témoins ne l'ont pas confirmé récemment.",
        en: "Your access log could not be checked: the witnesses have not confirmed it recently.",
        hintFR:
          "Réessayez plus tard ; si cela dure, prévenez l'opérateur. Le point de contrôle précédent est gardé.",
        hintEN:
          "Try again later; if it lasts, tell the operator. The previous checkpoint is kept.")
    default: return logNotIntact(problem)
    }
  }

  /// `LogVerification.problem` (English, from the client library) in plain words.
  static func logProblem(_ problem: String) -> LocalizedText {
    let known: [String: LocalizedText] = [
      "the checkpoint is not cosigned by the witnesses": LocalizedText(
        fr: "les témoins n'ont pas confirmé ce que walletd montre",
        en: "the witnesses did not confirm what walletd shows"),
      "the log is older than one already checked here": LocalizedText(
        fr: "walletd montre un journal plus ancien que celui déjà vérifié ici",
        en: "walletd shows an older log than the one already checked here"),
      "the proof is not of the latest epoch": LocalizedText(
        fr: "la preuve envoyée n'est pas la plus récente",
        en: "the proof sent is not the latest one"),
      "an entry is malformed or belongs to another wallet": LocalizedText(
        fr: "une entrée est mal formée ou appartient à un autre portefeuille",
        en: "an entry is malformed or belongs to another wallet"),
      "entries are missing": LocalizedText(fr: "des entrées manquent", en: "entries are missing"),
      "the entries do not match the checkpoint": LocalizedText(
        fr: "les entrées ne correspondent pas au point de contrôle",
        en: "the entries do not match the checkpoint"),
      "the previous checkpoint does not verify": LocalizedText(
        fr: "le point de contrôle gardé ici n'est pas valable",
        en: "the checkpoint kept here does not verify"),
      "the log shrank": LocalizedText(fr: "le journal a rétréci", en: "the log shrank"),
      "the log was changed since the last checkpoint": LocalizedText(
        fr: "le journal a été changé depuis la dernière vérification",
        en: "the log was changed since the last check"),
    ]
    return known[problem] ?? LocalizedText(fr: problem, en: problem)
  }

  // MARK: demo

  public static let demoFailed = Message(
    fr: "La démonstration ne s'est pas passée comme prévu.",
    en: "The demo did not go as expected.",
    hintFR: "Relancez avec --json pour voir chaque étape en détail.",
    hintEN: "Run it again with --json to see every step in detail.")

  // MARK: usage (exit code 2)

  /// A usage error from the argument parser: its (English) text, then where
  /// to find the usage.
  public static func usage(_ reason: LocalizedText, helpCommand: String?) -> Message {
    let help = helpCommand ?? "wallet-cli --help"
    return Message(
      reason,
      hint: LocalizedText(
        fr: "Tapez '\(help)' pour voir l'usage et un exemple.",
        en: "Type '\(help)' to see the usage and an example.",
        de: "Geben Sie '\(help)' ein, um den Aufruf und ein Beispiel zu sehen.",
        pt: "Escreva '\(help)' para ver a utilização e um exemplo."))
  }
}
