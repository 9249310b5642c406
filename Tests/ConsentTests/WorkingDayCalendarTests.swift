import PSPConsent
import Testing

private func date(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }

@Suite("Calendar: Easter and the legal holidays")
struct HolidayTests {
  @Test(arguments: [
    (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
    (2000, "2000-04-23"), (2038, "2038-04-25"),
    // The earliest and latest dates Easter can take, and a Sunday-1 April year.
    (1818, "1818-03-22"), (1943, "1943-04-25"), (1956, "1956-04-01"),
  ])
  func easterSunday(_ year: Int, _ expected: String) throws {
    let easter = try Easter.sunday(in: year)
    #expect(easter.iso == expected)
    #expect(easter.weekday == .sunday)
  }

  @Test func checkDatesOfAidsMd() throws {
    let holidays2026 = try Set(LuxembourgHolidays.holidays(in: 2026).map(\.date.iso))
    let holidays2027 = try Set(LuxembourgHolidays.holidays(in: 2027).map(\.date.iso))
    // Easter Monday, Ascension, Whit Monday.
    #expect(holidays2026.isSuperset(of: ["2026-04-06", "2026-05-14", "2026-05-25"]))
    #expect(holidays2027.isSuperset(of: ["2027-03-29", "2027-05-06", "2027-05-17"]))
  }

  @Test func theElevenHolidaysOf2026() throws {
    let holidays = try LuxembourgHolidays.holidays(in: 2026)
    #expect(
      holidays.map(\.date.iso) == [
        "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-09", "2026-05-14", "2026-05-25",
        "2026-06-23", "2026-08-15", "2026-11-01", "2026-12-25", "2026-12-26",
      ])
    #expect(holidays.first { $0.date.iso == "2026-06-23" }?.name == "Fête nationale")
  }

  @Test func europeDayIsAHolidayFrom2019() throws {
    #expect(!LuxembourgHolidays.isHoliday(try date("2018-05-09")))
    #expect(LuxembourgHolidays.isHoliday(try date("2019-05-09")))
  }

  @Test func ordinaryDaysAreNotHolidays() throws {
    #expect(!LuxembourgHolidays.isHoliday(try date("2026-04-05")))  // Easter Sunday itself
    #expect(!LuxembourgHolidays.isHoliday(try date("2026-04-07")))
    #expect(!LuxembourgHolidays.isHoliday(try date("2026-12-24")))
  }
}

/// The 25 working days of RGD 8 November 2010, art. 12, counted from the day
/// after registration. Every expected date is worked out by hand in the
/// comments: "n" is the n-th working day, "-" a day that does not count.
@Suite("Calendar: decision deadlines")
struct DeadlineTests {
  static let monToSat = WorkingDayCalendar()
  static let monToFri = WorkingDayCalendar(week: .mondayToFriday)

  @Test func saturdaysCountByDefault() throws {
    #expect(Self.monToSat.week == .mondayToSaturday)
    #expect(Self.monToSat.isWorkingDay(try date("2026-04-11")))  // Saturday
    #expect(!Self.monToFri.isWorkingDay(try date("2026-04-11")))
    #expect(!Self.monToSat.isWorkingDay(try date("2026-04-12")))  // Sunday
    #expect(!Self.monToSat.isWorkingDay(try date("2026-04-06")))  // Easter Monday
  }

