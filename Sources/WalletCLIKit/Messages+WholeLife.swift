import PSPWallet

/// What a person is told about a wallet's whole life: after it is closed, its
/// log and filings stay readable; nothing can be changed in it; a new wallet
/// is a choice said out loud.
extension Messages {
  public static func walletClosed(_ name: String) -> Message {
    Message(
      fr: "Le portefeuille de « \(name) » est fermé. Rien ne peut y être changé.",
      en: "The wallet of “\(name)” is closed. Nothing can be changed in it.",
      de: "Die Brieftasche von „\(name)“ ist geschlossen. Darin kann nichts mehr geändert werden.",
      pt: "A carteira de «\(name)» está fechada. Nada pode ser alterado nela.",
      hintFR:
        "Vous pouvez encore lire le journal (wallet-cli log) et vos demandes (wallet-cli filing list).",
      hintEN:
        "You can still read the log (wallet-cli log) and your requests (wallet-cli filing list).",
      hintDE:
        "Sie können das Protokoll (wallet-cli log) und Ihre Anträge (wallet-cli filing list) weiter lesen.",
      hintPT:
        "Ainda pode ler o registo (wallet-cli log) e os seus pedidos (wallet-cli filing list)."
    )
  }

  public static func walletClosedChooseNew(_ name: String) -> Message {
    Message(
      fr: "« \(name) » a fermé son portefeuille. Aucun nouveau portefeuille n'a été ouvert.",
      en: "“\(name)” closed their wallet. No new wallet was opened.",
      de: "„\(name)“ hat die Brieftasche geschlossen. Keine neue Brieftasche wurde geöffnet.",
      pt: "«\(name)» fechou a sua carteira. Nenhuma carteira nova foi aberta.",
      hintFR:
        "Pour en ouvrir un nouveau, ajoutez --new-after-close. L'ancien journal reste lisible.",
      hintEN: "To open a new one, add --new-after-close. The old log stays readable.",
      hintDE:
        "Um eine neue zu öffnen, fügen Sie --new-after-close hinzu. Das alte Protokoll bleibt lesbar.",
      hintPT:
        "Para abrir uma nova, acrescente --new-after-close. O registo antigo continua legível.")
  }

  /// A field of an export file whose exact value is damaged (said beside the
  /// field's name, never with its value).
  static let exportValueDamaged = LocalizedText(
    fr: "cette valeur est abîmée dans le fichier. Refaites l'export.",
    en: "this value is damaged in the file. Export again.",
    de: "dieser Wert ist in der Datei beschädigt. Exportieren Sie noch einmal.",
    pt: "este valor está danificado no ficheiro. Exporte de novo.")

  static let fieldAlreadyAbove = LocalizedText(
    fr: "cette donnée est déjà plus haut.", en: "this field is already above.",
    de: "diese Angabe steht schon weiter oben.", pt: "este dado já aparece mais acima.")
}
