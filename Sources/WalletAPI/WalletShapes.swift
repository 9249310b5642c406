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

/// New field versions, with their data keys sealed to the durable grants that
/// cover them (or, after a revocation, to the grants that remain).
public struct FieldsRequest: Sendable, Codable {
  public let records: [FieldRecord]
  public let grantKeys: [GrantKey]
  public init(records: [FieldRecord], grantKeys: [GrantKey]) {
    self.records = records
    self.grantKeys = grantKeys
  }
}

public struct RecordsView: Sendable, Codable {
  public let records: [FieldRecord]
  public init(records: [FieldRecord]) { self.records = records }
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
  public init(token: String, keys: [GrantKey]) {
    self.token = token
    self.keys = keys
  }
}

public enum GrantState: String, Sendable, Codable {
  case active, paused, revoked, used, expired
}

public struct GrantView: Sendable, Codable {
  public let id: StatementID
  public let token: String
  public let state: GrantState
  public init(id: StatementID, token: String, state: GrantState) {
    self.id = id
    self.token = token
    self.state = state
  }
}

public struct GrantsView: Sendable, Codable {
  public let grants: [GrantView]
  public init(grants: [GrantView]) { self.grants = grants }
}

public struct StatusChangeRequest: Sendable, Codable {
  public let token: String
  /// After a revocation: the re-keyed versions and their keys for the grants that remain.
  public let records: [FieldRecord]
  public let grantKeys: [GrantKey]
  public init(token: String, records: [FieldRecord] = [], grantKeys: [GrantKey] = []) {
    self.token = token
    self.records = records
    self.grantKeys = grantKeys
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
  public init(filing: String, grant: String, keys: [GrantKey]) {
    self.filing = filing
    self.grant = grant
    self.keys = keys
  }
}

public struct FilingResponseRequest: Sendable, Codable {
  public let token: String
  /// A note sealed to the citizen (motivation, missing pieces).
  public let sealedNote: Bytes?
  public init(token: String, sealedNote: Bytes?) {
    self.token = token
    self.sealedNote = sealedNote
  }
}

public struct FilingView: Sendable, Codable {
  public struct Response: Sendable, Codable {
    public let token: String
    public let sealedNote: Bytes?
    public init(token: String, sealedNote: Bytes?) {
      self.token = token
      self.sealedNote = sealedNote
    }
  }
  public let id: StatementID
  public let filing: String
  public let grant: String
  public let responses: [Response]
  public init(id: StatementID, filing: String, grant: String, responses: [Response]) {
    self.id = id
    self.filing = filing
    self.grant = grant
    self.responses = responses
  }
}

public struct FilingsView: Sendable, Codable {
  public let filings: [FilingView]
  public init(filings: [FilingView]) { self.filings = filings }
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

public struct ReadResponseBody: Sendable, Codable {
  public let grant: String
  public let records: [FieldRecord]
  public let keys: [GrantKey]
  /// The citizen's X25519 key, to seal notes (a decision's motivation) to them.
  public let ownerEncryptionKey: Bytes
  public init(grant: String, records: [FieldRecord], keys: [GrantKey], ownerEncryptionKey: Bytes) {
    self.grant = grant
    self.records = records
    self.keys = keys
    self.ownerEncryptionKey = ownerEncryptionKey
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

public struct CheckpointView: Sendable, Codable {
  public let token: String
  public init(token: String) { self.token = token }
}

public struct ProofView: Sendable, Codable {
  public let proof: [Bytes]
  public init(proof: [Bytes]) { self.proof = proof }
}

public struct AdministrationRegistration: Sendable, Codable {
  public let id: String
  public let name: String
  public let kind: String
  public let signingKey: String
  public let encryptionKey: String
  public let purposes: [String]
  public let service: String
  public let phone: String?
  public let email: String?
  public init(
    id: String, name: String, kind: String, signingKey: String, encryptionKey: String, purposes: [String],
    service: String, phone: String?, email: String?
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.signingKey = signingKey
    self.encryptionKey = encryptionKey
    self.purposes = purposes
    self.service = service
    self.phone = phone
    self.email = email
  }
}

public struct AdministrationsView: Sendable, Codable {
  public let administrations: [AdministrationRegistration]
  public init(administrations: [AdministrationRegistration]) { self.administrations = administrations }
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
    public init(wallet: WalletID, grant: StatementID, token: String) {
      self.wallet = wallet
      self.grant = grant
      self.token = token
    }
  }
  public let grants: [Entry]
  public init(grants: [Entry]) { self.grants = grants }
}
