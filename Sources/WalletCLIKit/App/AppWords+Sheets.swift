import PSPWallet

/// The words of the printable sheets (`/sheets/…`) that the CLI does not
/// already say; the values, states, aids, actions and messages are the CLI's.
/// In their own namespace, `AppWords.Sheets`, apart from the other pages' words.
extension AppWords {
  enum Sheets {
    // MARK: every sheet

    static let printHint = LocalizedText(
      fr:
        "Pour imprimer cette feuille : touches Ctrl et P (Cmd et P sur un Mac), ou le menu Imprimer du navigateur.",
      en:
        "To print this sheet: keys Ctrl and P (Cmd and P on a Mac), or the browser's Print menu.",
      de:
        "Um dieses Blatt zu drucken: Tasten Strg und P (Cmd und P auf einem Mac), oder das Menü Drucken des Browsers.",
      pt:
        "Para imprimir esta folha: teclas Ctrl e P (Cmd e P num Mac), ou o menu Imprimir do navegador."
    )
    static let back = LocalizedText(fr: "Retour", en: "Back", de: "Zurück", pt: "Voltar")
    static let sheetLink = LocalizedText(
      fr: "Feuille à imprimer", en: "Sheet to print", de: "Blatt zum Drucken",
      pt: "Folha para imprimir")
    static func printedOn(_ day: String) -> LocalizedText {
      LocalizedText(
        fr: "Feuille faite le \(day) par l'application du portefeuille social.",
        en: "Sheet made on \(day) by the social wallet app.",
        de: "Blatt erstellt am \(day) von der Anwendung der sozialen Brieftasche.",
        pt: "Folha feita em \(day) pela aplicação da carteira social.")
    }
    static let number = LocalizedText(fr: "Numéro", en: "Number", de: "Nummer", pt: "Número")
    static let state = LocalizedText(fr: "État", en: "State", de: "Stand", pt: "Estado")
    static let administration = LocalizedText(
      fr: "Administration", en: "Administration", de: "Behörde", pt: "Administração")
    static let aid = LocalizedText(fr: "Aide", en: "Aid", de: "Hilfe", pt: "Apoio")
    static func qrOf(_ text: String) -> LocalizedText {
      LocalizedText(
        fr: "Code QR de : \(text)", en: "QR code of: \(text)", de: "QR-Code von: \(text)",
        pt: "Código QR de: \(text)")
    }

    // MARK: consent receipt

    static let consentSheet = LocalizedText(
      fr: "Reçu de consentement", en: "Consent receipt", de: "Einwilligungsbeleg",
      pt: "Recibo de consentimento")
    static let person = LocalizedText(fr: "Personne", en: "Person", de: "Person", pt: "Pessoa")
    static let openedOn = LocalizedText(
      fr: "Ouvert le", en: "Opened on", de: "Geöffnet am", pt: "Aberta em")
    static let closedOn = LocalizedText(
      fr: "Fermé le", en: "Closed on", de: "Geschlossen am", pt: "Fechada em")
    static let termsAccepted = LocalizedText(
      fr: "Texte accepté", en: "Text accepted", de: "Angenommener Text", pt: "Texto aceite")
    static let acceptedOn = LocalizedText(
      fr: "Accepté le", en: "Accepted on", de: "Angenommen am", pt: "Aceite em")
    static let acceptedIn = LocalizedText(
      fr: "Langue du texte", en: "Language of the text", de: "Sprache des Textes",
      pt: "Língua do texto")
    static func languageName(_ language: Language) -> String {
      switch language {
      case .french: "Français"
      case .english: "English"
      case .german: "Deutsch"
      case .portuguese: "Português"
      }
    }
    static let receiptSigned = LocalizedText(
      fr: "Ce reçu est signé avec votre clé. L'application a vérifié la signature.",
      en: "This receipt is signed with your key. The app checked the signature.",
      de:
        "Dieser Beleg ist mit Ihrem Schlüssel unterschrieben. Die Anwendung hat die Unterschrift geprüft.",
      pt: "Este recibo está assinado com a sua chave. A aplicação verificou a assinatura.")
    static let whatAccepted = LocalizedText(
      fr: "Ce que vous avez accepté", en: "What you accepted", de: "Was Sie angenommen haben",
      pt: "O que aceitou")
    static let olderTerms = LocalizedText(
      fr:
        "Vous avez accepté une autre version du texte. Demandez-la à l'opérateur de la plateforme.",
      en: "You accepted another version of the text. Ask the platform's operator for it.",
      de:
        "Sie haben eine andere Version des Textes angenommen. Verlangen Sie sie beim Betreiber der Plattform.",
      pt: "Aceitou outra versão do texto. Peça-a ao operador da plataforma.")
    static let closeTitle = LocalizedText(
      fr: "Fermer le portefeuille", en: "Closing the wallet", de: "Die Brieftasche schließen",
      pt: "Fechar a carteira")
    static let closeWhat = LocalizedText(
      fr:
        "Vous pouvez fermer votre portefeuille à tout moment, pour toujours. Après, aucune administration ne peut plus lire vos données. Exportez-les d'abord si vous voulez les garder.",
      en:
        "You can close your wallet at any time, for good. After that, no administration can read your data. Export them first if you want to keep them.",
      de:
        "Sie können Ihre Brieftasche jederzeit für immer schließen. Danach kann keine Behörde Ihre Angaben mehr lesen. Exportieren Sie sie vorher, wenn Sie sie behalten möchten.",
      pt:
        "Pode fechar a sua carteira a qualquer momento, para sempre. Depois, nenhuma administração pode ler os seus dados. Exporte-os antes se os quiser guardar."
    )
    static func closeHow(page: String) -> LocalizedText {
      LocalizedText(
        fr:
          "Dans l'application : la page « \(page) ». Avec wallet-cli : wallet-cli wallet export, puis wallet-cli wallet close.",
        en:
          "In the app: the page “\(page)”. With wallet-cli: wallet-cli wallet export, then wallet-cli wallet close.",
        de:
          "In der Anwendung: die Seite „\(page)“. Mit wallet-cli: wallet-cli wallet export, dann wallet-cli wallet close.",
        pt:
          "Na aplicação: a página «\(page)». Com wallet-cli: wallet-cli wallet export, depois wallet-cli wallet close."
      )
    }

