import PSPCrypto

/// The circle keys one recipient can open, by circle and epoch. Epochs grow
/// when a circle is re-keyed; the newest seals new versions, older ones still
/// open the versions written under them (the owner's history).
public struct CircleKeyring: Sendable {
  private var keys: [Circle: [UInt32: SymmetricKey]] = [:]

  public init() {}

  /// Opens every envelope sealed to `recipient` and keeps a key only if the
  /// owner committed to it (`CircleKeyStatement`); an envelope that does not
  /// open, or holds a key the owner never signed for (one the platform sealed
  /// itself), fails the whole keyring.
  public init(
    envelopes: [CircleKeyEnvelope], recipient: AgreementKey,
    commitments: [Circle: [UInt32: KeyCommitment]]
  ) throws(WalletError) {
    for envelope in envelopes {
      let what = "circle key \(envelope.circle.rawValue)"
      let context = AssociatedData.circleKey(
        wallet: envelope.wallet, circle: envelope.circle, epoch: envelope.epoch,
        recipient: recipient.publicKey)
      let key = try KeySealing.open(envelope.sealedKey, with: recipient, context: context, what: what)
      guard let commitment = commitments[envelope.circle]?[envelope.epoch] else {
        throw .keyDoesNotOpen("\(what) (no commitment signed by the owner)")
      }
      do {
        try commitment.verify(
          key: key,
          context: CircleKeyStatement.context(wallet: envelope.wallet, circle: envelope.circle, epoch: envelope.epoch))
      } catch { throw .keyDoesNotOpen("\(what) (not the key the owner signed for)") }
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
