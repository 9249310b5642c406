import PSPWallet

/// The names of the pages in the navigation.
extension AppWords {
  static let documents = LocalizedText(
    fr: "Mes documents", en: "My documents", de: "Meine Dokumente", pt: "Os meus documentos")
  static let procurations = LocalizedText(
    fr: "Mes procurations", en: "My procurations", de: "Meine Vollmachten",
    pt: "As minhas procurações")
  static let walletPage = LocalizedText(
    fr: "Mon portefeuille", en: "My wallet", de: "Meine Brieftasche", pt: "A minha carteira")
  static let actingFor = LocalizedText(
    fr: "Les personnes que j'aide", en: "The people I help", de: "Die Personen, denen ich helfe",
    pt: "As pessoas que ajudo")
  static let received = LocalizedText(
    fr: "Permissions reçues", en: "Permissions received", de: "Erhaltene Erlaubnisse",
    pt: "Autorizações recebidas")
}

extension AppWords {
  static let who = LocalizedText(
    fr: "Qui êtes-vous ?", en: "Who are you?", de: "Wer sind Sie?", pt: "Quem é?")
  static let demoPassphrase = LocalizedText(
    fr: "Démonstration : le mot de passe de chacun est", en: "Demo: everyone's passphrase is",
    de: "Vorführung: Das Passwort aller Personen ist",
    pt: "Demonstração: a palavra-passe de todos é")
}

extension AppWords {
  static let anotherUser = LocalizedText(
    fr: "Cette application est celle d'une autre personne de cet ordinateur. Rien n'a été fait.",
    en: "This app belongs to another person on this computer. Nothing was done.",
    de: "Diese Anwendung gehört einer anderen Person auf diesem Computer. Nichts wurde getan.",
    pt: "Esta aplicação é de outra pessoa deste computador. Nada foi feito.")
  static let goingOn = LocalizedText(
    fr: "Ouverture de votre portefeuille…", en: "Opening your wallet…",
    de: "Ihre Brieftasche wird geöffnet …", pt: "A abrir a sua carteira…")
  static let failedHere = LocalizedText(
    fr: "Quelque chose n'a pas marché. Rien n'a été fait. Rechargez la page.",
    en: "Something did not work. Nothing was done. Reload the page.",
    de: "Etwas hat nicht funktioniert. Nichts wurde getan. Laden Sie die Seite neu.",
    pt: "Algo não funcionou. Nada foi feito. Recarregue a página.")
  static let pageNotFound = LocalizedText(
    fr: "Cette page n'existe pas. Revenez à l'accueil.",
    en: "This page does not exist. Go back home.",
    de: "Diese Seite gibt es nicht. Gehen Sie zurück zum Start.",
    pt: "Esta página não existe. Volte ao início.")
}
