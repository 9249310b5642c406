/// One version of one field, as stored and served: only ciphertext, a wrapped
/// key, a commitment and non-personal metadata (`spec/wallet.md` §"Field record").
public struct FieldRecord: Sendable, Hashable, Codable {
  public let wallet: WalletID
  public let field: FieldID
  /// 1 for the first value, +1 for each update.
  public let version: UInt64
  public let circle: Circle
  /// The epoch of the circle key the data key is wrapped under.
  public let circleEpoch: UInt32
  /// `nonce || ciphertext || tag` of the canonical value bytes under the data key.
  public let ciphertext: [UInt8]
  /// `KeyCommitment(dataKey, associated data)`, checked before decryption.
  public let commitment: [UInt8]
  /// `nonce || ciphertext || tag` of the data key under the circle key.
  public let wrappedDataKey: [UInt8]
  /// Seconds since 1970 (UTC) when the version was written.
  public let createdAt: Int64

  public init(
    wallet: WalletID, field: FieldID, version: UInt64, circle: Circle, circleEpoch: UInt32,
    ciphertext: [UInt8], commitment: [UInt8], wrappedDataKey: [UInt8], createdAt: Int64
  ) {
    self.wallet = wallet
    self.field = field
    self.version = version
    self.circle = circle
    self.circleEpoch = circleEpoch
    self.ciphertext = ciphertext
    self.commitment = commitment
    self.wrappedDataKey = wrappedDataKey
    self.createdAt = createdAt
  }
}

/// A circle key sealed to one recipient (the owner, or a trustee under a
/// procuration), for one epoch.
public struct CircleKeyEnvelope: Sendable, Hashable, Codable {
  public let wallet: WalletID
  public let circle: Circle
  public let epoch: UInt32
  /// The recipient's X25519 public key (32 bytes).
  public let recipient: [UInt8]
  /// `KeySealing` of the circle key with the `AssociatedData.circleKey` context.
  public let sealedKey: [UInt8]

  public init(wallet: WalletID, circle: Circle, epoch: UInt32, recipient: [UInt8], sealedKey: [UInt8]) {
    self.wallet = wallet
    self.circle = circle
    self.epoch = epoch
    self.recipient = recipient
    self.sealedKey = sealedKey
  }
}
