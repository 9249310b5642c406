import PSPWallet
import Testing

@Suite("Amount validation")
struct AmountValidationTests {
  let rent = field("rent_amount")

  @Test(arguments: [
    ("1234.50", 123_450), ("1 234,50 €", 123_450), ("1234,5", 123_450), ("1.234,50", 123_450),
    ("1,234.50", 123_450), ("1.234", 123_400), ("1,234", 123_400), ("1 234", 123_400),
    ("€ 850", 85_000),
    ("850 EUR", 85_000), ("850 euros", 85_000), ("0", 0), ("0,99", 99),
    ("1.234.567,89", 123_456_789),
    ("1\u{00A0}234,50\u{00A0}€", 123_450), ("12'500", 1_250_000),
    ("12,345", 1_234_500),  // a single separator before 3 digits groups thousands
  ])
  func valid(_ input: String, _ cents: Int64) throws {
    #expect(try rent.validate(input, context: testContext) == .amountCents(cents))
  }

  @Test(arguments: [
    ("-50", FieldValidationError.amountNegative),
    ("€ -12,00", .amountNegative),
    ("0,125", .amountTooPrecise),
    ("12.3456", .amountTooPrecise),
    ("1,234.567", .amountTooPrecise),
    ("12 34", .amountFormat),
    ("1.23.45", .amountFormat),
    ("12a", .amountFormat),
    ("douze", .amountFormat),
    ("€", .amountFormat),
    ("12.", .amountFormat),
    ("10000001", .amountTooLarge),
    ("99999999999999999999", .amountTooLarge),
    ("", .empty),
  ])
  func invalid(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try rent.validate(input, context: testContext)
      } == expected)
  }

  @Test func writtenInEachLanguage() {
    #expect(
      FieldValue.amountCents(123_450).displayText(language: .french) == "1\u{00A0}234,50\u{00A0}€")
    #expect(FieldValue.amountCents(123_450).displayText(language: .english) == "€1,234.50")
    #expect(FieldValue.amountCents(5).displayText(language: .english) == "€0.05")
    #expect(FieldValue.amountCents(100_000_000).displayText(language: .english) == "€1,000,000.00")
  }
}
