import PSPConsent
import PSPWallet

// Request and response bodies of the HTTP API (`spec/openapi.yaml`). Byte
// strings are base64url; tokens are PASETO strings; no body carries a value
// in clear.

public struct OpenWalletRequest: Sendable, Codable {
  public let wallet: WalletRecord
  public let envelopes: [CircleKeyEnvelope]
  public let keyStatements: [String]
  public init(wallet: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String]) {
    self.wallet = wallet
    self.envelopes = envelopes
    self.keyStatements = keyStatements
  }
}

public struct WalletView: Sendable, Codable {
  public let wallet: WalletRecord
  public let keyStatements: [String]
  public init(wallet: WalletRecord, keyStatements: [String]) {
    self.wallet = wallet
    self.keyStatements = keyStatements
  }
}

/// New field versions, with their author's statement (`PSP-v1/records`), their
/// data keys sealed to the durable grants that cover them, and a new manifest
/// (`PSP-v1/grant-manifest`) for each grant sealed a key.
public struct FieldsRequest: Sendable, Codable {
  public let records: [FieldRecord]
  public let statement: String
  public let grantKeys: [GrantKey]
  public let manifests: [String]
  public init(records: [FieldRecord], statement: String, grantKeys: [GrantKey], manifests: [String])
  {
    self.records = records
    self.statement = statement
    self.grantKeys = grantKeys
    self.manifests = manifests
  }
}

/// Records with the author statements that cover them, and the procurations
/// those statements name (for a trustee's writes).
public struct RecordsView: Sendable, Codable {
  public let records: [FieldRecord]
  public let statements: [String]
  public let procurations: [String]
  /// A trustee's read: the tlog-proof of its log entry (`spec/log.md` §5).
  public let receipt: String?
  public init(
    records: [FieldRecord], statements: [String], procurations: [String], receipt: String? = nil
  ) {
    self.records = records
    self.statements = statements
    self.procurations = procurations
    self.receipt = receipt
  }
}

public struct EnvelopesView: Sendable, Codable {
  public let envelopes: [CircleKeyEnvelope]
  public let keyStatements: [String]
  public init(envelopes: [CircleKeyEnvelope], keyStatements: [String]) {
    self.envelopes = envelopes
    self.keyStatements = keyStatements
  }
}

public struct GrantRequest: Sendable, Codable {
  public let token: String
  public let keys: [GrantKey]
  /// The grant's first manifest (`seq` 1): what its keys open.
  public let manifest: String
  public init(token: String, keys: [GrantKey], manifest: String) {
    self.token = token
    self.keys = keys
    self.manifest = manifest
  }
}

/// A field version a grant holds a sealed key for.
public struct KeyVersion: Sendable, Codable, Hashable {
  public let field: FieldID
  public let version: UInt64
  public init(field: FieldID, version: UInt64) {
    self.field = field
    self.version = version
  }
}

public enum GrantState: String, Sendable, Codable {
  case active, paused, revoked, used, expired
}

public struct GrantView: Sendable, Codable {
  public let id: StatementID
  public let token: String
  public let state: GrantState
  /// The grant's latest manifest.
  public let manifest: String?
  /// The field versions walletd holds sealed keys of for this grant.
  public let keys: [KeyVersion]
  public init(
    id: StatementID, token: String, state: GrantState, manifest: String?, keys: [KeyVersion]
  ) {
    self.id = id
    self.token = token
    self.state = state
    self.manifest = manifest
    self.keys = keys
  }
}

public struct GrantsView: Sendable, Codable {
  public let grants: [GrantView]
  public init(grants: [GrantView]) { self.grants = grants }
}

public struct StatusChangeRequest: Sendable, Codable {
  public let token: String
  /// After a revocation: the re-keyed versions, their author's statement, their
  /// keys for the grants that remain and those grants' new manifests.
  public let records: [FieldRecord]
  public let statement: String?
  public let grantKeys: [GrantKey]
  public let manifests: [String]
  public init(
    token: String, records: [FieldRecord] = [], statement: String? = nil,
    grantKeys: [GrantKey] = [],
    manifests: [String] = []
  ) {
    self.token = token
    self.records = records
    self.statement = statement
    self.grantKeys = grantKeys
    self.manifests = manifests
  }
}

public struct ProcurationRequest: Sendable, Codable {
  public let token: String
  public let envelopes: [CircleKeyEnvelope]
  public init(token: String, envelopes: [CircleKeyEnvelope]) {
    self.token = token
    self.envelopes = envelopes
  }
}

public struct ProcurationView: Sendable, Codable {
  public let id: StatementID
  public let token: String
  public let state: GrantState
  public init(id: StatementID, token: String, state: GrantState) {
    self.id = id
    self.token = token
    self.state = state
  }
}

public struct ProcurationsView: Sendable, Codable {
  public let procurations: [ProcurationView]
  public init(procurations: [ProcurationView]) { self.procurations = procurations }
}

public struct FilingRequest: Sendable, Codable {
  public let filing: String
  public let grant: String
  public let keys: [GrantKey]
  /// The manifest of the filing's grant (`seq` 1).
  public let manifest: String
  public init(filing: String, grant: String, keys: [GrantKey], manifest: String) {
    self.filing = filing
    self.grant = grant
    self.keys = keys
    self.manifest = manifest
  }
}

