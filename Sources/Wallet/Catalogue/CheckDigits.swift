/// The two check-digit algorithms of the matricule (RGD 28 November 2013,
/// art. 1), written from their public definitions. Digits are values 0...9.

/// Luhn (ISO/IEC 7812-1 annex B, "mod 10"): from the rightmost digit, double
/// every second digit starting with that rightmost one, subtract 9 from
/// results over 9, and pick the digit that brings the sum to a multiple of 10.
public enum Luhn {
  /// The check digit to append to `digits`.
  public static func checkDigit(of digits: [Int]) -> Int {
    (10 - sum(digits, doublingFirst: true) % 10) % 10
  }

  /// Whether `digits` ends with its correct Luhn check digit.
  public static func isValid(_ digits: [Int]) -> Bool {
    !digits.isEmpty && sum(digits, doublingFirst: false) % 10 == 0
  }

  private static func sum(_ digits: [Int], doublingFirst: Bool) -> Int {
    var total = 0
    for (position, digit) in digits.reversed().enumerated() {
      precondition((0...9).contains(digit), "a digit is 0...9")
      let doubled = (position % 2 == 0) == doublingFirst
      let value = doubled ? digit * 2 : digit
      total += value > 9 ? value - 9 : value
    }
    return total
  }
}

/// Verhoeff (J. Verhoeff, "Error Detecting Decimal Codes", 1969): multiplication
/// in the dihedral group D5, a position-dependent permutation, and the group
/// inverse. It catches every single-digit error and every swap of two adjacent
/// digits, which Luhn does not (09 ↔ 90).
public enum Verhoeff {
  /// The check digit to append to `digits`.
  public static func checkDigit(of digits: [Int]) -> Int {
    inverse(fold(digits, offset: 1))
  }

  /// Whether `digits` ends with its correct Verhoeff check digit.
  public static func isValid(_ digits: [Int]) -> Bool {
    !digits.isEmpty && fold(digits, offset: 0) == 0
  }

  private static func fold(_ digits: [Int], offset: Int) -> Int {
    var c = 0
    for (position, digit) in digits.reversed().enumerated() {
      precondition((0...9).contains(digit), "a digit is 0...9")
      c = multiply(c, permute(digit, times: (position + offset) % 8))
    }
    return c
  }

  /// D5 with 0...4 the rotations and 5...9 the reflections (the standard "d" table).
  static func multiply(_ j: Int, _ k: Int) -> Int {
    switch (j < 5, k < 5) {
    case (true, true): (j + k) % 5
    case (true, false): 5 + (j + k) % 5
    case (false, true): 5 + (j - k + 5) % 5
    case (false, false): (j - k + 5) % 5
    }
  }

  /// The inverse in D5 (the standard "inv" table): rotations invert, reflections are their own.
  static func inverse(_ j: Int) -> Int {
    j < 5 ? (5 - j) % 5 : j
  }

  /// The standard "p" table: row i is the permutation (0 1 5 8 9 4 2 7)(3 6) applied i times.
  static func permute(_ digit: Int, times: Int) -> Int {
    var d = digit
    for _ in 0..<times { d = sigma[d] }
    return d
  }

  private static let sigma = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4]
}
