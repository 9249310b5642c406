import PSPWallet
import Testing

@Suite("Text, names and choices")
struct TextValidationTests {
  @Test(arguments: [
    ("Dupont", "Dupont"), ("  Marie   Claire ", "Marie Claire"), ("D’Souza", "D'Souza"),
    ("Jean‐Pierre", "Jean-Pierre"),
    ("Müller-Lüdenscheidt", "Müller-Lüdenscheidt"), ("O'Neill St. John", "O'Neill St. John"),
    ("Ngũgĩ", "Ngũgĩ"), ("Łukasz", "Łukasz"), ("Αλέξανδρος", "Αλέξανδρος"),
  ])
  func validNames(_ input: String, _ stored: String) throws {
    #expect(try field("surname").validate(input, context: testContext) == .name(stored))
  }

  /// A name typed with a combining accent is stored precomposed (NFC), so the
  /// two spellings give the same canonical bytes.
  @Test func namesAreStoredInNFC() throws {
    let decomposed = try field("surname").validate("Rene\u{0301}", context: testContext)
    let precomposed = try field("surname").validate("Ren\u{00E9}", context: testContext)
    #expect(decomposed.encoded() == precomposed.encoded())
  }

  @Test(arguments: [
    ("Dupont2", FieldValidationError.notAName), ("<script>", .notAName), ("---", .notAName),
    ("Du\u{202E}pont", .forbiddenCharacters), ("Du\u{200B}pont", .forbiddenCharacters),
    ("Du\u{0000}pont", .forbiddenCharacters),
    (String(repeating: "a", count: 101), .tooLong(maximum: 100)), ("   ", .empty),
  ])
  func invalidNames(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try field("surname").validate(input, context: testContext)
      } == expected)
  }

  @Test func textKeepsLinesAndTrims() throws {
    let input = "  12, rue de la Gare  \r\nL-1234 Luxembourg\t\n\n"
    #expect(
      try field("address").validate(input, context: testContext)
        == .text("12, rue de la Gare\nL-1234 Luxembourg"))
  }

  @Test func textLimits() {
    let address = field("address")
    #expect(
      validationError { () throws(FieldValidationError) in
        try address.validate(" \n ", context: testContext)
      } == .empty)
    #expect(
      validationError { () throws(FieldValidationError) in
        try address.validate(String(repeating: "x", count: 2001), context: testContext)
      }
        == .tooLong(maximum: 2000))
    #expect(
      validationError { () throws(FieldValidationError) in
        try address.validate("rue\u{2066}x", context: testContext)
      } == .forbiddenCharacters)
  }

  @Test(arguments: [
    ("célibataire", CivilStatus.single), ("Marié(e)", .married), ("mariee", .married),
    ("PACS", .registeredPartnership),
    ("partenariat déclaré", .registeredPartnership), ("divorced", .divorced), ("Veuve", .widowed),
    ("séparée", .separated),
    ("registered_partnership", .registeredPartnership),
  ])
  func civilStatuses(_ input: String, _ status: CivilStatus) throws {
    #expect(try field("civil_status").validate(input, context: testContext) == .civilStatus(status))
  }

  @Test func unknownCivilStatus() {
    #expect(
      validationError { () throws(FieldValidationError) in
        try field("civil_status").validate("compliqué", context: testContext)
      }
        == .civilStatusUnknown)
  }

  @Test(arguments: [
    ("oui", true), ("Non", false), ("YES", true), ("no", false), ("1", true), ("0", false),
  ])
  func booleans(_ input: String, _ answer: Bool) throws {
    #expect(
      try field("property_ownership").validate(input, context: testContext) == .boolean(answer))
  }

  @Test func booleanNeedsYesOrNo() {
    #expect(
      validationError { () throws(FieldValidationError) in
        try field("caregiver_status").validate("peut-être", context: testContext)
      }
        == .booleanUnknown)
  }

  @Test(arguments: [("0", 0), ("3", 3), (" 12 ", 12), ("99", 99)])
  func counts(_ input: String, _ n: Int) throws {
    #expect(try field("children_count").validate(input, context: testContext) == .count(n))
  }

  @Test(arguments: [
    ("-1", FieldValidationError.countFormat), ("deux", .countFormat), ("2.5", .countFormat),
    ("100", .countTooLarge(maximum: 99)), ("", .empty),
  ])
  func invalidCounts(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try field("children_count").validate(input, context: testContext)
      } == expected)
  }
}
