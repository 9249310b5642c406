import PSPConsent
import PSPWallet

/// What `filing create` says before and after sending, in the CLI and in the
/// app's pages alike.
enum FilingWords {
  static func intro(_ purpose: Purpose, to administration: String, count: Int) -> LocalizedText {
    let aid = Words.aid(purpose)
    return LocalizedText(
      fr:
        "Demande d'aide « \(aid.fr) » à \(administration). Elle pourra lire une fois \(count) donnée(s) :",
      en:
        "Request for the aid “\(aid.en)” to \(administration). It will be able to read \(count) field(s) once:",
      de:
        "Antrag auf die Hilfe „\(aid.de)“ bei \(administration). Sie darf \(count) Angabe(n) einmal lesen:",
      pt: "Pedido do apoio «\(aid.pt)» a \(administration). Poderá ler \(count) dado(s) uma vez:")
  }
  static let notHeld = LocalizedText(
    fr:
      "L'aide demande aussi ces données, qui ne sont pas remplies (elles ne seront pas montrées) :",
    en: "The aid also asks for these fields, which are not filled in (they will not be shown):",
    de:
      "Die Hilfe verlangt auch diese Angaben, die nicht ausgefüllt sind (sie werden nicht gezeigt):",
    pt: "O apoio pede também estes dados, que não estão preenchidos (não serão mostrados):")
  static let sendQuestion = LocalizedText(
    fr: "Envoyer cette demande ?", en: "Send this request?", de: "Diesen Antrag schicken?",
    pt: "Enviar este pedido?")
  static func sent(_ id: String) -> LocalizedText {
    LocalizedText(
      fr: "Demande envoyée. Son numéro : \(id).", en: "Request sent. Its number: \(id).",
      de: "Antrag geschickt. Seine Nummer: \(id).", pt: "Pedido enviado. O seu número: \(id).")
  }
}
