import PSPWallet

/// The words the access log is told in: who a key id is, what a field and a
/// purpose are called, in plain language.
public protocol LogVocabulary: Sendable {
  /// "le Fonds national de solidarité" / "the National Solidarity Fund", or nil.
  func actorName(_ keyID: String, role: PrincipalKind, language: Language) -> String?
  /// "votre adresse" / "your address".
  func fieldName(_ field: FieldID, language: Language) -> String
  /// "l'allocation de vie chère" / "the cost-of-living allowance".
  func purposeName(_ purpose: Purpose, language: Language) -> String
}
