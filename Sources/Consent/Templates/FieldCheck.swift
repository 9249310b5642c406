import PSPWallet

/// How a requested set of fields compares with a template: what it asks beyond
/// the template (refused: data minimisation) and what it lacks for the aid to be
/// processed. Holds field ids only, never values.
public struct FieldCheck: Sendable, Hashable {
  /// Requested fields the template does not list at all.
  public let outside: [FieldID]
  /// Groups of alternatives from which more than one field was requested.
  public let overchosenAlternatives: [FieldAlternatives]
  /// Minimal fields not requested.
  public let missing: [FieldID]
  /// Groups of alternatives from which no field was requested.
  public let unchosenAlternatives: [FieldAlternatives]

  /// Nothing beyond the template: no outside field, at most one of each group.
  public var isWithinTemplate: Bool { outside.isEmpty && overchosenAlternatives.isEmpty }

  /// Everything the aid needs: every minimal field, one of each group.
  public var isComplete: Bool { missing.isEmpty && unchosenAlternatives.isEmpty }
}

extension AidTemplate {
  /// Compares `requested` with the template without refusing anything, for a
  /// client that shows the citizen what a request still lacks or over-asks.
  public func check(_ requested: some Sequence<FieldID>) -> FieldCheck {
    let asked = Set(requested)
    let counted = alternatives.map { group in (group, group.choices.filter(asked.contains).count) }
    return FieldCheck(
      outside: asked.subtracting(allowedFields).sorted(),
      overchosenAlternatives: counted.filter { $0.1 > 1 }.map(\.0),
      missing: minimalFields.filter { !asked.contains($0) }.sorted(),
      unchosenAlternatives: counted.filter { $0.1 == 0 }.map(\.0))
  }

  /// Refuses a field set that goes beyond the template or does not cover it.
  /// Over-asking is reported first: it is the refusal data minimisation exists for.
  public func validateFields(_ requested: some Sequence<FieldID>) throws(TemplateError) {
    let result = check(requested)
    if !result.outside.isEmpty { throw .fieldsOutsideTemplate(result.outside) }
    if let group = result.overchosenAlternatives.first {
      throw .moreThanOneAlternative(group.choices)
    }
    if !result.missing.isEmpty { throw .missingFields(result.missing) }
    if let group = result.unchosenAlternatives.first { throw .noAlternativeChosen(group.choices) }
  }

  /// Refuses a grant kind the aid does not allow, and a validity that is not
  /// positive or longer than the template's maximum for that kind.
  public func validateGrant(kind: GrantKind, validity: Duration) throws(TemplateError) {
    guard let days = maximalValidityDays[kind] else {
      switch kind {
      case .oneShot: throw .oneShotNotAllowed
      case .durable: throw .durableNotAllowed
      }
    }
    guard validity > .zero else { throw .validityNotPositive }
    guard validity <= .seconds(days * 86_400) else { throw .validityTooLong(maximumDays: days) }
  }

  /// Everything a grant's shape must satisfy before it is signed or used.
  public func validate(
    fields: some Sequence<FieldID>, kind: GrantKind, validity: Duration
  ) throws(TemplateError) {
    try validateFields(fields)
    try validateGrant(kind: kind, validity: validity)
  }
}
