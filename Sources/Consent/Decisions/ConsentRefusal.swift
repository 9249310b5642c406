import PSPWallet

/// Why the consent logic refused something. Each has a stable `code` (used in
/// the access log and as the HTTP problem type) and a plain message in French
/// and English; none carries a field value or key material.
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
    let fr = language == .french
    switch self {
    case .malformed(let what): return fr ? "Donnée mal formée : \(what)." : "Malformed \(what)."
    case .badSignature:
      return fr ? "La signature n'est pas valable." : "The signature is not valid."
    case .wrongWallet: return fr ? "Ce n'est pas le bon portefeuille." : "This is not the right wallet."
    case .wrongGrantee:
      return fr ? "Cette permission a été donnée à quelqu'un d'autre." : "This permission was given to someone else."
    case .wrongPurpose:
      return fr ? "Cette permission est pour une autre aide." : "This permission is for another aid."
    case .fieldsNotGranted(let f):
      return fr ? "Ces données ne sont pas permises : \(list(f))." : "These data are not permitted: \(list(f))."
    case .fieldsOutsideTemplate(let f):
      return fr
        ? "Cette aide n'a pas besoin de ces données : \(list(f))."
        : "This aid does not need these data: \(list(f))."
    case .unknownPurpose(let p): return fr ? "Aide inconnue : \(p)." : "Unknown aid: \(p)."
    case .unknownField(let f): return fr ? "Donnée inconnue : \(f)." : "Unknown field: \(f)."
    case .validityTooLong(let days):
      return fr ? "Durée trop longue : \(days) jours au plus." : "Too long: \(days) days at most."
    case .useNotAllowed(let use):
      return fr ? "Cette aide ne permet pas une permission « \(use) »." : "This aid does not allow a \(use) permission."
    case .granteeNotRegistered:
      return fr
        ? "Cette administration n'est pas inscrite pour cette aide."
        : "This administration is not registered for this aid."
    case .notYetValid: return fr ? "La permission ne vaut pas encore." : "The permission is not valid yet."
    case .expired: return fr ? "La permission a expiré." : "The permission has expired."
    case .revoked: return fr ? "La permission a été retirée." : "The permission was withdrawn."
    case .paused: return fr ? "La permission est suspendue." : "The permission is paused."
    case .alreadyUsed:
      return fr ? "Cette permission unique a déjà servi." : "This one-time permission was already used."
    case .procurationMissing:
      return fr ? "Il faut une procuration pour agir ainsi." : "A procuration is needed to act this way."
    case .procurationInvalid:
      return fr ? "La procuration n'est pas valable." : "The procuration is not valid."
    case .procurationRevoked:
      return fr ? "La procuration a été retirée." : "The procuration was withdrawn."
    case .procurationExpired: return fr ? "La procuration a expiré." : "The procuration has expired."
    case .procurationUsed:
      return fr ? "Cette procuration unique a déjà servi." : "This one-time procuration was already used."
    case .procurationTooNarrow(let why):
      return fr ? "La procuration ne permet pas cela (\(why))." : "The procuration does not allow this (\(why))."
    case .actionNotAllowed(let action):
      return fr ? "Action non permise : \(action)." : "Action not allowed: \(action)."
    case .notAllowed(let why): return fr ? "Refusé : \(why)." : "Refused: \(why)."
    }
  }

  public var description: String { message(.english) }

  private func list(_ fields: [FieldID]) -> String { fields.map(\.rawValue).joined(separator: ", ") }
}
