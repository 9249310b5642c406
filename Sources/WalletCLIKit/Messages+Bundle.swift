import PSPWallet

/// What the citizen is told about the encrypted bundle (`wallet export
/// --encrypted`, `wallet import`).
extension Messages {
  static let bundleIsTheCitizens = Message(
    fr: "Le fichier chiffré est celui de la personne : il s'ouvre seulement avec sa clé.",
    en: "The encrypted file is the person's own: it opens only with their key.",
    de: "Die verschlüsselte Datei gehört der Person: Sie öffnet sich nur mit ihrem Schlüssel.",
    pt: "O ficheiro cifrado é da pessoa: só abre com a chave dela.",
    hintFR: "Enlevez --encrypted pour exporter les données lisibles que vous pouvez lire.",
    hintEN: "Remove --encrypted to export the readable fields you may read.",
    hintDE:
      "Lassen Sie --encrypted weg, um die lesbaren Angaben zu exportieren, die Sie lesen dürfen.",
    hintPT: "Retire --encrypted para exportar os dados legíveis que pode ler.")

  static let bundleNeedsOutput = Message(
    fr: "Un fichier chiffré s'écrit dans un fichier, pas à l'écran.",
    en: "An encrypted file is written to a file, not to the screen.",
    de: "Eine verschlüsselte Datei wird in eine Datei geschrieben, nicht auf den Bildschirm.",
    pt: "Um ficheiro cifrado escreve-se num ficheiro, não no ecrã.",
    hintFR: "Ajoutez --output sauvegarde.psp.",
    hintEN: "Add --output sauvegarde.psp.",
    hintDE: "Fügen Sie --output sauvegarde.psp hinzu.",
    hintPT: "Acrescente --output sauvegarde.psp.")

  static func bundleWritten(_ file: String) -> LocalizedText {
    LocalizedText(
      fr: "Portefeuille entier écrit dans \(file), chiffré pour vous seul.",
      en: "Whole wallet written to \(file), encrypted for you alone.",
      de: "Die ganze Brieftasche wurde in \(file) geschrieben, nur für Sie verschlüsselt.",
      pt: "Carteira inteira escrita em \(file), cifrada só para si.")
  }

  static let importUnknownFile = Message(
    fr: "Ce fichier n'est pas un export du portefeuille. Rien n'a été enregistré.",
    en: "This file is not an export of the wallet. Nothing was saved.",
    de: "Diese Datei ist kein Export der Brieftasche. Nichts wurde gespeichert.",
    pt: "Este ficheiro não é uma exportação da carteira. Nada foi guardado.",
    hintFR: "Donnez le fichier de 'wallet-cli wallet export' (lisible, ou avec --encrypted).",
    hintEN: "Give the file of 'wallet-cli wallet export' (readable, or with --encrypted).",
    hintDE: "Geben Sie die Datei von 'wallet-cli wallet export' an (lesbar, oder mit --encrypted).",
    hintPT: "Indique o ficheiro de 'wallet-cli wallet export' (legível, ou com --encrypted).")

  static let bundleNotYours = Message(
    fr:
      "Ce fichier chiffré ne s'ouvre pas avec votre identité, ou il a été modifié. Rien n'a été enregistré.",
    en:
      "This encrypted file does not open with your identity, or it was changed. Nothing was saved.",
    de:
      "Diese verschlüsselte Datei öffnet sich nicht mit Ihrer Identität, oder sie wurde verändert. Nichts wurde gespeichert.",
    pt:
      "Este ficheiro cifrado não abre com a sua identidade, ou foi alterado. Nada foi guardado.",
    hintFR: "Utilisez l'identité qui a fait l'export (--as), ou un autre export.",
    hintEN: "Use the identity that made the export (--as), or another export.",
    hintDE:
      "Verwenden Sie die Identität, die den Export gemacht hat (--as), oder einen anderen Export.",
    hintPT: "Use a identidade que fez a exportação (--as), ou outra exportação.")

  static func imported(_ count: Int) -> LocalizedText {
    LocalizedText(
      fr: "\(count) données enregistrées dans votre portefeuille.",
      en: "\(count) fields saved in your wallet.",
      de: "\(count) Angaben in Ihrer Brieftasche gespeichert.",
      pt: "\(count) dados guardados na sua carteira.")
  }
}
