import Foundation
import PSPWallet
import Testing

@Suite("Communes and their office social")
struct CommuneDirectoryTests {
  let commune = field("commune")
  let directory = CommuneDirectory.standard

  /// aids.md "Offices sociaux": joint offices by seat, own offices.
  @Test(arguments: [
    ("Redange", "Redange", "Redange", true),
    ("Clervaux", "Clervaux", "Hosingen", true),
    ("Luxembourg", "Luxembourg", "Luxembourg", false),
    ("esch sur alzette", "Esch-sur-Alzette", "Esch-sur-Alzette", false),
    ("PREIZERDAUL", "Préizerdaul", "Redange", true),
    ("lac de la haute sure", "Lac de la Haute-Sûre", "Wiltz", true),
    ("Weiler-la-Tour", "Weiler-la-Tour", "Contern", true),
    ("Mondorf-les-Bains", "Mondorf-les-Bains", "Mondorf-les-Bains", true),
    ("Rumelange", "Rumelange", "Kayl", true),
    ("Ville de Luxembourg", "Luxembourg", "Luxembourg", false),
  ])
  func competentOffice(_ input: String, _ canonical: String, _ seat: String, _ joint: Bool) throws {
    let value = try commune.validate(input, context: testContext)
    #expect(value == .commune(canonical))
    let office = try #require(directory.officeSocial(for: value))
    #expect(office.seat == seat)
    #expect(office.isJoint == joint)
    #expect(office.communes.contains(canonical))
  }

  @Test func officeNames() throws {
    let redange = try #require(directory.commune(matching: "Redange")?.office)
    #expect(redange.name(in: .french) == "Office social de Redange")
    let esch = try #require(directory.commune(matching: "Esch-sur-Alzette")?.office)
    #expect(esch.name(in: .french) == "Office social d'Esch-sur-Alzette")
    #expect(esch.name(in: .english) == "Office social of Esch-sur-Alzette")
  }

  @Test(arguments: ["Atlantis", "Paris", "Redangee", "Esch"])
  func unknownCommuneRefused(_ input: String) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try commune.validate(input, context: testContext)
      } == .communeUnknown)
  }

  @Test func emptyCommuneRefused() {
    #expect(
      validationError { () throws(FieldValidationError) in
        try commune.validate("  ", context: testContext)
      } == .empty)
  }

  /// Every commune the 2010 regulation lists, and the 30 offices.
  @Test func regulationAsEnacted() {
    #expect(directory.offices.count == 30)
    #expect(directory.offices.filter { !$0.isJoint }.count == 11)
    #expect(directory.offices.reduce(0) { $0 + $1.communes.count } == 116)
  }

  /// Merged communes resolve through their former communes' shared office.
  @Test(arguments: [
    ("Parc Hosingen", "Hosingen"), ("Käerjeng", "Bascharage"), ("Vallée de l'Ernz", "Larochette"),
    ("Helperknapp", "Mersch"), ("Habscht", "Steinfort"),
  ])
  func mergedCommunes(_ name: String, _ seat: String) {
    #expect(directory.commune(matching: name)?.office.seat == seat)
  }

  /// The operator's file replaces the bundled one.
  @Test func operatorFile() throws {
    let json = """
      {"version": 1,
       "offices": [{"seat": "Nordstad", "communes": ["Ettelbruck", "Diekirch"]}],
       "merged_communes": [{"name": "Nordstad", "former_communes": ["Ettelbruck", "Diekirch"]}],
       "aliases": {"Ettelbréck": "Ettelbruck"}}
      """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "communes-\(UUID().uuidString).json")
    try Data(json.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let custom = try CommuneDirectory(contentsOf: url)
    let context = ValidationContext(today: testToday, communes: custom)
    #expect(try commune.validate("nordstad", context: context) == .commune("Nordstad"))
    #expect(try commune.validate("Ettelbréck", context: context) == .commune("Ettelbruck"))
    #expect(custom.commune(matching: "Diekirch")?.office.seat == "Nordstad")
    #expect(
      validationError { () throws(FieldValidationError) in
        try commune.validate("Redange", context: context)
      } == .communeUnknown)
  }

  @Test(arguments: [
    (
      #"{"version": 1, "offices": [{"seat": "A", "communes": ["Bech", "bech"]}]}"#,
      DataFileError.duplicateCommune("bech")
    ),
    (
      #"{"version": 1, "offices": [{"seat": "A", "communes": ["A"]}, {"seat": "B", "communes": ["B"]}], "merged_communes": [{"name": "AB", "former_communes": ["A", "B"]}]}"#,
      .ambiguousOffice(commune: "AB")
    ),
    (#"{"version": 1, "offices": [], "aliases": {"X": "Nowhere"}}"#, .unknownCommune("Nowhere")),
    (#"{"version": 2, "offices": []}"#, .unsupportedVersion(2)),
  ])
  func badOperatorFiles(_ json: String, _ expected: DataFileError) {
    #expect(throws: expected) { try CommuneDirectory(json: Data(json.utf8)) }
  }

  /// An ambiguous merge is accepted once the operator names the office.
  @Test func explicitOfficeForAmbiguousMerge() throws {
    let json = #"""
      {"version": 1, "offices": [{"seat": "Echternach", "communes": ["Echternach", "Rosport"]},
       {"seat": "Grevenmacher", "communes": ["Grevenmacher", "Mompach"]}],
       "merged_communes": [{"name": "Rosport-Mompach", "former_communes": ["Rosport", "Mompach"], "office": "Echternach"}]}
      """#
    let custom = try CommuneDirectory(json: Data(json.utf8))
    #expect(custom.commune(matching: "rosport mompach")?.office.seat == "Echternach")
  }

  /// Every commune of the directory validates to itself and its value decodes.
  @Test func everyCommuneIsAValidValue() throws {
    for entry in directory.communes {
      let value = try commune.validate(entry.name, context: testContext)
      #expect(value == .commune(entry.name))
      #expect(try FieldValue.decode(value.encoded(), type: .commune) == value)
    }
  }

  /// Typographic apostrophes in an operator's file become the canonical ASCII
  /// form, so the stored value decodes.
  @Test func operatorSpellingIsNormalised() throws {
    let json =
      #"{"version": 1, "offices": [{"seat": "Larochette", "communes": ["Larochette", "Vallée de l’Ernz"]}]}"#
    let custom = try CommuneDirectory(json: Data(json.utf8))
    let value = try commune.validate(
      "vallee de l'ernz", context: ValidationContext(today: testToday, communes: custom))
    #expect(value == .commune("Vallée de l'Ernz"))
    #expect(try FieldValue.decode(value.encoded(), type: .commune) == value)
  }

  @Test func unreadableFile() {
    let url = URL(fileURLWithPath: "/nonexistent/communes.json")
    #expect(throws: DataFileError.unreadable(path: "/nonexistent/communes.json")) {
      try CommuneDirectory(contentsOf: url)
    }
  }
}
