import PSPWallet

/// Every message wallet-cli prints on failure, in French, English, German and
/// Portuguese, written to the rule in `Message`. Names (of identities,
/// administrations, aids) may appear; values, keys and paths never do.
public enum Messages {
  // MARK: identities and passphrases

  public static let wrongPassphrase = Message(
    fr: "Le mot de passe n'est pas le bon. Rien n'a été changé.",
    en: "The passphrase is not right. Nothing was changed.",
    de: "Das Passwort ist nicht richtig. Es wurde nichts geändert.",
    pt: "A palavra-passe não está certa. Nada foi alterado.",
    hintFR:
      "Réessayez. Si vous l'avez oublié, tapez 'wallet-cli identity recover' avec votre code de secours.",
    hintEN:
      "Try again. If you forgot it, type 'wallet-cli identity recover' with your recovery code.",
    hintDE:
      "Versuchen Sie es noch einmal. Wenn Sie es vergessen haben, geben Sie 'wallet-cli identity recover' mit Ihrem Wiederherstellungscode ein.",
    hintPT:
      "Tente de novo. Se a esqueceu, escreva 'wallet-cli identity recover' com o seu código de recuperação."
  )

  public static let noPassphrase = Message(
    fr: "Il faut le mot de passe, et il n'y a pas de terminal pour le demander.",
    en: "The passphrase is needed, and there is no terminal to ask for it.",
    de: "Das Passwort wird gebraucht, und es gibt kein Terminal, um danach zu fragen.",
    pt: "A palavra-passe é necessária, e não há terminal para a pedir.",
    hintFR: "Donnez-le avec --passphrase-file FICHIER ou avec la variable PSP_PASSPHRASE.",
    hintEN: "Give it with --passphrase-file FILE or with the PSP_PASSPHRASE variable.",
    hintDE: "Geben Sie es mit --passphrase-file DATEI oder mit der Variablen PSP_PASSPHRASE an.",
    hintPT: "Indique-a com --passphrase-file FICHEIRO ou com a variável PSP_PASSPHRASE.")

  public static let passphraseFileUnreadable = Message(
    fr: "Le fichier du mot de passe ne peut pas être lu.",
    en: "The passphrase file cannot be read.",
    de: "Die Datei mit dem Passwort kann nicht gelesen werden.",
    pt: "O ficheiro da palavra-passe não pode ser lido.",
    hintFR: "Vérifiez le fichier donné à --passphrase-file.",
    hintEN: "Check the file given to --passphrase-file.",
    hintDE: "Prüfen Sie die Datei, die Sie bei --passphrase-file angegeben haben.",
    hintPT: "Verifique o ficheiro indicado em --passphrase-file.")

  public static func passphraseTooShort(_ minimum: Int) -> Message {
    Message(
      fr: "Le mot de passe est trop court : \(minimum) caractères au moins. Rien n'a été créé.",
      en: "The passphrase is too short: \(minimum) characters at least. Nothing was created.",
      de: "Das Passwort ist zu kurz: mindestens \(minimum) Zeichen. Es wurde nichts erstellt.",
      pt: "A palavra-passe é demasiado curta: pelo menos \(minimum) caracteres. Nada foi criado.",
      hintFR:
        "Choisissez une phrase facile à retenir pour vous et difficile à deviner pour les autres.",
      hintEN: "Choose a sentence that is easy for you to remember and hard for others to guess.",
      hintDE:
        "Wählen Sie einen Satz, den Sie sich leicht merken können und den andere schwer erraten.",
      hintPT: "Escolha uma frase fácil de lembrar para si e difícil de adivinhar para os outros.")
  }

  public static let passphrasesDiffer = Message(
    fr: "Les deux mots de passe ne sont pas les mêmes. Rien n'a été créé.",
    en: "The two passphrases are not the same. Nothing was created.",
    de: "Die beiden Passwörter sind nicht gleich. Es wurde nichts erstellt.",
    pt: "As duas palavras-passe não são iguais. Nada foi criado.",
    hintFR: "Relancez la commande et tapez deux fois le même mot de passe.",
    hintEN: "Run the command again and type the same passphrase twice.",
    hintDE: "Starten Sie den Befehl noch einmal und geben Sie zweimal dasselbe Passwort ein.",
    hintPT: "Execute o comando de novo e escreva duas vezes a mesma palavra-passe.")

  public static let wrongRecoveryCode = Message(
    fr: "Le code de secours n'est pas le bon pour cette identité. Rien n'a été changé.",
    en: "The recovery code is not right for this identity. Nothing was changed.",
    de: "Der Wiederherstellungscode passt nicht zu dieser Identität. Es wurde nichts geändert.",
    pt: "O código de recuperação não é o certo para esta identidade. Nada foi alterado.",
    hintFR: "Vérifiez le code sur le papier où vous l'avez noté.",
    hintEN: "Check the code on the paper where you wrote it down.",
    hintDE: "Prüfen Sie den Code auf dem Papier, auf dem Sie ihn notiert haben.",
    hintPT: "Verifique o código no papel onde o anotou.")

  public static let malformedRecoveryCode = Message(
    fr: "Un code de secours a 24 lettres et chiffres, en groupes de quatre. Rien n'a été changé.",
    en: "A recovery code has 24 letters and digits, in groups of four. Nothing was changed.",
    de:
      "Ein Wiederherstellungscode hat 24 Buchstaben und Ziffern, in Vierergruppen. Es wurde nichts geändert.",
    pt:
      "Um código de recuperação tem 24 letras e algarismos, em grupos de quatro. Nada foi alterado.",
    hintFR: "Tapez-le comme sur votre papier : 24 caractères, en 6 groupes de 4.",
    hintEN: "Type it as on your paper: 24 characters, in 6 groups of 4.",
    hintDE: "Geben Sie ihn so ein wie auf Ihrem Papier: 24 Zeichen, in 6 Gruppen zu 4.",
    hintPT: "Escreva-o como está no seu papel: 24 caracteres, em 6 grupos de 4.")

