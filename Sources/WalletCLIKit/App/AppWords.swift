import PSPWallet

/// The words of the app's pages that the CLI does not say (the messages,
/// field labels, log sentences and values are the CLI's own).
enum AppWords {
  static let title = LocalizedText(
    fr: "Mon portefeuille social", en: "My social wallet", de: "Meine soziale Brieftasche",
    pt: "A minha carteira social")
  static let wrongHost = LocalizedText(
    fr:
      "Cette adresse n'est pas celle de l'application. Ouvrez l'adresse que wallet-cli app a donnée.",
    en: "This is not the app's address. Open the address wallet-cli app gave.",
    de:
      "Das ist nicht die Adresse der Anwendung. Öffnen Sie die Adresse, die wallet-cli app gezeigt hat.",
    pt: "Este não é o endereço da aplicação. Abra o endereço que wallet-cli app deu.")
  static let wrongOrigin = LocalizedText(
    fr: "Cette demande ne vient pas de l'application. Rien n'a été fait.",
    en: "This request does not come from the app. Nothing was done.",
    de: "Diese Anfrage kommt nicht von der Anwendung. Nichts wurde getan.",
    pt: "Este pedido não vem da aplicação. Nada foi feito.")
  static let addressUsed = LocalizedText(
    fr: "Cette adresse a déjà servi. Lancez à nouveau wallet-cli app pour en avoir une nouvelle.",
    en: "This address was already used. Start wallet-cli app again to get a new one.",
    de:
      "Diese Adresse wurde schon benutzt. Starten Sie wallet-cli app neu, um eine neue zu bekommen.",
    pt: "Este endereço já foi usado. Inicie de novo wallet-cli app para ter um novo.")
  static let noSession = LocalizedText(
    fr: "Ouvrez l'adresse que wallet-cli app a donnée, dans ce navigateur.",
    en: "Open the address wallet-cli app gave, in this browser.",
    de: "Öffnen Sie die Adresse, die wallet-cli app gezeigt hat, in diesem Browser.",
    pt: "Abra o endereço que wallet-cli app deu, neste navegador.")
  static let formExpired = LocalizedText(
    fr: "Ce formulaire n'est plus valable. Rien n'a été fait. Rechargez la page.",
    en: "This form is no longer valid. Nothing was done. Reload the page.",
    de: "Dieses Formular ist nicht mehr gültig. Nichts wurde getan. Laden Sie die Seite neu.",
    pt: "Este formulário já não é válido. Nada foi feito. Recarregue a página.")
  static let unlockTitle = LocalizedText(
    fr: "Ouvrir avec votre mot de passe", en: "Open with your passphrase",
    de: "Mit Ihrem Passwort öffnen", pt: "Abrir com a sua palavra-passe")
  static let passphrase = LocalizedText(
    fr: "Mot de passe", en: "Passphrase", de: "Passwort", pt: "Palavra-passe")
  static let open = LocalizedText(fr: "Ouvrir", en: "Open", de: "Öffnen", pt: "Abrir")
  static let lock = LocalizedText(
    fr: "Verrouiller", en: "Lock", de: "Sperren", pt: "Bloquear")
  static let home = LocalizedText(fr: "Accueil", en: "Home", de: "Start", pt: "Início")
  static let fields = LocalizedText(
    fr: "Mes données", en: "My fields", de: "Meine Angaben", pt: "Os meus dados")
  static let log = LocalizedText(
    fr: "Mon journal", en: "My log", de: "Mein Protokoll", pt: "O meu registo")
  static let wallet = LocalizedText(
    fr: "Numéro du portefeuille", en: "Wallet number", de: "Nummer der Brieftasche",
    pt: "Número da carteira")
  static let reference = LocalizedText(
    fr: "Référence à donner à une personne de confiance",
    en: "Reference to give a trusted person", de: "Referenz für eine Vertrauensperson",
    pt: "Referência para dar a uma pessoa de confiança")
  static let change = LocalizedText(
    fr: "Remplir ou changer une donnée", en: "Fill in or change a field",
    de: "Eine Angabe eintragen oder ändern", pt: "Preencher ou mudar um dado")
  static let field = LocalizedText(fr: "Donnée", en: "Field", de: "Angabe", pt: "Dado")
  static let value = LocalizedText(fr: "Valeur", en: "Value", de: "Wert", pt: "Valor")
  static let save = LocalizedText(fr: "Enregistrer", en: "Save", de: "Speichern", pt: "Guardar")
  static let saved = LocalizedText(
    fr: "Enregistré.", en: "Saved.", de: "Gespeichert.", pt: "Guardado.")
  static let empty = LocalizedText(
    fr: "Aucune donnée n'est encore remplie.", en: "No field is filled in yet.",
    de: "Noch keine Angabe ist eingetragen.", pt: "Ainda nenhum dado está preenchido.")
  static let intact = LocalizedText(
    fr: "Votre journal est intact : les témoins l'ont confirmé.",
    en: "Your log is intact: the witnesses confirmed it.",
    de: "Ihr Protokoll ist unversehrt: Die Zeugen haben es bestätigt.",
    pt: "O seu registo está intacto: as testemunhas confirmaram-no.")
}

