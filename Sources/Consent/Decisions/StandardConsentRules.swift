import PSPWallet

/// The real `ConsentRules`: the aid templates, the registry of administrations
/// and the circles of the field catalogue.
public struct StandardConsentRules: ConsentRules {
  public let templates: TemplateCatalogue
  public let registry: AdministrationRegistry
  private let circles: @Sendable (FieldID) -> Circle?

  public init(
    templates: TemplateCatalogue = .standard, registry: AdministrationRegistry,
    circles: @escaping @Sendable (FieldID) -> Circle?
  ) {
    self.templates = templates
    self.registry = registry
    self.circles = circles
  }

  public func circle(of field: FieldID) -> Circle? { circles(field) }

  public func isKnownPurpose(_ purpose: Purpose) -> Bool { templates[purpose] != nil }

  public func checkGrant(
    purpose: Purpose, fields: [FieldID], validitySeconds: Int64, kind: GrantKind, grantee: String
  ) throws(ConsentRefusal) {
    guard let template = templates[purpose] else { throw .unknownPurpose(purpose) }
    // Within the template, not necessarily complete: a citizen may grant
    // fewer fields than the aid lists (and the administration may then ask).
    let check = template.check(fields)
    guard check.outside.isEmpty else { throw .fieldsOutsideTemplate(check.outside) }
    if let group = check.overchosenAlternatives.first {
      throw .fieldsOutsideTemplate(group.choices.filter(fields.contains))
    }
    do {
      try template.validateGrant(kind: kind, validity: .seconds(validitySeconds))
    } catch {
      throw ConsentRefusal(error)
    }
    guard let administration = registry.administration(keyID: grantee),
      administration.mayProcess(purpose: purpose), template.mayBeProcessed(by: administration.kind)
    else { throw .granteeNotRegistered }
  }
}

extension ConsentRefusal {
  /// The consent refusal a template refusal becomes.
  public init(_ error: TemplateError) {
    switch error {
    case .unknownPurpose(let purpose): self = .unknownPurpose(purpose)
    case .fieldsOutsideTemplate(let fields), .moreThanOneAlternative(let fields):
      self = .fieldsOutsideTemplate(fields)
    case .missingFields, .noAlternativeChosen: self = .notAllowed(error.description)
    case .validityTooLong(let days): self = .validityTooLong(maximumDays: days)
    case .validityNotPositive: self = .malformed("validity")
    case .oneShotNotAllowed: self = .useNotAllowed(GrantKind.oneShot.rawValue)
    case .durableNotAllowed: self = .useNotAllowed(GrantKind.durable.rawValue)
    }
  }
}
