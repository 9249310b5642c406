import PSPWallet
import Testing

@Suite("Matricule validation")
struct MatriculeValidationTests {
  let matricule = field("matricule")

  /// The published example, and numbers whose check digits were computed
  /// independently of this code (month or day 00, leap day).
  @Test(arguments: [
    "1893120105732", "1893 1201 057 32", "1990000012308", "1985001600749", "2000022904568",
    "1985123101211",
  ])
  func valid(_ input: String) throws {
    let value = try matricule.validate(input, context: testContext)
    guard case .matricule(let m) = value else {
      Issue.record("not a matricule value")
      return
    }
    #expect(m.digits == input.filter { $0 != " " })
    #expect(m.grouped.filter { $0 != " " } == m.digits)
  }

  @Test(arguments: [
    // The published invalid example.
    ("1893120105733", FieldValidationError.matriculeCheckDigits(.verhoeff)),
    ("1893120105731", .matriculeCheckDigits(.verhoeff)),  // Luhn right, Verhoeff wrong
    ("1893120105742", .matriculeCheckDigits(.luhn)),  // Luhn wrong, Verhoeff right
    ("1893130105727", .matriculeDate),  // month 13, check digits right
    ("1893023000182", .matriculeDate),  // 30 February, check digits right
    ("2023022900122", .matriculeDate),  // 29 February 2023, check digits right
    ("3000010100105", .matriculeDate),  // after today, check digits right
    ("189312010573", .matriculeLength),
    ("18931201057321", .matriculeLength),
    ("18931201057AB", .matriculeNotDigits),
    ("ABCDEFGHIJKLM", .matriculeNotDigits),
    ("", .empty),
  ])
  func invalid(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try matricule.validate(input, context: testContext)
      } == expected)
  }

  @Test func messagesAreActionable() {
    #expect(
      FieldValidationError.matriculeLength.message(in: .french)
        == "Le matricule doit avoir 13 chiffres.")
    #expect(
      FieldValidationError.matriculeCheckDigits(.verhoeff).message(in: .english)
        == "The check digits do not match: please check the number on your ID card.")
  }

  @Test func descriptionNeverShowsTheDigits() throws {
    let m = try Matricule(validating: "1893120105732")
    #expect(!String(describing: m).contains("1893"))
    #expect(!String(describing: FieldValue.matricule(m)).contains("1893"))
  }
}
