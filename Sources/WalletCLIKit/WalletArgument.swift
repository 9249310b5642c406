import PSPCrypto
import PSPWallet
import WalletClient

/// The citizen's wallet as a trusted person names it (`--wallet`,
/// `--on-behalf-of`): the reference printed by `procuration create`
/// (`PSP-…`, spec/reference.md), or the wallet number alone (22 characters).
/// Only the reference carries the owner's key id, so only it lets the
/// client check the owner key walletd returns.
struct WalletArgument {
  let wallet: WalletID
  let reference: WalletReference?

  /// Reads the argument; a mistyped reference is refused here, before anything is sent.
  /// A valid wallet number is read as one even if it happens to begin with PSP.
  init(_ text: String) throws(Message) {
    if let wallet = try? WalletID(text) {
      self.wallet = wallet
      reference = nil
      return
    }
    do {
      let reference = try WalletReference(text)
      self.wallet = reference.wallet
      self.reference = reference
    } catch .notAReference {
      throw Messages.walletUnreadable
    } catch {
      throw Messages.reference(error)
    }
  }

  /// The citizen's key, from the consent receipt walletd returns, checked
  /// against the reference when there is one: a key that does not match is
  /// refused before anything else is asked or sent.
  func ownerKey(_ trustee: TrusteeClient) async throws -> SigningPublicKey {
    let owner = try await trustee.ownerKey(wallet: wallet)
    if let reference, !reference.matches(owner) { throw Messages.referenceMismatch }
    return owner
  }
}
