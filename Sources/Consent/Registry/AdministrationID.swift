import PSPWallet

/// The platform's name for a registered administration (`fns`,
/// `office-social-esch-sur-alzette`). Chosen by the operator at registration;
/// it appears in grants and the access log, so it has one spelling only.
public struct AdministrationID: TextIdentifier {
  public static let kindName = "administration id"
  public let rawValue: String

  public init?(rawValue: String) {
    guard Slug.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }
}
