import PSPWallet

/// Why the consent logic refused something. Each has a stable `code` (used in
/// the access log and as the HTTP problem type) and a plain message in French,
/// English, German and Portuguese; none carries a field value or key material.
public enum ConsentRefusal: Error, Equatable, Sendable, CustomStringConvertible {
  case malformed(String)
  case badSignature
  case wrongWallet
  case wrongGrantee
  case wrongPurpose
  case fieldsNotGranted([FieldID])
  case fieldsOutsideTemplate([FieldID])
  case unknownPurpose(Purpose)
  case unknownField(FieldID)
  case validityTooLong(maximumDays: Int)
  case useNotAllowed(String)
  case granteeNotRegistered
  case notYetValid
  case expired
  case revoked
  case paused
  case alreadyUsed
  case procurationMissing
  case procurationInvalid
  case procurationRevoked
  case procurationExpired
  case procurationUsed
  case procurationTooNarrow(String)
  case actionNotAllowed(String)
  case notAllowed(String)

  /// Stable, machine-readable, never localised.
  public var code: String {
    switch self {
    case .malformed: "malformed"
    case .badSignature: "bad-signature"
    case .wrongWallet: "wrong-wallet"
    case .wrongGrantee: "wrong-grantee"
    case .wrongPurpose: "wrong-purpose"
    case .fieldsNotGranted: "field-not-granted"
    case .fieldsOutsideTemplate: "outside-template"
    case .unknownPurpose: "unknown-purpose"
    case .unknownField: "unknown-field"
    case .validityTooLong: "validity-too-long"
    case .useNotAllowed: "use-not-allowed"
    case .granteeNotRegistered: "grantee-not-registered"
    case .notYetValid: "not-yet-valid"
    case .expired: "expired"
    case .revoked: "revoked"
    case .paused: "paused"
    case .alreadyUsed: "already-used"
    case .procurationMissing: "procuration-missing"
    case .procurationInvalid: "procuration-invalid"
    case .procurationRevoked: "procuration-revoked"
    case .procurationExpired: "procuration-expired"
    case .procurationUsed: "procuration-used"
    case .procurationTooNarrow: "procuration-too-narrow"
    case .actionNotAllowed: "action-not-allowed"
    case .notAllowed: "not-allowed"
    }
  }

