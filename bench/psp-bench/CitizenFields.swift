import PSPWallet

/// Twenty fields of a made-up citizen across circles 0 to 4, validated by the
/// catalogue exactly as the CLI would: the benchmark writes what a real
/// wallet holds, not placeholder bytes.
enum CitizenFields {
  static let texts: [(FieldID, String)] = [
    ("matricule", "1985031212307"), ("surname", "Ferreira"), ("given_names", "Maria"),
    ("birth_date", "1985-03-12"), ("nationality", "portugaise"),
    ("address", "12, rue de la Gare, L-8510 Redange"),
    ("commune", "Redange"), ("residence_since", "2015-06-01"), ("civil_status", "divorcée"),
    (
      "household_members",
      #"[{"given_names":"Lucas","surname":"Ferreira","relation":"child","birth_date":"2012-09-03"}]"#
    ),
    ("phone", "621 123 456"), ("email", "maria.ferreira@example.lu"),
    ("iban", "LU28 0019 4006 4475 0000"),
    ("account_holder", "Maria Ferreira"), ("household_income", "2 150,00"),
    ("rent_amount", "850,00"),
    ("landlord", "Jean Muller"), ("employer", "Boulangerie Schmit"),
    ("health_insurance_affiliation", "CNS"),
    ("request_subject", "Aide pour payer la facture d'électricité"),
  ]

  static func values() throws -> [(FieldID, FieldValue)] {
    try texts.map { field, text in
      guard let definition = FieldCatalogue.standard[field] else {
        throw BenchError.setup("\(field) is not in the catalogue")
      }
      return (field, try definition.validate(text))
    }
  }
}
