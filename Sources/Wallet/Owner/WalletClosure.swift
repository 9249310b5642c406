import PSPCrypto

/// The signed statement by which the owner withdraws consent and closes the
/// wallet (`spec/wallet.md` §"Closing"). Kept in the wallet row after every
/// field record and circle key envelope is deleted, as proof of the withdrawal.
public struct WalletClosure: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/wallet-closure"
  /// What the law keeps after closing, stated in the statement itself.
  public static let retention =
    "filings and decisions: 5 years after the last aid granted (RGD 8 Nov 2010, art. 14); access log entries (no values)"

  public let typ: String
  public let wallet: WalletID
  public let owner: String
  public let closedAt: String
  public let retained: String

  public init(wallet: WalletID, owner: PublicIdentity, closedAt: Int64) {
    typ = Self.type
    self.wallet = wallet
    self.owner = owner.keyID
    self.closedAt = Timestamp.rfc3339(closedAt)
    retained = Self.retention
  }
}

extension WalletOwner {
  /// Withdraws consent: signs the closure, then the store deletes every record
  /// and envelope. Without the circle keys nothing that may remain elsewhere
  /// (a backup, an export) opens from the platform's side; the owner's local
  /// keystore is the caller's to destroy.
  public func close(at now: Int64) throws(WalletError) -> String {
    let statement = try SignedStatement.sign(
      WalletClosure(wallet: walletID, owner: identity.publicIdentity, closedAt: now),
      type: WalletClosure.type, with: identity.signingKey)
    try store.close(walletID, closedAt: now, closure: statement)
    return statement
  }
}
