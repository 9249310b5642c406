import Foundation

/// The person-readable export (`spec/wallet.md` §"Export"): every field's
/// latest value, with its label and circle, in plain words, as JSON a person
/// (or a social worker) can open in any text editor. It is the citizen's data
/// in clear: written only on the citizen's device, at their request.
public struct PlainExport: Sendable, Codable {
  public struct Entry: Sendable, Codable {
    public let field: String
    public let label: String
    public let circle: Int
    public let version: UInt64
    public let value: String
  }

  public let wallet: String
  public let language: String
  public let consentTerms: String
  public let fields: [Entry]

  /// Renders the owner's fields; values that do not decode with the catalogue
  /// are reported as such rather than skipped.
  public init(owner: WalletOwner, language: Language, catalogue: FieldCatalogue = .standard)
    throws(WalletError)
  {
    wallet = owner.walletID.description
    self.language = language.rawValue
    consentTerms = try owner.consentReceipt().terms
    fields = try owner.readAll().map { record, plaintext in
      let definition = catalogue[record.field]
      let value =
        definition.flatMap { try? FieldValue.decode(plaintext, type: $0.type) }?.displayText(
          language: language)
        ?? LocalizedText(
          fr: "(valeur illisible)", en: "(unreadable value)", de: "(Wert nicht lesbar)",
          pt: "(valor ilegível)"
        ).text(in: language)
      return Entry(
        field: record.field.rawValue,
        label: definition?.label.text(in: language) ?? record.field.rawValue,
        circle: record.circle.rawValue, version: record.version, value: value)
    }
  }

  public func json() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)) ?? Data()
  }
}
