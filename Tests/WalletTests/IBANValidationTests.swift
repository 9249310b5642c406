import PSPWallet
import Testing

@Suite("IBAN validation")
struct IBANValidationTests {
  let iban = field("iban")

  /// Registry examples (SWIFT IBAN Registry / ECBS), checked independently.
  @Test(arguments: [
    ("LU28 0019 4006 4475 0000", "LU280019400644750000"),
    ("lu28 0019 4006 4475 0000", "LU280019400644750000"),
    ("BE68 5390 0754 7034", "BE68539007547034"),
    ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
    ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
    ("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
    ("PT50 0002 0123 1234 5678 9015 4", "PT50000201231234567890154"),
    ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
  ])
  func valid(_ input: String, _ compact: String) throws {
    let value = try iban.validate(input, context: testContext)
    guard case .iban(let i) = value else {
      Issue.record("not an IBAN value")
      return
    }
    #expect(i.compact == compact)
  }

  @Test(arguments: [
    ("LU28 0019 4006 4475 0001", FieldValidationError.ibanCheckDigits),  // one digit changed
    ("LU29 0019 4006 4475 0000", .ibanCheckDigits),  // check digits changed
    ("DE89 3704 0044 0532 0130 01", .ibanCheckDigits),
    ("LU28 0019 4006 4475 000", .ibanLength(expected: 20...20)),
    ("BE68 5390 0754 70344", .ibanLength(expected: 16...16)),
    ("FR14 2004 1010 0505 0001 3M02 60", .ibanLength(expected: 27...27)),
    ("XX12 3456", .ibanLength(expected: 15...34)),
    ("1U28 0019 4006 4475 0000", .ibanCountry),
    ("L", .ibanCountry),
    ("LU28 0019 4006 4475 000!", .ibanCharacters),
    ("LUAB 0019 4006 4475 0000", .ibanCheckDigits),
    ("", .empty),
  ])
  func invalid(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try iban.validate(input, context: testContext)
      } == expected)
  }

  @Test func groupedForPrinting() throws {
    let i = try IBAN(validating: "LU280019400644750000")
    #expect(i.grouped == "LU28 0019 4006 4475 0000")
    #expect(FieldValue.iban(i).displayText(language: .french) == "LU28 0019 4006 4475 0000")
  }
}
