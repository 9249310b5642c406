import PSPWallet

/// The claims of a grant (`spec/consent.md` §"Grant"): the citizen (or a trustee
/// under a procuration) lets one administration read exactly `fields` for
/// `purpose`, from `nbf` to `exp`. Signed as a `SignedStatement` of type
/// `PSP-v1/grant`. No personal data: ids, key ids, field ids, times.
public struct GrantClaims: WalletStatement, Equatable {
  public static let type = "PSP-v1/grant"

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  /// Key id (`k4.pid`) of the signer: the owner, or a trustee.
  public let iss: String
  /// Key id of the grantee (the administration's signing key).
  public let sub: String
  public let purpose: Purpose
  /// Sorted, without repetition, not empty.
  public let fields: [FieldID]
  /// One-shot grants are consumed by their first read, atomically with the
  /// log entry; durable ones are re-sealed when a covered field is updated.
  public let kind: GrantKind
  public let iat: String
  public let nbf: String
  public let exp: String
  /// The procuration a trustee signed under; absent when the owner signs.
  public let procuration: StatementID?
  /// The filing this grant was made for, if any.
  public let filing: StatementID?

  public init(
    id: StatementID = StatementID(), wallet: WalletID, issuer: String, grantee: String, purpose: Purpose,
    fields: [FieldID], kind: GrantKind, issuedAt: Int64, notBefore: Int64, expires: Int64,
    procuration: StatementID? = nil, filing: StatementID? = nil
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    iss = issuer
    sub = grantee
    self.purpose = purpose
    self.fields = Array(Set(fields)).sorted()
    self.kind = kind
    iat = Timestamp.rfc3339(issuedAt)
    nbf = Timestamp.rfc3339(notBefore)
    exp = Timestamp.rfc3339(expires)
    self.procuration = procuration
    self.filing = filing
  }
}

/// A grant whose signature, chain and template were verified.
public struct Grant: Sendable, Equatable {
  public let claims: GrantClaims
  public let token: String
  public let issuedAt: Int64
  public let notBefore: Int64
  public let expires: Int64
  public var id: StatementID { claims.jti }
  public var grantee: String { claims.sub }
  public var fields: [FieldID] { claims.fields }
}