  public static let noRecoveryCode = Message(
    fr: "Il faut le code de secours, et il n'y a pas de terminal pour le demander.",
    en: "The recovery code is needed, and there is no terminal to ask for it.",
    de:
      "Der Wiederherstellungscode wird gebraucht, und es gibt kein Terminal, um danach zu fragen.",
    pt: "O código de recuperação é necessário, e não há terminal para o pedir.",
    hintFR: "Donnez-le avec la variable PSP_RECOVERY_CODE.",
    hintEN: "Give it with the PSP_RECOVERY_CODE variable.",
    hintDE: "Geben Sie ihn mit der Variablen PSP_RECOVERY_CODE an.",
    hintPT: "Indique-o com a variável PSP_RECOVERY_CODE.")

  public static func noSuchIdentity(_ name: String) -> Message {
    Message(
      fr: "Il n'y a pas d'identité « \(name) » dans ce dossier.",
      en: "There is no identity “\(name)” in this folder.",
      de: "In diesem Ordner gibt es keine Identität „\(name)“.",
      pt: "Não há nenhuma identidade «\(name)» nesta pasta.",
      hintFR: "Créez-la avec 'wallet-cli identity create', ou vérifiez --home et --as.",
      hintEN: "Create it with 'wallet-cli identity create', or check --home and --as.",
      hintDE:
        "Erstellen Sie sie mit 'wallet-cli identity create', oder prüfen Sie --home und --as.",
      hintPT: "Crie-a com 'wallet-cli identity create', ou verifique --home e --as.")
  }

  public static let noIdentityYet = Message(
    fr: "Il n'y a encore aucune identité dans ce dossier.",
    en: "There is no identity in this folder yet.",
    de: "In diesem Ordner gibt es noch keine Identität.",
    pt: "Ainda não há nenhuma identidade nesta pasta.",
    hintFR: "Créez-en une : wallet-cli identity create --kind citizen --name VOTRE-NOM.",
    hintEN: "Create one: wallet-cli identity create --kind citizen --name YOUR-NAME.",
    hintDE: "Erstellen Sie eine: wallet-cli identity create --kind citizen --name IHR-NAME.",
    hintPT: "Crie uma: wallet-cli identity create --kind citizen --name O-SEU-NOME.")

  public static let chooseIdentity = Message(
    fr: "Il y a plusieurs identités dans ce dossier. Il faut dire laquelle agit.",
    en: "There are several identities in this folder. Say which one acts.",
    de: "In diesem Ordner gibt es mehrere Identitäten. Sagen Sie, welche handelt.",
    pt: "Há várias identidades nesta pasta. Diga qual delas age.",
    hintFR: "Ajoutez --as NOM, par exemple --as maria.",
    hintEN: "Add --as NAME, for example --as maria.",
    hintDE: "Fügen Sie --as NAME hinzu, zum Beispiel --as maria.",
    hintPT: "Acrescente --as NOME, por exemplo --as maria.")

  public static func identityExists(_ name: String) -> Message {
    Message(
      fr: "L'identité « \(name) » existe déjà. Rien n'a été changé.",
      en: "The identity “\(name)” already exists. Nothing was changed.",
      de: "Die Identität „\(name)“ gibt es schon. Es wurde nichts geändert.",
      pt: "A identidade «\(name)» já existe. Nada foi alterado.",
      hintFR: "Choisissez un autre nom avec --name.",
      hintEN: "Choose another name with --name.",
      hintDE: "Wählen Sie mit --name einen anderen Namen.",
      hintPT: "Escolha outro nome com --name.")
  }

  public static let identityFileExists = Message(
    fr: "Une identité de ce nom existe déjà. Rien n'a été changé.",
    en: "An identity with this name already exists. Nothing was changed.",
    de: "Eine Identität mit diesem Namen gibt es schon. Es wurde nichts geändert.",
    pt: "Já existe uma identidade com este nome. Nada foi alterado.",
    hintFR: "Choisissez un autre nom avec --name.",
    hintEN: "Choose another name with --name.",
    hintDE: "Wählen Sie mit --name einen anderen Namen.",
    hintPT: "Escolha outro nome com --name.")

  /// A name given to `identity create --name` that cannot be a file name
  /// (`IdentityName.isValid`): a usage error.
  public static let identityNameInvalid = Message(
    fr:
      "Ce nom ne convient pas : un nom a de 1 à 64 lettres, chiffres, '-', '_' ou '.', et ne commence pas par '.'.",
    en:
      "This name does not fit: a name has 1 to 64 letters, digits, '-', '_' or '.', and does not start with '.'.",
    de:
      "Dieser Name passt nicht: Ein Name hat 1 bis 64 Buchstaben, Ziffern, '-', '_' oder '.', und beginnt nicht mit '.'.",
    pt:
      "Este nome não serve: um nome tem de 1 a 64 letras, algarismos, '-', '_' ou '.', e não começa por '.'.",
    hintFR: "Choisissez un autre nom avec --name, par exemple --name maria.",
    hintEN: "Choose another name with --name, for example --name maria.",
    hintDE: "Wählen Sie mit --name einen anderen Namen, zum Beispiel --name maria.",
    hintPT: "Escolha outro nome com --name, por exemplo --name maria.")

  public static let keystoreDamaged = Message(
    fr: "Le fichier de l'identité est abîmé. Rien n'a été changé.",
    en: "The identity file is damaged. Nothing was changed.",
    de: "Die Datei der Identität ist beschädigt. Es wurde nichts geändert.",
    pt: "O ficheiro da identidade está danificado. Nada foi alterado.",
    hintFR: "Remettez une copie de sauvegarde du fichier .keystore.",
    hintEN: "Put back a backup copy of the .keystore file.",
    hintDE: "Legen Sie eine Sicherungskopie der .keystore-Datei zurück.",
    hintPT: "Reponha uma cópia de segurança do ficheiro .keystore.")

  public static let keystoreUnwritable = Message(
    fr: "Le fichier de l'identité ne peut pas être lu ou écrit.",
    en: "The identity file cannot be read or written.",
    de: "Die Datei der Identität kann nicht gelesen oder geschrieben werden.",
    pt: "O ficheiro da identidade não pode ser lido nem escrito.",
    hintFR: "Vérifiez le dossier donné à --home et ses droits.",
    hintEN: "Check the folder given to --home and its permissions.",
    hintDE: "Prüfen Sie den Ordner bei --home und seine Zugriffsrechte.",
    hintPT: "Verifique a pasta indicada em --home e as suas permissões.")

