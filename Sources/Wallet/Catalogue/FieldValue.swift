/// A validated, normalised field value: what the wallet encrypts (through
/// `encoded()`), what a grantee decrypts (through `decode(_:type:)`) and what a
/// person reads (through `displayText(language:)`). Make values through
/// validation or decoding, which guarantee the invariant each case states; the
/// cases are public for pattern matching. `encoded()` of a hand-made value that
/// breaks its invariant gives bytes `decode` refuses (or traps, for a
/// negative number), never a second encoding of a valid value.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
  /// `text`: NFC, `\n` line ends, trimmed.
  case text(String)
  /// `name`: NFC, single spaces, ASCII hyphens and apostrophes.
  case name(String)
  /// `date` and `pastDate`.
  case date(CalendarDate)
  case matricule(Matricule)
  case iban(IBAN)
  /// Euro cents, 0 to `Amount.maximumCents`.
  case amountCents(Int64)
  /// Domain lower-cased.
  case email(String)
  /// E.164 (`+352621123456`).
  case phone(String)
  /// The commune's canonical name in the directory.
  case commune(String)
  case civilStatus(CivilStatus)
  case householdMembers([HouseholdMember])
  case children([Child])
  case count(Int)
  case boolean(Bool)
  case document(Document)

  /// Whether this value is of the kind a field of `type` holds.
  public func fits(_ type: FieldType) -> Bool {
    switch (self, type) {
    case (.text, .text), (.name, .name), (.date, .date), (.date, .pastDate),
      (.matricule, .matricule),
      (.iban, .iban), (.amountCents, .amountCents), (.email, .email), (.phone, .phone),
      (.commune, .commune), (.civilStatus, .civilStatus), (.householdMembers, .householdMembers),
      (.children, .children), (.count, .count), (.boolean, .boolean), (.document, .document):
      true
    default:
      false
    }
  }

  /// Never the value: a field value printed in a log is a leak.
  public var description: String { "FieldValue(redacted)" }
}
