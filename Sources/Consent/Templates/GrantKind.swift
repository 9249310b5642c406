/// How long a grant lives. A one-shot grant serves one démarche and is consumed
/// by its first use; a durable grant may be used again until it expires or is
/// revoked. A template says which kinds its aid allows, each with its own
/// maximal validity.
public enum GrantKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  case oneShot = "one-shot"
  case durable

  public var description: String { rawValue }
}