  @Test func oneWorkingDayAfterASaturdayBeforeEaster() throws {
    // Registered Sat 2026-04-04: 04-05 Sun -, 04-06 Easter Monday -, 04-07 Tue 1.
    #expect(
      try Self.monToSat.deadline(registeredOn: date("2026-04-04"), workingDays: 1).iso
        == "2026-04-07")
    #expect(
      try Self.monToFri.deadline(registeredOn: date("2026-04-04"), workingDays: 1).iso
        == "2026-04-07")
  }

  @Test func theRegistrationDayNeverCounts() throws {
    // Registered Thu 2026-04-02, a working day: the count starts on Fri 04-03.
    #expect(
      try Self.monToSat.deadline(registeredOn: date("2026-04-02"), workingDays: 1).iso
        == "2026-04-03")
  }

  /// Easter Monday and 1 May 2026. Registered Thu 2026-04-02.
  @Test func acrossEasterMondayAndLabourDay2026() throws {
    // Mon–Sat: 04-03 Fri 1, 04 Sat 2, 05 Sun -, 06 Easter Monday -, 07–11 Tue–Sat 3–7,
    // 12 Sun -, 13–18 8–13, 19 -, 20–25 14–19, 26 -, 27–30 Mon–Thu 20–23,
    // 05-01 Fri holiday -, 05-02 Sat 24, 05-03 Sun -, 05-04 Mon 25.
    #expect(
      try Self.monToSat.deadline(registeredOn: date("2026-04-02"), workingDays: 25).iso
        == "2026-05-04")
    // Mon–Fri: 04-03 Fri 1, 04-07–10 Tue–Fri 2–5, 04-13–17 6–10, 04-20–24 11–15,
    // 04-27–30 Mon–Thu 16–19, 05-01 holiday -, 05-04–08 20–24, 05-11 Mon 25.
    #expect(
      try Self.monToFri.deadline(registeredOn: date("2026-04-02"), workingDays: 25).iso
        == "2026-05-11")
  }

  /// 1 May (Thu), 9 May (Fri), Ascension (Thu 29 May) and Whit Monday (9 June)
  /// 2025. Registered Wed 2025-04-30.
  @Test func acrossEuropeDayAscensionAndWhitMonday2025() throws {
    // Mon–Sat: 05-01 Thu holiday -, 02 Fri 1, 03 Sat 2, 04 Sun -, 05–08 Mon–Thu 3–6,
    // 09 Fri Europe Day -, 10 Sat 7, 11 -, 12–17 8–13, 18 -, 19–24 14–19, 25 -,
    // 26–28 Mon–Wed 20–22, 29 Ascension -, 30 Fri 23, 31 Sat 24, 06-01 Sun -,
    // 06-02 Mon 25.
    #expect(
      try Self.monToSat.deadline(registeredOn: date("2025-04-30"), workingDays: 25).iso
        == "2025-06-02")
    // Mon–Fri: 05-02 Fri 1, 05-05–08 Mon–Thu 2–5, 09 holiday -, 05-12–16 6–10,
    // 05-19–23 11–15, 05-26–28 16–18, 29 holiday -, 30 Fri 19, 06-02–06 20–24,
    // 06-09 Whit Monday -, 06-10 Tue 25.
    #expect(
      try Self.monToFri.deadline(registeredOn: date("2025-04-30"), workingDays: 25).iso
        == "2025-06-10")
  }

  /// Whit Monday (9 June) and the national day (Mon 23 June) 2025. Registered
  /// Mon 2025-06-02.
  @Test func acrossWhitMondayAndTheNationalDay2025() throws {
    // Mon–Sat: 06-03–07 Tue–Sat 1–5, 08 Sun -, 09 Whit Monday -, 10–14 Tue–Sat 6–10,
    // 15 -, 16–21 11–16, 22 -, 23 national day -, 24–28 Tue–Sat 17–21, 29 -,
    // 30 Mon 22, 07-01 23, 07-02 24, 07-03 Thu 25.
    #expect(
      try Self.monToSat.deadline(registeredOn: date("2025-06-02"), workingDays: 25).iso
        == "2025-07-03")
    // Mon–Fri: 06-03–06 Tue–Fri 1–4, 06-10–13 Tue–Fri 5–8, 06-16–20 9–13,
    // 06-24–27 Tue–Fri 14–17, 06-30–07-04 18–22, 07-07 23, 07-08 24, 07-09 Wed 25.
    #expect(
      try Self.monToFri.deadline(registeredOn: date("2025-06-02"), workingDays: 25).iso
        == "2025-07-09")
  }

  /// Christmas (Thu 25, Fri 26 December 2025) and New Year (Thu 1 January 2026).
  /// Registered Fri 2025-12-12.
  @Test func acrossChristmasAndNewYear() throws {
    // Mon–Sat: 12-13 Sat 1, 14 -, 15–20 Mon–Sat 2–7, 21 -, 22–24 Mon–Wed 8–10,
    // 25 -, 26 -, 27 Sat 11, 28 -, 29–31 Mon–Wed 12–14, 01-01 -, 01-02 Fri 15,
    // 01-03 Sat 16, 04 -, 05–10 Mon–Sat 17–22, 11 -, 12 23, 13 24, 01-14 Wed 25.
    #expect(
      try Self.monToSat.deadline(registeredOn: date("2025-12-12"), workingDays: 25).iso
        == "2026-01-14")
    // Mon–Fri: 12-13 Sat -, 12-15–19 1–5, 12-22–24 6–8, 25 -, 26 -, 12-29–31 9–11,
    // 01-01 -, 01-02 Fri 12, 01-05–09 13–17, 01-12–16 18–22, 01-19 23, 20 24,
    // 01-21 Wed 25.
    #expect(
      try Self.monToFri.deadline(registeredOn: date("2025-12-12"), workingDays: 25).iso
        == "2026-01-21")
  }

  @Test func aDeadlineNeedsAtLeastOneWorkingDay() {
    #expect(throws: CalendarError.workingDaysNotPositive) {
      try Self.monToSat.deadline(registeredOn: date("2026-04-02"), workingDays: 0)
    }
  }

  @Test func theAideSocialeTemplateGivesItsDeadline() throws {
    let aideSociale = try TemplateCatalogue.standard.template(for: "aide-sociale")
    let revis = try TemplateCatalogue.standard.template(for: "revis")
    // Same worked example as acrossEasterMondayAndLabourDay2026.
    #expect(try aideSociale.decisionDeadline(registeredOn: date("2026-04-02"))?.iso == "2026-05-04")
    #expect(
      try aideSociale.decisionDeadline(registeredOn: date("2026-04-02"), calendar: Self.monToFri)?
        .iso
        == "2026-05-11")
    #expect(try revis.decisionDeadline(registeredOn: date("2026-04-02")) == nil)
  }
}
