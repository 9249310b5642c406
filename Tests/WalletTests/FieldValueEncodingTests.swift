import PSPWallet
import Testing

@Suite("Canonical value encoding")
struct FieldValueEncodingTests {
  /// One validated value of every field type, built through validation as a
  /// client would.
  static func samples() throws -> [(FieldType, FieldValue)] {
    let members = """
      [{"given_names": "Marie", "surname": "Dupont", "relation": "conjointe", "birth_date": "03/03/1990",
        "matricule": "1990000012308", "monthly_net_income": "1200"},
       {"given_names": "Léa", "surname": "Dupont", "relation": "fille", "birth_date": "2015-05-04"}]
      """
    let kids =
      #"[{"given_names": "Léa", "surname": "Dupont", "birth_date": "2015-05-04", "matricule": "2000022904568"}, {"given_names": "Tom", "birth_date": "2018-01-09"}]"#
    return [
      (
        .text,
        try field("address").validate("12, rue de la Gare\nL-1234 Luxembourg", context: testContext)
      ),
      (.name, try field("surname").validate("Müller-D'Souza", context: testContext)),
      (.date, try definition(of: .date).validate("2030-06-30", context: testContext)),
      (.pastDate, try field("birth_date").validate("01/12/1950", context: testContext)),
      (.matricule, try field("matricule").validate("1893120105732", context: testContext)),
      (.iban, try field("iban").validate("LU28 0019 4006 4475 0000", context: testContext)),
      (.amountCents, try field("rent_amount").validate("1 234,50 €", context: testContext)),
      (.email, try field("email").validate("Marie@Example.LU", context: testContext)),
      (.phone, try field("phone").validate("621 123 456", context: testContext)),
      (.commune, try field("commune").validate("prëizerdaul", context: testContext)),
      (.civilStatus, try field("civil_status").validate("veuve", context: testContext)),
      (.householdMembers, try field("household_members").validate(members, context: testContext)),
      (.children, try field("children").validate(kids, context: testContext)),
      (.count, try field("children_count").validate("3", context: testContext)),
      (.boolean, try field("property_ownership").validate("non", context: testContext)),
      (
        .document,
        try field("lease").validateDocument(
          Array("%PDF-1.7 bail".utf8), mediaType: "application/pdf")
      ),
    ]
  }

  @Test func everyTypeHasASample() throws {
    #expect(Set(try Self.samples().map(\.0)) == Set(FieldType.allCases))
  }

  @Test func roundTripForEveryType() throws {
    for (type, value) in try Self.samples() {
      let bytes = value.encoded()
      let decoded = try FieldValue.decode(bytes, type: type)
      #expect(decoded == value, "round trip of \(type)")
      #expect(decoded.encoded() == bytes, "re-encoding of \(type)")
      #expect(bytes.first == 1, "format version of \(type)")
    }
  }

  @Test func encodingIsDeterministic() throws {
    for (_, value) in try Self.samples() {
      #expect(value.encoded() == value.encoded())
    }
    // Two inputs that mean the same value give the same bytes.
    let a = try field("iban").validate("lu28 0019-4006 4475 0000", context: testContext)
    let b = try field("iban").validate("LU280019400644750000", context: testContext)
    #expect(a.encoded() == b.encoded())
  }

