/// The household list as a person can type it, without JSON: one person per
/// entry, entries separated by ";" or new lines, each entry "surname, given
/// names, relation, birth date" and optionally ", matricule, monthly income":
///
///     Ferreira, Ana, enfant, 12/05/2015; Silva, João, conjoint, 03/02/1980
///
/// A JSON array (what the export writes) is still read as before.
extension FieldDefinition {
  static func householdList(_ input: String) throws(FieldValidationError) -> [HouseholdMemberInput]
  {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("[") { return try list(HouseholdMemberInput.self, input) }
    guard !trimmed.isEmpty else { throw .empty }
    let entries = trimmed.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    guard entries.count <= maximumEntries else { throw .tooManyEntries(maximum: maximumEntries) }
    var members: [HouseholdMemberInput] = []
    for entry in entries {
      let parts = entry.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard (4...6).contains(parts.count) else { throw .listFormat }
      func optional(_ index: Int) -> String? {
        index < parts.count && !parts[index].isEmpty ? parts[index] : nil
      }
      members.append(
        HouseholdMemberInput(
          givenNames: parts[1], surname: parts[0], relation: parts[2], birthDate: parts[3],
          matricule: optional(4), monthlyNetIncome: optional(5)))
    }
    return members
  }
}