  public static func wrongRole(
    _ name: String, is actual: PrincipalKind, needs expected: [PrincipalKind]
  ) -> Message {
    func roles(_ language: Language, _ or: String) -> String {
      expected.map { Words.role($0).text(in: language) }.joined(separator: or)
    }
    func role(_ language: Language) -> String { Words.role(actual).text(in: language) }
    return Message(
      fr:
        "Cette commande est pour : \(roles(.french, " ou ")). « \(name) » est : \(role(.french)).",
      en: "This command is for: \(roles(.english, " or ")). “\(name)” is: \(role(.english)).",
      de:
        "Dieser Befehl ist für: \(roles(.german, " oder ")). „\(name)“ ist: \(role(.german)).",
      pt:
        "Este comando é para: \(roles(.portuguese, " ou ")). «\(name)» é: \(role(.portuguese)).",
      hintFR: "Choisissez une autre identité avec --as.",
      hintEN: "Choose another identity with --as.",
      hintDE: "Wählen Sie mit --as eine andere Identität.",
      hintPT: "Escolha outra identidade com --as.")
  }

  // MARK: wallet

  public static func noWallet(_ name: String) -> Message {
    Message(
      fr: "L'identité « \(name) » n'a pas encore de portefeuille.",
      en: "The identity “\(name)” has no wallet yet.",
      de: "Die Identität „\(name)“ hat noch keine Brieftasche.",
      pt: "A identidade «\(name)» ainda não tem carteira.",
      hintFR: "Ouvrez-le avec : wallet-cli wallet open.",
      hintEN: "Open it with: wallet-cli wallet open.",
      hintDE: "Eröffnen Sie sie mit: wallet-cli wallet open.",
      hintPT: "Abra-a com: wallet-cli wallet open.")
  }

  public static func walletAlreadyOpen(_ name: String) -> Message {
    Message(
      fr: "L'identité « \(name) » a déjà un portefeuille. Rien n'a été changé.",
      en: "The identity “\(name)” already has a wallet. Nothing was changed.",
      de: "Die Identität „\(name)“ hat schon eine Brieftasche. Es wurde nichts geändert.",
      pt: "A identidade «\(name)» já tem uma carteira. Nada foi alterado.",
      hintFR: "Voyez-le avec : wallet-cli wallet status.",
      hintEN: "See it with: wallet-cli wallet status.",
      hintDE: "Sehen Sie sie an mit: wallet-cli wallet status.",
      hintPT: "Veja-a com: wallet-cli wallet status.")
  }

  public static let consentNotGiven = Message(
    fr: "Vous n'avez pas accepté le texte. Le portefeuille n'est pas ouvert.",
    en: "You did not accept the text. The wallet is not open.",
    de: "Sie haben den Text nicht angenommen. Die Brieftasche ist nicht eröffnet.",
    pt: "Não aceitou o texto. A carteira não está aberta.",
    hintFR: "Pour l'ouvrir, relancez la commande et tapez oui.",
    hintEN: "To open it, run the command again and type yes.",
    hintDE: "Um sie zu eröffnen, starten Sie den Befehl noch einmal und geben Sie ja ein.",
    hintPT: "Para a abrir, execute o comando de novo e escreva sim.")

  public static let notConfirmed = Message(
    fr: "Vous n'avez pas confirmé. Rien n'a été changé.",
    en: "You did not confirm. Nothing was changed.",
    de: "Sie haben nicht bestätigt. Es wurde nichts geändert.",
    pt: "Não confirmou. Nada foi alterado.",
    hintFR: "Pour confirmer, tapez oui. Dans un script, ajoutez --yes.",
    hintEN: "To confirm, type yes. In a script, add --yes.",
    hintDE: "Zum Bestätigen geben Sie ja ein. In einem Skript fügen Sie --yes hinzu.",
    hintPT: "Para confirmar, escreva sim. Num script, acrescente --yes.")

  public static let stateDamaged = Message(
    fr: "Le fichier state.json du dossier est abîmé. Rien n'a été changé.",
    en: "The folder's state.json file is damaged. Nothing was changed.",
    de: "Die Datei state.json des Ordners ist beschädigt. Es wurde nichts geändert.",
    pt: "O ficheiro state.json da pasta está danificado. Nada foi alterado.",
    hintFR: "Remettez une copie de sauvegarde de state.json.",
    hintEN: "Put back a backup copy of state.json.",
    hintDE: "Legen Sie eine Sicherungskopie von state.json zurück.",
    hintPT: "Reponha uma cópia de segurança de state.json.")

  public static let fileUnwritable = Message(
    fr: "Le fichier ne peut pas être écrit. Rien n'a été écrit.",
    en: "The file cannot be written. Nothing was written.",
    de: "Die Datei kann nicht geschrieben werden. Es wurde nichts geschrieben.",
    pt: "O ficheiro não pode ser escrito. Nada foi escrito.",
    hintFR: "Vérifiez le chemin donné à --output et ses droits.",
    hintEN: "Check the path given to --output and its permissions.",
    hintDE: "Prüfen Sie den Pfad bei --output und seine Zugriffsrechte.",
    hintPT: "Verifique o caminho indicado em --output e as suas permissões.")

  // MARK: fields

  public static func unknownField(_ name: String) -> Message {
    Message(
      fr: "Le nom « \(name) » n'est pas une donnée du portefeuille.",
      en: "The name “\(name)” is not a field of the wallet.",
      de: "Der Name „\(name)“ ist keine Angabe der Brieftasche.",
      pt: "O nome «\(name)» não é um dado da carteira.",
      hintFR: "Voyez toutes les données avec : wallet-cli field list --all.",
      hintEN: "See every field with: wallet-cli field list --all.",
      hintDE: "Alle Angaben sehen Sie mit: wallet-cli field list --all.",
      hintPT: "Veja todos os dados com: wallet-cli field list --all.")
  }

  public static func invalidValue(_ error: FieldValidationError, field: FieldDefinition) -> Message
  {
    // The catalogue's own words say what is wrong; its hint says where to find the value.
    Message(
      LocalizedText(
        fr: "\(error.message(in: .french)) Rien n'a été enregistré.",
        en: "\(error.message(in: .english)) Nothing was saved.",
        de: "\(error.message(in: .german)) Es wurde nichts gespeichert.",
        pt: "\(error.message(in: .portuguese)) Nada foi guardado."),
      hint: field.hint
        ?? LocalizedText(
          fr: "Corrigez la valeur, puis relancez la commande.",
          en: "Correct the value, then run the command again.",
          de: "Korrigieren Sie den Wert und starten Sie den Befehl noch einmal.",
          pt: "Corrija o valor e execute o comando de novo."))
  }

