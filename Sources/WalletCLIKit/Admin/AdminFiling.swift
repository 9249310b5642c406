import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// A request filed with this administration, found by its number.
enum AdminFiling {
  static func find(_ client: AdministrationClient, wallet: WalletID, filing: String) async throws
    -> FilingView
  {
    guard
      let view = try await client.filings(wallet: wallet).first(where: { $0.id.rawValue == filing })
    else {
      throw Messages.filingNotFound
    }
    return view
  }
}

// Usage errors shared by the administration and registration authority commands.
extension Messages {
  /// `--wallet` is not a wallet number.
  static let adminWalletNumberMalformed = Message(
    fr: "--wallet : un numéro de portefeuille a 22 caractères.",
    en: "--wallet: a wallet number has 22 characters",
    de: "--wallet: Eine Nummer der Brieftasche hat 22 Zeichen.",
    pt: "--wallet: um número de carteira tem 22 caracteres.",
    hintFR: "Vérifiez le numéro de portefeuille avec la personne.",
    hintEN: "Check the wallet number with the person.",
    hintDE: "Prüfen Sie die Nummer der Brieftasche mit der Person.",
    hintPT: "Verifique o número da carteira com a pessoa.")

  /// Neither `--phone` nor `--email` for the service to contact.
  static func serviceContactMissing(_ command: String) -> Message {
    Message(
      fr: "Donnez le téléphone (--phone) ou l'e-mail (--email) du service.",
      en: "give the service's --phone or --email",
      de:
        "Geben Sie die Telefonnummer (--phone) oder die E-Mail-Adresse (--email) des Dienstes an.",
      pt: "Indique o telefone (--phone) ou o e-mail (--email) do serviço.",
      hintFR: "La personne doit pouvoir joindre le service. Voyez '\(command) --help'.",
      hintEN: "The person must be able to reach the service. See '\(command) --help'.",
      hintDE: "Die Person muss den Dienst erreichen können. Siehe '\(command) --help'.",
      hintPT: "A pessoa tem de poder contactar o serviço. Veja '\(command) --help'.")
  }
}
