import Foundation

/// Reading a date as people write it in Luxembourg (25/12/1980, 25.12.1980,
/// 25-12-1980) or in ISO 8601 (1980-12-25). The year always has 4 digits: a
/// 2-digit year is ambiguous for birth dates.
extension CalendarDate {
  /// The sensible range of dates on a social form.
  static let earliestYear = 1900
  static let latestYear = 2100

  /// A real date between `earliestYear` and `latestYear`.
  static func parse(_ input: String) throws(FieldValidationError) -> CalendarDate {
    let trimmed = input.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw .empty }
    guard let separator = trimmed.first(where: { "-/.".contains($0) }) else { throw .dateFormat }
    let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false).map(
      String.init)
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) })
    else { throw .dateFormat }
    let (yearText, monthText, dayText) =
      parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
    guard yearText.count == 4, monthText.count <= 2, dayText.count <= 2,
      let year = Int(yearText), let month = Int(monthText), let day = Int(dayText)
    else { throw .dateFormat }
    guard (1...12).contains(month), (1...31).contains(day) else { throw .dateFormat }
    guard let date = CalendarDate(year: year, month: month, day: day) else { throw .dateNotReal }
    guard (earliestYear...latestYear).contains(year) else {
      throw .dateOutOfRange(earliestYear: earliestYear, latestYear: latestYear)
    }
    return date
  }

  /// A real date in the sensible range that is today or earlier.
  static func parsePast(_ input: String, today: CalendarDate) throws(FieldValidationError)
    -> CalendarDate
  {
    let date = try parse(input)
    guard date <= today else { throw .dateInFuture }
    return date
  }
}

extension Character {
  var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) && isASCII }
}
