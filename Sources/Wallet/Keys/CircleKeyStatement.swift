import PSPCrypto

/// The owner's signed list of the circle keys of one epoch (`spec/wallet.md`
/// §"Circle key statement"): for each circle, a `KeyCommitment` of its key over
/// `PAE(["PSP-v1/circle-key-commitment", wallet, circle, LE32(epoch)])`.
///
/// Sealed boxes are anonymous: anyone who knows the owner's X25519 public key —
/// the platform among them — can seal a key of their own choosing to it. A
/// circle key is therefore used only if its commitment is in a statement the
/// owner signed; an injected key has no such commitment and is refused, so the
/// platform cannot make the client encrypt under a key it knows.
public struct CircleKeyStatement: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/circle-keys"
  static let commitmentLabel = "PSP-v1/circle-key-commitment"

  public struct Entry: Sendable, Codable, Equatable {
    public let circle: Int
    /// base64url of the 32-byte commitment.
    public let commitment: String
  }

  public let typ: String
  public let wallet: WalletID
  public let epoch: UInt32
  public let keys: [Entry]
  public let iat: String

  static func context(wallet: WalletID, circle: Circle, epoch: UInt32) -> [UInt8] {
    PreAuthenticationEncoding.encode([
      Array(commitmentLabel.utf8), wallet.bytes, [UInt8(circle.rawValue)], AssociatedData.le32(epoch),
    ])
  }

  /// Signs the statement for the keys of `epoch` held in `keyring`.
  public static func sign(
    keyring: CircleKeyring, wallet: WalletID, epoch: UInt32, by owner: SigningKey, at now: Int64
  ) throws(WalletError) -> String {
    var entries: [Entry] = []
    for circle in keyring.circles {
      guard let key = keyring.key(circle, epoch: epoch) else { continue }
      do {
        let commitment = try KeyCommitment(key: key, context: context(wallet: wallet, circle: circle, epoch: epoch))
        entries.append(Entry(circle: circle.rawValue, commitment: Encoding.base64URL(commitment.bytes)))
      } catch { throw .crypto(error) }
    }
    let claims = CircleKeyStatement(
      typ: type, wallet: wallet, epoch: epoch, keys: entries, iat: Timestamp.rfc3339(now))
    return try SignedStatement.sign(claims, type: type, with: owner)
  }

  /// Verifies statements under the owner's key; returns the commitments by
  /// circle and epoch. One statement per epoch.
  public static func verify(_ tokens: [String], wallet: WalletID, owner: SigningPublicKey)
    throws(WalletError) -> [Circle: [UInt32: KeyCommitment]]
  {
    var out: [Circle: [UInt32: KeyCommitment]] = [:]
    var epochs = Set<UInt32>()
    for token in tokens {
      let claims: CircleKeyStatement
      do { claims = try SignedStatement.verify(token, type: type, publicKey: owner, as: CircleKeyStatement.self) } catch {
        throw .keyDoesNotOpen("circle key statement (not signed by the owner)")
      }
      guard claims.typ == type, claims.wallet == wallet, epochs.insert(claims.epoch).inserted else {
        throw .malformed("circle key statement")
      }
      for entry in claims.keys {
        guard let circle = Circle(rawValue: entry.circle), let bytes = try? Encoding.fromBase64URL(entry.commitment),
          let commitment = try? KeyCommitment(bytes)
        else { throw .malformed("circle key statement") }
        out[circle, default: [:]][claims.epoch] = commitment
      }
    }
    return out
  }
}
