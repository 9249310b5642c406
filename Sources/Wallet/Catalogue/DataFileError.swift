/// Failures when loading a data file of the catalogue: the field catalogue
/// (`catalogue.json`), the commune directory (`communes.json`) or an operator's
/// replacement. The files hold no personal data, so naming entries is safe.
public enum DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bundled resource is missing from the build (a packaging fault).
  case resourceMissing(String)
  /// The file could not be read.
  case unreadable(path: String)
  /// The file is not the expected JSON shape.
  case malformed(String)
  /// The format version is not one this code reads.
  case unsupportedVersion(Int)
  /// The same field id appears twice.
  case duplicateField(FieldID)
  /// The same commune (after case and accent folding) appears twice.
  case duplicateCommune(String)
  /// A merged commune or an alias names a commune that is not in the file.
  case unknownCommune(String)
  /// A merged commune's former communes had different offices sociaux: the
  /// operator must say which office is competent.
  case ambiguousOffice(commune: String)

  public var description: String {
    switch self {
    case .resourceMissing(let name): "the bundled resource \(name) is missing: rebuild the package"
    case .unreadable(let path): "cannot read the data file \(path)"
    case .malformed(let why): "the data file is malformed: \(why)"
    case .unsupportedVersion(let version): "the data file has format version \(version), expected 1"
    case .duplicateField(let id): "the field \(id) is listed twice"
    case .duplicateCommune(let name): "the commune \(name) is listed twice"
    case .unknownCommune(let name):
      "the commune \(name) is named but not listed under any office social"
    case .ambiguousOffice(let name):
      "the former communes of \(name) belong to different offices sociaux: set its office explicitly"
    }
  }
}
