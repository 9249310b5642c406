import Foundation
import PSPWallet

/// The JSON layout of a templates file, format 1:
///
/// ```json
/// { "format": 1,
///   "templates": [
///     { "purpose": "aide-sociale",
///       "name": { "fr": "…", "en": "…" },
///       "administration_kinds": ["office-social"],
///       "minimal_fields": ["surname", "…"],
///       "one_of": [["matricule", "birth_date"]],
///       "as_needed": ["household_income", "…"],
///       "grants": { "one_shot": { "maximal_validity_days": 90 },
///                   "durable": { "maximal_validity_days": 180 } },
///       "legal_basis": "…",
///       "decision_deadline": { "working_days": 25, "basis": "…" } } ] }
/// ```
///
/// `one_of`, `as_needed`, a grant kind and `decision_deadline` may be left out
/// (none, not allowed, none). Unknown keys are refused: a misspelt key must not
/// silently drop a rule.
enum TemplateFile {
  static func decode(_ json: Data) throws(CatalogueError) -> [AidTemplate] {
    let file: FileDTO
    do {
      file = try JSONDecoder().decode(FileDTO.self, from: json)
    } catch let error as DecodingError {
      throw .malformed(where: location(of: error))
    } catch {
      throw .malformed(where: "top level")
    }
    guard file.format == TemplateCatalogue.format else { throw .unsupportedFormat(file.format) }
    var templates: [AidTemplate] = []
    for entry in file.templates {
      var limits: [GrantKind: Int] = [:]
      limits[.oneShot] = entry.grants.oneShot?.maximalValidityDays
      limits[.durable] = entry.grants.durable?.maximalValidityDays
      guard Set(entry.administrationKinds).count == entry.administrationKinds.count else {
        throw .invalidTemplate(entry.purpose, "an administration kind is listed twice")
      }
      templates.append(
        try AidTemplate(
          purpose: entry.purpose,
          name: entry.name,
          administrationKinds: Set(entry.administrationKinds),
          minimalFields: entry.minimalFields,
          alternatives: (entry.oneOf ?? []).map(FieldAlternatives.init),
          fieldsAsNeeded: entry.asNeeded ?? [],
          maximalValidityDays: limits,
          legalBasis: entry.legalBasis,
          decisionDeadline: entry.decisionDeadline.map {
            DecisionDeadline(workingDays: $0.workingDays, basis: $0.basis)
          }))
    }
    return templates
  }

  private static func location(of error: DecodingError) -> String {
    let path: [any CodingKey]
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context), .dataCorrupted(let context):
      path = context.codingPath
    @unknown default:
      path = []
    }
    var keys = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
    if case .keyNotFound(let key, _) = error { keys.append(key.stringValue) }
    return keys.isEmpty ? "top level" : keys.joined(separator: ".")
  }

  private struct FileDTO: Decodable {
    let format: Int
    let templates: [EntryDTO]

    enum CodingKeys: String, CodingKey, CaseIterable { case format, templates }

    init(from decoder: any Decoder) throws {
      try refuseUnknownKeys(decoder, CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      format = try c.decode(Int.self, forKey: .format)
      templates = try c.decode([EntryDTO].self, forKey: .templates)
    }
  }

  private struct EntryDTO: Decodable {
    let purpose: Purpose
    let name: LocalizedName
    let administrationKinds: [AdministrationKind]
    let minimalFields: [FieldID]
    let oneOf: [[FieldID]]?
    let asNeeded: [FieldID]?
    let grants: GrantsDTO
    let legalBasis: String
    let decisionDeadline: DeadlineDTO?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case purpose, name, grants
      case administrationKinds = "administration_kinds"
      case minimalFields = "minimal_fields"
      case oneOf = "one_of"
      case asNeeded = "as_needed"
      case legalBasis = "legal_basis"
      case decisionDeadline = "decision_deadline"
    }

    init(from decoder: any Decoder) throws {
      try refuseUnknownKeys(decoder, CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      purpose = try c.decode(Purpose.self, forKey: .purpose)
      name = try c.decode(LocalizedName.self, forKey: .name)
      administrationKinds = try c.decode([AdministrationKind].self, forKey: .administrationKinds)
      minimalFields = try c.decode([FieldID].self, forKey: .minimalFields)
      oneOf = try c.decodeIfPresent([[FieldID]].self, forKey: .oneOf)
      asNeeded = try c.decodeIfPresent([FieldID].self, forKey: .asNeeded)
      grants = try c.decode(GrantsDTO.self, forKey: .grants)
      legalBasis = try c.decode(String.self, forKey: .legalBasis)
      decisionDeadline = try c.decodeIfPresent(DeadlineDTO.self, forKey: .decisionDeadline)
    }
  }

  private struct GrantsDTO: Decodable {
    let oneShot: LimitDTO?
    let durable: LimitDTO?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case oneShot = "one_shot"
      case durable
    }

    init(from decoder: any Decoder) throws {
      try refuseUnknownKeys(decoder, CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      oneShot = try c.decodeIfPresent(LimitDTO.self, forKey: .oneShot)
      durable = try c.decodeIfPresent(LimitDTO.self, forKey: .durable)
    }
  }

  private struct LimitDTO: Decodable {
    let maximalValidityDays: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
      case maximalValidityDays = "maximal_validity_days"
    }

    init(from decoder: any Decoder) throws {
      try refuseUnknownKeys(decoder, CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      maximalValidityDays = try c.decode(Int.self, forKey: .maximalValidityDays)
    }
  }

  private struct DeadlineDTO: Decodable {
    let workingDays: Int
    let basis: String

    enum CodingKeys: String, CodingKey, CaseIterable {
      case workingDays = "working_days"
      case basis
    }

    init(from decoder: any Decoder) throws {
      try refuseUnknownKeys(decoder, CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      workingDays = try c.decode(Int.self, forKey: .workingDays)
      basis = try c.decode(String.self, forKey: .basis)
    }
  }
}

/// Any key, to list every key an object holds (a typed container hides the
/// ones it does not know).
private struct AnyKey: CodingKey {
  let stringValue: String
  let intValue: Int? = nil
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

private func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(
  _ decoder: any Decoder, _ keys: Keys.Type
) throws {
  let known = Set(Keys.allCases.map(\.stringValue))
  let present = try decoder.container(keyedBy: AnyKey.self).allKeys
  if let unknown = present.first(where: { !known.contains($0.stringValue) }) {
    throw DecodingError.dataCorrupted(
      .init(codingPath: decoder.codingPath + [unknown], debugDescription: "unknown key"))
  }
}
