import PSPConsent
import PSPWallet
import Testing

@testable import WalletCLIKit

/// What a grant will carry is computed before the person confirms; it must
/// stay inside the template, take one field per group of alternatives, and
/// name what the aid lists but the wallet does not hold.
@Suite("Grant preview")
struct GrantPreviewTests {
  @Test func aideSocialeWithSomeFieldsHeld() throws {
    let template = try #require(TemplateCatalogue.standard["aide-sociale"])
    let preview = GrantPreview(
      template, held: ["surname", "birth_date", "matricule", "iban", "phone"])
    #expect(preview.fields == ["surname", "matricule", "iban"])
    #expect(preview.notHeld == ["given_names", "address", "civil_status", "request_subject"])
    #expect(template.check(preview.fields).isWithinTemplate)
  }

  @Test func theSecondAlternativeWhenOnlyItIsHeld() throws {
    let template = try #require(TemplateCatalogue.standard["aide-sociale"])
    let preview = GrantPreview(template, held: ["birth_date"])
    #expect(preview.fields == ["birth_date"])
    #expect(!preview.notHeld.contains("matricule"))
  }

  @Test func nothingHeld() throws {
    let template = try #require(TemplateCatalogue.standard["allocation-vie-chere"])
    let preview = GrantPreview(template, held: ["phone"])
    #expect(preview.fields.isEmpty)
    #expect(preview.notHeld == template.minimalFields)
  }
}
