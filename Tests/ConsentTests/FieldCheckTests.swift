import PSPConsent
import PSPWallet
import Testing

/// Data minimisation: a request fits its template or is refused, with the
/// fields at fault named.
@Suite("Aid templates: field and grant checks")
struct FieldCheckTests {
  static let catalogue = TemplateCatalogue.standard
  static let aideSocialeForm: [FieldID] = [
    "surname", "given_names", "address", "civil_status", "request_subject",
  ]

  var aideSociale: AidTemplate { get throws { try Self.catalogue.template(for: "aide-sociale") } }
  var garantieLocative: AidTemplate {
    get throws { try Self.catalogue.template(for: "garantie-locative") }
  }

  @Test func aFieldOutsideTheTemplateIsRefusedByName() throws {
    let template = try garantieLocative
    let asked = template.minimalFields + ["medical_report", "iban"]
    #expect(throws: TemplateError.fieldsOutsideTemplate(["iban", "medical_report"])) {
      try template.validateFields(asked)
    }
    let check = template.check(asked)
    #expect(!check.isWithinTemplate)
    #expect(check.isComplete)
    #expect(check.outside == ["iban", "medical_report"])
  }

  @Test func overAskingIsReportedBeforeMissingFields() throws {
    // Both faults at once: the refusal names the over-asked field.
    #expect(throws: TemplateError.fieldsOutsideTemplate(["disability_status"])) {
      try garantieLocative.validateFields(["surname", "disability_status"])
    }
  }

  @Test func aMissingMinimalFieldIsRefused() throws {
    let template = try garantieLocative
    let asked = template.minimalFields.filter { $0 != "lease" && $0 != "rent_amount" }
    #expect(throws: TemplateError.missingFields(["lease", "rent_amount"])) {
      try template.validateFields(asked)
    }
    #expect(template.check(asked).isWithinTemplate)
  }

  @Test func aideSocialeAcceptsTheMatricule() throws {
    #expect(throws: Never.self) {
      try aideSociale.validateFields(Self.aideSocialeForm + ["matricule"])
    }
  }

  @Test func aideSocialeAcceptsTheBirthDateInsteadOfTheMatricule() throws {
    #expect(throws: Never.self) {
      try aideSociale.validateFields(Self.aideSocialeForm + ["birth_date"])
    }
  }

  @Test func aideSocialeWithNeitherIsRefused() throws {
    #expect(throws: TemplateError.noAlternativeChosen(["matricule", "birth_date"])) {
      try aideSociale.validateFields(Self.aideSocialeForm)
    }
    let check = try aideSociale.check(Self.aideSocialeForm)
    #expect(check.isWithinTemplate && !check.isComplete)
    #expect(check.unchosenAlternatives == [FieldAlternatives(["matricule", "birth_date"])])
  }

  @Test func aideSocialeWithBothIsOverAsking() throws {
    #expect(throws: TemplateError.moreThanOneAlternative(["matricule", "birth_date"])) {
      try aideSociale.validateFields(Self.aideSocialeForm + ["matricule", "birth_date"])
    }
  }

  @Test func aideSocialeTakesFieldsAsTheNeedRequires() throws {
    let rent: [FieldID] =
      Self.aideSocialeForm + ["birth_date", "rent_amount", "debts_arrears", "iban"]
    #expect(throws: Never.self) { try aideSociale.validateFields(rent) }
    // …but only those: the employer is not among them.
    #expect(throws: TemplateError.fieldsOutsideTemplate(["employer"])) {
      try aideSociale.validateFields(rent + ["employer"])
    }
  }

  @Test func aValidityUpToTheMaximumIsAccepted() throws {
    #expect(throws: Never.self) {
      try aideSociale.validateGrant(kind: .oneShot, validity: .seconds(90 * 86_400))
    }
    #expect(throws: Never.self) {
      try aideSociale.validateGrant(kind: .durable, validity: .seconds(180 * 86_400))
    }
  }

  @Test func aValidityTooLongIsRefused() throws {
    #expect(throws: TemplateError.validityTooLong(maximumDays: 90)) {
      try aideSociale.validateGrant(kind: .oneShot, validity: .seconds(90 * 86_400 + 1))
    }
    #expect(throws: TemplateError.validityTooLong(maximumDays: 180)) {
      try aideSociale.validateGrant(kind: .durable, validity: .seconds(365 * 86_400))
    }
  }

  @Test func aValidityThatIsNotPositiveIsRefused() throws {
    #expect(throws: TemplateError.validityNotPositive) {
      try aideSociale.validateGrant(kind: .oneShot, validity: .zero)
    }
  }

  @Test func aGrantKindTheAidDoesNotAllowIsRefused() throws {
    #expect(throws: TemplateError.durableNotAllowed) {
      try garantieLocative.validateGrant(kind: .durable, validity: .seconds(86_400))
    }
    let durableOnly = try AidTemplate(
      purpose: "aide-test", name: LocalizedName(fr: "Aide", en: "Aid", de: "Hilfe", pt: "Apoio"),
      administrationKinds: [.commune], minimalFields: ["surname"],
      maximalValidityDays: [.durable: 30], legalBasis: "Loi du …")
    #expect(throws: TemplateError.oneShotNotAllowed) {
      try durableOnly.validateGrant(kind: .oneShot, validity: .seconds(86_400))
    }
  }

  @Test func theCatalogueChecksTheWholeShape() {
    #expect(throws: Never.self) {
      try Self.catalogue.validate(
        purpose: "aide-sociale", fields: Self.aideSocialeForm + ["matricule"], kind: .durable,
        validity: .seconds(30 * 86_400))
    }
    #expect(throws: TemplateError.unknownPurpose("aide-inconnue")) {
      try Self.catalogue.validate(
        purpose: "aide-inconnue", fields: ["surname"], kind: .oneShot, validity: .seconds(60))
    }
  }

  @Test func refusalsNameFieldsAndLimitsOnly() {
    let message = TemplateError.fieldsOutsideTemplate(["iban", "medical_report"]).description
    #expect(message.contains("iban, medical_report"))
    #expect(message.contains("hint:"))
    #expect(TemplateError.validityTooLong(maximumDays: 90).description.contains("90 days"))
  }
}