  public func message(_ language: Language) -> String {
    let say = language.say
    switch self {
    case .malformed(let what):
      return say(
        "Donnée mal formée : \(what).", "Malformed \(what).",
        "Falsch geschriebene Angabe: \(what).", "Dado mal escrito: \(what).")
    case .badSignature:
      return say(
        "La signature n'est pas valable.", "The signature is not valid.",
        "Die Unterschrift ist nicht gültig.", "A assinatura não é válida.")
    case .wrongWallet:
      return say(
        "Ce n'est pas le bon portefeuille.", "This is not the right wallet.",
        "Das ist nicht die richtige Brieftasche.", "Esta não é a carteira certa.")
    case .wrongGrantee:
      return say(
        "Cette permission a été donnée à quelqu'un d'autre.",
        "This permission was given to someone else.",
        "Diese Erlaubnis wurde jemand anderem gegeben.", "Esta autorização foi dada a outra pessoa."
      )
    case .wrongPurpose:
      return say(
        "Cette permission est pour une autre aide.", "This permission is for another aid.",
        "Diese Erlaubnis ist für eine andere Hilfe.", "Esta autorização é para outro apoio.")
    case .fieldsNotGranted(let f):
      return say(
        "Ces données ne sont pas permises : \(list(f)).",
        "These data are not permitted: \(list(f)).",
        "Diese Angaben sind nicht erlaubt: \(list(f)).",
        "Estes dados não estão autorizados: \(list(f)).")
    case .fieldsOutsideTemplate(let f):
      return say(
        "Cette aide n'a pas besoin de ces données : \(list(f)).",
        "This aid does not need these data: \(list(f)).",
        "Diese Hilfe braucht diese Angaben nicht: \(list(f)).",
        "Este apoio não precisa destes dados: \(list(f)).")
    case .unknownPurpose(let p):
      return say(
        "Aide inconnue : \(p).", "Unknown aid: \(p).", "Unbekannte Hilfe: \(p).",
        "Apoio desconhecido: \(p).")
    case .unknownField(let f):
      return say(
        "Donnée inconnue : \(f).", "Unknown field: \(f).", "Unbekannte Angabe: \(f).",
        "Dado desconhecido: \(f).")
    case .validityTooLong(let days):
      return say(
        "Durée trop longue : \(days) jours au plus.", "Too long: \(days) days at most.",
        "Zu lang: höchstens \(days) Tage.", "Demasiado longo: \(days) dias no máximo.")
    case .useNotAllowed(let use):
      return say(
        "Cette aide ne permet pas une permission « \(use) ».",
        "This aid does not allow a \(use) permission.",
        "Diese Hilfe lässt keine Erlaubnis der Art „\(use)“ zu.",
        "Este apoio não permite uma autorização «\(use)».")
    case .granteeNotRegistered:
      return say(
        "Cette administration n'est pas inscrite pour cette aide.",
        "This administration is not registered for this aid.",
        "Diese Behörde ist für diese Hilfe nicht eingetragen.",
        "Esta administração não está registada para este apoio.")
    case .notYetValid:
      return say(
        "La permission ne vaut pas encore.", "The permission is not valid yet.",
        "Die Erlaubnis gilt noch nicht.", "A autorização ainda não é válida.")
    case .expired:
      return say(
        "La permission a expiré.", "The permission has expired.",
        "Die Erlaubnis ist abgelaufen.", "A autorização expirou.")
    case .revoked:
      return say(
        "La permission a été retirée.", "The permission was withdrawn.",
        "Die Erlaubnis wurde zurückgenommen.", "A autorização foi retirada.")
    case .paused:
      return say(
        "La permission est suspendue.", "The permission is paused.",
        "Die Erlaubnis ist ausgesetzt.", "A autorização está suspensa.")
    case .alreadyUsed:
      return say(
        "Cette permission unique a déjà servi.", "This one-time permission was already used.",
        "Diese einmalige Erlaubnis wurde schon benutzt.", "Esta autorização única já foi usada.")
    case .procurationMissing:
      return say(
        "Il faut une procuration pour agir ainsi.", "A procuration is needed to act this way.",
        "Dafür braucht man eine Vollmacht.", "É preciso uma procuração para fazer isto.")
    case .procurationInvalid:
      return say(
        "La procuration n'est pas valable.", "The procuration is not valid.",
        "Die Vollmacht ist nicht gültig.", "A procuração não é válida.")
    case .procurationRevoked:
      return say(
        "La procuration a été retirée.", "The procuration was withdrawn.",
        "Die Vollmacht wurde zurückgenommen.", "A procuração foi retirada.")
    case .procurationExpired:
      return say(
        "La procuration a expiré.", "The procuration has expired.",
        "Die Vollmacht ist abgelaufen.", "A procuração expirou.")
    case .procurationUsed:
      return say(
        "Cette procuration unique a déjà servi.", "This one-time procuration was already used.",
        "Diese einmalige Vollmacht wurde schon benutzt.", "Esta procuração única já foi usada.")
    case .procurationTooNarrow(let why):
      return say(
        "La procuration ne permet pas cela (\(why)).",
        "The procuration does not allow this (\(why)).",
        "Die Vollmacht erlaubt das nicht (\(why)).", "A procuração não permite isto (\(why)).")
    case .actionNotAllowed(let action):
      return say(
        "Action non permise : \(action).", "Action not allowed: \(action).",
        "Handlung nicht erlaubt: \(action).", "Ação não permitida: \(action).")
    case .notAllowed(let why):
      return say("Refusé : \(why).", "Refused: \(why).", "Abgelehnt: \(why).", "Recusado: \(why).")
    }
  }

  public var description: String { message(.english) }

  private func list(_ fields: [FieldID]) -> String {
    fields.map(\.rawValue).joined(separator: ", ")
  }
}
