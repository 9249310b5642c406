import Foundation

/// Turning what a person typed (or the file they gave) into a `FieldValue`:
/// validate, then normalise, so that equal meanings give equal values.
extension FieldDefinition {
  /// The largest `count` (children_count): beyond it, a typing mistake.
  public static let maximumCount = 99
  /// The most entries of a household or children list.
  public static let maximumEntries = 20

  /// Validates typed input against today in Luxembourg and the bundled communes.
  public func validate(_ input: String) throws(FieldValidationError) -> FieldValue {
    try validate(input, context: .current())
  }

  /// Validates typed input. Lists (`household_members`, `children`) are given
  /// as a JSON array of `HouseholdMemberInput` / `ChildInput` objects; the
  /// household also as typed text (`householdList`).
  public func validate(_ input: String, context: ValidationContext) throws(FieldValidationError)
    -> FieldValue
  {
    switch type {
    case .text: return .text(try TextRules.text(input))
    case .name: return .name(try TextRules.name(input))
    case .date: return .date(try CalendarDate.parse(input))
    case .pastDate: return .date(try CalendarDate.parsePast(input, today: context.today))
    case .matricule: return .matricule(try Matricule(validating: input, today: context.today))
    case .iban: return .iban(try IBAN(validating: input))
    case .amountCents: return .amountCents(try Amount.parseCents(input))
    case .email: return .email(try EmailAddress.normalise(input))
    case .phone: return .phone(try PhoneNumber.normalise(input))
    case .commune: return .commune(try context.communes.validate(input))
    case .civilStatus: return .civilStatus(try CivilStatus(validating: input))
    case .count: return .count(try Self.count(input))
    case .boolean: return .boolean(try Self.boolean(input))
    case .householdMembers:
      return try validate(householdMembers: Self.householdList(input), context: context)
    case .children:
      return try validate(children: Self.list(ChildInput.self, input), context: context)
    case .document: throw .fileExpected
    }
  }

  /// Validates a file for a document field (circle 4).
  public func validateDocument(_ bytes: [UInt8], mediaType: String) throws(FieldValidationError)
    -> FieldValue
  {
    guard type == .document else { throw .textExpected }
    return .document(try Document(validating: bytes, mediaType: mediaType))
  }

  private static func count(_ input: String) throws(FieldValidationError) -> Int {
    let trimmed = input.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw .empty }
    guard trimmed.allSatisfy(\.isASCIIDigitCharacter) else { throw .countFormat }
    guard trimmed.count <= 3, let n = Int(trimmed), n <= maximumCount else {
      throw .countTooLarge(maximum: maximumCount)
    }
    return n
  }

  private static let booleanWords: [String: Bool] = [
    "oui": true, "o": true, "yes": true, "y": true, "true": true, "vrai": true, "1": true,
    "non": false, "n": false, "no": false, "false": false, "faux": false, "0": false,
    // German and Portuguese (folded: "não" is "nao").
    "ja": true, "j": true, "sim": true, "s": true,
    "nein": false, "nao": false,
  ]

  private static func boolean(_ input: String) throws(FieldValidationError) -> Bool {
    let folded = TextRules.folded(input)
    guard !folded.isEmpty else { throw .empty }
    guard let answer = booleanWords[folded] else { throw .booleanUnknown }
    return answer
  }
}
