import PSPWallet
import Testing

/// Validation errors reach screens, logs and support tickets: they must say
/// what is wrong without repeating the personal data that was typed.
@Suite("Errors never echo the input")
struct ErrorPrivacyTests {
  @Test(
    arguments: [
      ("matricule", "1893120105733"), ("matricule", "18931201057"),
      ("matricule", "1893 1301 057 27"),
      ("matricule", "18931201057AB"), ("iban", "LU28 0019 4006 4475 0001"),
      ("iban", "LU28 0019 4006 4475 000"),
      ("iban", "1U28 0019 4006 4475 0000"), ("iban", "LU28 0019 4006 4475 000!"),
      ("birth_date", "2023-02-29"),
      ("birth_date", "2031-07-19"), ("birth_date", "19/07/31"), ("birth_date", "1850-06-01"),
      ("rent_amount", "-9876,50"), ("rent_amount", "98.7654"), ("rent_amount", "98 76"),
      ("rent_amount", "zorglub"),
      ("email", "zorglub..marsu@palombie.lu"), ("email", "zorglub@palombie"),
      ("phone", "06 98 76 54 32"),
      ("phone", "+352 98"), ("phone", "+352 98a7"), ("commune", "Palombie-la-Grande"),
      ("surname", "Zorglub9"),
      ("surname", "Zorg\u{202E}lub"), ("surname", String(repeating: "Zorglub", count: 20)),
      ("civil_status", "zorglubien"), ("property_ownership", "zorglub"), ("children_count", "9876"),
      (
        "household_members",
        #"[{"given_names": "Zorglub", "surname": "Marsu", "relation": "ami", "birth_date": "2031-07-19"}]"#
      ),
      (
        "household_members",
        #"[{"given_names": "Zorglub7", "surname": "Marsu", "relation": "ami", "birth_date": "1990-01-01"}]"#
      ),
      (
        "household_members",
        #"[{"given_names": "Zorglub", "surname": "Marsu", "relation": "palombien", "birth_date": "1990-01-01"}]"#
      ),
      (
        "children",
        #"[{"given_names": "Zorglub", "birth_date": "1990-01-01", "matricule": "1893120105733"}]"#
      ),
      ("lease", "Zorglub"),
    ] as [(FieldID, String)])
  func messagesDoNotContainTheInput(_ id: FieldID, _ input: String) throws {
    let error = try #require(
      validationError { () throws(FieldValidationError) in
        try field(id).validate(input, context: testContext)
      })
    let texts =
      Language.allCases.map { error.message(in: $0) } + [
        error.description, String(describing: error),
      ]
    for text in texts {
      for fragment in Self.fragments(of: input) {
        #expect(!text.contains(fragment), "an error message of \(id) repeats part of the input")
      }
    }
  }

  /// The whole input, and every run of 6 characters of it once the JSON
  /// punctuation is set aside: enough to recognise a name, a date or a number.
  static func fragments(of input: String) -> Set<String> {
    var result: Set<String> = [input.trimmingCharacters(in: .whitespaces)]
    for piece in input.split(whereSeparator: { "\"{}[],:".contains($0) }) {
      let chars = Array(piece.trimmingCharacters(in: .whitespaces))
      if chars.count < 6 { continue }
      for start in 0...(chars.count - 6) {
        let fragment = String(chars[start..<start + 6])
        if !Self.jsonKeys.contains(where: { $0.contains(fragment) }) { result.insert(fragment) }
      }
    }
    return result
  }

  static let jsonKeys = [
    "given_names", "surname", "relation", "birth_date", "matricule", "monthly_net_income",
  ]

  @Test func everyMessageExistsInBothLanguages() {
    let errors: [FieldValidationError] = [
      .empty, .tooLong(maximum: 100), .forbiddenCharacters, .notAName, .matriculeLength,
      .matriculeNotDigits,
      .matriculeDate, .matriculeCheckDigits(.luhn), .ibanCharacters, .ibanCountry,
      .ibanLength(expected: 20...20),
      .ibanLength(expected: 15...34), .ibanCheckDigits, .dateFormat, .dateNotReal, .dateInFuture,
      .dateOutOfRange(earliestYear: 1900, latestYear: 2100), .amountFormat, .amountNegative,
      .amountTooPrecise,
      .amountTooLarge, .emailFormat, .phoneFormat, .phoneCountryCodeNeeded, .phoneLength,
      .communeUnknown,
      .civilStatusUnknown, .relationUnknown, .booleanUnknown, .countFormat,
      .countTooLarge(maximum: 99),
      .fileExpected, .textExpected, .documentEmpty,
      .documentTooLarge(maximumBytes: Document.maximumBytes),
      .documentMediaType, .documentContentMismatch, .listFormat, .tooManyEntries(maximum: 20),
      .entry(position: 1, part: .surname, .notAName),
    ]
    for error in errors {
      let fr = error.message(in: .french)
      let en = error.message(in: .english)
      #expect(!fr.isEmpty && !en.isEmpty && fr != en)
      #expect(error.description == fr)
    }
  }
}
