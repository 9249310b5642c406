/// Why a date or a deadline could not be computed. A date may be personal data
/// (a birth date), so messages never repeat the date they refuse.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The year, month and day do not name a day of the Gregorian calendar.
  case invalidDate
  /// The text is not an ISO 8601 calendar date `YYYY-MM-DD`.
  case malformedISODate
  /// The date is outside the years this calendar handles.
  case yearOutOfRange
  /// A deadline needs at least one working day.
  case workingDaysNotPositive

  public var description: String {
    switch self {
    case .invalidDate:
      "not a calendar date: that day does not exist in that month"
    case .malformedISODate:
      "not a date in the form YYYY-MM-DD (for example 2026-04-06)"
    case .yearOutOfRange:
      "the year must be from \(CivilDate.years.lowerBound) to \(CivilDate.years.upperBound)"
    case .workingDaysNotPositive:
      "a deadline must count at least one working day"
    }
  }
}
