/// The concentric circles of a wallet (BRIEF.md "Data: concentric circles").
/// Access "up to circle k" includes every inner circle; each circle has its own
/// circle key, under which the data keys of its fields are wrapped.
public enum Circle: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Stable identity: matricule, names, birth date, nationality.
  case core = 0
  /// Personal data that changes: address, household, contact.
  case personal = 1
  /// Money and housing.
  case moneyAndHousing = 2
  /// Health and social situation.
  case healthAndSocial = 3
  /// Documents and dossier.
  case documents = 4

  public static func < (lhs: Circle, rhs: Circle) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The circles "up to" this one, inner first (concentric access).
  public var upToHere: [Circle] { Circle.allCases.filter { $0 <= self } }
}
