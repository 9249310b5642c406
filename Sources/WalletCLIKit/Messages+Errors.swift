import Foundation
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// The library's typed errors, told by the rule in `Message`. A library text
/// that exists only in English (a `ClientError.local`) is quoted as it is.
extension Messages {
  public static func from(_ error: any Error) -> Message {
    switch error {
    case let message as Message: return message
    case let keystore as KeystoreError: return from(keystore)
    case let client as ClientError: return from(client)
    case let refusal as ConsentRefusal:
      return refused(localized(refusal), code: refusal.code)
    case let template as TemplateError:
      let refusal = ConsentRefusal(template)
      return refused(localized(refusal), code: refusal.code)
    case let wallet as WalletError: return failed(wallet.description)
    default: return unexpected
    }
  }

  static func from(_ error: KeystoreError) -> Message {
    switch error {
    case .wrongPassphrase: wrongPassphrase
    case .wrongRecoveryCode: wrongRecoveryCode
    case .malformedRecoveryCode: malformedRecoveryCode
    case .corrupted, .unsupportedParameters: keystoreDamaged
    case .fileNotFound, .io: keystoreUnwritable
    case .alreadyExists: identityFileExists
    }
  }

  static func from(_ error: ClientError) -> Message {
    switch error {
    case .unreachable(let server): unreachable(server)
    case .badAnswer: badAnswer
    case .local(let detail) where Witnesses.isMissing(detail): noWitnesses
    case .local(let detail): known(detail) ?? failed(detail)
    case .consent(let refusal): refused(localized(refusal), code: refusal.code)
    case .refused(let problem): refused(problem)
    case .forged(let forgery): forged(forgery)
    case .noRegistrar: noRegistrar
    }
  }

  /// The library's local checks a person can cause, told as themselves.
  static func known(_ detail: String) -> Message? {
    if detail == "the wallet holds none of the fields this aid needs" { return noFieldForAid }
    if detail.hasPrefix("the citizen's key is not known yet here") { return citizenKeyUnknown }
    if detail.hasPrefix("no administration "), detail.hasSuffix(" is registered") {
      let id = detail.dropFirst("no administration ".count).dropLast(" is registered".count)
      return unknownAdministration(String(id))
    }
    if detail.hasPrefix("unknown aid ") {
      return unknownPurpose(String(detail.dropFirst("unknown aid ".count)))
    }
    return nil
  }

  /// A consent refusal's own words, in the four languages.
  static func localized(_ refusal: ConsentRefusal) -> LocalizedText {
    LocalizedText(
      fr: refusal.message(.french), en: refusal.message(.english),
      de: refusal.message(.german), pt: refusal.message(.portuguese))
  }

