import PSPWallet
import Testing

@Suite("E-mail and phone validation")
struct ContactValidationTests {
  let email = field("email")
  let phone = field("phone")

  @Test(arguments: [
    ("marie.dupont@example.lu", "marie.dupont@example.lu"),
    ("  Marie.Dupont@Example.LU ", "Marie.Dupont@example.lu"),
    ("a+tag@mail.example.com", "a+tag@mail.example.com"),
    ("o'brien@xn--bcher-kva.de", "o'brien@xn--bcher-kva.de"),
  ])
  func validEmails(_ input: String, _ stored: String) throws {
    #expect(try email.validate(input, context: testContext) == .email(stored))
  }

  @Test(arguments: [
    "marie.dupont", "marie@", "@example.lu", "marie@@example.lu", "marie@example",
    "marie@example.l",
    "marie..dupont@example.lu", ".marie@example.lu", "marie dupont@example.lu", "marie@-example.lu",
    "marie@example.123", "marie@exa_mple.lu", "mari€@example.lu",
  ])
  func invalidEmails(_ input: String) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try email.validate(input, context: testContext)
      } == .emailFormat)
  }

  @Test(arguments: [
    ("621 123 456", "+352621123456"),  // mobile, 9 digits
    ("26 12 34", "+352261234"),  // fixed line, 6 digits
    ("4796-2929", "+35247962929"),  // 8 digits
    ("+352 621 123 456", "+352621123456"),
    ("00352 621 123 456", "+352621123456"),
    ("+33 6 12 34 56 78", "+33612345678"),
  ])
  func validPhones(_ input: String, _ stored: String) throws {
    #expect(try phone.validate(input, context: testContext) == .phone(stored))
  }

  @Test(arguments: [
    ("06 12 34 56 78", FieldValidationError.phoneCountryCodeNeeded),  // a French number without +33
    ("0621123456", .phoneCountryCodeNeeded),
    ("4912345678901", .phoneCountryCodeNeeded),
    ("12345", .phoneLength),
    ("+352 12", .phoneLength),
    ("+352 1234 5678 9012", .phoneLength),
    ("+1234567890123456", .phoneLength),
    ("+0352621123456", .phoneFormat),
    ("621 ABC 456", .phoneFormat),
    ("+", .phoneFormat),
    ("", .empty),
  ])
  func invalidPhones(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try phone.validate(input, context: testContext)
      } == expected)
  }
}
