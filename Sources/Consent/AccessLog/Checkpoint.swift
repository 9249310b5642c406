import PSPCrypto
import PSPWallet

/// A signed checkpoint of a wallet's access log (`spec/log.md`): its size and
/// root hash at a time, signed by walletd's own key as `PSP-v1/checkpoint`.
/// The citizen's client keeps the last one it saw and asks for a consistency
/// proof to the next: a log that was rewritten, not only grown, fails.
public struct CheckpointClaims: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/checkpoint"

  public let typ: String
  public let wallet: WalletID
  /// Key id of walletd's signing key.
  public let iss: String
  public let size: Int
  /// base64url of the RFC 9162 root hash (32 bytes).
  public let root: String
  public let iat: String

  public init(wallet: WalletID, issuer: String, size: Int, root: [UInt8], issuedAt: Int64) {
    typ = Self.type
    self.wallet = wallet
    iss = issuer
    self.size = size
    self.root = Encoding.base64URL(root)
    iat = Timestamp.rfc3339(issuedAt)
  }

  public var rootBytes: [UInt8]? { try? Encoding.fromBase64URL(root) }

  public static func verify(_ token: String, daemonKey: SigningPublicKey, wallet: WalletID)
    throws(ConsentRefusal) -> CheckpointClaims
  {
    let claims: CheckpointClaims
    do { claims = try SignedStatement.verify(token, type: type, publicKey: daemonKey, as: CheckpointClaims.self) } catch {
      throw .badSignature
    }
    guard claims.typ == type, claims.wallet == wallet, claims.size >= 0,
      claims.rootBytes?.count == SHA256.byteCount, claims.iss == Paserk.identifier(of: daemonKey),
      Timestamp.parse(claims.iat) != nil
    else { throw .malformed("checkpoint") }
    // The empty log has exactly one root: the hash of nothing.
    guard claims.size > 0 || claims.rootBytes == MerkleTree.root([]) else { throw .malformed("checkpoint") }
    return claims
  }
}