  public static func fieldEmpty(_ field: FieldDefinition) -> Message {
    Message(
      LocalizedText(
        fr: "Pas encore rempli : \(field.label.fr).",
        en: "Not filled in yet: \(field.label.en).",
        de: "Noch nicht ausgefüllt: \(field.label.text(in: .german)).",
        pt: "Ainda não preenchido: \(field.label.text(in: .portuguese))."),
      hint: LocalizedText(
        fr: "Remplissez-le avec : wallet-cli field set \(field.id) VALEUR.",
        en: "Fill it in with: wallet-cli field set \(field.id) VALUE.",
        de: "Füllen Sie es aus mit: wallet-cli field set \(field.id) WERT.",
        pt: "Preencha-o com: wallet-cli field set \(field.id) VALOR."))
  }

  public static func importRefused(_ count: Int) -> Message {
    Message(
      fr: "Le fichier a \(count) ligne(s) qui ne sont pas valables. Rien n'a été enregistré.",
      en: "The file has \(count) line(s) that are not valid. Nothing was saved.",
      de: "Die Datei hat \(count) ungültige Zeile(n). Es wurde nichts gespeichert.",
      pt: "O ficheiro tem \(count) linha(s) que não são válidas. Nada foi guardado.",
      hintFR: "Corrigez les lignes ci-dessus, puis relancez l'import.",
      hintEN: "Correct the lines above, then run the import again.",
      hintDE: "Korrigieren Sie die Zeilen oben und starten Sie den Import noch einmal.",
      hintPT: "Corrija as linhas acima e execute a importação de novo.")
  }

  public static let importUnreadable = Message(
    fr:
      "Le fichier ne peut pas être lu : ce n'est ni un objet JSON, ni des lignes « donnée,valeur ».",
    en: "The file cannot be read: it is neither a JSON object nor lines of “field,value”.",
    de:
      "Die Datei kann nicht gelesen werden: Sie ist weder ein JSON-Objekt noch Zeilen der Form „Angabe,Wert“.",
    pt:
      "O ficheiro não pode ser lido: não é um objeto JSON nem linhas do tipo «dado,valor».",
    hintFR: "Voyez l'exemple dans : wallet-cli field import --help.",
    hintEN: "See the example in: wallet-cli field import --help.",
    hintDE: "Sehen Sie sich das Beispiel an in: wallet-cli field import --help.",
    hintPT: "Veja o exemplo em: wallet-cli field import --help.")

  public static let documentUnreadable = Message(
    fr: "Le document ne peut pas être lu. Rien n'a été enregistré.",
    en: "The document cannot be read. Nothing was saved.",
    de: "Das Dokument kann nicht gelesen werden. Es wurde nichts gespeichert.",
    pt: "O documento não pode ser lido. Nada foi guardado.",
    hintFR: "Vérifiez le fichier donné à --file.",
    hintEN: "Check the file given to --file.",
    hintDE: "Prüfen Sie die Datei bei --file.",
    hintPT: "Verifique o ficheiro indicado em --file.")

  // MARK: walletd

  public static func unreachable(_ server: String) -> Message {
    Message(
      fr: "walletd ne répond pas à l'adresse \(server). Rien n'a été changé.",
      en: "walletd does not answer at \(server). Nothing was changed.",
      de: "walletd antwortet nicht unter der Adresse \(server). Es wurde nichts geändert.",
      pt: "walletd não responde no endereço \(server). Nada foi alterado.",
      hintFR: "Vérifiez que walletd tourne, ou donnez la bonne adresse avec --server.",
      hintEN: "Check that walletd is running, or give the right address with --server.",
      hintDE:
        "Prüfen Sie, ob walletd läuft, oder geben Sie mit --server die richtige Adresse an.",
      hintPT: "Verifique se walletd está a funcionar, ou indique o endereço certo com --server.")
  }

  public static let badAnswer = Message(
    fr: "La réponse de walletd n'est pas valable. Elle n'a pas été acceptée.",
    en: "walletd's answer is not valid. It was not accepted.",
    de: "Die Antwort von walletd ist nicht gültig. Sie wurde nicht angenommen.",
    pt: "A resposta de walletd não é válida. Não foi aceite.",
    hintFR: "Ne continuez pas et prévenez l'opérateur de la plateforme.",
    hintEN: "Do not go on, and tell the platform's operator.",
    hintDE: "Machen Sie nicht weiter und informieren Sie den Betreiber der Plattform.",
    hintPT: "Não continue e avise o operador da plataforma.")

  /// A refusal: its stable code (the one in the access log), then the reason,
  /// then what to do (`refusalHint`).
  public static func refused(_ reason: LocalizedText, code: String) -> Message {
    // After the colon: a small letter in French, English and Portuguese; in
    // German a whole sentence starts with a capital (and "Sie" keeps its own);
    // the daemon's name keeps its small letter.
    func sentence(_ text: String, capital: Bool = false) -> String {
      let first =
        capital && !text.hasPrefix("walletd")
        ? text.prefix(1).uppercased() : text.prefix(1).lowercased()
      let cased = first + text.dropFirst()
      return cased.hasSuffix(".") ? cased : cased + "."
    }
    return Message(
      LocalizedText(
        fr: "Refusé (\(code)) : \(sentence(reason.fr))",
        en: "Refused (\(code)): \(sentence(reason.en))",
        de: "Abgelehnt (\(code)): \(sentence(reason.text(in: .german), capital: true))",
        pt: "Recusado (\(code)): \(sentence(reason.text(in: .portuguese)))"),
      hint: refusalHint(code))
  }

