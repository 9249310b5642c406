import PSPWallet

/// What a status change does to a grant or a procuration.
public enum StatusAction: String, Sendable, Codable {
  /// Final: refused from now on; the affected fields are re-keyed.
  case revoke
  /// Temporarily refused, until `resume`.
  case pause
  case resume
}

/// A signed change of status (`spec/consent.md` §"Status changes"): revocation,
/// pause or resume of a grant or a procuration, signed as `PSP-v1/status-change`
/// by the owner, or by the trustee who signed the grant. Effective as soon as
/// walletd records it.
public struct StatusChangeClaims: WalletStatement, Equatable {
  public static let type = "PSP-v1/status-change"

  public enum Target: String, Sendable, Codable {
    case grant, procuration
  }

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  public let iss: String
  /// The procuration a trustee acts under; nil when the owner signs.
  public let procuration: StatementID?
  public let target: Target
  /// The id of the grant or procuration.
  public let ref: StatementID
  public let action: StatusAction
  public let iat: String

  public init(
    id: StatementID = StatementID(), wallet: WalletID, issuer: String, procuration: StatementID? = nil,
    target: Target, ref: StatementID, action: StatusAction, issuedAt: Int64
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    iss = issuer
    self.procuration = procuration
    self.target = target
    self.ref = ref
    self.action = action
    iat = Timestamp.rfc3339(issuedAt)
  }
}
