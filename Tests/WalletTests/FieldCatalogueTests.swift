import Foundation
import PSPWallet
import Testing

/// The catalogue against its source of truth, `domain/aids.md`, copied here by
/// hand (tests must not parse markdown): the "Fields by circle" table and the
/// minimal fields of every aid of the aids table.
@Suite("Field catalogue")
struct FieldCatalogueTests {
  static let fieldsByCircle: [(Circle, [FieldID])] = [
    (.core, ["matricule", "surname", "given_names", "birth_date", "nationality"]),
    (
      .personal,
      [
        "address", "commune", "residence_since", "right_of_residence", "reference_address_entity",
        "residence_history", "civil_status", "household_members", "children", "children_count",
        "phone", "email",
        "legal_representative",
      ]
    ),
    (
      .moneyAndHousing,
      [
        "iban", "account_holder", "employer", "employment_status", "employment_end_reason",
        "monthly_net_income",
        "household_income", "monthly_expenses", "debts_arrears", "rent_amount", "landlord",
        "property_ownership",
        "rental_deposit_amount", "energy_supplier_account",
      ]
    ),
    (
      .healthAndSocial,
      [
        "health_insurance_affiliation", "adem_registration", "revis_status", "activation_plan",
        "disability_status",
        "dependency_status", "caregiver_status", "social_worker_contact",
      ]
    ),
    (
      .documents,
      [
        "id_document", "lease", "payslips", "residence_certificate", "medical_report",
        "medical_bills",
        "request_subject", "decision_letters",  // aids.md: "decision letters"
      ]
    ),
  ]

  static let allocationVieChere: [FieldID] = [
    "surname", "given_names", "matricule", "birth_date", "address", "residence_since",
    "civil_status",
    "household_members", "household_income", "iban", "account_holder",
  ]

  static let fieldsByAid: [(String, [FieldID])] = [
    ("allocation-vie-chere", allocationVieChere),
    ("prime-energie", allocationVieChere),
    (
      "subvention-loyer",
      [
        "surname", "given_names", "matricule", "address", "household_members", "household_income",
        "employer",
        "rent_amount", "lease", "landlord", "property_ownership", "health_insurance_affiliation",
        "iban",
      ]
    ),
    (
      "garantie-locative",
      [
        "surname", "given_names", "matricule", "household_members", "household_income",
        "rent_amount",
        "rental_deposit_amount", "lease", "property_ownership",
      ]
    ),
    (
      "revis",
      [
        "surname", "given_names", "matricule", "birth_date", "nationality", "right_of_residence",
        "address",
        "civil_status", "household_members", "household_income", "iban", "adem_registration",
        "id_document",
      ]
    ),
    (
      "revis-activation",
      [
        "matricule", "surname", "given_names", "activation_plan", "adem_registration",
        "caregiver_status", "children_count",
      ]
    ),
    (
      "aide-sociale",
      [
        "surname", "given_names", "matricule", "birth_date", "address", "civil_status",
        "request_subject",
        "household_members", "household_income", "monthly_expenses", "rent_amount", "debts_arrears",
        "energy_supplier_account", "medical_bills", "health_insurance_affiliation", "iban",
      ]
    ),
    (
      "tiers-payant-social",
      ["matricule", "surname", "given_names", "health_insurance_affiliation", "household_members"]
    ),
    (
      "adresse-reference",
      [
        "surname", "given_names", "matricule", "nationality", "residence_history",
        "reference_address_entity",
      ]
    ),
    (
      "allocation-familiale",
      [
        "surname", "given_names", "matricule", "address", "civil_status", "employer", "children",
        "iban", "account_holder",
      ]
    ),
    (
      "inscription-adem",
      [
        "surname", "given_names", "matricule", "address", "phone", "email", "employer",
        "employment_end_reason",
      ]
    ),
    (
      "assurance-dependance",
      [
        "matricule", "surname", "given_names", "address", "health_insurance_affiliation",
        "medical_report", "iban",
      ]
    ),
    (
      "salarie-handicape",
      [
        "matricule", "surname", "given_names", "address", "employer", "adem_registration",
        "disability_status", "medical_report",
      ]
    ),
  ]

  let catalogue = FieldCatalogue.standard