    // MARK: grant

    static let grantSheet = LocalizedText(
      fr: "Permission donnée à une administration", en: "Permission given to an administration",
      de: "Einer Behörde gegebene Erlaubnis", pt: "Autorização dada a uma administração")
    static let givenOn = LocalizedText(
      fr: "Donnée le", en: "Given on", de: "Gegeben am", pt: "Dada em")
    static let untilDay = LocalizedText(fr: "Jusqu'au", en: "Until", de: "Bis zum", pt: "Até")
    static let reads = LocalizedText(
      fr: "Lectures", en: "Reads", de: "Lesen", pt: "Leituras")
    static let mayRead = LocalizedText(
      fr: "Ce qu'elle peut lire", en: "What it may read", de: "Was sie lesen darf",
      pt: "O que pode ler")
    static let howToStop = LocalizedText(
      fr: "Pour l'arrêter", en: "How to stop it", de: "Wie Sie sie beenden",
      pt: "Como a parar")
    static func stopGrantApp(page: String, pause: String, revoke: String) -> LocalizedText {
      LocalizedText(
        fr: "Dans l'application : la page « \(page) », bouton « \(pause) » ou « \(revoke) ».",
        en: "In the app: the page “\(page)”, button “\(pause)” or “\(revoke)”.",
        de: "In der Anwendung: die Seite „\(page)“, Knopf „\(pause)“ oder „\(revoke)“.",
        pt: "Na aplicação: a página «\(page)», botão «\(pause)» ou «\(revoke)».")
    }
    static func stopGrantCLI(_ id: String) -> LocalizedText {
      LocalizedText(
        fr: "Avec wallet-cli : wallet-cli grant pause \(id), ou wallet-cli grant revoke \(id).",
        en: "With wallet-cli: wallet-cli grant pause \(id), or wallet-cli grant revoke \(id).",
        de: "Mit wallet-cli: wallet-cli grant pause \(id), oder wallet-cli grant revoke \(id).",
        pt: "Com wallet-cli: wallet-cli grant pause \(id), ou wallet-cli grant revoke \(id).")
    }

    // MARK: procuration

