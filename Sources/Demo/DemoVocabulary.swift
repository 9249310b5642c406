import PSPConsent
import PSPWallet

/// The words of the access log from the catalogue, the templates and the registry.
public struct DemoVocabulary: LogVocabulary {
  let rules: StandardConsentRules

  public init(rules: StandardConsentRules) { self.rules = rules }

  public func actorName(_ keyID: String, role: PrincipalKind, language: Language) -> String? {
    rules.registry.administration(keyID: keyID).map { (language == .french ? "l'administration " : "") + $0.name }
  }

  public func fieldName(_ field: FieldID, language: Language) -> String {
    guard let label = FieldCatalogue.standard[field]?.label.text(in: language) else { return field.rawValue }
    // Labels are questions to the citizen ("Votre adresse"); in a sentence, lower-case the first letter.
    return label.prefix(1).lowercased() + label.dropFirst()
  }

  public func purposeName(_ purpose: Purpose, language: Language) -> String {
    guard let name = rules.templates[purpose]?.name else { return purpose.rawValue }
    let text = language == .french ? name.fr : name.en
    return language == .french ? "« " + text + " »" : "“" + text + "”"
  }
}
