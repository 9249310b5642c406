import Foundation
import PSPConsent
import PSPWallet
import Testing

/// The standard templates against `../shared/domain/aids.md`, copied here by hand
/// so that a change of the data file that drifts from the reference fails.
@Suite("Aid templates: the standard catalogue")
struct TemplateCatalogueTests {
  static let sameAsAllocationVieChere: [FieldID] = [
    "surname", "given_names", "matricule", "birth_date", "address", "residence_since",
    "civil_status", "household_members", "household_income", "iban", "account_holder",
  ]

  /// aids.md, "Aids and the minimal fields each needs" (aide-sociale apart: its
  /// matricule-or-birth-date and its fields as needed are checked below).
  static let reference: [(Purpose, [AdministrationKind], [FieldID])] = [
    ("allocation-vie-chere", [.fns], sameAsAllocationVieChere),
    ("prime-energie", [.fns], sameAsAllocationVieChere),
    (
      "subvention-loyer", [.ministereLogement],
      [
        "surname", "given_names", "matricule", "address", "household_members", "household_income",
        "employer", "rent_amount", "lease", "landlord", "property_ownership",
        "health_insurance_affiliation", "iban",
      ]
    ),
    (
      "garantie-locative", [.ministereLogement],
      [
        "surname", "given_names", "matricule", "household_members", "household_income",
        "rent_amount", "rental_deposit_amount", "lease", "property_ownership",
      ]
    ),
    (
      "revis", [.fns],
      [
        "surname", "given_names", "matricule", "birth_date", "nationality", "right_of_residence",
        "address", "civil_status", "household_members", "household_income", "iban",
        "adem_registration", "id_document",
      ]
    ),
    (
      "revis-activation", [.onis],
      [
        "matricule", "surname", "given_names", "activation_plan", "adem_registration",
        "caregiver_status", "children_count",
      ]
    ),
    (
      "tiers-payant-social", [.officeSocial, .cns],
      ["matricule", "surname", "given_names", "health_insurance_affiliation", "household_members"]
    ),
    (
      "adresse-reference", [.commune],
      [
        "surname", "given_names", "matricule", "nationality", "residence_history",
        "reference_address_entity",
      ]
    ),
    (
      "allocation-familiale", [.cae],
      [
        "surname", "given_names", "matricule", "address", "civil_status", "employer", "children",
        "iban", "account_holder",
      ]
    ),
    (
      "inscription-adem", [.adem],
      [
        "surname", "given_names", "matricule", "address", "phone", "email", "employer",
        "employment_end_reason",
      ]
    ),
    (
      "assurance-dependance", [.cns],
      [
        "matricule", "surname", "given_names", "address", "health_insurance_affiliation",
        "medical_report", "iban",
      ]
    ),
    (
      "salarie-handicape", [.adem],
      [
        "matricule", "surname", "given_names", "address", "employer", "adem_registration",
        "disability_status", "medical_report",
      ]
    ),
  ]

  @Test func everyAidOfTheReferenceIsPresentAndNoOther() {
    let expected = Set(Self.reference.map(\.0)).union(["aide-sociale"])
    #expect(Set(TemplateCatalogue.standard.purposes) == expected)
    #expect(TemplateCatalogue.standard.purposes.count == 13)
  }

  @Test(arguments: Self.reference.map(\.0))
  func minimalFieldsAndKindsMatchTheReference(_ purpose: Purpose) throws {
    let (_, kinds, fields) = try #require(Self.reference.first { $0.0 == purpose })
    let template = try TemplateCatalogue.standard.template(for: purpose)
    #expect(Set(template.minimalFields) == Set(fields))
    #expect(template.minimalFields.count == fields.count)
    #expect(template.alternatives.isEmpty)
    #expect(template.fieldsAsNeeded.isEmpty)
    #expect(template.administrationKinds == Set(kinds))
    // The exact minimal set is a complete, acceptable request.
    #expect(throws: Never.self) { try template.validateFields(fields) }
  }

  @Test func aideSocialeFollowsTheStatutoryForm() throws {
    let template = try TemplateCatalogue.standard.template(for: "aide-sociale")
    // RGD 8 November 2010, art. 10: names, matricule or birth date, address,
    // civil status, object of the request.
    #expect(
      Set(template.minimalFields)
        == ["surname", "given_names", "address", "civil_status", "request_subject"])
    #expect(template.alternatives == [FieldAlternatives(["matricule", "birth_date"])])
    #expect(
      Set(template.fieldsAsNeeded)
        == [
          "household_members", "household_income", "monthly_expenses", "rent_amount",
          "debts_arrears", "energy_supplier_account", "medical_bills",
          "health_insurance_affiliation", "iban",
        ])
    #expect(template.administrationKinds == [.officeSocial])
    #expect(
      template.decisionDeadline
        == DecisionDeadline(workingDays: 25, basis: "RGD du 8 novembre 2010, art. 12"))
    #expect(template.legalBasis.contains("RGD du 8 novembre 2010, art. 10 et 12"))
  }

  @Test func onlyAideSocialeHasADecisionDeadline() {
    let withDeadline = TemplateCatalogue.standard.templates.filter { $0.decisionDeadline != nil }
    #expect(withDeadline.map(\.purpose) == ["aide-sociale"])
  }

  @Test func everyTemplateHasPlainNamesALegalBasisAndAOneShotGrant() {
    for template in TemplateCatalogue.standard.templates {
      #expect(!template.name.fr.isEmpty && !template.name.en.isEmpty, "\(template.purpose)")
      #expect(!template.legalBasis.isEmpty, "\(template.purpose)")
      #expect(template.maximalValidityDays[.oneShot] == 90, "\(template.purpose)")
    }
  }

  @Test func oneOffAidsAllowNoDurableGrant() {
    let oneShotOnly = TemplateCatalogue.standard.templates.filter { !$0.allows(.durable) }.map(
      \.purpose)
    #expect(
      Set(oneShotOnly) == [
        "prime-energie", "garantie-locative", "adresse-reference", "salarie-handicape",
      ])
  }

  @Test func anUnknownPurposeIsRefused() {
    #expect(throws: TemplateError.unknownPurpose("aide-inconnue")) {
      try TemplateCatalogue.standard.template(for: "aide-inconnue")
    }
  }
}
