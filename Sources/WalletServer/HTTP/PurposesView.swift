import PSPConsent

/// The aid templates as the API publishes them.
struct PurposesView: Codable, Sendable {
  struct Entry: Codable, Sendable {
    let purpose: String
    let nameFR: String
    let nameEN: String
    let nameDE: String
    let namePT: String
    let administrationKinds: [String]
    let minimalFields: [String]
    let alternatives: [[String]]
    let fieldsAsNeeded: [String]
    let maximalValidityDays: [String: Int]
    let legalBasis: String
    let decisionDeadlineWorkingDays: Int?
  }
  let purposes: [Entry]

  init(_ catalogue: TemplateCatalogue) {
    purposes = catalogue.templates.map { t in
      Entry(
        purpose: t.purpose.rawValue, nameFR: t.name.fr, nameEN: t.name.en,
        nameDE: t.name.de, namePT: t.name.pt,
        administrationKinds: t.administrationKinds.map(\.rawValue).sorted(),
        minimalFields: t.minimalFields.map(\.rawValue),
        alternatives: t.alternatives.map { $0.choices.map(\.rawValue) },
        fieldsAsNeeded: t.fieldsAsNeeded.map(\.rawValue),
        maximalValidityDays: Dictionary(
          uniqueKeysWithValues: t.maximalValidityDays.map { ($0.key.rawValue, $0.value) }),
        legalBasis: t.legalBasis, decisionDeadlineWorkingDays: t.decisionDeadline?.workingDays)
    }
  }
}
