import PSPWallet
import Testing

@Suite("Date validation")
struct DateValidationTests {
  let birthDate = field("birth_date")
  let anyDate = definition(of: .date)

  @Test(arguments: [
    ("1980-12-25", "1980-12-25"), ("25/12/1980", "1980-12-25"), ("25.12.1980", "1980-12-25"),
    ("25-12-1980", "1980-12-25"), ("5/1/1980", "1980-01-05"), (" 2000-02-29 ", "2000-02-29"),
    ("15/03/2026", "2026-03-15"),  // today is not the future
  ])
  func validPastDates(_ input: String, _ iso: String) throws {
    #expect(try birthDate.validate(input, context: testContext) == .date(Self.iso(iso)))
  }

  @Test(arguments: [
    ("2023-02-29", FieldValidationError.dateNotReal),
    ("31/04/2020", .dateNotReal),
    ("1900-02-29", .dateNotReal),  // 1900 is not a leap year
    ("16/03/2026", .dateInFuture),  // tomorrow
    ("2030-01-01", .dateInFuture),
    ("1850-06-01", .dateOutOfRange(earliestYear: 1900, latestYear: 2100)),
    ("25/12/80", .dateFormat),  // 2-digit year is ambiguous
    ("1980-13-01", .dateFormat),
    ("1980/12", .dateFormat),
    ("le 25 décembre 1980", .dateFormat),
    ("25/12-1980", .dateFormat),
    ("", .empty),
  ])
  func invalidPastDates(_ input: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try birthDate.validate(input, context: testContext)
      } == expected)
  }

  /// A plain date may be in the future, within the sensible range.
  @Test func plainDateAllowsTheFuture() throws {
    #expect(
      try anyDate.validate("2030-01-01", context: testContext) == .date(Self.iso("2030-01-01")))
    #expect(
      validationError { () throws(FieldValidationError) in
        try anyDate.validate("2101-01-01", context: testContext)
      }
        == .dateOutOfRange(earliestYear: 1900, latestYear: 2100))
  }

  @Test func calendarRules() {
    #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2023, month: 0, day: 1) == nil)
    #expect(CalendarDate(year: 2023, month: 6, day: 31) == nil)
  }

  @Test func writtenOutForPeople() {
    let date = Self.iso("1893-12-01")
    #expect(FieldValue.date(date).displayText(language: .french) == "1er décembre 1893")
    #expect(FieldValue.date(date).displayText(language: .english) == "1 December 1893")
    #expect(Self.iso("1980-08-25").displayText(language: .french) == "25 août 1980")
  }

  static func iso(_ s: String) -> CalendarDate {
    let parts = s.split(separator: "-").compactMap { Int($0) }
    return CalendarDate(year: parts[0], month: parts[1], day: parts[2])!
  }
}
