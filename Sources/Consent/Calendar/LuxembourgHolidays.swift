/// The legal public holidays of Luxembourg (Code du travail, art. L.232-2; Europe
/// Day added from 2019). A holiday that falls on a Sunday is not moved: the
/// compensatory day off it gives employees is not a public holiday.
public enum LuxembourgHolidays {
  /// The first year in which 9 May (Journée de l'Europe) is a legal holiday.
  public static let europeDaySince = 2019

  public struct Holiday: Sendable, Hashable {
    public let date: CivilDate
    /// The French name, as the law and calendars print it.
    public let name: String
  }

  /// Every legal holiday of `year`, in date order. Two may share a date (Ascension
  /// fell on 1 May in 2008); both are listed.
  public static func holidays(in year: Int) throws(CalendarError) -> [Holiday] {
    let easter = try Easter.sunday(in: year)
    func fixed(_ month: Int, _ day: Int, _ name: String) throws(CalendarError) -> Holiday {
      Holiday(date: try CivilDate(year: year, month: month, day: day), name: name)
    }
    func afterEaster(_ days: Int, _ name: String) throws(CalendarError) -> Holiday {
      Holiday(date: try easter.adding(days: days), name: name)
    }
    var list = [
      try fixed(1, 1, "Jour de l'an"),
      try afterEaster(1, "Lundi de Pâques"),
      try fixed(5, 1, "Fête du travail"),
      try afterEaster(39, "Ascension"),
      try afterEaster(50, "Lundi de Pentecôte"),
      try fixed(6, 23, "Fête nationale"),
      try fixed(8, 15, "Assomption"),
      try fixed(11, 1, "Toussaint"),
      try fixed(12, 25, "Noël"),
      try fixed(12, 26, "Deuxième jour de Noël"),
    ]
    if year >= europeDaySince { list.append(try fixed(5, 9, "Journée de l'Europe")) }
    return list.sorted { $0.date < $1.date }
  }

  public static func isHoliday(_ date: CivilDate) -> Bool {
    // `date` is valid, so its year is in range and holidays(in:) cannot fail.
    (try? holidays(in: date.year))?.contains { $0.date == date } ?? false
  }
}
