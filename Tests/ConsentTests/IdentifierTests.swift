import PSPConsent
import Testing

/// Purpose and administration ids have one spelling each: they go into tokens
/// and the access log.
@Suite("Purpose and administration ids")
struct IdentifierTests {
  @Test(arguments: [
    "aide-sociale", "revis", "office-social-esch-sur-alzette", "a1",
    String(repeating: "a", count: 64),
  ])
  func wellFormed(_ raw: String) {
    #expect(Purpose(rawValue: raw)?.rawValue == raw)
    #expect(AdministrationID(rawValue: raw)?.rawValue == raw)
  }

  @Test(arguments: [
    "", "Aide-sociale", "aide_sociale", "aide--sociale", "-aide", "aide-", "1aide", "aide sociale",
    "aidé", String(repeating: "a", count: 65),
  ])
  func malformedRefused(_ raw: String) {
    #expect(Purpose(rawValue: raw) == nil)
    #expect(AdministrationID(rawValue: raw) == nil)
  }
}
