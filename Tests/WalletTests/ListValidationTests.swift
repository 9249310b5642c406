import PSPWallet
import Testing

@Suite("Household members and children")
struct ListValidationTests {
  let household = field("household_members")
  let children = field("children")

  @Test func householdFromJSON() throws {
    let input = """
      [{"given_names": "Marie", "surname": "Dupont", "relation": "conjointe", "birth_date": "03/03/1990",
        "matricule": "1990000012308", "monthly_net_income": "1 200,00 €"},
       {"given_names": "Léa", "surname": "Dupont", "relation": "fille", "birth_date": "2015-05-04", "matricule": " "}]
      """
    let value = try household.validate(input, context: testContext)
    guard case .householdMembers(let members) = value else {
      Issue.record("not a household")
      return
    }
    #expect(members.count == 2)
    #expect(members[0].relation == .spouse)
    #expect(members[0].birthDate == CalendarDate(year: 1990, month: 3, day: 3))
    #expect(members[0].matricule?.digits == "1990000012308")
    #expect(members[0].monthlyNetIncomeCents == 120_000)
    #expect(members[1].relation == .child)
    #expect(members[1].matricule == nil)
    #expect(members[1].monthlyNetIncomeCents == nil)
    #expect(
      value.displayText(language: .french)
        == "1. Marie Dupont — conjoint ou conjointe — date de naissance : 3 mars 1990 — matricule : 1990 0000 123 08 — revenu net par mois : 1\u{00A0}200,00\u{00A0}€\n2. Léa Dupont — enfant — date de naissance : 4 mai 2015"
    )
  }

  /// Errors inside a list say which line and which part, never the content.
  @Test(arguments: [
    (
      HouseholdMemberInput(
        givenNames: "Marie", surname: "Dupont", relation: "conjointe", birthDate: "2030-01-01"),
      FieldValidationError.entry(position: 1, part: .birthDate, .dateInFuture)
    ),
    (
      HouseholdMemberInput(
        givenNames: "Marie", surname: "Dupont", relation: "voisine", birthDate: "1990-01-01"),
      .entry(position: 1, part: .relation, .relationUnknown)
    ),
    (
      HouseholdMemberInput(
        givenNames: "Marie", surname: "Dupont", relation: "autre", birthDate: "1990-01-01",
        matricule: "1893120105733"),
      .entry(position: 1, part: .matricule, .matriculeCheckDigits(.verhoeff))
    ),
    (
      HouseholdMemberInput(
        givenNames: "Marie", surname: "Dupont", relation: "autre", birthDate: "1990-01-01",
        monthlyNetIncome: "-5"),
      .entry(position: 1, part: .monthlyNetIncome, .amountNegative)
    ),
    (
      HouseholdMemberInput(
        givenNames: "", surname: "Dupont", relation: "autre", birthDate: "1990-01-01"),
      .entry(position: 1, part: .givenNames, .empty)
    ),
  ])
  func invalidMember(_ member: HouseholdMemberInput, _ expected: FieldValidationError) {
    let ok = HouseholdMemberInput(
      givenNames: "Paul", surname: "Dupont", relation: "fils", birthDate: "2010-01-01")
    #expect(
      validationError { () throws(FieldValidationError) in
        try household.validate(householdMembers: [member], context: testContext)
      }
        == expected)
    guard case .entry(_, let part, let inner) = expected else { return }
    #expect(
      validationError { () throws(FieldValidationError) in
        try household.validate(householdMembers: [ok, member], context: testContext)
      } == .entry(position: 2, part: part, inner))
  }

  @Test func entryMessageNamesLineAndPart() {
    let error = FieldValidationError.entry(position: 2, part: .birthDate, .dateInFuture)
    #expect(
      error.message(in: .french)
        == "Ligne 2, date de naissance : Cette date est dans le futur. Elle doit être aujourd'hui ou avant."
    )
    #expect(
      error.message(in: .english)
        == "Entry 2, date of birth: This date is in the future. It must be today or earlier.")
  }

  @Test(arguments: ["not json", "{}", #"[{"given_names": "Marie"}]"#, "[1, 2]"])
  func unreadableList(_ input: String) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try household.validate(input, context: testContext)
      } == .listFormat)
  }

  @Test func tooManyEntries() {
    let one = ChildInput(givenNames: "Léa", birthDate: "2015-05-04")
    #expect(
      validationError { () throws(FieldValidationError) in
        try children.validate(children: Array(repeating: one, count: 21), context: testContext)
      } == .tooManyEntries(maximum: 20))
  }

  @Test func emptyListsAreAllowed() throws {
    #expect(try household.validate("[]", context: testContext) == .householdMembers([]))
    #expect(try children.validate("[]", context: testContext) == .children([]))
    #expect(FieldValue.children([]).displayText(language: .english) == "No children")
  }

  @Test func childrenFromJSON() throws {
    let input =
      #"[{"given_names": "Léa  Marie", "birth_date": "04.05.2015", "matricule": "2000022904568"}]"#
    let value = try children.validate(input, context: testContext)
    #expect(
      value
        == .children([
          Child(
            givenNames: "Léa Marie", birthDate: CalendarDate(year: 2015, month: 5, day: 4)!,
            matricule: try Matricule(validating: "2000022904568"))
        ]))
    #expect(
      value.displayText(language: .english)
        == "1. Léa Marie — date of birth: 4 May 2015 — national ID number: 2000 0229 045 68")
  }

  @Test func listEntryPointsCheckTheFieldType() {
    #expect(
      validationError { () throws(FieldValidationError) in
        try field("iban").validate(children: [], context: testContext)
      } == .textExpected)
  }
}
