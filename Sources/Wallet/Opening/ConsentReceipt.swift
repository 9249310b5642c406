import PSPCrypto

/// The signed consent receipt made when a wallet is opened (`spec/wallet.md`
/// §"Consent receipt"): a `SignedStatement` of type `PSP-v1/consent-receipt`
/// signed by the owner. It holds no personal data: ids, keys, the terms and time.
public struct ConsentReceipt: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/consent-receipt"

  public let typ: String
  public let wallet: WalletID
  /// `k4.pid` of the owner's signing key.
  public let owner: String
  /// `k4.public` of the owner's signing key.
  public let ownerKey: String
  /// base64url of the owner's X25519 key, to which circle keys are sealed.
  public let ownerEncryptionKey: String
  public let terms: String
  public let termsDigest: String
  public let lang: Language
  /// RFC 3339 UTC.
  public let iat: String

  public init(wallet: WalletID, owner: PublicIdentity, acceptance: ConsentAcceptance) {
    typ = Self.type
    self.wallet = wallet
    self.owner = owner.keyID
    ownerKey = Paserk.encode(owner.signingKey)
    ownerEncryptionKey = Encoding.base64URL(owner.encryptionKey.bytes)
    terms = acceptance.terms.version
    termsDigest = acceptance.terms.digest
    lang = acceptance.language
    iat = Timestamp.rfc3339(acceptance.acceptedAt)
  }

  public func signed(with key: SigningKey) throws(WalletError) -> String {
    try SignedStatement.sign(self, type: Self.type, with: key)
  }

  /// Verifies a receipt token under the owner's key (from the wallet record),
  /// and that it is for `wallet` and names that key.
  public static func verify(_ token: String, wallet: WalletID, ownerKey: SigningPublicKey)
    throws(WalletError) -> ConsentReceipt
  {
    let receipt: ConsentReceipt
    do {
      receipt = try SignedStatement.verify(token, type: type, publicKey: ownerKey, as: ConsentReceipt.self)
    } catch { throw .consentReceiptInvalid }
    guard receipt.typ == type, receipt.wallet == wallet,
      receipt.owner == Paserk.identifier(of: ownerKey), receipt.ownerKey == Paserk.encode(ownerKey),
      Timestamp.parse(receipt.iat) != nil
    else { throw .consentReceiptInvalid }
    return receipt
  }
}
