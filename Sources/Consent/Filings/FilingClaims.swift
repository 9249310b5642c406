import PSPWallet

/// The claims of a filing — a request for an aid (`spec/consent.md` §"Filing"):
/// the citizen, or a trustee under a procuration with `file`, asks
/// `administration` for `purpose`, together with the grant that lets it read
/// what the aid needs. Signed as `PSP-v1/filing`.
public struct FilingClaims: WalletStatement, Equatable {
  public static let type = "PSP-v1/filing"

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  public let iss: String
  public let procuration: StatementID?
  public let purpose: Purpose
  /// Key id of the administration.
  public let administration: String
  /// The grant made for this filing (its `filing` claim names this one).
  public let grant: StatementID
  public let iat: String

  public init(
    id: StatementID = StatementID(), wallet: WalletID, issuer: String, procuration: StatementID?,
    purpose: Purpose, administration: String, grant: StatementID, issuedAt: Int64
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    iss = issuer
    self.procuration = procuration
    self.purpose = purpose
    self.administration = administration
    self.grant = grant
    iat = Timestamp.rfc3339(issuedAt)
  }
}

/// A verified filing.
public struct Filing: Sendable, Equatable {
  public let claims: FilingClaims
  public let token: String
  public let filedAt: Int64
  public var id: StatementID { claims.jti }
}
