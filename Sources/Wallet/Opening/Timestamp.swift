/// Seconds since 1970-01-01T00:00:00Z, written as RFC 3339 UTC (`2026-11-24T10:14:00Z`)
/// in signed claims. Written by hand (days-from-civil arithmetic) so formatting
/// is pure, locale-free and the same on every platform.
public enum Timestamp {
  public static func rfc3339(_ seconds: Int64) -> String {
    let days = floorDiv(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    let (y, m, d) = civil(fromDays: days)
    return String(
      format4(y) + "-" + pad2(m) + "-" + pad2(d) + "T" + pad2(Int(secondOfDay / 3600)) + ":"
        + pad2(Int(secondOfDay % 3600 / 60)) + ":" + pad2(Int(secondOfDay % 60)) + "Z")
  }

  /// Parses exactly the form `rfc3339` writes; anything else is nil.
  public static func parse(_ text: String) -> Int64? {
    let b = Array(text.utf8)
    guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
      b[19] == 0x5A
    else { return nil }
    func number(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
        v = v * 10 + Int(b[i] - 0x30)
      }
      return v
    }
    guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
      let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
      (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d), h < 24, mi < 60, s < 60
    else { return nil }
    return days(fromCivil: y, mo, d) * 86_400 + Int64(h * 3600 + mi * 60 + s)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's public-domain civil-calendar algorithms (proleptic Gregorian).
  static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = floorDiv(y, 400)
    let yoe = y - era * 400
    let mp = Int64((month + 9) % 12)
    let doy = (153 * mp + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (Int(y), Int(m), Int(d))
  }

  private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
  private static func format4(_ v: Int) -> String {
    let s = String(v)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }
}
