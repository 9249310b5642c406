/// Why an input was refused. Every case has a message in French, English,
/// German and Portuguese
/// that says what is wrong and what to do, and none carries the input or any
/// part of it: the input is personal data, and errors reach logs and screens.
public enum FieldValidationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Nothing was given.
  case empty
  /// Longer than the field allows (in characters).
  case tooLong(maximum: Int)
  /// Control or text-direction characters, which could hide or reorder text.
  case forbiddenCharacters
  /// A name with digits or symbols.
  case notAName

  case matriculeLength
  case matriculeNotDigits
  /// The first 8 digits are not a possible date (month or day may be 00).
  case matriculeDate
  case matriculeCheckDigits(CheckDigitAlgorithm)

  case ibanCharacters
  /// The IBAN does not start with two letters (the country).
  case ibanCountry
  case ibanLength(expected: ClosedRange<Int>)
  case ibanCheckDigits

  case dateFormat
  /// Day and month exist separately but not together (31 April, 29 February 2023).
  case dateNotReal
  case dateInFuture
  case dateOutOfRange(earliestYear: Int, latestYear: Int)

  case amountFormat
  case amountNegative
  /// More than two digits after the decimal separator.
  case amountTooPrecise
  case amountTooLarge

  case emailFormat
  case phoneFormat
  /// A number that is not a Luxembourg number needs its country code.
  case phoneCountryCodeNeeded
  case phoneLength

  case communeUnknown
  case civilStatusUnknown
  case relationUnknown
  case booleanUnknown
  case countFormat
  case countTooLarge(maximum: Int)

  /// A file field was given text.
  case fileExpected
  /// A text field was given a file.
  case textExpected
  case documentEmpty
  case documentTooLarge(maximumBytes: Int)
  case documentMediaType
  /// The bytes are not of the declared kind (a "PDF" that is not a PDF).
  case documentContentMismatch

  /// A list (household members, children) that could not be read at all.
  case listFormat
  case tooManyEntries(maximum: Int)
  /// A part of one entry of a list is wrong; `position` counts from 1.
  indirect case entry(position: Int, part: EntryPart, FieldValidationError)

  /// Which matricule check digit did not match (both are computed over the
  /// first 11 digits, so either failing means a mistyped number).
  public enum CheckDigitAlgorithm: String, Sendable, Hashable {
    case luhn
    case verhoeff
  }

  /// The parts of a household member or child entry.
  public enum EntryPart: String, Sendable, Hashable, CaseIterable {
    case givenNames = "given_names"
    case surname
    case relation
    case birthDate = "birth_date"
    case matricule
    case monthlyNetIncome = "monthly_net_income"
  }

  /// French, the first language (BRIEF.md).
  public var description: String { message(in: .french) }
}
