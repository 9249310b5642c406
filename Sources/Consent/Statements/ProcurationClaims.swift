import PSPCrypto
import PSPWallet

/// What a trustee may do under a procuration.
public enum ProcurationAction: String, Sendable, Codable, CaseIterable, Comparable {
  /// Read fields of the covered circles (circle keys are sealed to the trustee).
  case read
  /// Write new versions of fields of the covered circles.
  case update
  /// File a request for an aid (which issues the grant it needs).
  case file
  /// Issue grants on the citizen's behalf.
  case grant

  public static func < (a: ProcurationAction, b: ProcurationAction) -> Bool {
    a.rawValue < b.rawValue
  }
}

/// One-shot (one démarche, used once) or personalised (a scope and a period),
/// as the EOS recommendations ask.
public enum ProcurationKind: String, Sendable, Codable {
  case oneShot = "one-shot"
  case personalised
}

/// The claims of a procuration (`spec/consent.md` §"Procuration"), signed by the
/// owner as `PSP-v1/procuration`. It names the trustee by key id and carries the
/// trustee's public signing key, so that what the trustee signs can be verified
/// from the chain alone.
public struct ProcurationClaims: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/procuration"
  /// A one-shot procuration is for one démarche: at most 30 days.
  public static let maximumOneShotSeconds: Int64 = 30 * 86_400
  /// A personalised procuration lasts at most one year (as Aidants Connect).
  public static let maximumPersonalisedSeconds: Int64 = 366 * 86_400

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  /// The owner's key id.
  public let iss: String
  /// The trustee's key id.
  public let sub: String
  /// The trustee's `k4.public` signing key.
  public let subKey: String
  /// The trustee's X25519 public key (base64url of 32 bytes), to which an
  /// administration seals the notes of a request the trustee filed. Absent
  /// in a procuration signed before it was carried: such a trustee is sent
  /// no note.
  public let subEncryptionKey: String?
  public let kind: ProcurationKind
  /// The purposes it covers; empty means any purpose (personalised only).
  public let purposes: [Purpose]
  /// For one-shot: the administration (its key id) of the démarche.
  public let administration: String?
  /// Concentric scope: fields of circles up to this one. Absent: no field
  /// access beyond what the purposes' templates need.
  public let circle: Int?
  public let actions: [ProcurationAction]
  public let iat: String
  public let nbf: String
  public let exp: String

  public init(
    id: StatementID = StatementID(), wallet: WalletID, owner: String, trustee: PublicIdentity,
    kind: ProcurationKind, purposes: [Purpose], administration: String?, circle: Circle?,
    actions: [ProcurationAction], issuedAt: Int64, notBefore: Int64, expires: Int64
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    iss = owner
    sub = trustee.keyID
    subKey = Paserk.encode(trustee.signingKey)
    subEncryptionKey = Encoding.base64URL(trustee.encryptionKey.bytes)
    self.kind = kind
    self.purposes = Array(Set(purposes)).sorted()
    self.administration = administration
    self.circle = circle?.rawValue
    self.actions = Array(Set(actions)).sorted()
    iat = Timestamp.rfc3339(issuedAt)
    nbf = Timestamp.rfc3339(notBefore)
    exp = Timestamp.rfc3339(expires)
  }

  public var maxCircle: Circle? { circle.flatMap(Circle.init(rawValue:)) }
}

/// A procuration whose signature and shape were verified.
public struct Procuration: Sendable, Equatable {
  public let claims: ProcurationClaims
  public let token: String
  public let notBefore: Int64
  public let expires: Int64
  public var id: StatementID { claims.jti }
}
