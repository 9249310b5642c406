import PSPWallet
/// The purpose of a grant: the aid it serves, named by its template
/// (`allocation-vie-chere`, `aide-sociale`…). A grant is for one purpose only,
/// and the purpose decides which fields it may carry. Not personal data.
public struct Purpose: TextIdentifier {
  public static let kindName = "purpose id"
  public let rawValue: String

  public init?(rawValue: String) {
    guard Slug.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }
}
