import PSPConsent
import Testing

@Suite("Calendar: civil dates")
struct CivilDateTests {
  @Test func aLeapDayExistsOnlyInALeapYear() throws {
    #expect(throws: CalendarError.invalidDate) { try CivilDate(year: 2023, month: 2, day: 29) }
    #expect(try CivilDate(year: 2024, month: 2, day: 29).iso == "2024-02-29")
    // Century rule: 1900 was not a leap year, 2000 was.
    #expect(throws: CalendarError.invalidDate) { try CivilDate(iso: "1900-02-29") }
    #expect(try CivilDate(iso: "2000-02-29").day == 29)
  }

  @Test(arguments: ["2026-00-10", "2026-13-01", "2026-04-31", "2026-01-00", "2026-01-32"])
  func impossibleDatesAreRefused(_ text: String) {
    #expect(throws: CalendarError.invalidDate) { try CivilDate(iso: text) }
  }

  @Test(arguments: [
    "2026-4-6", "2026/04/06", "20260406", "2026-04-06T00:00", "２０２６-04-06", "-026-04-06", "",
  ])
  func onlyTheISOFormIsRead(_ text: String) {
    #expect(throws: CalendarError.malformedISODate) { try CivilDate(iso: text) }
  }

  @Test func yearsOutsideTheGregorianFourDigitRangeAreRefused() {
    #expect(throws: CalendarError.yearOutOfRange) { try CivilDate(year: 1582, month: 12, day: 31) }
    #expect(throws: CalendarError.yearOutOfRange) { try CivilDate(year: 10_000, month: 1, day: 1) }
    #expect(throws: CalendarError.yearOutOfRange) {
      try CivilDate(iso: "9999-12-31").adding(days: 1)
    }
  }

  @Test func isoRoundTrips() throws {
    for text in ["1583-01-01", "1970-01-01", "2024-02-29", "2026-12-31", "9999-12-31"] {
      #expect(try CivilDate(iso: text).iso == text)
    }
  }

  @Test func weekdaysOfKnownDates() throws {
    #expect(try CivilDate(iso: "1970-01-01").weekday == .thursday)
    #expect(try CivilDate(iso: "2000-01-01").weekday == .saturday)
    #expect(try CivilDate(iso: "2026-04-06").weekday == .monday)  // Easter Monday
    #expect(try CivilDate(iso: "2026-05-14").weekday == .thursday)  // Ascension
    #expect(try CivilDate(iso: "2025-12-25").weekday == .thursday)
    #expect(try CivilDate(iso: "1583-01-01").weekday == .saturday)
  }

  @Test func addingDaysCrossesMonthsYearsAndLeapDays() throws {
    let start = try CivilDate(iso: "2024-02-28")
    #expect(try start.adding(days: 1).iso == "2024-02-29")
    #expect(try start.adding(days: 2).iso == "2024-03-01")
    #expect(try start.adding(days: 366).iso == "2025-02-28")
    #expect(try CivilDate(iso: "2025-12-31").adding(days: 1).iso == "2026-01-01")
    #expect(try CivilDate(iso: "2026-01-01").adding(days: -1).iso == "2025-12-31")
    #expect(try CivilDate(iso: "2000-03-01").adding(days: -1).iso == "2000-02-29")
  }

  @Test func daysSinceTheUnixEpoch() throws {
    #expect(try CivilDate(iso: "1970-01-01").daysSinceUnixEpoch == 0)
    // 2000-01-01T00:00:00Z is Unix time 946684800 = 10957 × 86400.
    #expect(try CivilDate(iso: "2000-01-01").daysSinceUnixEpoch == 10_957)
    #expect(try CivilDate(daysSinceUnixEpoch: -1).iso == "1969-12-31")
    // Every day of four years maps back to itself, month lengths included.
    var date = try CivilDate(iso: "2023-01-01")
    for n in 19_358..<(19_358 + 4 * 366) {
      #expect(date.daysSinceUnixEpoch == n)
      #expect(try CivilDate(daysSinceUnixEpoch: n) == date)
      date = try date.adding(days: 1)
    }
  }

  @Test func datesOrderChronologically() throws {
    #expect(try CivilDate(iso: "2025-12-31") < CivilDate(iso: "2026-01-01"))
    #expect(try CivilDate(iso: "2026-02-01") > CivilDate(iso: "2026-01-31"))
  }

  @Test func errorsDoNotRepeatTheDate() {
    // A date may be a birth date: refusals must not echo it.
    for error in [CalendarError.invalidDate, .malformedISODate] {
      #expect(!error.description.contains("2023"))
    }
  }
}