  /// What to do after a refusal, by its code.
  static func refusalHint(_ code: String) -> LocalizedText {
    switch code {
    case "revoked", "paused", "expired", "already-used", "not-yet-valid", "wrong-grantee",
      "wrong-purpose", "wrong-wallet", "field-not-granted", "bad-signature":
      LocalizedText(
        fr: "Il faut une permission valable : demandez-la à la personne.",
        en: "A valid permission is needed: ask the person for one.",
        de: "Eine gültige Erlaubnis ist nötig: Bitten Sie die Person darum.",
        pt: "É precisa uma autorização válida: peça-a à pessoa.")
    case "procuration-missing", "procuration-invalid", "procuration-revoked",
      "procuration-expired", "procuration-used", "procuration-too-narrow":
      LocalizedText(
        fr: "Il faut une procuration valable pour cela : demandez-la à la personne.",
        en: "A valid procuration is needed for this: ask the person for one.",
        de: "Dafür ist eine gültige Vollmacht nötig: Bitten Sie die Person darum.",
        pt: "Para isto é precisa uma procuração válida: peça-a à pessoa.")
    case "outside-template", "unknown-purpose", "unknown-field", "validity-too-long",
      "use-not-allowed", "grantee-not-registered":
      LocalizedText(
        fr: "Voyez ce que chaque aide permet dans : wallet-cli grant --help.",
        en: "See what each aid allows in: wallet-cli grant --help.",
        de: "Was jede Hilfe erlaubt, sehen Sie in: wallet-cli grant --help.",
        pt: "Veja o que cada apoio permite em: wallet-cli grant --help.")
    case "unauthenticated":
      LocalizedText(
        fr: "Vérifiez l'identité donnée à --as ; si cela revient, prévenez l'opérateur.",
        en: "Check the identity given to --as; if it happens again, tell the operator.",
        de:
          "Prüfen Sie die Identität bei --as; wenn es wieder passiert, informieren Sie den Betreiber.",
        pt: "Verifique a identidade indicada em --as; se voltar a acontecer, avise o operador.")
    case "conflict":
      LocalizedText(
        fr: "Regardez où en sont les choses, puis réessayez si besoin.",
        en: "Look at where things stand, then try again if needed.",
        de: "Sehen Sie nach, wie der Stand ist, und versuchen Sie es dann bei Bedarf noch einmal.",
        pt: "Veja em que ponto estão as coisas e, se for preciso, tente de novo.")
    case "too-many-requests":
      LocalizedText(
        fr: "Attendez une minute, puis réessayez.",
        en: "Wait a minute, then try again.",
        de: "Warten Sie eine Minute und versuchen Sie es dann noch einmal.",
        pt: "Espere um minuto e tente de novo.")
    case "unavailable":
      LocalizedText(
        fr: "Réessayez plus tard ; si cela dure, prévenez l'opérateur.",
        en: "Try again later; if it lasts, tell the operator.",
        de:
          "Versuchen Sie es später noch einmal; wenn es so bleibt, informieren Sie den Betreiber.",
        pt: "Tente de novo mais tarde; se continuar, avise o operador.")
    default:
      LocalizedText(
        fr: "Si vous ne comprenez pas pourquoi, donnez le code entre parenthèses à l'opérateur.",
        en: "If you do not understand why, give the code in brackets to the operator.",
        de: "Wenn Sie den Grund nicht verstehen, nennen Sie dem Betreiber den Code in Klammern.",
        pt: "Se não perceber porquê, indique ao operador o código entre parênteses.")
    }
  }

  /// A local check failed. The library's detail is English: it is told in
  /// English only; the other languages say what happened and how to see it.
  public static func failed(_ detail: String) -> Message {
    Message(
      fr: "L'opération n'a pas été faite.",
      en: "The operation was not done: \(detail).",
      de: "Der Vorgang wurde nicht ausgeführt.",
      pt: "A operação não foi feita.",
      hintFR:
        "Vérifiez les arguments ; le détail technique (en anglais) s'affiche avec --lang en. Si cela revient, prévenez l'opérateur.",
      hintEN: "Check the arguments; if it happens again, tell the operator.",
      hintDE:
        "Prüfen Sie die Angaben im Befehl; das technische Detail (auf Englisch) zeigt --lang en. Wenn es wieder passiert, informieren Sie den Betreiber.",
      hintPT:
        "Verifique os argumentos; o detalhe técnico (em inglês) aparece com --lang en. Se voltar a acontecer, avise o operador."
    )
  }

  public static let unexpected = Message(
    fr: "Une erreur inattendue est survenue.",
    en: "An unexpected error happened.",
    de: "Ein unerwarteter Fehler ist aufgetreten.",
    pt: "Ocorreu um erro inesperado.",
    hintFR: "Réessayez ; si cela revient, prévenez l'opérateur.",
    hintEN: "Try again; if it happens again, tell the operator.",
    hintDE: "Versuchen Sie es noch einmal; wenn es wieder passiert, informieren Sie den Betreiber.",
    hintPT: "Tente de novo; se voltar a acontecer, avise o operador.")

  // MARK: consent

  public static func unknownAdministration(_ id: String) -> Message {
    Message(
      fr: "Aucune administration « \(id) » n'est inscrite sur la plateforme.",
      en: "No administration “\(id)” is registered on the platform.",
      de: "Keine Behörde „\(id)“ ist auf der Plattform eingetragen.",
      pt: "Nenhuma administração «\(id)» está inscrita na plataforma.",
      hintFR: "Vérifiez le nom, ou demandez à l'opérateur de l'inscrire.",
      hintEN: "Check the name, or ask the operator to register it.",
      hintDE: "Prüfen Sie den Namen, oder bitten Sie den Betreiber, sie einzutragen.",
      hintPT: "Verifique o nome, ou peça ao operador que a inscreva.")
  }

  public static func administrationNotForAid(_ administration: String, aid: LocalizedText)
    -> Message
  {
    Message(
      LocalizedText(
        fr: "\(administration) ne traite pas l'aide « \(aid.fr) ». Rien n'a été changé.",
        en: "\(administration) does not process the aid “\(aid.en)”. Nothing was changed.",
        de:
          "\(administration) bearbeitet die Hilfe „\(aid.text(in: .german))“ nicht. Es wurde nichts geändert.",
        pt:
          "\(administration) não trata o apoio «\(aid.text(in: .portuguese))». Nada foi alterado."),
      hint: LocalizedText(
        fr: "Choisissez l'administration qui traite cette aide.",
        en: "Choose the administration that processes this aid.",
        de: "Wählen Sie die Behörde, die diese Hilfe bearbeitet.",
        pt: "Escolha a administração que trata este apoio."))
  }

