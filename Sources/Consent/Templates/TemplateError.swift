import PSPWallet

/// Why a request does not fit the template of its purpose. Messages name field
/// ids and limits only: never a value, never who asked.
public enum TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No template exists for the purpose.
  case unknownPurpose(Purpose)
  /// The request asks for fields the template does not list (data minimisation).
  case fieldsOutsideTemplate([FieldID])
  /// The request asks for more than one field of a group of alternatives.
  case moreThanOneAlternative([FieldID])
  /// The request lacks minimal fields of the template.
  case missingFields([FieldID])
  /// The request asks for none of the fields of a group of alternatives.
  case noAlternativeChosen([FieldID])
  /// The validity is longer than the template allows for that kind of grant.
  case validityTooLong(maximumDays: Int)
  /// The validity is zero or negative.
  case validityNotPositive
  /// The aid does not allow one-shot grants.
  case oneShotNotAllowed
  /// The aid does not allow durable grants.
  case durableNotAllowed

  public var description: String {
    switch self {
    case .unknownPurpose(let purpose):
      "no aid template for purpose \(purpose); hint: check the purpose id or update the templates"
    case .fieldsOutsideTemplate(let fields):
      "the aid's template does not allow these fields: \(Self.list(fields)); hint: remove them"
    case .moreThanOneAlternative(let fields):
      "only one of \(Self.list(fields)) may be given; hint: keep the one the citizen chooses"
    case .missingFields(let fields):
      "the aid needs these fields too: \(Self.list(fields))"
    case .noAlternativeChosen(let fields):
      "the aid needs one of \(Self.list(fields)); hint: the citizen chooses which"
    case .validityTooLong(let days):
      "the validity is longer than this aid allows (at most \(days) days); hint: shorten it"
    case .validityNotPositive:
      "the validity must end after it starts"
    case .oneShotNotAllowed:
      "this aid does not allow a one-shot grant; hint: ask for a durable one"
    case .durableNotAllowed:
      "this aid does not allow a durable grant; hint: ask for a one-shot one"
    }
  }

  private static func list(_ fields: [FieldID]) -> String {
    fields.map(\.rawValue).joined(separator: ", ")
  }
}
