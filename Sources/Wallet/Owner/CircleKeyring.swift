import PSPCrypto

/// The circle keys one recipient can open, by circle and epoch. Epochs grow
/// when a circle is re-keyed; the newest seals new versions, older ones still
/// open the versions written under them (the owner's history).
public struct CircleKeyring: Sendable {
  private var keys: [Circle: [UInt32: SymmetricKey]] = [:]

  public init() {}

  /// Opens every envelope sealed to `recipient`; an envelope that does not open
  /// (tampered, or made for another placement) fails the whole keyring.
  public init(envelopes: [CircleKeyEnvelope], recipient: AgreementKey) throws(WalletError) {
    for envelope in envelopes {
      let context = AssociatedData.circleKey(
        wallet: envelope.wallet, circle: envelope.circle, epoch: envelope.epoch,
        recipient: recipient.publicKey)
      let key = try KeySealing.open(
        envelope.sealedKey, with: recipient, context: context, what: "circle key \(envelope.circle.rawValue)")
      keys[envelope.circle, default: [:]][envelope.epoch] = key
    }
  }

  public mutating func insert(_ key: SymmetricKey, circle: Circle, epoch: UInt32) {
    keys[circle, default: [:]][epoch] = key
  }

  public func key(_ circle: Circle, epoch: UInt32) -> SymmetricKey? { keys[circle]?[epoch] }

  /// The newest epoch of a circle and its key.
  public func current(_ circle: Circle) -> (epoch: UInt32, key: SymmetricKey)? {
    guard let epoch = keys[circle]?.keys.max(), let key = keys[circle]?[epoch] else { return nil }
    return (epoch, key)
  }

  public var circles: [Circle] { keys.keys.sorted() }

  /// Seals every key of the given circles to `recipient` (the owner, or a trustee
  /// whose procuration covers those circles).
  public func envelopes(wallet: WalletID, circles: [Circle], to recipient: AgreementPublicKey)
    throws(WalletError) -> [CircleKeyEnvelope]
  {
    var out: [CircleKeyEnvelope] = []
    for circle in circles.sorted() {
      for (epoch, key) in (keys[circle] ?? [:]).sorted(by: { $0.key < $1.key }) {
        let context = AssociatedData.circleKey(
          wallet: wallet, circle: circle, epoch: epoch, recipient: recipient)
        out.append(
          CircleKeyEnvelope(
            wallet: wallet, circle: circle, epoch: epoch, recipient: recipient.bytes,
            sealedKey: try KeySealing.seal(key, to: recipient, context: context)))
      }
    }
    return out
  }
}