  public static func unknownPurpose(_ purpose: String) -> Message {
    Message(
      fr: "L'aide « \(purpose) » n'est pas connue.",
      en: "The aid “\(purpose)” is not known.",
      de: "Die Hilfe „\(purpose)“ ist nicht bekannt.",
      pt: "O apoio «\(purpose)» não é conhecido.",
      hintFR: "Les aides connues sont listées dans : wallet-cli grant --help.",
      hintEN: "The known aids are listed in: wallet-cli grant --help.",
      hintDE: "Die bekannten Hilfen stehen in: wallet-cli grant --help.",
      hintPT: "Os apoios conhecidos estão listados em: wallet-cli grant --help.")
  }

  public static let noFieldForAid = Message(
    fr:
      "Votre portefeuille n'a encore aucune des données que cette aide demande. Rien n'a été changé.",
    en: "Your wallet has none of the fields this aid asks for yet. Nothing was changed.",
    de:
      "Ihre Brieftasche hat noch keine der Angaben, die diese Hilfe verlangt. Es wurde nichts geändert.",
    pt: "A sua carteira ainda não tem nenhum dos dados que este apoio pede. Nada foi alterado.",
    hintFR: "Remplissez-les d'abord avec : wallet-cli field set.",
    hintEN: "Fill them in first with: wallet-cli field set.",
    hintDE: "Füllen Sie sie zuerst aus mit: wallet-cli field set.",
    hintPT: "Preencha-os primeiro com: wallet-cli field set.")

  public static let grantNotFound = Message(
    fr: "Aucune permission n'a ce numéro.",
    en: "No grant has this number.",
    de: "Keine Erlaubnis hat diese Nummer.",
    pt: "Nenhuma autorização tem este número.",
    hintFR: "Voyez les numéros avec : wallet-cli grant list.",
    hintEN: "See the numbers with: wallet-cli grant list.",
    hintDE: "Die Nummern sehen Sie mit: wallet-cli grant list.",
    hintPT: "Veja os números com: wallet-cli grant list.")

  public static let procurationNotFound = Message(
    fr: "Aucune procuration n'a ce numéro.",
    en: "No procuration has this number.",
    de: "Keine Vollmacht hat diese Nummer.",
    pt: "Nenhuma procuração tem este número.",
    hintFR: "Voyez les numéros avec : wallet-cli procuration list.",
    hintEN: "See the numbers with: wallet-cli procuration list.",
    hintDE: "Die Nummern sehen Sie mit: wallet-cli procuration list.",
    hintPT: "Veja os números com: wallet-cli procuration list.")

  public static let filingNotFound = Message(
    fr: "Aucune demande n'a ce numéro.",
    en: "No filing has this number.",
    de: "Kein Antrag hat diese Nummer.",
    pt: "Nenhum pedido tem este número.",
    hintFR: "Voyez les numéros avec : wallet-cli filing list.",
    hintEN: "See the numbers with: wallet-cli filing list.",
    hintDE: "Die Nummern sehen Sie mit: wallet-cli filing list.",
    hintPT: "Veja os números com: wallet-cli filing list.")

  public static let noUsableProcuration = Message(
    fr:
      "Vous n'avez pas de procuration valable pour cette démarche dans ce portefeuille. Rien n'a été fait.",
    en: "You have no valid procuration for this step in this wallet. Nothing was done.",
    de:
      "Sie haben keine gültige Vollmacht für diesen Schritt in dieser Brieftasche. Es wurde nichts getan.",
    pt: "Não tem uma procuração válida para este passo nesta carteira. Nada foi feito.",
    hintFR: "Demandez à la personne de vous donner une procuration pour cette aide.",
    hintEN: "Ask the person to give you a procuration for this aid.",
    hintDE: "Bitten Sie die Person, Ihnen eine Vollmacht für diese Hilfe zu geben.",
    hintPT: "Peça à pessoa que lhe dê uma procuração para este apoio.")

  public static let walletNeeded = Message(
    fr: "Il faut dire de quel portefeuille il s'agit.",
    en: "Say which wallet this is about.",
    de: "Sagen Sie, um welche Brieftasche es geht.",
    pt: "Diga de que carteira se trata.",
    hintFR: "Ajoutez --wallet NUMÉRO (le numéro que la personne vous a donné).",
    hintEN: "Add --wallet NUMBER (the number the person gave you).",
    hintDE: "Fügen Sie --wallet NUMMER hinzu (die Nummer, die die Person Ihnen gegeben hat).",
    hintPT: "Acrescente --wallet NÚMERO (o número que a pessoa lhe deu).")

  public static let ownerMismatch = Message(
    fr:
      "Ce portefeuille n'appartient pas à la personne attendue : l'identifiant de clé ne correspond pas. Rien n'a été fait.",
    en:
      "This wallet does not belong to the expected person: the key id does not match. Nothing was done.",
    de:
      "Diese Brieftasche gehört nicht der erwarteten Person: Die Kennung des Schlüssels passt nicht. Es wurde nichts getan.",
    pt:
      "Esta carteira não pertence à pessoa esperada: o identificador da chave não corresponde. Nada foi feito.",
    hintFR: "Vérifiez le numéro du portefeuille avec la personne.",
    hintEN: "Check the wallet number with the person.",
    hintDE: "Prüfen Sie die Nummer der Brieftasche zusammen mit der Person.",
    hintPT: "Verifique o número da carteira com a pessoa.")

  public static let walletUnreadable = Message(
    fr:
      "Ce n'est ni une référence de portefeuille (PSP-…) ni un numéro de portefeuille (22 caractères). Rien n'a été envoyé.",
    en:
      "This is neither a wallet reference (PSP-…) nor a wallet number (22 characters). Nothing was sent.",
    de:
      "Das ist weder eine Referenz einer Brieftasche (PSP-…) noch eine Nummer einer Brieftasche (22 Zeichen). Es wurde nichts gesendet.",
    pt:
      "Isto não é uma referência de carteira (PSP-…) nem um número de carteira (22 caracteres). Nada foi enviado.",
    hintFR: "Recopiez la référence que la personne vous a donnée ; elle commence par PSP-.",
    hintEN: "Copy the reference the person gave you; it begins with PSP-.",
    hintDE:
      "Schreiben Sie die Referenz ab, die die Person Ihnen gegeben hat; sie beginnt mit PSP-.",
    hintPT: "Copie a referência que a pessoa lhe deu; começa por PSP-.")

