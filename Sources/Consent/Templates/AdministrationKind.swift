/// The kinds of administration that process aids (BRIEF.md, "The people who use
/// it"). A template lists the kinds that may process its aid; an administration
/// is registered as one kind, so a commune can never be registered for REVIS.
public enum AdministrationKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable,
  CustomStringConvertible
{
  /// Fonds national de solidarité.
  case fns
  /// Ministère du Logement (guichet unique des aides au logement).
  case ministereLogement = "ministere-logement"
  /// Office national d'inclusion sociale.
  case onis
  /// An office social (own or joint, RGD 8 November 2010, art. 1).
  case officeSocial = "office-social"
  /// Caisse nationale de santé.
  case cns
  /// Caisse pour l'avenir des enfants.
  case cae
  /// Agence pour le développement de l'emploi.
  case adem
  /// A commune.
  case commune

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
