import Foundation
import PSPConsent
import PSPWallet
import Testing

/// Loading an operator's templates file instead of the bundled one.
@Suite("Aid templates: files")
struct TemplateFileTests {
  static func entry(
    purpose: String = "aide-test",
    kinds: String = #"["commune"]"#,
    minimal: String = #"["surname"]"#,
    extra: String = ""
  ) -> String {
    """
    { "purpose": "\(purpose)", "name": { "fr": "Aide test", "en": "Test aid", "de": "Testhilfe", "pt": "Apoio de teste" },
      "administration_kinds": \(kinds), "minimal_fields": \(minimal),
      "grants": { "one_shot": { "maximal_validity_days": 30 } },
      "legal_basis": "Loi du …"\(extra) }
    """
  }

  static func file(_ entries: String..., format: Int = 1) -> Data {
    Data(#"{ "format": \#(format), "templates": [\#(entries.joined(separator: ","))] }"#.utf8)
  }

  @Test func anOperatorFileIsReadFromItsURL() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("psp-templates-\(UUID().uuidString).json")
    try Self.file(Self.entry(extra: #", "one_of": [["matricule", "birth_date"]]"#)).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }

    let catalogue = try TemplateCatalogue(contentsOf: url)
    let template = try catalogue.template(for: "aide-test")
    #expect(catalogue.purposes == ["aide-test"])
    #expect(template.minimalFields == ["surname"])
    #expect(template.alternatives == [FieldAlternatives(["matricule", "birth_date"])])
    #expect(template.maximalValidityDays == [.oneShot: 30])
    #expect(template.administrationKinds == [.commune])
  }

  @Test func aMissingFileIsUnreadable() {
    let url = URL(fileURLWithPath: "/nonexistent/psp/templates.json")
    #expect(throws: CatalogueError.unreadable) { try TemplateCatalogue(contentsOf: url) }
  }

  @Test func aFileOfAnotherFormatIsRefused() {
    #expect(throws: CatalogueError.unsupportedFormat(2)) {
      try TemplateCatalogue(json: Self.file(Self.entry(), format: 2))
    }
  }

  @Test func twoTemplatesForOnePurposeAreRefused() {
    #expect(throws: CatalogueError.duplicatePurpose("aide-test")) {
      try TemplateCatalogue(json: Self.file(Self.entry(), Self.entry()))
    }
  }

  @Test func aMisspeltKeyIsRefusedNotIgnored() {
    // "as_neded" would otherwise drop the fields as needed without a word.
    #expect(throws: CatalogueError.malformed(where: "templates.[0].as_neded")) {
      try TemplateCatalogue(json: Self.file(Self.entry(extra: #", "as_neded": ["iban"]"#)))
    }
  }

  @Test func anUnknownAdministrationKindIsRefused() {
    #expect(throws: CatalogueError.self) {
      try TemplateCatalogue(json: Self.file(Self.entry(kinds: #"["ministere-des-finances"]"#)))
    }
  }

  @Test func aMalformedFieldIdIsRefused() {
    #expect(throws: CatalogueError.self) {
      try TemplateCatalogue(json: Self.file(Self.entry(minimal: #"["Household-Income"]"#)))
    }
  }

  @Test func aFieldListedTwiceIsRefused() {
    let twice = Self.entry(extra: #", "as_needed": ["surname"]"#)
    #expect(throws: CatalogueError.invalidTemplate("aide-test", "fields listed twice: surname")) {
      try TemplateCatalogue(json: Self.file(twice))
    }
  }

  @Test func aValidityBeyondTwoYearsIsADataError() {
    #expect(throws: CatalogueError.self) {
      try AidTemplate(
        purpose: "aide-test", name: LocalizedName(fr: "Aide", en: "Aid", de: "Hilfe", pt: "Apoio"),
        administrationKinds: [.commune], minimalFields: ["surname"],
        maximalValidityDays: [.durable: 3650], legalBasis: "Loi du …")
    }
  }

  @Test func aTemplateWithNoAdministrationKindIsRefused() {
    #expect(throws: CatalogueError.self) {
      try TemplateCatalogue(json: Self.file(Self.entry(kinds: "[]")))
    }
  }

  @Test func theBundledFileIsValid() throws {
    #expect(try TemplateCatalogue.bundled().purposes == TemplateCatalogue.standard.purposes)
  }
}
