/// Failures of the witness service: its settings, its key file, its storage.
/// Messages name what failed, never key material.
public enum WitnessServerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A setting is missing or malformed (says which and why).
  case configuration(String)
  /// The key file cannot be made or read.
  case key(String)
  /// The database failed (names the operation).
  case storage(String)

  public var description: String {
    switch self {
    case .configuration(let why): "invalid setting: \(why)"
    case .key(let why): "witness key: \(why)"
    case .storage(let why): "witness storage: \(why)"
    }
  }
}
