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
      return refused(
        LocalizedText(fr: refusal.message(.french), en: refusal.message(.english)),
        code: refusal.code)
    case let template as TemplateError:
      let refusal = ConsentRefusal(template)
      return refused(
        LocalizedText(fr: refusal.message(.french), en: refusal.message(.english)),
        code: refusal.code)
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
    case .local(let detail): failed(detail)
    case .refused(let problem): refused(problem)
    case .forged(let forgery): forged(forgery)
    case .noRegistrar: noRegistrar
    }
  }

  /// A walletd problem document: consent refusals in the person's language;
  /// the other problems with walletd's own short text (never data) quoted.
  static func refused(_ problem: Problem) -> Message {
    if let reason = consentReason(problem.code) { return refused(reason, code: problem.code) }
    let reason: LocalizedText
    switch problem.code {
    case "unauthenticated":
      reason = LocalizedText(
        fr: "walletd n'a pas reconnu votre identité", en: "walletd did not recognise your identity")
    case "forbidden":
      reason = LocalizedText(
        fr: "vous n'avez pas le droit de faire cela", en: "you are not allowed to do this")
    case "not-found":
      reason = LocalizedText(
        fr: "walletd ne connaît pas ce qui est demandé",
        en: "walletd does not know what was asked for")
    case "conflict":
      reason = LocalizedText(
        fr: "c'est déjà fait, ou cela a changé entre-temps",
        en: "it is already done, or it changed meanwhile")
    case "too-many-requests":
      reason = LocalizedText(
        fr: "trop d'essais ratés ; attendez une minute",
        en: "too many failed attempts; wait a minute")
    case "unavailable":
      reason = LocalizedText(
        fr: "walletd n'est pas disponible pour le moment", en: "walletd is not available right now")
    default:
      reason = LocalizedText(
        fr: "walletd n'a pas accepté la demande", en: "walletd did not accept the request")
    }
    let said = problem.detail.isEmpty ? "" : " — walletd: \u{201C}\(problem.detail)\u{201D}"
    return refused(LocalizedText(fr: reason.fr + said, en: reason.en + said), code: problem.code)
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
      return LocalizedText(fr: refusal.message(.french), en: refusal.message(.english))
    }
    // Refusals with a detail: the detail stays in walletd's log, the person gets the gist.
    switch code {
    case "field-not-granted":
      return LocalizedText(
        fr: "ces données ne sont pas dans la permission.",
        en: "these fields are not in the permission.")
    case "outside-template":
      return LocalizedText(
        fr: "cette aide n'a pas besoin de ces données.", en: "this aid does not need these fields.")
    case "unknown-purpose":
      return LocalizedText(fr: "cette aide n'existe pas.", en: "this aid does not exist.")
    case "unknown-field":
      return LocalizedText(fr: "cette donnée n'existe pas.", en: "this field does not exist.")
    case "validity-too-long":
      return LocalizedText(
        fr: "la durée est trop longue pour cette aide.",
        en: "the duration is too long for this aid.")
    case "use-not-allowed":
      return LocalizedText(
        fr: "cette aide ne permet pas ce genre de permission.",
        en: "this aid does not allow this kind of permission.")
    case "procuration-too-narrow":
      return LocalizedText(
        fr: "la procuration ne permet pas cela.", en: "the procuration does not allow this.")
    case "action-not-allowed", "not-allowed":
      return LocalizedText(fr: "ce n'est pas permis.", en: "this is not allowed.")
    case "malformed":
      return LocalizedText(
        fr: "une donnée envoyée est mal formée.", en: "something sent is malformed.")
    default: return nil
    }
  }
}
