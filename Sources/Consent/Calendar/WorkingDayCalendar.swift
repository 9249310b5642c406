/// Counts working days (*jours ouvrables*) in Luxembourg: every day of the
/// working week that is not a legal holiday. Luxembourg usage counts Saturdays,
/// so Monday to Saturday is the default; an office that reads the text as
/// Monday to Friday can say so. No clock inside: dates are passed in.
public struct WorkingDayCalendar: Sendable, Hashable {
  public enum WorkingWeek: String, Sendable, Hashable, Codable, CaseIterable {
    case mondayToSaturday = "monday-to-saturday"
    case mondayToFriday = "monday-to-friday"
  }

  public let week: WorkingWeek

  public init(week: WorkingWeek = .mondayToSaturday) { self.week = week }

  public func isWorkingDay(_ date: CivilDate) -> Bool {
    switch date.weekday {
    case .sunday: return false
    case .saturday where week == .mondayToFriday: return false
    default: return !LuxembourgHolidays.isHoliday(date)
    }
  }

  /// The last day of a period of `workingDays` working days counted from the day
  /// after `registeredOn` (RGD 8 November 2010, art. 12: "dans les 25 jours
  /// ouvrables qui suivent le dépôt", the deposit being the registration, art. 10).
  /// The registration day itself never counts, even when it is a working day.
  public func deadline(registeredOn: CivilDate, workingDays: Int) throws(CalendarError) -> CivilDate
  {
    guard workingDays > 0 else { throw .workingDaysNotPositive }
    var date = registeredOn
    var counted = 0
    while counted < workingDays {
      date = try date.adding(days: 1)
      if isWorkingDay(date) { counted += 1 }
    }
    return date
  }
}