    static let procurationSheet = LocalizedText(
      fr: "Procuration pour une personne de confiance", en: "Procuration for a trusted person",
      de: "Vollmacht für eine Vertrauensperson", pt: "Procuração para uma pessoa de confiança")
    static let givenBy = LocalizedText(
      fr: "Donnée par", en: "Given by", de: "Gegeben von", pt: "Dada por")
    static let givenTo = LocalizedText(
      fr: "À la personne de confiance", en: "To the trusted person", de: "An die Vertrauensperson",
      pt: "À pessoa de confiança")
    static let kind = LocalizedText(fr: "Sorte", en: "Kind", de: "Art", pt: "Tipo")
    static let validity = LocalizedText(fr: "Durée", en: "How long", de: "Dauer", pt: "Duração")
    static func onceUntil(_ day: String) -> LocalizedText {
      LocalizedText(
        fr: "Une seule fois, jusqu'au \(day) au plus tard.",
        en: "Once, until \(day) at the latest.",
        de: "Nur einmal, spätestens bis zum \(day).", pt: "Uma só vez, até \(day), no máximo.")
    }
    static func untilText(_ day: String) -> LocalizedText {
      LocalizedText(
        fr: "Jusqu'au \(day).", en: "Until \(day).", de: "Bis zum \(day).", pt: "Até \(day).")
    }
    static let walletReference = LocalizedText(
      fr: "Référence du portefeuille", en: "Wallet reference", de: "Referenz der Brieftasche",
      pt: "Referência da carteira")
    static let referenceUse = LocalizedText(
      fr:
        "Avec cette référence, la personne de confiance trouve le portefeuille et vérifie qu'il est bien celui de la personne. Elle la tape dans l'application (ou la lit avec un lecteur de code QR et la colle), ou la donne à wallet-cli avec --on-behalf-of.",
      en:
        "With this reference, the trusted person finds the wallet and checks that it is really the person's. They type it in the app (or read the QR code with a reader and paste it), or give it to wallet-cli with --on-behalf-of.",
      de:
        "Mit dieser Referenz findet die Vertrauensperson die Brieftasche und prüft, dass sie wirklich der Person gehört. Sie tippt sie in der Anwendung ein (oder liest den QR-Code mit einem Lesegerät und fügt sie ein), oder gibt sie wallet-cli mit --on-behalf-of.",
      pt:
        "Com esta referência, a pessoa de confiança encontra a carteira e verifica que é mesmo da pessoa. Escreve-a na aplicação (ou lê o código QR com um leitor e cola-a), ou dá-a a wallet-cli com --on-behalf-of."
    )
    static let howToWithdraw = LocalizedText(
      fr: "Pour la retirer", en: "How to withdraw it", de: "Wie man sie zurücknimmt",
      pt: "Como a retirar")
    static func withdrawProcuration(page: String, id: String) -> LocalizedText {
      LocalizedText(
        fr:
          "La personne qui l'a donnée peut la retirer à tout moment : dans l'application, la page « \(page) » ; avec wallet-cli : wallet-cli procuration revoke \(id).",
        en:
          "The person who gave it can withdraw it at any time: in the app, the page “\(page)”; with wallet-cli: wallet-cli procuration revoke \(id).",
        de:
          "Die Person, die sie gegeben hat, kann sie jederzeit zurücknehmen: in der Anwendung die Seite „\(page)“; mit wallet-cli: wallet-cli procuration revoke \(id).",
        pt:
          "A pessoa que a deu pode retirá-la a qualquer momento: na aplicação, a página «\(page)»; com wallet-cli: wallet-cli procuration revoke \(id)."
      )
    }

    // MARK: filing

    static let filingSheet = LocalizedText(
      fr: "Accusé de réception d'une demande d'aide",
      en: "Acknowledgement of a request for aid",
      de: "Eingangsbestätigung eines Antrags auf Hilfe",
      pt: "Aviso de receção de um pedido de apoio")
    static let request = LocalizedText(fr: "Demande", en: "Request", de: "Antrag", pt: "Pedido")
    static let fileNumber = LocalizedText(
      fr: "Numéro de l'administration", en: "Administration's number",
      de: "Aktenzeichen der Behörde", pt: "Número da administração")
    static let sentOn = LocalizedText(
      fr: "Envoyée le", en: "Filed on", de: "Gestellt am", pt: "Enviado em")
    static let standing = LocalizedText(
      fr: "Où elle en est", en: "Where it stands", de: "Stand", pt: "Em que ponto está")
    static let dueBy = LocalizedText(
      fr: "Décision au plus tard le", en: "Decision due by", de: "Entscheidung spätestens am",
      pt: "Decisão até")
    static let notAcknowledged = LocalizedText(
      fr:
        "L'administration n'a pas encore accusé réception de cette demande : il n'y a pas encore de numéro ni de contact.",
      en:
        "The administration has not acknowledged this request yet: there is no number and no contact yet.",
      de:
        "Die Behörde hat den Eingang dieses Antrags noch nicht bestätigt: Es gibt noch keine Nummer und keinen Kontakt.",
      pt:
        "A administração ainda não confirmou a receção deste pedido: ainda não há número nem contacto."
    )
    static let keepSheet = LocalizedText(
      fr:
        "Gardez cette feuille. Avec le numéro, l'administration retrouve votre demande quand vous l'appelez ou lui écrivez.",
      en:
        "Keep this sheet. With the number, the administration finds your request when you call or write.",
      de:
        "Bewahren Sie dieses Blatt auf. Mit der Nummer findet die Behörde Ihren Antrag, wenn Sie anrufen oder schreiben.",
      pt:
        "Guarde esta folha. Com o número, a administração encontra o seu pedido quando telefonar ou escrever."
    )

