import PSPConsent
import PSPWallet

/// The words of the access log from the catalogue, the templates and the registry.
public struct DemoVocabulary: LogVocabulary {
  let rules: StandardConsentRules

  public init(rules: StandardConsentRules) { self.rules = rules }

  public func actorName(_ keyID: String, role: PrincipalKind, language: Language) -> String? {
    rules.registry.administration(keyID: keyID).map { administration in
      switch language {
      case .french: "l'administration " + administration.name
      case .english: administration.name
      case .german: "die Behörde " + administration.name
      case .portuguese: "a administração " + administration.name
      }
    }
  }

  public func fieldName(_ field: FieldID, language: Language) -> String {
    guard let label = FieldCatalogue.standard[field]?.label.text(in: language) else {
      return field.rawValue
    }
    // Labels are questions to the citizen ("Votre adresse"); in a sentence, lower-case the first
    // letter. In German, only an article is lower-cased ("Der Name …" → "der Name …"): nouns
    // and the polite "Ihre" keep their capital.
    if language == .german {
      let articles = ["Der ", "Die ", "Das ", "Den ", "Dem "]
      guard articles.contains(where: { label.hasPrefix($0) }) else { return label }
    }
    return label.prefix(1).lowercased() + label.dropFirst()
  }

  public func purposeName(_ purpose: Purpose, language: Language) -> String {
    guard let name = rules.templates[purpose]?.name else { return purpose.rawValue }
    let text = name.text(in: language)
    switch language {
    case .french: return "« " + text + " »"
    case .english: return "“" + text + "”"
    case .german: return "„" + text + "“"
    case .portuguese: return "«" + text + "»"
    }
  }
}