  /// Vectors written from the format description (FieldValue+Encoding.swift).
  @Test func documentedLayout() throws {
    #expect(
      FieldValue.amountCents(123_450).encoded() == [1, 0x06, 0, 0, 0, 0, 0, 0x01, 0xE2, 0x3A])
    #expect(FieldValue.boolean(true).encoded() == [1, 0x0E, 1])
    #expect(FieldValue.count(3).encoded() == [1, 0x0D, 0, 0, 0, 3])
    #expect(FieldValue.name("Léa").encoded() == [1, 0x02, 0, 0, 0, 4, 0x4C, 0xC3, 0xA9, 0x61])
    #expect(
      FieldValue.date(CalendarDate(year: 1893, month: 12, day: 1)!).encoded() == [
        1, 0x03, 0x07, 0x65, 12, 1,
      ])
    #expect(
      FieldValue.civilStatus(.married).encoded() == [1, 0x0A, 0, 0, 0, 7] + Array("married".utf8))
    let child = Child(givenNames: "Tom", birthDate: CalendarDate(year: 2018, month: 1, day: 9)!)
    #expect(
      FieldValue.children([child]).encoded()
        == [1, 0x0C, 0, 0, 0, 1, 0, 0, 0, 3] + Array("Tom".utf8) + [0, 0x07, 0xE2, 1, 9, 0])
  }

  @Test func refusesOtherVersionsTypesAndTrailingBytes() throws {
    let bytes = FieldValue.boolean(true).encoded()
    #expect(throws: FieldValueDecodingError.unsupportedVersion(2)) {
      try FieldValue.decode([2] + bytes.dropFirst(), type: .boolean)
    }
    #expect(throws: FieldValueDecodingError.wrongType(expected: .count)) {
      try FieldValue.decode(bytes, type: .count)
    }
    #expect(throws: FieldValueDecodingError.wrongType(expected: .boolean)) {
      try FieldValue.decode([1, 0x7F], type: .boolean)
    }
    #expect(throws: FieldValueDecodingError.trailingBytes) {
      try FieldValue.decode(bytes + [0], type: .boolean)
    }
    #expect(throws: FieldValueDecodingError.truncated) { try FieldValue.decode([], type: .boolean) }
  }

  @Test func everyTruncationIsRefused() throws {
    for (type, value) in try Self.samples() {
      let bytes = value.encoded()
      for length in 0..<bytes.count {
        #expect(throws: FieldValueDecodingError.self) {
          try FieldValue.decode(Array(bytes.prefix(length)), type: type)
        }
      }
    }
  }

  /// Content that validation would never produce is refused, so a hostile
  /// client cannot plant a value a grantee's code does not expect.
  @Test(arguments: [
    ([1, 0x0E, 2] as [UInt8], FieldType.boolean),  // yes/no byte 2
    (Self.string(0x02, "Léa  Marie"), .name),  // double space
    (Self.string(0x02, "Le\u{0301}a"), .name),  // not NFC
    (Self.string(0x04, "1893120105733"), .matricule),  // bad check digit
    (Self.string(0x05, "lu280019400644750000"), .iban),  // not upper case
    (Self.string(0x07, "marie@EXAMPLE.lu"), .email),  // domain not lower case
    (Self.string(0x08, "621123456"), .phone),  // not E.164
    (Self.string(0x0A, "complicated"), .civilStatus),
    (Self.string(0x01, " padded "), .text),
    ([1, 0x06, 0, 0, 0, 0, 0x3B, 0x9A, 0xCA, 0x01], .amountCents),  // above 10 million euros
    ([1, 0x03, 0x07, 0xE7, 2, 29], .date),  // 2023-02-29
    ([1, 0x0D, 0, 0, 0, 100], .count),
    // A presence byte 2.
    ([1, 0x0C, 0, 0, 0, 1, 0, 0, 0, 3] + Array("Tom".utf8) + [2, 0x07, 0xE2, 1, 9, 0], .children),
    // A "PDF" that is not one.
    (Self.string(0x0F, "application/pdf") + [0, 0, 0, 3, 0x41, 0x42, 0x43], .document),
  ])
  func nonCanonicalContentRefused(_ bytes: [UInt8], _ type: FieldType) {
    #expect(throws: FieldValueDecodingError.self) { try FieldValue.decode(bytes, type: type) }
  }

  /// Whatever single-byte change decodes still re-encodes to the same bytes:
  /// there is one encoding per value.
  @Test func mutatedBytesThatDecodeAreCanonical() throws {
    for (type, value) in try Self.samples() {
      let bytes = value.encoded()
      for position in bytes.indices {
        for mask: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
          var mutated = bytes
          mutated[position] ^= mask
          if let decoded = try? FieldValue.decode(mutated, type: type) {
            #expect(decoded.encoded() == mutated)
          }
        }
      }
    }
  }

  @Test func dateFitsBothDateTypes() throws {
    let bytes = FieldValue.date(CalendarDate(year: 1990, month: 1, day: 1)!).encoded()
    #expect(try FieldValue.decode(bytes, type: .date) == FieldValue.decode(bytes, type: .pastDate))
  }

  static func string(_ kind: UInt8, _ s: String) -> [UInt8] {
    let utf8 = Array(s.utf8)
    let n = UInt32(utf8.count)
    return [
      1, kind, UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF),
    ] + utf8
  }
}
