import PSPCrypto
import PSPWallet

/// What the consent decisions need to know of the world: the field catalogue,
/// the aid templates and the registry. Passed in, so the decisions stay pure
/// (`StandardConsentRules` is the real one; tests may build their own).
public protocol ConsentRules: Sendable {
  /// The circle of a catalogue field; nil for an unknown field.
  func circle(of field: FieldID) -> Circle?
  func isKnownPurpose(_ purpose: Purpose) -> Bool
  /// Data minimisation, enforced: refuses fields outside the purpose's template,
  /// a validity beyond its maximum, a use it does not allow, and a grantee not
  /// registered for the purpose.
  func checkGrant(
    purpose: Purpose, fields: [FieldID], validitySeconds: Int64, kind: GrantKind, grantee: String
  ) throws(ConsentRefusal)
}

/// The owner of a wallet as walletd knows it: the wallet id and the owner's
/// public signing key (from the wallet row).
public struct WalletAuthority: Sendable {
  public let wallet: WalletID
  public let owner: SigningPublicKey

  public init(wallet: WalletID, owner: SigningPublicKey) {
    self.wallet = wallet
    self.owner = owner
  }
}

/// The statuses the decisions read: revoked, paused and consumed statements
/// (grants and procurations), and the procurations by id. Built by the caller
/// from storage; the decisions never write it.
public struct ConsentState: Sendable {
  public var revoked: Set<StatementID> = []
  public var paused: Set<StatementID> = []
  public var consumed: Set<StatementID> = []
  public var procurations: [StatementID: String] = [:]

  public init(
    revoked: Set<StatementID> = [], paused: Set<StatementID> = [], consumed: Set<StatementID> = [],
    procurations: [StatementID: String] = [:]
  ) {
    self.revoked = revoked
    self.paused = paused
    self.consumed = consumed
    self.procurations = procurations
  }
}
