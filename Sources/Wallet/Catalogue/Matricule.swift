/// The national identification number (RGD 28 November 2013, art. 1): 13
/// digits `YYYYMMDD SSS L V`. Month or day may be `00` when unknown, and the
/// year may be the year of arrival. `L` is the Luhn and `V` the Verhoeff check
/// digit, both computed over the first 11 digits. Sex is not encoded.
public struct Matricule: Sendable, Hashable, CustomStringConvertible {
  /// The 13 digits, without spaces.
  public let digits: String

  static let earliestYear = 1850

  /// Validates typed input; spaces, dots and hyphens between the digits are
  /// dropped. With `today`, a date part after today is refused too.
  public init(validating input: String, today: CalendarDate? = nil) throws(FieldValidationError) {
    let compact = input.filter { !" .-\u{00A0}".contains($0) }
    guard !compact.isEmpty else { throw .empty }
    guard compact.allSatisfy(\.isASCIIDigitCharacter) else { throw .matriculeNotDigits }
    guard compact.count == 13 else { throw .matriculeLength }
    let values = compact.compactMap(\.wholeNumberValue)
    try Self.checkDatePart(values, today: today)
    let body = Array(values[0..<11])
    guard Luhn.checkDigit(of: body) == values[11] else { throw .matriculeCheckDigits(.luhn) }
    guard Verhoeff.checkDigit(of: body) == values[12] else {
      throw .matriculeCheckDigits(.verhoeff)
    }
    self.digits = compact
  }

  /// `YYYYMMDD` must be a possible date, reading `00` as "unknown".
  private static func checkDatePart(_ v: [Int], today: CalendarDate?) throws(FieldValidationError) {
    let year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]
    let month = v[4] * 10 + v[5]
    let day = v[6] * 10 + v[7]
    guard year >= earliestYear, (0...12).contains(month), (0...31).contains(day) else {
      throw .matriculeDate
    }
    // An unknown month allows any day a month can have; a known month bounds it.
    if month != 0, day != 0, CalendarDate(year: year, month: month, day: day) == nil {
      throw .matriculeDate
    }
    // The earliest day the date part can mean must not be after today.
    if let today,
      let earliest = CalendarDate(
        year: year, month: max(month, 1), day: month == 0 ? 1 : max(day, 1)),
      earliest > today
    {
      throw .matriculeDate
    }
  }

  /// Grouped as printed on cards: `YYYY MMDD SSS LV`.
  public var grouped: String {
    let d = Array(digits)
    return "\(String(d[0..<4])) \(String(d[4..<8])) \(String(d[8..<11])) \(String(d[11..<13]))"
  }

  /// Never the digits: a matricule printed in a log is a leak.
  public var description: String { "Matricule(redacted)" }
}
