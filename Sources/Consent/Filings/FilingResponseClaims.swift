import PSPWallet

/// What an administration signs about a filing (`spec/consent.md`
/// §"Acknowledgement and decision"), as `PSP-v1/filing-response`.
/// - `acknowledged`: the request number, its registration date, the contact,
///   and the decision due date (RGD 8 Nov 2010 art. 9 and 12);
/// - `information-requested`: what is missing is said in a sealed note;
/// - `decided`: the outcome, the recourse available, and the digest of the
///   motivation, which is sealed to the citizen (it is about them).
/// Personal content (motivation, the list of missing pieces) never sits in the
/// claims: only its BLAKE2b-256 digest, binding the sealed note to the signature.
public struct FilingResponseClaims: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/filing-response"

  public enum Kind: String, Sendable, Codable {
    case acknowledged
    case informationRequested = "information-requested"
    case decided
  }

  public enum Outcome: String, Sendable, Codable {
    case granted, refused, partial
  }

  public struct Contact: Sendable, Codable, Equatable {
    public let service: String
    public let phone: String?
    public let email: String?
    public init(service: String, phone: String?, email: String?) {
      self.service = service
      self.phone = phone
      self.email = email
    }
  }

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  public let filing: StatementID
  /// Key id of the administration.
  public let iss: String
  public let kind: Kind
  public let iat: String
  // acknowledged
  public let number: String?
  public let registeredOn: String?
  public let dueOn: String?
  public let contact: Contact?
  // decided
  public let outcome: Outcome?
  public let recourse: String?
  // information-requested and decided: digest of the sealed note
  public let noteDigest: String?

  public init(
    id: StatementID = StatementID(), wallet: WalletID, filing: StatementID, issuer: String, kind: Kind,
    issuedAt: Int64, number: String? = nil, registeredOn: String? = nil, dueOn: String? = nil,
    contact: Contact? = nil, outcome: Outcome? = nil, recourse: String? = nil, noteDigest: String? = nil
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    self.filing = filing
    iss = issuer
    self.kind = kind
    iat = Timestamp.rfc3339(issuedAt)
    self.number = number
    self.registeredOn = registeredOn
    self.dueOn = dueOn
    self.contact = contact
    self.outcome = outcome
    self.recourse = recourse
    self.noteDigest = noteDigest
  }
}
