import PSPWallet
import Testing

@Suite("Documents")
struct DocumentValidationTests {
  let lease = field("lease")
  static let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8)
  static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
  static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16]

  @Test(arguments: [
    (pdf, "application/pdf", MediaType.pdf), (png, "image/png", .png), (jpeg, "image/jpeg", .jpeg),
    (jpeg, "IMAGE/JPG", .jpeg), (Array("Bonjour\n".utf8), "text/plain; charset=utf-8", .plainText),
  ])
  func accepted(_ bytes: [UInt8], _ declared: String, _ type: MediaType) throws {
    let value = try lease.validateDocument(bytes, mediaType: declared)
    guard case .document(let document) = value else {
      Issue.record("not a document")
      return
    }
    #expect(document.mediaType == type)
    #expect(document.bytes == bytes)
  }

  @Test(arguments: [
    (pdf, "application/msword", FieldValidationError.documentMediaType),
    (pdf, "text/html", .documentMediaType),
    (Array("Bonjour".utf8), "text/plain; charset=iso-8859-1", .documentMediaType),
    (png, "application/pdf", .documentContentMismatch),
    (pdf, "image/jpeg", .documentContentMismatch),
    ([0xC3, 0x28], "text/plain", .documentContentMismatch),  // not UTF-8
    ([0x41, 0x00, 0x42], "text/plain", .documentContentMismatch),
    ([], "application/pdf", .documentEmpty),
  ])
  func refused(_ bytes: [UInt8], _ declared: String, _ expected: FieldValidationError) {
    #expect(
      validationError { () throws(FieldValidationError) in
        try lease.validateDocument(bytes, mediaType: declared)
      } == expected)
  }

  @Test func sizeLimit() {
    let limit = Document.maximumBytes
    #expect(limit == 10 * 1024 * 1024)
    let atLimit = Self.pdf + [UInt8](repeating: 0x20, count: limit - Self.pdf.count)
    #expect((try? lease.validateDocument(atLimit, mediaType: "application/pdf")) != nil)
    #expect(
      validationError { () throws(FieldValidationError) in
        try lease.validateDocument(atLimit + [0x20], mediaType: "application/pdf")
      }
        == .documentTooLarge(maximumBytes: limit))
    #expect(
      FieldValidationError.documentTooLarge(maximumBytes: limit).message(in: .french)
        == "Le fichier est trop grand : 10 Mo au plus.")
  }

  @Test func textAndFilesDoNotMix() {
    #expect(
      validationError { () throws(FieldValidationError) in
        try lease.validate("mon bail", context: testContext)
      } == .fileExpected)
    #expect(
      validationError { () throws(FieldValidationError) in
        try field("address").validateDocument(Self.pdf, mediaType: "application/pdf")
      }
        == .textExpected)
  }

  @Test func shownBySizeAndKind() throws {
    let value = try lease.validateDocument(
      Self.pdf + [UInt8](repeating: 0x20, count: 250 * 1024), mediaType: "application/pdf")
    #expect(value.displayText(language: .french) == "document PDF, 250 Ko")
    #expect(value.displayText(language: .english) == "PDF document, 250 KB")
  }
}
