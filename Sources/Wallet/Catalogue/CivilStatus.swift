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
    case .single:
      LocalizedText(fr: "célibataire", en: "single", de: "ledig", pt: "solteiro ou solteira")
    case .married:
      LocalizedText(fr: "marié ou mariée", en: "married", de: "verheiratet", pt: "casado ou casada")
    case .registeredPartnership:
      LocalizedText(
        fr: "partenariat (PACS)", en: "registered partnership", de: "eingetragene Partnerschaft",
        pt: "parceria registada")
    case .separated:
      LocalizedText(
        fr: "séparé ou séparée", en: "separated", de: "getrennt", pt: "separado ou separada")
    case .divorced:
      LocalizedText(
        fr: "divorcé ou divorcée", en: "divorced", de: "geschieden", pt: "divorciado ou divorciada")
    case .widowed:
      LocalizedText(fr: "veuf ou veuve", en: "widowed", de: "verwitwet", pt: "viúvo ou viúva")
    }
  }

  /// The words people write for each status, in the four languages, folded.
  static let words: [String: CivilStatus] = Synonyms.table([
    .single: [
      "single", "celibataire", "ledig", "solteiro", "solteira", "solteiro ou solteira",
    ],
    .married: [
      "married", "marie", "mariee", "marie e", "marie ou mariee",
      "verheiratet", "casado", "casada", "casado ou casada",
    ],
    .registeredPartnership: [
      "registered partnership", "partnership", "partenariat", "partenariat declare", "partenaire",
      "partenariat pacs", "pacs",
      "eingetragene partnerschaft", "partnerschaft", "parceria registada", "parceria",
      "uniao de facto",
    ],
    .separated: [
      "separated", "separe", "separee", "separe e", "separe ou separee",
      "getrennt", "getrennt lebend", "separado", "separada", "separado ou separada",
    ],
    .divorced: [
      "divorced", "divorce", "divorcee", "divorce e", "divorce ou divorcee",
      "geschieden", "divorciado", "divorciada", "divorciado ou divorciada",
    ],
    .widowed: [
      "widowed", "widow", "widower", "veuf", "veuve", "veuf ou veuve",
      "verwitwet", "witwe", "witwer", "viuvo", "viuva", "viuvo ou viuva",
    ],
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
