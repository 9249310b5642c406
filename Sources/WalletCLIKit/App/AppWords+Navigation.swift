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
    de: "Vorführung: Das Passwort aller Personen ist", pt: "Demonstração: a palavra-passe de todos é")
}
