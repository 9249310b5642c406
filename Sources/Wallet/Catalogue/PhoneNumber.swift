import Foundation

/// Phone numbers in E.164 form (ITU-T E.164: "+", country code, national
/// number, 15 digits at most). Luxembourg numbers have no trunk prefix and
/// 6 to 9 digits (fixed lines 6 to 8, mobiles 9), so such a number without a
/// country code is taken as Luxembourg's (+352); any other length needs one.
enum PhoneNumber {
  static let luxembourg = "352"
  static let localLuxembourgLength = 6...9
  /// With the country code, extensions of fixed lines may follow (up to 11 digits).
  static let internationalLuxembourgLength = 6...11

  static func normalise(_ input: String) throws(FieldValidationError) -> String {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw .empty }
    let separators: Set<Character> = [" ", "\u{00A0}", ".", "-", "/", "(", ")"]
    var body = Substring(trimmed.filter { !separators.contains($0) })
    var international = false
    if body.hasPrefix("+") {
      international = true
      body = body.dropFirst()
    } else if body.hasPrefix("00") {
      international = true
      body = body.dropFirst(2)
    }
    guard !body.isEmpty, body.allSatisfy(\.isASCIIDigitCharacter) else { throw .phoneFormat }
    if !international {
      guard localLuxembourgLength.contains(body.count), body.first != "0" else {
        throw body.count < localLuxembourgLength.lowerBound ? .phoneLength : .phoneCountryCodeNeeded
      }
      return "+" + luxembourg + body
    }
    // Country codes never start with 0; 8 digits is the shortest real E.164
    // number (+352 and a 4-digit service number are not a person's phone).
    guard body.first != "0" else { throw .phoneFormat }
    guard (8...15).contains(body.count) else { throw .phoneLength }
    if body.hasPrefix(luxembourg) {
      guard internationalLuxembourgLength.contains(body.count - luxembourg.count) else {
        throw .phoneLength
      }
    }
    return "+" + body
  }

  /// Whether stored text is a number this type produces.
  static func isNormalised(_ s: String) -> Bool {
    (try? normalise(s)) == s
  }
}
