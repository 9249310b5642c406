/// Reading canonical value bytes back (the format is described in
/// `FieldValue+Encoding.swift`). Every rule that does not depend on the day or
/// on the commune directory is checked again: a value decrypted from a wallet
/// was written by a client, and a grantee must not trust that client more than
/// the form it filled.
extension FieldValue {
  public static func decode(_ bytes: [UInt8], type: FieldType) throws(FieldValueDecodingError)
    -> FieldValue
  {
    var r = CanonicalReader(bytes)
    let version = try r.u8()
    guard version == formatVersion else { throw .unsupportedVersion(version) }
    guard let kind = Kind(rawValue: try r.u8()) else { throw .wrongType(expected: type) }
    let value: FieldValue
    switch kind {
    case .text: value = .text(try canonical(r.string(), "text", TextRules.text))
    case .name: value = .name(try name(&r))
    case .date: value = .date(try r.date())
    case .matricule: value = .matricule(try matricule(&r))
    case .iban:
      let s = try r.string()
      guard let iban = try? IBAN(validating: s), iban.compact == s else {
        throw .invalid("an IBAN that does not check")
      }
      value = .iban(iban)
    case .amountCents: value = .amountCents(try amount(&r))
    case .email: value = .email(try canonical(r.string(), "e-mail address", EmailAddress.normalise))
    case .phone: value = .phone(try canonical(r.string(), "phone number", PhoneNumber.normalise))
    case .commune: value = .commune(try canonical(r.string(), "commune name", TextRules.name))
    case .civilStatus:
      guard let status = CivilStatus(rawValue: try r.string()) else {
        throw .invalid("an unknown civil status")
      }
      value = .civilStatus(status)
    case .householdMembers: value = .householdMembers(try householdMembers(&r))
    case .children: value = .children(try children(&r))
    case .count:
      let n = try r.u32()
      guard n <= FieldDefinition.maximumCount else { throw .invalid("a count above the maximum") }
      value = .count(Int(n))
    case .boolean: value = .boolean(try r.bool())
    case .document:
      guard let mediaType = MediaType(rawValue: try r.string()) else {
        throw .invalid("an unknown media type")
      }
      guard let document = try? Document(checking: r.data(), mediaType: mediaType) else {
        throw .invalid("a document that is empty, too large or not of its media type")
      }
      value = .document(document)
    }
    try r.finish()
    guard value.fits(type) else { throw .wrongType(expected: type) }
    return value
  }

  /// Accepts a string only if validation would leave it unchanged.
  private static func canonical(
    _ s: String, _ what: String, _ normalise: (String) throws(FieldValidationError) -> String
  ) throws(FieldValueDecodingError) -> String {
    // Compared as bytes: String equality is canonical equivalence, which
    // would let a non-NFC spelling of the same text through.
    guard let normalised = try? normalise(s), Array(normalised.utf8) == Array(s.utf8) else {
      throw .invalid("a \(what) that is not normalised")
    }
    return s
  }

  private static func name(_ r: inout CanonicalReader) throws(FieldValueDecodingError) -> String {
    try canonical(r.string(), "name", TextRules.name)
  }

  private static func matricule(_ r: inout CanonicalReader) throws(FieldValueDecodingError)
    -> Matricule
  {
    let s = try r.string()
    guard let m = try? Matricule(validating: s), m.digits == s else {
      throw .invalid("a matricule that does not check")
    }
    return m
  }

  private static func amount(_ r: inout CanonicalReader) throws(FieldValueDecodingError) -> Int64 {
    let cents = try r.u64()
    guard cents <= UInt64(Amount.maximumCents) else {
      throw .invalid("an amount above the maximum")
    }
    return Int64(cents)
  }

  private static func entryCount(_ r: inout CanonicalReader) throws(FieldValueDecodingError) -> Int
  {
    let count = try r.u32()
    guard count <= FieldDefinition.maximumEntries else {
      throw .invalid("a list with too many entries")
    }
    return Int(count)
  }

  private static func householdMembers(_ r: inout CanonicalReader) throws(FieldValueDecodingError)
    -> [HouseholdMember]
  {
    var members: [HouseholdMember] = []
    for _ in 0..<(try entryCount(&r)) {
      let givenNames = try name(&r)
      let surname = try name(&r)
      guard let relation = Relation(rawValue: try r.string()) else {
        throw .invalid("an unknown relation")
      }
      let birthDate = try r.date()
      let number = try r.present() ? try matricule(&r) : nil
      let income = try r.present() ? try amount(&r) : nil
      members.append(
        HouseholdMember(
          givenNames: givenNames, surname: surname, relation: relation, birthDate: birthDate,
          matricule: number, monthlyNetIncomeCents: income))
    }
    return members
  }

  private static func children(_ r: inout CanonicalReader) throws(FieldValueDecodingError)
    -> [Child]
  {
    var children: [Child] = []
    for _ in 0..<(try entryCount(&r)) {
      let givenNames = try name(&r)
      let surname = try r.present() ? try name(&r) : nil
      let birthDate = try r.date()
      let number = try r.present() ? try matricule(&r) : nil
      children.append(
        Child(givenNames: givenNames, surname: surname, birthDate: birthDate, matricule: number))
    }
    return children
  }
}
