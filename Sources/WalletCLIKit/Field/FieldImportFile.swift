import Foundation

/// Reads the file of `field import`: a JSON object `{"field": value}` or CSV
/// lines `field,value`. Pure: bytes in, entries out; checking the values is the
/// catalogue's job.
///
/// CSV: one field per line, split at the first comma (addresses keep theirs);
/// a value in double quotes loses them and `""` inside becomes `"`; empty
/// lines and lines starting with `#` are skipped; a first line `field,value`
/// (or `donnée,valeur`, `champ,valeur`, `Angabe,Wert`, `Feld,Wert`, `dado,valor`,
/// `campo,valor`) is a header.
/// JSON: a string value is taken as it is; a number as written; true/false as
/// oui/non; a list or object (a household) as its JSON text, which is what the
/// catalogue reads for lists.
enum FieldImportFile {
  struct Entry: Equatable {
    /// The line in a CSV file (from 1); nil in JSON.
    let line: Int?
    let field: String
    let value: String?
    /// From a readable export: the value's exact bytes, base64 (nil elsewhere).
    var data: String? = nil
  }

  /// nil when the file is neither form.
  static func parse(_ data: Data) -> [Entry]? {
    guard var text = String(data: data, encoding: .utf8) else { return nil }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
      return json(Data(text.utf8))
    }
    return csv(text)
  }

  static func json(_ data: Data) -> [Entry]? {
    if let export = try? JSONDecoder().decode(ReadableExport.self, from: data) {
      guard export.format == ReadableExport.format else { return nil }
      return export.fields.map { Entry(line: nil, field: $0.field, value: $0.value, data: $0.data) }
    }
    guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
      return nil
    }
    return object.keys.sorted().map { key in Entry(line: nil, field: key, value: object[key]?.text)
    }
  }

  /// The file of `wallet export`: each field's exact value in `data`.
  struct ReadableExport: Decodable {
    static let format = "psp-readable-export/1"
    struct Field: Decodable {
      let field: String
      let value: String?
      let data: String?
    }
    let format: String
    let fields: [Field]
  }

  /// Any JSON value, to be turned into the text the catalogue validates.
  enum JSONValue: Codable {
    case string(String), integer(Int64), number(Double), boolean(Bool), null
    case list([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let value = try? container.decode(Bool.self) {
        self = .boolean(value)
      } else if let value = try? container.decode(Int64.self) {
        self = .integer(value)
      } else if let value = try? container.decode(Double.self) {
        self = .number(value)
      } else if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode([JSONValue].self) {
        self = .list(value)
      } else {
        self = .object(try container.decode([String: JSONValue].self))
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .string(let value): try container.encode(value)
      case .integer(let value): try container.encode(value)
      case .number(let value): try container.encode(value)
      case .boolean(let value): try container.encode(value)
      case .null: try container.encodeNil()
      case .list(let value): try container.encode(value)
      case .object(let value): try container.encode(value)
      }
    }

    var text: String? {
      switch self {
      case .string(let value): value
      case .integer(let value): String(value)
      case .number(let value): String(value)
      case .boolean(let value): value ? "oui" : "non"
      case .null: nil
      case .list, .object:
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) }
      }
    }
  }

  static func csv(_ text: String) -> [Entry]? {
    var entries: [Entry] = []
    let lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let comma = line.firstIndex(of: ",") else {
        entries.append(Entry(line: index + 1, field: line, value: nil))
        continue
      }
      let field = line[..<comma].trimmingCharacters(in: .whitespaces)
      var value = line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)
      if entries.isEmpty,
        ["field", "donnée", "donnee", "champ", "angabe", "feld", "dado", "campo"].contains(
          field.lowercased()),
        ["value", "valeur", "wert", "valor"].contains(value.lowercased())
      {
        continue
      }
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
      }
      entries.append(Entry(line: index + 1, field: field, value: value))
    }
    return entries.isEmpty ? nil : entries
  }
}
