/// Easter Sunday of a Gregorian year, by the "anonymous Gregorian algorithm"
/// (published in Nature, 1876; given in J. Meeus, *Astronomical Algorithms*,
/// ch. 8). It follows the Church's tables of epacts, not the astronomical
/// moon, which is what the legal holidays depend on.
public enum Easter {
  public static func sunday(in year: Int) throws(CalendarError) -> CivilDate {
    guard CivilDate.years.contains(year) else { throw .yearOutOfRange }
    let golden = year % 19  // position in the 19-year Metonic cycle
    let century = year / 100
    let yearOfCentury = year % 100
    let leapCenturies = century / 4
    let centuryRemainder = century % 4
    let lunarCorrection = (century + 8) / 25
    let solarLunar = (century - lunarCorrection + 1) / 3
    // Days from 21 March to the Paschal full moon (the epact, corrected).
    let fullMoon = (19 * golden + century - leapCenturies - solarLunar + 15) % 30
    let leapYears = yearOfCentury / 4
    let yearRemainder = yearOfCentury % 4
    // Days from the full moon to the following Sunday.
    let toSunday = (32 + 2 * centuryRemainder + 2 * leapYears - fullMoon - yearRemainder) % 7
    // The two exceptions of the tables (full moon on 18 or 19 April).
    let exception = (golden + 11 * fullMoon + 22 * toSunday) / 451
    let sum = fullMoon + toSunday - 7 * exception + 114
    return try CivilDate(year: year, month: sum / 31, day: sum % 31 + 1)
  }
}
