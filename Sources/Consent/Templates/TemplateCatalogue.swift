import Foundation
import PSPWallet

/// The aid templates in force, by purpose. They are data, not code: the
/// standard set ships as `Resources/templates.json`, and an operator may load
/// an updated file (a new aid, a changed form) with `init(contentsOf:)`.
///
/// Validities chosen for the standard set (days): every aid allows a one-shot
/// grant of 90 days, enough to file a request and for the administration to
/// read it while it decides (the office social's 25 working days are about 5
/// weeks). Aids paid or followed over time (allocation de vie chère,
/// subvention de loyer, REVIS and its activation, tiers payant social,
/// allocation familiale, inscription ADEM, assurance dépendance) also allow a
/// durable grant of 365 days, the yearly rhythm of their reviews; aide sociale
/// allows 180 days, because its fields as needed are the most sensitive and its
/// follow-up is reviewed more often. One-off aids (prime énergie, garantie
/// locative, adresse de référence, salarié handicapé) allow one-shot grants only.
public struct TemplateCatalogue: Sendable {
  /// The version of the JSON layout this build reads.
  public static let format = 1

  /// The templates, in the order of their file.
  public let templates: [AidTemplate]
  private let byPurpose: [Purpose: AidTemplate]

  public init(_ templates: [AidTemplate]) throws(CatalogueError) {
    var byPurpose: [Purpose: AidTemplate] = [:]
    for template in templates {
      guard byPurpose.updateValue(template, forKey: template.purpose) == nil else {
        throw .duplicatePurpose(template.purpose)
      }
    }
    self.templates = templates
    self.byPurpose = byPurpose
  }

  /// Reads a templates file (`templates.json` layout, see `TemplateFile`).
  public init(json: Data) throws(CatalogueError) {
    try self.init(TemplateFile.decode(json))
  }

  public init(contentsOf url: URL) throws(CatalogueError) {
    let data: Data
    do { data = try Data(contentsOf: url) } catch { throw .unreadable }
    try self.init(json: data)
  }

  /// The templates shipped with this build.
  public static func bundled() throws(CatalogueError) -> TemplateCatalogue {
    guard let url = Bundle.module.url(forResource: "templates", withExtension: "json") else {
      throw .unreadable
    }
    return try TemplateCatalogue(contentsOf: url)
  }

  /// The templates shipped with this build. Their validity is checked by the
  /// tests, so a failure here is a broken build, not a runtime condition.
  public static let standard: TemplateCatalogue = {
    do { return try bundled() } catch { fatalError("bundled aid templates: \(error)") }
  }()

  public var purposes: [Purpose] { templates.map(\.purpose) }

  public subscript(purpose: Purpose) -> AidTemplate? { byPurpose[purpose] }

  public func template(for purpose: Purpose) throws(TemplateError) -> AidTemplate {
    guard let template = byPurpose[purpose] else { throw .unknownPurpose(purpose) }
    return template
  }

  /// Everything a grant's shape must satisfy for `purpose` (see `AidTemplate`).
  public func validate(
    purpose: Purpose, fields: some Sequence<FieldID>, kind: GrantKind, validity: Duration
  ) throws(TemplateError) {
    try template(for: purpose).validate(fields: fields, kind: kind, validity: validity)
  }
}