public struct FilingResponseRequest: Sendable, Codable {
  public let token: String
  /// A note sealed to the citizen (motivation, missing pieces).
  public let sealedNote: Bytes?
  /// The same note sealed to the trustee who filed the request (a filing that
  /// names a procuration only); never without `sealedNote`.
  public let sealedNoteForFiler: Bytes?
  public init(token: String, sealedNote: Bytes?, sealedNoteForFiler: Bytes? = nil) {
    self.token = token
    self.sealedNote = sealedNote
    self.sealedNoteForFiler = sealedNoteForFiler
  }
}

public struct FilingView: Sendable, Codable {
  public struct Response: Sendable, Codable {
    public let token: String
    /// The note sealed to the citizen.
    public let sealedNote: Bytes?
    /// The note sealed to the trustee who filed, if the administration gave one.
    public let sealedNoteForFiler: Bytes?
    public init(token: String, sealedNote: Bytes?, sealedNoteForFiler: Bytes? = nil) {
      self.token = token
      self.sealedNote = sealedNote
      self.sealedNoteForFiler = sealedNoteForFiler
    }
  }
  public let id: StatementID
  public let filing: String
  public let grant: String
  public let responses: [Response]
  /// In the answer to a filing: the tlog-proof of its log entry (`spec/log.md` §5).
  public let receipt: String?
  public init(
    id: StatementID, filing: String, grant: String, responses: [Response], receipt: String? = nil
  ) {
    self.id = id
    self.filing = filing
    self.grant = grant
    self.responses = responses
    self.receipt = receipt
  }
}

public struct FilingsView: Sendable, Codable {
  public let filings: [FilingView]
  /// The procurations the filings name (a trustee filed them): what a reader
  /// verifies a trustee's filing through.
  public let procurations: [String]
  public init(filings: [FilingView], procurations: [String] = []) {
    self.filings = filings
    self.procurations = procurations
  }
}

/// An administration's read under a grant.
public struct ReadRequestBody: Sendable, Codable {
  public let wallet: WalletID
  public let grant: StatementID
  public let purpose: Purpose
  public let fields: [FieldID]?
  public init(wallet: WalletID, grant: StatementID, purpose: Purpose, fields: [FieldID]?) {
    self.wallet = wallet
    self.grant = grant
    self.purpose = purpose
    self.fields = fields
  }
}

/// What a read returns. Nothing in it is trusted because walletd sent it: the
/// grant, the manifest and the procurations are signed by their authors, and
/// the citizen's keys (to seal a decision's motivation to) are taken from the
/// consent receipt the citizen signed when opening the wallet.
public struct ReadResponseBody: Sendable, Codable {
  public let grant: String
  public let records: [FieldRecord]
  public let keys: [GrantKey]
  /// The grant's latest manifest (`PSP-v1/grant-manifest`).
  public let manifest: String?
  /// The wallet's consent receipt (`PSP-v1/consent-receipt`).
  public let consentReceipt: String
  /// The procurations the grant and the manifest were signed under, if a trustee signed them.
  public let procurations: [String]
  /// The tlog-proof of this read's log entry under a witnessed checkpoint (`spec/log.md` §5).
  public let receipt: String?
  public init(
    grant: String, records: [FieldRecord], keys: [GrantKey], manifest: String?,
    consentReceipt: String,
    procurations: [String], receipt: String? = nil
  ) {
    self.grant = grant
    self.records = records
    self.keys = keys
    self.manifest = manifest
    self.consentReceipt = consentReceipt
    self.procurations = procurations
    self.receipt = receipt
  }
}

public struct LogView: Sendable, Codable {
  /// Canonical entry bytes (base64url), from `start`.
  public let entries: [Bytes]
  public let start: Int
  public let size: Int
  public init(entries: [Bytes], start: Int, size: Int) {
    self.entries = entries
    self.start = start
    self.size = size
  }
}

/// A wallet's head under the latest witnessed checkpoint: a tlog-proof (`spec/log.md` §5).
public struct LogProofView: Sendable, Codable {
  public let proof: String
  public init(proof: String) { self.proof = proof }
}

public struct ProofView: Sendable, Codable {
  public let proof: [Bytes]
  public init(proof: [Bytes]) { self.proof = proof }
}

/// An administration as the operator publishes it: the registrar's certificate
/// (`PSP-v1/administration-certificate`), and nothing a client could take
/// without verifying it.
public struct AdministrationCertificateView: Sendable, Codable, Equatable {
  public let certificate: String
  public init(certificate: String) { self.certificate = certificate }
}

public struct AdministrationsView: Sendable, Codable {
  public let administrations: [AdministrationCertificateView]
  public init(administrations: [AdministrationCertificateView]) {
    self.administrations = administrations
  }
}

public struct CloseRequest: Sendable, Codable {
  public let closure: String
  public init(closure: String) { self.closure = closure }
}

/// RFC 9457 problem details.
public struct Problem: Sendable, Codable, Equatable {
  public let type: String
  public let title: String
  public let status: Int
  public let detail: String
  public init(type: String, title: String, status: Int, detail: String) {
    self.type = type
    self.title = title
    self.status = status
    self.detail = detail
  }
  public var code: String { String(type.split(separator: ":").last ?? "") }
}

/// Grants addressed to the calling administration.
public struct IncomingGrantsView: Sendable, Codable {
  public struct Entry: Sendable, Codable {
    public let wallet: WalletID
    public let grant: StatementID
    public let token: String
    /// Where the grant stands now (revoked, used, paused, expired or active);
    /// nil from a walletd that does not say.
    public let state: GrantState?
    public init(wallet: WalletID, grant: StatementID, token: String, state: GrantState? = nil) {
      self.wallet = wallet
      self.grant = grant
      self.token = token
      self.state = state
    }
  }
  public let grants: [Entry]
  public init(grants: [Entry]) { self.grants = grants }
}
