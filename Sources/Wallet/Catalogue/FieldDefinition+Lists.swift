import Foundation

/// Validation of the list fields (`household_members`, `children`): each part
/// of each entry follows its own type's rules, and an error says which line
/// and which part is wrong.
extension FieldDefinition {
  public func validate(householdMembers entries: [HouseholdMemberInput], context: ValidationContext)
    throws(FieldValidationError) -> FieldValue
  {
    guard type == .householdMembers else { throw .textExpected }
    guard entries.count <= Self.maximumEntries else {
      throw .tooManyEntries(maximum: Self.maximumEntries)
    }
    var members: [HouseholdMember] = []
    for (index, entry) in entries.enumerated() {
      let part = EntryParts(position: index + 1)
      members.append(
        HouseholdMember(
          givenNames: try part(.givenNames) { () throws(FieldValidationError) in
            try TextRules.name(entry.givenNames)
          },
          surname: try part(.surname) { () throws(FieldValidationError) in
            try TextRules.name(entry.surname)
          },
          relation: try part(.relation) { () throws(FieldValidationError) in
            try Relation(validating: entry.relation)
          },
          birthDate: try part(.birthDate) { () throws(FieldValidationError) in
            try CalendarDate.parsePast(entry.birthDate, today: context.today)
          },
          matricule: try part(.matricule) { () throws(FieldValidationError) in
            try Self.present(entry.matricule).map { s throws(FieldValidationError) in
              try Matricule(validating: s, today: context.today)
            }
          },
          monthlyNetIncomeCents: try part(.monthlyNetIncome) { () throws(FieldValidationError) in
            try Self.present(entry.monthlyNetIncome).map { s throws(FieldValidationError) in
              try Amount.parseCents(s)
            }
          }))
    }
    return .householdMembers(members)
  }

  public func validate(children entries: [ChildInput], context: ValidationContext)
    throws(FieldValidationError) -> FieldValue
  {
    guard type == .children else { throw .textExpected }
    guard entries.count <= Self.maximumEntries else {
      throw .tooManyEntries(maximum: Self.maximumEntries)
    }
    var children: [Child] = []
    for (index, entry) in entries.enumerated() {
      let part = EntryParts(position: index + 1)
      children.append(
        Child(
          givenNames: try part(.givenNames) { () throws(FieldValidationError) in
            try TextRules.name(entry.givenNames)
          },
          surname: try part(.surname) { () throws(FieldValidationError) in
            try Self.present(entry.surname).map { s throws(FieldValidationError) in
              try TextRules.name(s)
            }
          },
          birthDate: try part(.birthDate) { () throws(FieldValidationError) in
            try CalendarDate.parsePast(entry.birthDate, today: context.today)
          },
          matricule: try part(.matricule) { () throws(FieldValidationError) in
            try Self.present(entry.matricule).map { s throws(FieldValidationError) in
              try Matricule(validating: s, today: context.today)
            }
          }))
    }
    return .children(children)
  }

  /// An optional part left blank is absent, not an error.
  private static func present(_ s: String?) -> String? {
    guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    return s
  }

  /// Reads the JSON array a form sends as the text of a list field.
  static func list<T: Decodable>(_ type: T.Type, _ input: String)
    throws(FieldValidationError) -> [T]
  {
    guard !input.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty }
    guard let entries = try? JSONDecoder().decode([T].self, from: Data(input.utf8)) else {
      throw .listFormat
    }
    return entries
  }
}

/// Attaches the entry's position and part to an error inside a list, so that
/// the person knows which line to fix without the message quoting it.
private struct EntryParts {
  let position: Int

  func callAsFunction<T>(
    _ part: FieldValidationError.EntryPart, _ body: () throws(FieldValidationError) -> T
  ) throws(FieldValidationError) -> T {
    do {
      return try body()
    } catch {
      throw .entry(position: position, part: part, error)
    }
  }
}
