import PSPWallet
import Testing

@Suite("Field ids and circles")
struct FieldIDTests {
  @Test(arguments: ["matricule", "household_income", "a", String(repeating: "x", count: 64)])
  func wellFormed(_ raw: String) {
    #expect(FieldID(rawValue: raw)?.rawValue == raw)
  }

  @Test(arguments: ["", "Matricule", "rent-amount", "iban ", "é", String(repeating: "x", count: 65), "a.b"])
  func malformedRefused(_ raw: String) {
    #expect(FieldID(rawValue: raw) == nil)
  }

  @Test func circlesAreConcentric() {
    #expect(Circle.core.upToHere == [.core])
    #expect(Circle.moneyAndHousing.upToHere == [.core, .personal, .moneyAndHousing])
    #expect(Circle.documents.upToHere.count == 5)
  }
}

@Suite("Wallet ids")
struct WalletIDTests {
  /// An id is given on command lines; one beginning with "-" would read as an option.
  @Test func freshIdsNeverBeginWithADash() {
    for _ in 0..<2000 { #expect(!WalletID().description.hasPrefix("-")) }
  }
}
