/// What validation needs from outside the input: the day (birth dates may not
/// be in the future) and the commune directory. Injected, so that validation
/// is a pure function and tests do not depend on the clock.
public struct ValidationContext: Sendable {
  public var today: CalendarDate
  public var communes: CommuneDirectory

  public init(today: CalendarDate, communes: CommuneDirectory = .standard) {
    self.today = today
    self.communes = communes
  }

  /// Today in Luxembourg and the bundled commune directory.
  public static func current() -> ValidationContext {
    ValidationContext(today: .today(), communes: .standard)
  }
}