  /// A walletd problem document: consent refusals in the person's language;
  /// the other problems with walletd's own short text (never data) quoted.
  static func refused(_ problem: Problem) -> Message {
    if let reason = consentReason(problem.code) { return refused(reason, code: problem.code) }
    let reason: LocalizedText
    switch problem.code {
    case "unauthenticated":
      reason = LocalizedText(
        fr: "walletd n'a pas reconnu votre identité", en: "walletd did not recognise your identity",
        de: "walletd hat Ihre Identität nicht erkannt",
        pt: "walletd não reconheceu a sua identidade")
    case "forbidden":
      reason = LocalizedText(
        fr: "vous n'avez pas le droit de faire cela", en: "you are not allowed to do this",
        de: "Sie dürfen das nicht tun", pt: "não tem o direito de fazer isto")
    case "not-found":
      reason = LocalizedText(
        fr: "walletd ne connaît pas ce qui est demandé",
        en: "walletd does not know what was asked for",
        de: "walletd kennt das Verlangte nicht",
        pt: "walletd não conhece o que foi pedido")
    case "conflict":
      reason = LocalizedText(
        fr: "c'est déjà fait, ou cela a changé entre-temps",
        en: "it is already done, or it changed meanwhile",
        de: "Es ist schon erledigt, oder es hat sich inzwischen geändert",
        pt: "já está feito, ou entretanto mudou")
    case "too-many-requests":
      reason = LocalizedText(
        fr: "trop d'essais ratés ; attendez une minute",
        en: "too many failed attempts; wait a minute",
        de: "Zu viele Fehlversuche; warten Sie eine Minute",
        pt: "demasiadas tentativas falhadas; espere um minuto")
    case "unavailable":
      reason = LocalizedText(
        fr: "walletd n'est pas disponible pour le moment", en: "walletd is not available right now",
        de: "walletd ist im Moment nicht verfügbar", pt: "walletd não está disponível de momento")
    default:
      reason = LocalizedText(
        fr: "walletd n'a pas accepté la demande", en: "walletd did not accept the request",
        de: "walletd hat die Anfrage nicht angenommen", pt: "walletd não aceitou o pedido")
    }
    // walletd's own short text is English: quoted in English only, as walletd's,
    // one line of 160 characters at most (a hostile platform gets no page of its own).
    var detail = String.UnicodeScalarView(
      problem.detail.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }
        .prefix(160))
    if problem.detail.unicodeScalars.count > 160 { detail.append("…") }
    let said = detail.isEmpty ? "" : " — walletd: \u{201C}\(String(detail))\u{201D}"
    return refused(
      LocalizedText(fr: reason.fr, en: reason.en + said, de: reason.de, pt: reason.pt),
      code: problem.code)
  }

  /// The consent refusal a code names, in plain words; nil when the code is
  /// not a consent refusal.
  static func consentReason(_ code: String) -> LocalizedText? {
    let plain: [ConsentRefusal] = [
      .badSignature, .wrongWallet, .wrongGrantee, .wrongPurpose, .granteeNotRegistered,
      .notYetValid, .expired,
      .revoked, .paused, .alreadyUsed, .procurationMissing, .procurationInvalid,
      .procurationRevoked,
      .procurationExpired, .procurationUsed,
    ]
    if let refusal = plain.first(where: { $0.code == code }) {
      return localized(refusal)
    }
    // Refusals with a detail: the detail stays in walletd's log, the person gets the gist.
    switch code {
    case "field-not-granted":
      return LocalizedText(
        fr: "ces données ne sont pas dans la permission.",
        en: "these fields are not in the permission.",
        de: "Diese Angaben sind nicht in der Erlaubnis.",
        pt: "estes dados não estão na autorização.")
    case "outside-template":
      return LocalizedText(
        fr: "cette aide n'a pas besoin de ces données.", en: "this aid does not need these fields.",
        de: "Diese Hilfe braucht diese Angaben nicht.", pt: "este apoio não precisa destes dados.")
    case "unknown-purpose":
      return LocalizedText(
        fr: "cette aide n'existe pas.", en: "this aid does not exist.",
        de: "Diese Hilfe gibt es nicht.", pt: "este apoio não existe.")
    case "unknown-field":
      return LocalizedText(
        fr: "cette donnée n'existe pas.", en: "this field does not exist.",
        de: "Diese Angabe gibt es nicht.", pt: "este dado não existe.")
    case "validity-too-long":
      return LocalizedText(
        fr: "la durée est trop longue pour cette aide.",
        en: "the duration is too long for this aid.",
        de: "Die Dauer ist für diese Hilfe zu lang.",
        pt: "a duração é demasiado longa para este apoio.")
    case "use-not-allowed":
      return LocalizedText(
        fr: "cette aide ne permet pas ce genre de permission.",
        en: "this aid does not allow this kind of permission.",
        de: "Diese Hilfe erlaubt diese Art von Erlaubnis nicht.",
        pt: "este apoio não permite este tipo de autorização.")
    case "procuration-too-narrow":
      return LocalizedText(
        fr: "la procuration ne permet pas cela.", en: "the procuration does not allow this.",
        de: "Die Vollmacht erlaubt das nicht.", pt: "a procuração não permite isto.")
    case "action-not-allowed", "not-allowed":
      return LocalizedText(
        fr: "ce n'est pas permis.", en: "this is not allowed.", de: "Das ist nicht erlaubt.",
        pt: "isto não é permitido.")
    case "malformed":
      return LocalizedText(
        fr: "une donnée envoyée est mal formée.", en: "something sent is malformed.",
        de: "Etwas Gesendetes ist fehlerhaft.", pt: "algo enviado está mal formado.")
    default: return nil
    }
  }
}
