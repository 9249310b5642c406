/// The canonical byte encoding of a field value: the plaintext the wallet
/// encrypts under a field's data key.
///
/// Chosen over canonical JSON because it has exactly one form per value with
/// no escaping, number-formatting or key-order rules to get wrong, carries
/// document bytes without base64, and is strict to parse. Version 1:
///
///     value    = %x01 kind body                 ; format version 1, then the kind
///     u8/u16/u32/u64                            ; unsigned, big-endian
///     string   = u32 length, UTF-8 bytes        ; normalised as validation leaves it (NFC)
///     date     = u16 year, u8 month, u8 day     ; a real date, 1900 to 2100
///     optional = %x00 | %x01 item
///     list     = u32 count, item*
///
///     kind  body
///     0x01  text            string
///     0x02  name            string
///     0x03  date            date                ; for `date` and `past_date`
///     0x04  matricule       string (13 ASCII digits)
///     0x05  iban            string (upper case, no spaces)
///     0x06  amount_cents    u64
///     0x07  email           string
///     0x08  phone           string (E.164)
///     0x09  commune         string (canonical name)
///     0x0A  civil_status    string (CivilStatus raw value)
///     0x0B  household       list of: string given names, string surname,
///                           string relation (Relation raw value), date birth date,
///                           optional string matricule, optional u64 income cents
///     0x0C  children        list of: string given names, optional string surname,
///                           date birth date, optional string matricule
///     0x0D  count           u32
///     0x0E  boolean         u8 (0 or 1)
///     0x0F  document        string media type, u32 length, bytes
///
/// Decoding refuses anything `encoded()` would not produce: another version,
/// another kind than the field's type, trailing bytes, non-0/1 flags, and
/// content that validation would have normalised differently. So
/// `decode(b).encoded() == b` for every accepted `b`, and two clients that
/// hold equal values hold equal bytes.
extension FieldValue {
  static let formatVersion: UInt8 = 1

  enum Kind: UInt8 {
    case text = 0x01, name, date, matricule, iban, amountCents, email, phone, commune, civilStatus,
      householdMembers, children, count, boolean, document
  }

  var kind: Kind {
    switch self {
    case .text: .text
    case .name: .name
    case .date: .date
    case .matricule: .matricule
    case .iban: .iban
    case .amountCents: .amountCents
    case .email: .email
    case .phone: .phone
    case .commune: .commune
    case .civilStatus: .civilStatus
    case .householdMembers: .householdMembers
    case .children: .children
    case .count: .count
    case .boolean: .boolean
    case .document: .document
    }
  }

  /// The canonical bytes of this value (the plaintext the wallet encrypts).
  public func encoded() -> [UInt8] {
    var w = CanonicalWriter()
    w.u8(Self.formatVersion)
    w.u8(kind.rawValue)
    switch self {
    case .text(let s), .name(let s), .email(let s), .phone(let s), .commune(let s): w.string(s)
    case .date(let d): w.date(d)
    case .matricule(let m): w.string(m.digits)
    case .iban(let i): w.string(i.compact)
    case .amountCents(let c):
      precondition(c >= 0, "an amount is never negative: build it through validation")
      w.u64(UInt64(c))
    case .civilStatus(let s): w.string(s.rawValue)
    case .householdMembers(let members):
      w.u32(UInt32(members.count))
      for m in members {
        w.string(m.givenNames)
        w.string(m.surname)
        w.string(m.relation.rawValue)
        w.date(m.birthDate)
        w.optional(m.matricule) { $0.string($1.digits) }
        w.optional(m.monthlyNetIncomeCents) {
          precondition($1 >= 0, "an income is never negative: build it through validation")
          $0.u64(UInt64($1))
        }
      }
    case .children(let children):
      w.u32(UInt32(children.count))
      for c in children {
        w.string(c.givenNames)
        w.optional(c.surname) { $0.string($1) }
        w.date(c.birthDate)
        w.optional(c.matricule) { $0.string($1.digits) }
      }
    case .count(let n):
      precondition(
        n >= 0 && n <= FieldDefinition.maximumCount,
        "a count is 0...99: build it through validation")
      w.u32(UInt32(n))
    case .boolean(let b): w.bool(b)
    case .document(let d):
      w.string(d.mediaType.rawValue)
      w.data(d.bytes)
    }
    return w.bytes
  }
}
