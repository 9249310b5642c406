import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// Messages for the smaller points of the trustee issue: confirmations before
/// irreversible acts, and the checks around them.
extension Messages {
  /// A question before an irreversible act, with nobody to answer it.
  public static let confirmationNeedsYes = Message(
    fr: "Personne n'a pu répondre à la question. Rien n'a été changé.",
    en: "Nobody could answer the question. Nothing was changed.",
    de: "Niemand konnte die Frage beantworten. Nichts wurde geändert.",
    pt: "Ninguém pôde responder à pergunta. Nada foi alterado.",
    hintFR: "Lancez la commande dans un terminal, ou ajoutez --yes pour confirmer.",
    hintEN: "Run the command in a terminal, or add --yes to confirm.",
    hintDE:
      "Starten Sie den Befehl in einem Terminal, oder fügen Sie --yes hinzu, um zu bestätigen.",
    hintPT: "Execute o comando num terminal, ou acrescente --yes para confirmar.")

  /// `admin acknowledge --registered-on` a day before the request was filed.
  static func registeredBeforeFiling(_ filedOn: CivilDate) -> Message {
    let (fr, en) = (Words.day(filedOn, .french), Words.day(filedOn, .english))
    let (de, pt) = (Words.day(filedOn, .german), Words.day(filedOn, .portuguese))
    return Message(
      fr:
        "La demande a été faite le \(fr). Elle ne peut pas être enregistrée avant. Rien n'a été envoyé.",
      en: "The request was filed on \(en). It cannot be registered before that. Nothing was sent.",
      de:
        "Der Antrag wurde am \(de) gestellt. Er kann nicht vorher registriert werden. Nichts wurde gesendet.",
      pt:
        "O pedido foi feito a \(pt). Não pode ser registado antes dessa data. Nada foi enviado.",
      hintFR: "Donnez avec --registered-on le \(fr) ou un jour après.",
      hintEN: "Give --registered-on \(en) or a later day.",
      hintDE: "Geben Sie bei --registered-on den \(de) oder einen späteren Tag an.",
      hintPT: "Indique em --registered-on o dia \(pt) ou um dia posterior.")
  }
}

extension Messages {
  /// A refused value; for the household, the hint shows how to type it.
  static func invalidValueWithExample(_ error: FieldValidationError, field: FieldDefinition)
    -> Message
  {
    let message = invalidValue(error, field: field)
    guard field.type == .householdMembers else { return message }
    return Message(
      message.text,
      hint: LocalizedText(
        fr:
          "Une personne à la fois, séparées par « ; » : nom, prénom, lien, date de naissance. Exemple : \"Ferreira, Ana, enfant, 12/05/2015; Silva, João, conjoint, 03/02/1980\".",
        en:
          "One person at a time, separated by \";\": surname, first name, relation, date of birth. Example: \"Ferreira, Ana, child, 12/05/2015; Silva, João, spouse, 03/02/1980\".",
        de:
          "Eine Person nach der anderen, getrennt durch „;“: Nachname, Vorname, Beziehung, Geburtsdatum. Beispiel: \"Ferreira, Ana, Kind, 12/05/2015; Silva, João, Ehepartner, 03/02/1980\".",
        pt:
          "Uma pessoa de cada vez, separadas por «;»: apelido, nome próprio, relação, data de nascimento. Exemplo: \"Ferreira, Ana, filha, 12/05/2015; Silva, João, cônjuge, 03/02/1980\"."
      ))
  }
}

extension Invocation {
  /// Asks before an act that cannot be undone. `--yes` skips the question;
  /// without it and with nobody to answer (no terminal, end of input), the
  /// act is refused; any answer but "oui"/"yes" leaves everything as it was.
  func confirmIrreversible(_ question: LocalizedText, assumeYes: Bool) throws(Message) {
    if assumeYes { return }
    console.err(
      say(question) + " "
        + say(
          fr: "(tapez oui ou non) ", en: "(type yes or no) ", de: "(geben Sie ja oder nein ein) ",
          pt: "(escreva sim ou não) "))
    guard let answer = console.readLine() else { throw Messages.confirmationNeedsYes }
    guard Words.isYes(answer) else { throw Messages.notConfirmed }
  }
}

extension AdminFiling {
  /// The day (in Luxembourg) the request was filed, read from its statement;
  /// nil if it cannot be read (walletd and the client check it elsewhere).
  static func filedOn(_ view: FilingView) -> CivilDate? {
    guard let message = try? PasetoV4Public.unverifiedMessage(of: view.filing),
      let claims = try? JSONDecoder().decode(FilingClaims.self, from: Data(message)),
      let filedAt = Timestamp.parse(claims.iat)
    else { return nil }
    let day = CalendarDate.today(now: Date(timeIntervalSince1970: TimeInterval(filedAt)))
    return try? CivilDate(year: day.year, month: day.month, day: day.day)
  }
}