  /// A typed reference that does not read (`WalletReference.Problem`).
  public static func reference(_ problem: WalletReference.Problem) -> Message {
    let hint = LocalizedText(
      fr: "Recopiez-la signe par signe depuis ce que la personne vous a donné.",
      en: "Copy it again, character by character, from what the person gave you.",
      de:
        "Schreiben Sie sie Zeichen für Zeichen neu ab, von dem, was die Person Ihnen gegeben hat.",
      pt: "Copie-a de novo, carácter a carácter, a partir do que a pessoa lhe deu.")
    switch problem {
    case .notAReference:
      return walletUnreadable
    case .wrongLength(let count):
      let expected = WalletReference.characterCount
      return Message(
        LocalizedText(
          fr:
            "Cette référence a \(count) lettres et chiffres après PSP, au lieu de \(expected) : elle est incomplète ou mal recopiée. Rien n'a été envoyé.",
          en:
            "This reference has \(count) letters and digits after PSP instead of \(expected): it is incomplete or mistyped. Nothing was sent.",
          de:
            "Diese Referenz hat nach PSP \(count) Buchstaben und Ziffern statt \(expected): Sie ist unvollständig oder falsch abgeschrieben. Es wurde nichts gesendet.",
          pt:
            "Esta referência tem \(count) letras e algarismos depois de PSP, em vez de \(expected): está incompleta ou mal copiada. Nada foi enviado."
        ), hint: hint)
    case .notInAlphabet:
      return Message(
        LocalizedText(
          fr:
            "Cette référence contient un signe qui n'y a pas sa place (elle n'a que des chiffres et des lettres, sans U) : elle a été mal recopiée. Rien n'a été envoyé.",
          en:
            "This reference holds a sign that does not belong in it (it has only digits and letters, no U): it was mistyped. Nothing was sent.",
          de:
            "Diese Referenz enthält ein Zeichen, das nicht hineingehört (sie hat nur Ziffern und Buchstaben, kein U): Sie wurde falsch abgeschrieben. Es wurde nichts gesendet.",
          pt:
            "Esta referência tem um sinal que não lhe pertence (só tem algarismos e letras, sem U): foi mal copiada. Nada foi enviado."
        ), hint: hint)
    case .mistyped:
      return Message(
        LocalizedText(
          fr:
            "Cette référence a été mal recopiée : un signe est faux, ou deux sont inversés. Rien n'a été envoyé.",
          en:
            "This reference was mistyped: a character is wrong, or two are swapped. Nothing was sent.",
          de:
            "Diese Referenz wurde falsch abgeschrieben: Ein Zeichen ist falsch, oder zwei sind vertauscht. Es wurde nichts gesendet.",
          pt:
            "Esta referência foi mal copiada: um carácter está errado, ou dois estão trocados. Nada foi enviado."
        ), hint: hint)
    }
  }

  public static let referenceMismatch = Message(
    fr:
      "Le portefeuille que la plateforme renvoie n'est pas celui de la référence : la clé de son titulaire ne correspond pas. Rien n'a été fait.",
    en:
      "The wallet the platform returned is not the one of the reference: its holder's key does not match. Nothing was done.",
    de:
      "Die Brieftasche, die die Plattform zurückgibt, ist nicht die der Referenz: Der Schlüssel des Inhabers oder der Inhaberin passt nicht. Es wurde nichts getan.",
    pt:
      "A carteira que a plataforma devolveu não é a da referência: a chave do seu titular não corresponde. Nada foi feito.",
    hintFR:
      "Vérifiez la référence avec la personne ; si elle est juste, n'agissez pas et signalez-le : la plateforme n'est pas digne de confiance.",
    hintEN:
      "Check the reference with the person; if it is right, do not act and report it: the platform cannot be trusted.",
    hintDE:
      "Prüfen Sie die Referenz zusammen mit der Person; wenn sie stimmt, handeln Sie nicht und melden Sie es: Der Plattform kann man nicht vertrauen.",
    hintPT:
      "Verifique a referência com a pessoa; se estiver certa, não faça nada e comunique-o: a plataforma não é de confiança."
  )

  public static let trusteeUnreadable = Message(
    fr:
      "La personne de confiance n'est pas reconnue : --to ne désigne ni une identité de ce dossier, ni un fichier d'identité.",
    en:
      "The trusted person is not recognised: --to names neither an identity of this folder nor an identity file.",
    de:
      "Die Vertrauensperson wird nicht erkannt: --to nennt weder eine Identität dieses Ordners noch eine Identitätsdatei.",
    pt:
      "A pessoa de confiança não é reconhecida: --to não indica uma identidade desta pasta nem um ficheiro de identidade.",
    hintFR:
      "Donnez un nom, un fichier de 'wallet-cli identity show --json', ou --to-key et --to-encryption-key.",
    hintEN:
      "Give a name, a file from 'wallet-cli identity show --json', or --to-key and --to-encryption-key.",
    hintDE:
      "Geben Sie einen Namen an, eine Datei von 'wallet-cli identity show --json', oder --to-key und --to-encryption-key.",
    hintPT:
      "Indique um nome, um ficheiro de 'wallet-cli identity show --json', ou --to-key e --to-encryption-key."
  )

  public static let publicKeysUnreadable = Message(
    fr: "Les clés publiques données ne sont pas valables.",
    en: "The public keys given are not valid.",
    de: "Die angegebenen öffentlichen Schlüssel sind nicht gültig.",
    pt: "As chaves públicas indicadas não são válidas.",
    hintFR: "Copiez-les depuis 'wallet-cli identity show' de la personne ou de l'administration.",
    hintEN: "Copy them from the person's or administration's 'wallet-cli identity show'.",
    hintDE: "Kopieren Sie sie aus 'wallet-cli identity show' der Person oder der Behörde.",
    hintPT: "Copie-as de 'wallet-cli identity show' da pessoa ou da administração.")

