import PSPCrypto

/// The associated data and envelope contexts of the wallet format, version 1.
/// Each is PASETO's PAE over a label and the values it binds, so the encoding is
/// injective (no two tuples give the same bytes) and each label separates one use
/// from every other. `spec/wallet.md` §"Associated data" is normative.
enum AssociatedData {
  static let fieldValueLabel = "PSP-v1/field-value"
  static let wrappedDataKeyLabel = "PSP-v1/wrapped-data-key"
  static let circleKeyLabel = "PSP-v1/circle-key"

  /// Binds a field value to its wallet, field and version: the context of the
  /// key commitment.
  static func fieldValue(wallet: WalletID, field: FieldID, version: UInt64) -> [UInt8] {
    PreAuthenticationEncoding.encode([
      Array(fieldValueLabel.utf8), wallet.bytes, Array(field.rawValue.utf8), le64(version),
    ])
  }

  /// The associated data of chunk `index` of a value: its placement, the
  /// chunk's index and whether it is the last one, so chunks cannot be
  /// reordered, dropped from the end, or moved to another value.
  static func fieldChunk(placement: [UInt8], index: UInt64, isFinal: Bool) -> [UInt8] {
    PreAuthenticationEncoding.encode([placement, le64(index), [isFinal ? 1 : 0]])
  }

  /// Binds a wrapped data key to the same placement and to the circle key
  /// (circle and epoch) it is wrapped under.
  static func wrappedDataKey(
    wallet: WalletID, field: FieldID, version: UInt64, circle: Circle, epoch: UInt32
  ) -> [UInt8] {
    PreAuthenticationEncoding.encode([
      Array(wrappedDataKeyLabel.utf8), wallet.bytes, Array(field.rawValue.utf8), le64(version),
      [UInt8(circle.rawValue)], le32(epoch),
    ])
  }

  /// The context sealed together with a circle key (sealed boxes carry no
  /// associated data, so the context travels inside and is checked on opening).
  static func circleKey(wallet: WalletID, circle: Circle, epoch: UInt32, recipient: AgreementPublicKey)
    -> [UInt8]
  {
    PreAuthenticationEncoding.encode([
      Array(circleKeyLabel.utf8), wallet.bytes, [UInt8(circle.rawValue)], le32(epoch),
      recipient.bytes,
    ])
  }

  static func le64(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  static func le32(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }
}
