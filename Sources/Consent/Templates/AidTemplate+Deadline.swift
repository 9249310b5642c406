extension AidTemplate {
  /// The day by which the administration must decide on a request registered on
  /// `registeredOn`, or nil when no text sets a deadline for this aid.
  public func decisionDeadline(
    registeredOn: CivilDate, calendar: WorkingDayCalendar = WorkingDayCalendar()
  ) throws(CalendarError) -> CivilDate? {
    guard let rule = decisionDeadline else { return nil }
    return try calendar.deadline(registeredOn: registeredOn, workingDays: rule.workingDays)
  }
}
