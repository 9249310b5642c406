import Foundation

/// Every field a wallet can hold, with its circle, type and plain-language
/// labels. The catalogue is data (`Resources/catalogue.json`), so that adding a
/// field or rewording a label is not a code change.
public struct FieldCatalogue: Sendable {
  /// The fields in catalogue order (by circle, as the file lists them).
  public let fields: [FieldDefinition]
  private let index: [FieldID: Int]

  /// The catalogue bundled with the module, built from `domain/aids.md`.
  /// It is tested; a failure to load it is a packaging fault, not a runtime case.
  public static let standard: FieldCatalogue = {
    do {
      return try FieldCatalogue(json: BundledData.bytes(ofResource: "catalogue"))
    } catch {
      fatalError("the bundled field catalogue does not load: \(error)")
    }
  }()

  public init(fields: [FieldDefinition]) throws(DataFileError) {
    var index: [FieldID: Int] = [:]
    for (position, field) in fields.enumerated() {
      guard index.updateValue(position, forKey: field.id) == nil else {
        throw .duplicateField(field.id)
      }
    }
    self.fields = fields
    self.index = index
  }

  /// Loads a catalogue file of the `catalogue.json` shape.
  public init(json: Data) throws(DataFileError) {
    let file = try BundledData.decode(CatalogueFile.self, from: json)
    guard file.version == 1 else { throw .unsupportedVersion(file.version) }
    try self.init(fields: file.fields)
  }

  /// Loads an operator's catalogue file.
  public init(contentsOf url: URL) throws(DataFileError) {
    try self.init(json: BundledData.bytes(at: url))
  }

  public subscript(id: FieldID) -> FieldDefinition? {
    index[id].map { fields[$0] }
  }

  /// The fields of exactly this circle (not the inner ones).
  public func fields(in circle: Circle) -> [FieldDefinition] {
    fields.filter { $0.circle == circle }
  }

  /// The fields reachable with access "up to" this circle (concentric).
  public func fields(upTo circle: Circle) -> [FieldDefinition] {
    fields.filter { $0.circle <= circle }
  }
}

private struct CatalogueFile: Decodable {
  let version: Int
  let fields: [FieldDefinition]
}
