import PSPWallet

/// What `wallet open|close` and identity recovery say, in the CLI and in the
/// app's pages alike.
enum WalletWords {
  static let acceptQuestion = LocalizedText(
    fr: "Acceptez-vous ce texte et ouvrez-vous votre portefeuille ?",
    en: "Do you accept this text and open your wallet?",
    de: "Nehmen Sie diesen Text an und öffnen Sie Ihre Brieftasche?",
    pt: "Aceita este texto e abre a sua carteira?")
  static func termsVersion(_ version: String) -> LocalizedText {
    LocalizedText(
      fr: "(texte \(version))", en: "(text \(version))", de: "(Text \(version))",
      pt: "(texto \(version))")
  }
  static func opened(_ wallet: String) -> LocalizedText {
    LocalizedText(
      fr: "Votre portefeuille est ouvert. Son numéro : \(wallet).",
      en: "Your wallet is open. Its number: \(wallet).",
      de: "Ihre Brieftasche ist geöffnet. Ihre Nummer: \(wallet).",
      pt: "A sua carteira está aberta. O seu número: \(wallet).")
  }
  static let closeQuestion = LocalizedText(
    fr: "Fermer le portefeuille pour toujours ? Pensez à exporter vos données avant.",
    en: "Close the wallet for good? Remember to export your data first.",
    de:
      "Die Brieftasche für immer schließen? Denken Sie daran, Ihre Angaben vorher zu exportieren.",
    pt: "Fechar a carteira para sempre? Lembre-se de exportar os seus dados antes.")
  static let closed = LocalizedText(
    fr: "Votre portefeuille est fermé. Aucune administration ne peut plus y lire vos données.",
    en: "Your wallet is closed. No administration can read your data in it any more.",
    de: "Ihre Brieftasche ist geschlossen. Keine Behörde kann darin Ihre Angaben mehr lesen.",
    pt: "A sua carteira está fechada. Nenhuma administração pode voltar a ler nela os seus dados.")
  static let readStays = LocalizedText(
    fr: "Ce qui a déjà été lu ne peut pas être repris.",
    en: "What was already read cannot be taken back.",
    de: "Was schon gelesen wurde, kann nicht zurückgeholt werden.",
    pt: "O que já foi lido não pode ser recuperado.")
  static func newPassphrase(_ name: String) -> LocalizedText {
    LocalizedText(
      fr: "Nouveau mot de passe enregistré pour \(name). Le code de secours reste le même.",
      en: "New passphrase saved for \(name). The recovery code stays the same.",
      de: "Neues Passwort für \(name) gespeichert. Der Wiederherstellungscode bleibt gleich.",
      pt: "Nova palavra-passe guardada para \(name). O código de recuperação fica igual.")
  }
  static let unencryptedCopy = LocalizedText(
    fr: "Ce fichier n'est pas chiffré : gardez-le pour vous.",
    en: "This file is not encrypted: keep it for yourself.",
    de: "Diese Datei ist nicht verschlüsselt: Behalten Sie sie für sich.",
    pt: "Este ficheiro não está cifrado: guarde-o para si.")
}
