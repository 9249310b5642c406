/// A day of the Gregorian calendar, with no time and no time zone: the date a
/// request was registered, a deadline, a birth date. Pure arithmetic, so that
/// no device setting (time zone, locale calendar) can move a legal deadline.
/// Which day "now" is in Luxembourg is for the caller to decide.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The Gregorian calendar started in 1582; four-digit years keep the ISO form
  /// to `YYYY-MM-DD`.
  public static let years = 1583...9999

  public let year: Int
  public let month: Int
  public let day: Int

  public init(year: Int, month: Int, day: Int) throws(CalendarError) {
    guard Self.years.contains(year) else { throw .yearOutOfRange }
    guard (1...12).contains(month), (1...Self.daysIn(month: month, of: year)).contains(day) else {
      throw .invalidDate
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads exactly `YYYY-MM-DD` (ISO 8601 extended calendar date).
  public init(iso text: String) throws(CalendarError) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { throw .malformedISODate }
    func number(_ range: Range<Int>) throws(CalendarError) -> Int {
      var value = 0
      for byte in bytes[range] {
        guard (0x30...0x39).contains(byte) else { throw .malformedISODate }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    try self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10))
  }

  /// `YYYY-MM-DD`.
  public var iso: String {
    func padded(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  public var description: String { iso }

  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, of year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // MARK: day numbers

  /// Days since 1970-01-01 (negative before), the day count Unix time uses.
  public var daysSinceUnixEpoch: Int { ordinal - Self.unixEpochOrdinal }

  public init(daysSinceUnixEpoch days: Int) throws(CalendarError) {
    try self.init(ordinal: days + Self.unixEpochOrdinal)
  }

  public var weekday: Weekday {
    // Day 0 of the ordinal count, 0001-01-01 in the proleptic Gregorian
    // calendar, was a Monday.
    Weekday(rawValue: ordinal % 7 + 1)!
  }

  /// The date `days` later (earlier when negative).
  public func adding(days: Int) throws(CalendarError) -> CivilDate {
    try CivilDate(ordinal: ordinal + days)
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Days since 0001-01-01 in the proleptic Gregorian calendar: 365 a year, one
  /// more every 4th year except every 100th unless every 400th.
  private var ordinal: Int {
    let before = year - 1
    var days = before * 365 + before / 4 - before / 100 + before / 400
    for m in 1..<month { days += Self.daysIn(month: m, of: year) }
    return days + day - 1
  }

  private static let unixEpochOrdinal = 719_162

  private init(ordinal: Int) throws(CalendarError) {
    // The first year whose start is after the ordinal, found from an estimate
    // (a Gregorian year is 365.2425 days) then corrected by at most a step.
    guard ordinal >= 0 else { throw .yearOutOfRange }
    var year = ordinal * 400 / 146_097 + 1
    func start(of y: Int) -> Int { let b = y - 1; return b * 365 + b / 4 - b / 100 + b / 400 }
    while start(of: year) > ordinal { year -= 1 }
    while start(of: year + 1) <= ordinal { year += 1 }
    guard Self.years.contains(year) else { throw .yearOutOfRange }
    var remaining = ordinal - start(of: year)
    var month = 1
    while remaining >= Self.daysIn(month: month, of: year) {
      remaining -= Self.daysIn(month: month, of: year)
      month += 1
    }
    try self.init(year: year, month: month, day: remaining + 1)
  }
}

extension CivilDate {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do {
      try self.init(iso: text)
    } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
