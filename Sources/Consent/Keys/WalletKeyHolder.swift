import PSPCrypto
import PSPWallet

/// Whoever holds circle keys of a wallet and can sign for it: the owner, or a
/// trustee whose procuration sealed circle keys to them.
public protocol WalletKeyHolder: Sendable {
  var walletID: WalletID { get }
  var identity: Identity { get }
  var keyring: CircleKeyring { get }
  var store: any WalletStore { get }
}

extension WalletOwner: WalletKeyHolder {}

/// A trustee's view of a wallet: the circle keys the owner sealed to the
/// trustee's X25519 key (for a procuration with `read` or `update`).
public struct WalletTrustee: WalletKeyHolder {
  public let walletID: WalletID
  public let identity: Identity
  public let keyring: CircleKeyring
  public let store: any WalletStore

  /// - Parameter owner: the owner's signing key, as the trustee knows it from
  ///   the procuration (not from the platform): circle keys are used only if
  ///   the owner signed their commitments.
  public init(walletID: WalletID, identity: Identity, owner: SigningPublicKey, store: any WalletStore)
    throws(WalletError)
  {
    let envelopes = try store.envelopes(wallet: walletID, recipient: identity.encryptionKey.publicKey.bytes)
    let commitments = try CircleKeyStatement.verify(
      store.keyStatements(wallet: walletID), wallet: walletID, owner: owner)
    self.walletID = walletID
    self.identity = identity
    self.store = store
    self.keyring = try CircleKeyring(envelopes: envelopes, recipient: identity.encryptionKey, commitments: commitments)
  }
}
