/// What kind of value a field holds, which decides how input is validated and
/// normalised, how the value is encoded and how it is shown to a person.
/// The raw values are the spelling used in `catalogue.json`.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
  /// Free text, possibly on several lines (an address, an employer).
  case text
  /// A person's name or names: letters, spaces, hyphens, apostrophes, periods.
  case name
  /// Any real calendar date.
  case date
  /// A real calendar date that is not in the future (a birth date, "since").
  case pastDate = "past_date"
  /// The national identification number (RGD 28 November 2013, art. 1).
  case matricule
  /// A bank account number (ISO 13616).
  case iban
  /// An amount of money in euro cents, never negative.
  case amountCents = "amount_cents"
  case email
  /// A phone number, kept in E.164 form (`+352…`).
  case phone
  /// A commune of Luxembourg, from the commune directory.
  case commune
  case civilStatus = "civil_status"
  /// The other people who live in the household.
  case householdMembers = "household_members"
  case children
  /// A small whole number (a number of children).
  case count
  /// Yes or no.
  case boolean
  /// A file (circle 4): its bytes and media type.
  case document
}