    // MARK: recovery

    static let recoverySheet = LocalizedText(
      fr: "Code de secours", en: "Recovery code", de: "Wiederherstellungscode",
      pt: "Código de recuperação")
    static let identity = LocalizedText(
      fr: "Identité", en: "Identity", de: "Identität", pt: "Identidade")
    static let recoveryFor = LocalizedText(
      fr: "À quoi il sert", en: "What it is for", de: "Wofür er dient", pt: "Para que serve")
    static let recoveryWhat = LocalizedText(
      fr:
        "Avec ce code, un mot de passe oublié peut être remplacé. Sans lui, il ne peut pas l'être. Vos clés et ce code restent les mêmes.",
      en:
        "With this code, a forgotten passphrase can be replaced. Without it, it cannot. Your keys and this code stay the same.",
      de:
        "Mit diesem Code kann ein vergessenes Passwort ersetzt werden. Ohne ihn nicht. Ihre Schlüssel und dieser Code bleiben gleich.",
      pt:
        "Com este código, uma palavra-passe esquecida pode ser substituída. Sem ele, não pode. As suas chaves e este código continuam os mesmos."
    )
    static let recoveryWhere = LocalizedText(
      fr: "Où le garder", en: "Where to keep it", de: "Wo Sie ihn aufbewahren",
      pt: "Onde o guardar")
    static let recoveryKeep = LocalizedText(
      fr:
        "Imprimez cette feuille maintenant, ou recopiez le code sur papier : il ne sera plus jamais affiché. Gardez-la en lieu sûr, chez vous. Ne la donnez à personne : avec ce code, on peut agir à votre place.",
      en:
        "Print this sheet now, or copy the code on paper: it will never be shown again. Keep it in a safe place, at home. Give it to nobody: with this code, someone could act in your name.",
      de:
        "Drucken Sie dieses Blatt jetzt, oder schreiben Sie den Code auf Papier: Er wird nie wieder gezeigt. Bewahren Sie es zu Hause an einem sicheren Ort auf. Geben Sie es niemandem: Mit diesem Code könnte jemand in Ihrem Namen handeln.",
      pt:
        "Imprima esta folha agora, ou copie o código em papel: nunca mais será mostrado. Guarde-a num lugar seguro, em casa. Não a dê a ninguém: com este código, alguém poderia agir em seu nome."
    )
    static let recoveryHow = LocalizedText(
      fr: "Comment l'utiliser", en: "How to use it", de: "Wie Sie ihn benutzen",
      pt: "Como o usar")
    static func recoveryUse(_ name: String) -> LocalizedText {
      LocalizedText(
        fr:
          "Si vous oubliez votre mot de passe : tapez wallet-cli identity recover --as \(name), puis ce code, puis un nouveau mot de passe. Les tirets et les espaces ne comptent pas.",
        en:
          "If you forget your passphrase: type wallet-cli identity recover --as \(name), then this code, then a new passphrase. Dashes and spaces do not matter.",
        de:
          "Wenn Sie Ihr Passwort vergessen: Tippen Sie wallet-cli identity recover --as \(name), dann diesen Code, dann ein neues Passwort. Bindestriche und Leerzeichen zählen nicht.",
        pt:
          "Se esquecer a sua palavra-passe: escreva wallet-cli identity recover --as \(name), depois este código, depois uma palavra-passe nova. Os hífenes e os espaços não contam."
      )
    }
  }
}

extension Messages {
  /// Never for a reference or a recovery code (both are short): a guard.
  static let qrTooLong = Message(
    fr: "Ce texte est trop long pour un code QR. Rien n'a été fait.",
    en: "This text is too long for a QR code. Nothing was done.",
    de: "Dieser Text ist zu lang für einen QR-Code. Nichts wurde getan.",
    pt: "Este texto é demasiado longo para um código QR. Nada foi feito.",
    hintFR: "Recopiez le texte à la main.",
    hintEN: "Copy the text by hand.",
    hintDE: "Schreiben Sie den Text von Hand ab.",
    hintPT: "Copie o texto à mão.")
}
