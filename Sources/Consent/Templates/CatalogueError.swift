/// Why a file of aid templates was refused. The file is operator data, so these
/// messages speak to the operator; they never carry personal data (there is
/// none in a template).
public enum CatalogueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable
  /// The file is not valid templates JSON; `where` says which key failed.
  case malformed(where: String)
  /// The file declares a format this build does not read.
  case unsupportedFormat(Int)
  /// Two templates share a purpose id.
  case duplicatePurpose(Purpose)
  /// A template breaks a rule; `reason` says which.
  case invalidTemplate(Purpose, String)

  public var description: String {
    switch self {
    case .unreadable:
      "the aid templates file cannot be read; hint: check its path and permissions"
    case .malformed(let location):
      "the aid templates file is malformed at \(location); hint: compare it with the bundled templates.json"
    case .unsupportedFormat(let format):
      "the aid templates file has format \(format), this build reads format \(TemplateCatalogue.format)"
    case .duplicatePurpose(let purpose):
      "the aid templates list purpose \(purpose) twice"
    case .invalidTemplate(let purpose, let reason):
      "the template of \(purpose) is invalid: \(reason)"
    }
  }
}
