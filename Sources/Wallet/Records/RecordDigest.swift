import PSPCrypto

extension FieldRecord {
  static let digestLabel = "PSP-v1/record-digest"

  /// The record's digest (`spec/wallet.md` §"Record digest"): BLAKE2b-256 of
  /// `PAE(["PSP-v1/record-digest", wallet, field, LE64(version), circle,
  /// LE32(epoch), commitment, ciphertext, wrappedDataKey, LE64(createdAt)])`.
  /// Every member of the record is bound, so a signature over the digest is a
  /// signature over the whole record: the author's statement (`PSP-v1/records`)
  /// and the grantor's manifest (`PSP-v1/grant-manifest`) name records by it.
  public func digest() throws(WalletError) -> [UInt8] {
    do {
      return try BLAKE2b.hash([
        PreAuthenticationEncoding.encode([
          Array(Self.digestLabel.utf8), wallet.bytes, Array(field.rawValue.utf8),
          AssociatedData.le64(version), [UInt8(circle.rawValue)], AssociatedData.le32(circleEpoch),
          commitment, ciphertext, wrappedDataKey,
          AssociatedData.le64(UInt64(bitPattern: createdAt)),
        ])
      ])
    } catch { throw .crypto(error) }
  }

  /// The digest as unpadded base64url (43 characters), as statements carry it.
  public func digestText() throws(WalletError) -> String { Encoding.base64URL(try digest()) }
}