  public static let citizenKeyUnknown = Message(
    fr: "La clé de chiffrement de la personne n'est pas connue ici. Rien n'a été envoyé.",
    en: "The person's encryption key is not known here. Nothing was sent.",
    de:
      "Der Verschlüsselungsschlüssel der Person ist hier nicht bekannt. Es wurde nichts gesendet.",
    pt: "A chave de cifragem da pessoa não é conhecida aqui. Nada foi enviado.",
    hintFR: "Lisez d'abord la demande avec 'wallet-cli admin read', ou donnez --citizen-key.",
    hintEN: "Read the request first with 'wallet-cli admin read', or give --citizen-key.",
    hintDE:
      "Lesen Sie zuerst den Antrag mit 'wallet-cli admin read', oder geben Sie --citizen-key an.",
    hintPT: "Leia primeiro o pedido com 'wallet-cli admin read', ou indique --citizen-key.")

  // MARK: access log

  public static func logNotIntact(_ problem: String) -> Message {
    let reason = logProblem(problem)
    return Message(
      fr: "Votre journal n'est PAS intact : \(reason.fr).",
      en: "Your access log is NOT intact: \(reason.en).",
      de: "Ihr Protokoll ist NICHT unversehrt: \(reason.text(in: .german)).",
      pt: "O seu registo NÃO está intacto: \(reason.text(in: .portuguese)).",
      hintFR:
        "Gardez ce message et prévenez l'opérateur. Le point de contrôle précédent est gardé.",
      hintEN: "Keep this message and tell the operator. The previous checkpoint is kept.",
      hintDE:
        "Bewahren Sie diese Meldung auf und informieren Sie den Betreiber. Der vorige Kontrollpunkt bleibt erhalten.",
      hintPT: "Guarde esta mensagem e avise o operador. O ponto de controlo anterior é mantido.")
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
        de:
          "Ihr Protokoll konnte nicht geprüft werden: Die Zeugen haben es in letzter Zeit nicht bestätigt.",
        pt:
          "O seu registo não pôde ser verificado: as testemunhas não o confirmaram recentemente.",
        hintFR:
          "Réessayez plus tard ; si cela dure, prévenez l'opérateur. Le point de contrôle précédent est gardé.",
        hintEN:
          "Try again later; if it lasts, tell the operator. The previous checkpoint is kept.",
        hintDE:
          "Versuchen Sie es später noch einmal; wenn es so bleibt, informieren Sie den Betreiber. Der vorige Kontrollpunkt bleibt erhalten.",
        hintPT:
          "Tente de novo mais tarde; se continuar, avise o operador. O ponto de controlo anterior é mantido."
      )
    default: return logNotIntact(problem)
    }
  }

  /// `LogVerification.problem` (English, from the client library) in plain words.
  static func logProblem(_ problem: String) -> LocalizedText {
    let known: [String: LocalizedText] = [
      "the checkpoint is not cosigned by the witnesses": LocalizedText(
        fr: "les témoins n'ont pas confirmé ce que walletd montre",
        en: "the witnesses did not confirm what walletd shows",
        de: "Die Zeugen haben nicht bestätigt, was walletd zeigt",
        pt: "as testemunhas não confirmaram o que walletd mostra"),
      "the log is older than one already checked here": LocalizedText(
        fr: "walletd montre un journal plus ancien que celui déjà vérifié ici",
        en: "walletd shows an older log than the one already checked here",
        de: "walletd zeigt ein älteres Protokoll als das, das hier schon geprüft wurde",
        pt: "walletd mostra um registo mais antigo do que o já verificado aqui"),
      "the proof is not of the latest epoch": LocalizedText(
        fr: "la preuve envoyée n'est pas la plus récente",
        en: "the proof sent is not the latest one",
        de: "Der gesendete Nachweis ist nicht der neueste",
        pt: "a prova enviada não é a mais recente"),
      "an entry is malformed or belongs to another wallet": LocalizedText(
        fr: "une entrée est mal formée ou appartient à un autre portefeuille",
        en: "an entry is malformed or belongs to another wallet",
        de: "Ein Eintrag ist fehlerhaft oder gehört zu einer anderen Brieftasche",
        pt: "uma entrada está mal formada ou pertence a outra carteira"),
      "entries are missing": LocalizedText(
        fr: "des entrées manquent", en: "entries are missing", de: "Es fehlen Einträge",
        pt: "faltam entradas"),
      "the entries do not match the checkpoint": LocalizedText(
        fr: "les entrées ne correspondent pas au point de contrôle",
        en: "the entries do not match the checkpoint",
        de: "Die Einträge passen nicht zum Kontrollpunkt",
        pt: "as entradas não correspondem ao ponto de controlo"),
      "the previous checkpoint does not verify": LocalizedText(
        fr: "le point de contrôle gardé ici n'est pas valable",
        en: "the checkpoint kept here does not verify",
        de: "Der hier aufbewahrte Kontrollpunkt ist nicht gültig",
        pt: "o ponto de controlo guardado aqui não é válido"),
      "the log shrank": LocalizedText(
        fr: "le journal a rétréci", en: "the log shrank", de: "Das Protokoll ist kürzer geworden",
        pt: "o registo encolheu"),
      "the log was changed since the last checkpoint": LocalizedText(
        fr: "le journal a été changé depuis la dernière vérification",
        en: "the log was changed since the last check",
        de: "Das Protokoll wurde seit der letzten Prüfung geändert",
        pt: "o registo foi alterado desde a última verificação"),
    ]
    // An unknown problem is the library's English text: quoted in English
    // only; the other languages say the gist (never English inside them).
    return known[problem]
      ?? LocalizedText(
        fr: "une vérification a échoué", en: problem, de: "Eine Prüfung ist fehlgeschlagen",
        pt: "uma verificação falhou")
  }

  // MARK: demo

  public static let demoFailed = Message(
    fr: "La démonstration ne s'est pas passée comme prévu.",
    en: "The demo did not go as expected.",
    de: "Die Vorführung ist nicht wie erwartet verlaufen.",
    pt: "A demonstração não correu como previsto.",
    hintFR: "Relancez avec --json pour voir chaque étape en détail.",
    hintEN: "Run it again with --json to see every step in detail.",
    hintDE: "Starten Sie sie noch einmal mit --json, um jeden Schritt im Detail zu sehen.",
    hintPT: "Execute-a de novo com --json para ver cada passo em detalhe.")

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
