import Foundation
import Testing

@testable import WalletCLIKit

@Suite("Field import files")
struct FieldImportFileTests {
  typealias Entry = FieldImportFile.Entry

  @Test func csvKeepsCommasInValuesAndSkipsHeaderAndComments() throws {
    let text =
      "\u{FEFF}donnée,valeur\r\n# Maria\nsurname, Ferreira \naddress,\"12, rue de la Gare\"\nrequest_subject,\"Il dit \"\"merci\"\"\"\n\nlonely\n"
    let entries = try #require(FieldImportFile.parse(Data(text.utf8)))
    #expect(
      entries == [
        Entry(line: 3, field: "surname", value: "Ferreira"),
        Entry(line: 4, field: "address", value: "12, rue de la Gare"),
        Entry(line: 5, field: "request_subject", value: "Il dit \"merci\""),
        Entry(line: 7, field: "lonely", value: nil),
      ])
  }

  @Test func jsonTakesEachKindOfValue() throws {
    let text = """
      {"surname": "Ferreira", "children_count": 2, "household_income": 2150.5, "disability_recognised": true,
       "phone": null, "household_members": [{"given_names": "Lucas"}]}
      """
    let entries = try #require(FieldImportFile.parse(Data(text.utf8)))
    #expect(
      entries == [
        Entry(line: nil, field: "children_count", value: "2"),
        Entry(line: nil, field: "disability_recognised", value: "oui"),
        Entry(line: nil, field: "household_income", value: "2150.5"),
        Entry(line: nil, field: "household_members", value: #"[{"given_names":"Lucas"}]"#),
        Entry(line: nil, field: "phone", value: nil),
        Entry(line: nil, field: "surname", value: "Ferreira"),
      ])
  }

  @Test func neitherFormIsRefused() {
    #expect(FieldImportFile.parse(Data("{not json".utf8)) == nil)
    #expect(FieldImportFile.parse(Data("\n# only a comment\n".utf8)) == nil)
    #expect(FieldImportFile.parse(Data([0xFF, 0xFE, 0x00])) == nil)
  }
}