  @Test(arguments: fieldsByCircle)
  func everyFieldOfTheCircleTableIsInItsCircle(_ circle: Circle, _ ids: [FieldID]) throws {
    for id in ids {
      let definition = try #require(catalogue[id], "missing field \(id)")
      #expect(definition.circle == circle, "\(id) is in the wrong circle")
    }
    #expect(Set(catalogue.fields(in: circle).map(\.id)) == Set(ids))
  }

  @Test(arguments: fieldsByAid)
  func everyFieldOfEveryAidIsCatalogued(_ aid: String, _ ids: [FieldID]) {
    for id in ids {
      #expect(catalogue[id] != nil, "aid \(aid) needs \(id)")
    }
  }

  @Test func nothingBeyondTheSource() {
    let listed = Set(Self.fieldsByCircle.flatMap(\.1))
    #expect(Set(catalogue.fields.map(\.id)) == listed)
    #expect(catalogue.fields.count == listed.count)
  }

  @Test func everyFieldHasPlainLabelsInBothLanguages() {
    for definition in catalogue.fields {
      for language in Language.allCases {
        let label = definition.label.text(in: language)
        #expect(
          !label.trimmingCharacters(in: .whitespaces).isEmpty,
          "\(definition.id) has no \(language) label")
        if let hint = definition.hint {
          #expect(!hint.text(in: language).trimmingCharacters(in: .whitespaces).isEmpty)
        }
      }
      #expect(
        definition.label.fr != definition.label.en, "\(definition.id) label is not translated")
    }
  }

  /// The types the validation promises for the identity and money fields.
  @Test(
    arguments: [
      ("matricule", FieldType.matricule), ("birth_date", .pastDate), ("surname", .name),
      ("iban", .iban),
      ("household_income", .amountCents), ("rent_amount", .amountCents), ("commune", .commune),
      ("civil_status", .civilStatus), ("household_members", .householdMembers),
      ("children", .children),
      ("children_count", .count), ("phone", .phone), ("email", .email), ("lease", .document),
      ("payslips", .document), ("decision_letters", .document), ("request_subject", .text),
    ] as [(FieldID, FieldType)])
  func typesOfKeyFields(_ id: FieldID, _ type: FieldType) {
    #expect(catalogue[id]?.type == type)
  }

  @Test func concentricLookup() {
    #expect(catalogue.fields(upTo: .core).count == 5)
    #expect(catalogue.fields(upTo: .documents).count == catalogue.fields.count)
  }

  @Test func duplicateFieldRefused() {
    let label = LocalizedText(fr: "x", en: "y", de: "z", pt: "w")
    let a = FieldDefinition(id: "iban", circle: .moneyAndHousing, type: .iban, label: label)
    #expect(throws: DataFileError.duplicateField("iban")) { try FieldCatalogue(fields: [a, a]) }
  }

  @Test func operatorCatalogueFile() throws {
    let json = #"""
      {"version": 1, "fields": [
        {"id": "pet_name", "circle": 1, "type": "name", "label": {"fr": "Nom de l'animal", "en": "Pet's name", "de": "Name des Tieres", "pt": "Nome do animal"}}]}
      """#
    let custom = try FieldCatalogue(json: Data(json.utf8))
    #expect(custom["pet_name"]?.type == .name)
    #expect(custom["pet_name"]?.hint == nil)
  }

  @Test(arguments: [
    #"{"version": 1, "fields": [{"id": "Bad-Id", "circle": 1, "type": "name", "label": {"fr": "a", "en": "b"}}]}"#,
    #"{"version": 1, "fields": [{"id": "x", "circle": 7, "type": "name", "label": {"fr": "a", "en": "b"}}]}"#,
    #"{"version": 1, "fields": [{"id": "x", "circle": 1, "type": "colour", "label": {"fr": "a", "en": "b"}}]}"#,
    #"{"version": 1, "fields": [{"id": "x", "circle": 1, "type": "name", "label": {"fr": "a"}}]}"#,
    // A label without its German and Portuguese: refused, not shown in English.
    #"{"version": 1, "fields": [{"id": "x", "circle": 1, "type": "name", "label": {"fr": "a", "en": "b"}}]}"#,
    "not json",
  ])
  func malformedCatalogueRefused(_ json: String) {
    #expect(throws: DataFileError.self) { try FieldCatalogue(json: Data(json.utf8)) }
  }
}
