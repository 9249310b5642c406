import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet

/// The citizen's keys as an administration or a trustee takes them: only from
/// the consent receipt the citizen signed when opening the wallet (its
/// signature checked under the key it names, for this wallet), and pinned in
/// the client's memory the first time something the citizen signed (a grant to
/// this administration, a procuration to this trustee) verified under it, so
/// that walletd can neither later put the platform's own key in the citizen's
/// place, nor poison the pin with a receipt of its own on first contact.
enum OwnerPin {
  struct Owner {
    let signingKey: SigningPublicKey
    let encryptionKey: AgreementPublicKey
  }

  static func check(_ receiptToken: String, wallet: WalletID, trust: ClientTrust)
    throws(ClientError) -> Owner
  {
    guard let signer = SignedStatement.unverifiedKeyID(of: receiptToken) else {
      throw .forged(.ownerKeyMismatch)
    }
    let claimed = try claimedKey(receiptToken)
    guard Paserk.identifier(of: claimed) == signer,
      let receipt = try? ConsentReceipt.verify(receiptToken, wallet: wallet, ownerKey: claimed),
      let encryptionBytes = try? Encoding.fromBase64URL(receipt.ownerEncryptionKey),
      let encryptionKey = try? AgreementPublicKey(encryptionBytes)
    else { throw .forged(.ownerKeyMismatch) }
    if let pinned = trust.memory.owners[wallet.description], pinned != Paserk.encode(claimed) {
      throw .forged(.ownerKeyMismatch)
    }
    return Owner(signingKey: claimed, encryptionKey: encryptionKey)
  }

  /// Pins the citizen's key for `wallet`, once a statement the citizen signed
  /// for this client verified under it.
  static func pin(_ owner: SigningPublicKey, wallet: WalletID, trust: ClientTrust) throws(ClientError) {
    let text = Paserk.encode(owner)
    try trust.update { (memory) throws(ClientError) in
      if let pinned = memory.owners[wallet.description] {
        guard pinned == text else { throw .forged(.ownerKeyMismatch) }
      } else {
        memory.owners[wallet.description] = text
      }
    }
  }

  /// The owner's key the receipt names, read only to verify the receipt under it.
  private static func claimedKey(_ token: String) throws(ClientError) -> SigningPublicKey {
    struct Claims: Decodable { let ownerKey: String }
    guard let claims = SignedStatement.unverifiedClaims(of: token, as: Claims.self),
      let key = try? Paserk.signingPublicKey(from: claims.ownerKey)
    else { throw .forged(.ownerKeyMismatch) }
    return key
  }
}
