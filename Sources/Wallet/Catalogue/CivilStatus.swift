import Foundation

/// Civil status as Luxembourg forms ask it (état civil). The raw values are
/// the canonical encoding.
public enum CivilStatus: String, Sendable, Hashable, CaseIterable {
  case single
  case married
  /// Partenariat déclaré (loi du 9 juillet 2004), "PACS".
  case registeredPartnership = "registered_partnership"
  case separated
  case divorced
  case widowed

  public var label: LocalizedText {
    switch self {
    case .single: LocalizedText(fr: "célibataire", en: "single")
    case .married: LocalizedText(fr: "marié ou mariée", en: "married")
    case .registeredPartnership:
      LocalizedText(fr: "partenariat (PACS)", en: "registered partnership")
    case .separated: LocalizedText(fr: "séparé ou séparée", en: "separated")
    case .divorced: LocalizedText(fr: "divorcé ou divorcée", en: "divorced")
    case .widowed: LocalizedText(fr: "veuf ou veuve", en: "widowed")
    }
  }

  /// The words people write for each status, in French and English, folded.
  static let words: [String: CivilStatus] = Synonyms.table([
    .single: ["single", "celibataire"],
    .married: ["married", "marie", "mariee", "marie e", "marie ou mariee"],
    .registeredPartnership: [
      "registered partnership", "partnership", "partenariat", "partenariat declare", "partenaire",
      "partenariat pacs", "pacs",
    ],
    .separated: ["separated", "separe", "separee", "separe e", "separe ou separee"],
    .divorced: ["divorced", "divorce", "divorcee", "divorce e", "divorce ou divorcee"],
    .widowed: ["widowed", "widow", "widower", "veuf", "veuve", "veuf ou veuve"],
  ])

  init(validating input: String) throws(FieldValidationError) {
    guard !input.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty }
    guard let status = Self.words[TextRules.folded(input)] else { throw .civilStatusUnknown }
    self = status
  }
}

/// Builds folded-word lookup tables for enumerations.
enum Synonyms {
  static func table<T>(_ words: [T: [String]]) -> [String: T] {
    var table: [String: T] = [:]
    for (value, list) in words {
      for word in list { table[TextRules.folded(word)] = value }
    }
    return table
  }
}