extension Messages {
  static let appCannotListen = Message(
    fr: "L'application n'a pas pu démarrer sur cet ordinateur.",
    en: "The app could not start on this computer.",
    de: "Die Anwendung konnte auf diesem Computer nicht starten.",
    pt: "A aplicação não pôde arrancar neste computador.",
    hintFR: "Choisissez un autre port avec --port, ou laissez-le vide.",
    hintEN: "Choose another port with --port, or leave it out.",
    hintDE: "Wählen Sie mit --port einen anderen Port, oder lassen Sie ihn weg.",
    hintPT: "Escolha outra porta com --port, ou deixe-a de fora.")
}

extension AppWords {
  static let grants = LocalizedText(
    fr: "Mes permissions", en: "My permissions", de: "Meine Erlaubnisse",
    pt: "As minhas autorizações")
  static let done = LocalizedText(fr: "C'est fait.", en: "Done.", de: "Erledigt.", pt: "Feito.")
  static let newGrant = LocalizedText(
    fr: "Donner une permission", en: "Give a permission", de: "Eine Erlaubnis geben",
    pt: "Dar uma autorização")
  static let chooseAid = LocalizedText(
    fr: "Administration et aide", en: "Administration and aid", de: "Behörde und Hilfe",
    pt: "Administração e apoio")
  static let seeWhat = LocalizedText(
    fr: "Voir ce qu'elle pourra lire", en: "See what it will be able to read",
    de: "Sehen, was sie lesen darf", pt: "Ver o que poderá ler")
  static let give = LocalizedText(
    fr: "Donner cette permission", en: "Give this permission", de: "Diese Erlaubnis geben",
    pt: "Dar esta autorização")
  static let pause = LocalizedText(fr: "Suspendre", en: "Pause", de: "Aussetzen", pt: "Suspender")
  static let resume = LocalizedText(fr: "Reprendre", en: "Resume", de: "Fortsetzen", pt: "Retomar")
  static let revoke = LocalizedText(
    fr: "Retirer pour toujours", en: "Withdraw for good", de: "Für immer zurücknehmen",
    pt: "Retirar para sempre")
  static let forGood = LocalizedText(
    fr: "Je comprends : elle ne pourra pas être reprise.",
    en: "I understand: it cannot be resumed.",
    de: "Ich verstehe: Sie kann nicht fortgesetzt werden.",
    pt: "Compreendo: não poderá ser retomada.")
  static let noGrant = LocalizedText(
    fr: "Vous n'avez donné aucune permission.", en: "You have given no permission.",
    de: "Sie haben keine Erlaubnis gegeben.", pt: "Não deu nenhuma autorização.")
  static let fieldsCount = LocalizedText(
    fr: "donnée(s)", en: "field(s)", de: "Angabe(n)", pt: "dado(s)")
  static let until = LocalizedText(fr: "jusqu'au", en: "until", de: "bis zum", pt: "até")
  static let willRead = LocalizedText(
    fr: "Elle pourra lire, autant de fois que nécessaire :",
    en: "It will be able to read, as many times as needed:",
    de: "Sie darf, so oft wie nötig, lesen:", pt: "Poderá ler, tantas vezes quantas precisar:")
}
