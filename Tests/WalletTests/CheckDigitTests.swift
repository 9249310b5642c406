import PSPWallet
import Testing

@Suite("Luhn and Verhoeff check digits")
struct CheckDigitTests {
  static func digits(_ s: String) -> [Int] { s.compactMap(\.wholeNumberValue) }

  /// The ISO/IEC 7812 example number 7992739871 has Luhn check digit 3.
  @Test func luhnKnownExample() {
    #expect(Luhn.checkDigit(of: Self.digits("7992739871")) == 3)
    #expect(Luhn.isValid(Self.digits("79927398713")))
    for wrong in 0...9 where wrong != 3 {
      #expect(!Luhn.isValid(Self.digits("7992739871") + [wrong]))
    }
  }

  /// Verhoeff's own worked examples: 236 → 3, 12345 → 1.
  @Test(arguments: [("236", 3), ("12345", 1)])
  func verhoeffKnownExamples(_ body: String, _ check: Int) {
    #expect(Verhoeff.checkDigit(of: Self.digits(body)) == check)
    #expect(Verhoeff.isValid(Self.digits(body) + [check]))
  }

  /// Verhoeff detects every single-digit error and every adjacent swap of
  /// distinct digits; this is why the matricule carries it beside Luhn.
  @Test func verhoeffDetectsSingleErrorsAndAdjacentSwaps() {
    let number = Self.digits("1893120105732")
    #expect(Verhoeff.isValid(Array(number[0..<11]) + [number[12]]))
    let valid = Array(number[0..<11]) + [Verhoeff.checkDigit(of: Array(number[0..<11]))]
    for position in valid.indices {
      for replacement in 0...9 where replacement != valid[position] {
        var changed = valid
        changed[position] = replacement
        #expect(!Verhoeff.isValid(changed))
      }
      if position + 1 < valid.count, valid[position] != valid[position + 1] {
        var swapped = valid
        swapped.swapAt(position, position + 1)
        #expect(!Verhoeff.isValid(swapped))
      }
    }
  }

  /// Luhn's known blind spot (09 ↔ 90), which Verhoeff covers.
  @Test func luhnMissesTheZeroNineSwap() {
    let a = Self.digits("1090")
    let b = Self.digits("1900")
    #expect(Luhn.checkDigit(of: a) == Luhn.checkDigit(of: b))
    #expect(Verhoeff.checkDigit(of: a) != Verhoeff.checkDigit(of: b))
  }

  @Test func emptyIsNeverValid() {
    #expect(!Luhn.isValid([]))
    #expect(!Verhoeff.isValid([]))
  }
}
