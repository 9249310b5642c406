import PSPConsent
import PSPWallet

/// The log's words, with the names this person gave to the keys they deal
/// with: "votre personne de confiance Paul" rather than "votre personne de
/// confiance". Administrations keep the names their certificates give.
struct NamedVocabulary: LogVocabulary {
  let base: any LogVocabulary
  let names: NameBook

  func actorName(_ keyID: String, role: PrincipalKind, language: Language) -> String? {
    if let known = base.actorName(keyID, role: role, language: language) { return known }
    guard let name = names.name(of: keyID) else { return nil }
    switch role {
    case .trustee:
      return LocalizedText(
        fr: "votre personne de confiance \(name)", en: "your trusted person \(name)",
        de: "Ihre Vertrauensperson \(name)", pt: "a sua pessoa de confiança \(name)"
      ).text(in: language)
    default: return name
    }
  }

  func fieldName(_ field: FieldID, language: Language) -> String {
    base.fieldName(field, language: language)
  }

  func purposeName(_ purpose: Purpose, language: Language) -> String {
    base.purposeName(purpose, language: language)
  }
}
