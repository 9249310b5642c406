import PSPConsent
import Testing

@Test func consentModuleLinks() { #expect(ConsentModule.name == "Consent") }
