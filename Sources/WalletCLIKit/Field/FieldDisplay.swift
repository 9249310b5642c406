import PSPWallet

/// A field and its value as a person reads them: the catalogue's label, then
/// the value's display text; a value of several lines (a household) is
/// indented under the label.
struct FieldDisplay: Encodable {
  let field: String
  let circle: Int
  let label: String
  let value: String
  let version: UInt64?
  let updatedAt: String?

  init(_ field: FieldID, _ value: FieldValue, record: FieldRecord? = nil, _ language: Language) {
    let definition = FieldCatalogue.standard[field]
    self.field = field.rawValue
    circle = definition?.circle.rawValue ?? record?.circle.rawValue ?? 0
    label = definition?.label.text(in: language) ?? field.rawValue
    self.value = value.displayText(language: language)
    version = record?.version
    updatedAt = record.map { Timestamp.rfc3339($0.createdAt) }
  }

  /// "  Label : value" (French spacing) or "  Label: value" (English, German, Portuguese).
  func line(indent: String, _ language: Language) -> String {
    Self.line(label: label, value: value, indent: indent, language)
  }

  static func line(label: String, value: String, indent: String, _ language: Language) -> String {
    let separator =
      switch language {
      case .french: " : "
      case .english, .german, .portuguese: ": "
      }
    let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > 1 else { return indent + label + separator + value }
    return
      ([indent + label + separator.trimmingCharacters(in: .whitespaces)]
      + lines.map { indent + "    " + $0 }).joined(separator: "\n")
  }
}
