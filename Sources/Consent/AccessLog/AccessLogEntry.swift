import Foundation
import PSPWallet

/// What happened, in the access log's words.
public enum LogAction: String, Sendable, Codable, CaseIterable {
  case walletOpened = "wallet-opened"
  case fieldUpdated = "field-updated"
  case fieldsRead = "fields-read"
  case grantIssued = "grant-issued"
  case grantRevoked = "grant-revoked"
  case grantPaused = "grant-paused"
  case grantResumed = "grant-resumed"
  case procurationIssued = "procuration-issued"
  case procurationUsed = "procuration-used"
  case procurationRevoked = "procuration-revoked"
  case procurationPaused = "procuration-paused"
  case procurationResumed = "procuration-resumed"
  case filingMade = "filing-made"
  case filingAcknowledged = "filing-acknowledged"
  case informationRequested = "information-requested"
  case decisionPosted = "decision-posted"
  case walletClosed = "wallet-closed"
}

public enum LogOutcome: String, Sendable, Codable {
  case allowed, refused
}

/// One entry of a wallet's access log (`spec/consent.md` §"Access log entry"):
/// when, who (key id and role), what, for which purpose, which field ids,
/// under which grant, procuration or filing, and the outcome with the refusal
/// code. Never a value. Its canonical bytes are the leaf of the log's hash tree.
public struct AccessLogEntry: Sendable, Codable, Equatable {
  public let v: Int
  public let at: String
  public let wallet: WalletID
  public let actor: String
  public let role: PrincipalKind
  public let action: LogAction
  public let purpose: Purpose?
  public let fields: [FieldID]
  public let grant: StatementID?
  public let procuration: StatementID?
  public let filing: StatementID?
  public let outcome: LogOutcome
  /// A `ConsentRefusal.code` when refused.
  public let reason: String?

  public init(
    at: Int64, wallet: WalletID, actor: String, role: PrincipalKind, action: LogAction,
    purpose: Purpose? = nil, fields: [FieldID] = [], grant: StatementID? = nil,
    procuration: StatementID? = nil, filing: StatementID? = nil, refusal: ConsentRefusal? = nil
  ) {
    v = 1
    self.at = Timestamp.rfc3339(at)
    self.wallet = wallet
    self.actor = actor
    self.role = role
    self.action = action
    self.purpose = purpose
    self.fields = Array(Set(fields)).sorted()
    self.grant = grant
    self.procuration = procuration
    self.filing = filing
    outcome = refusal == nil ? .allowed : .refused
    reason = refusal?.code
  }

  /// JSON with sorted keys, no insignificant white space, `/` not escaped,
  /// absent optionals omitted: the exact bytes hashed into the log.
  /// Written member by member in sorted order (every write of walletd logs,
  /// and `JSONEncoder` was a tenth of a read's cost); a test holds these bytes
  /// equal to `JSONEncoder`'s with `.sortedKeys` and `.withoutEscapingSlashes`.
  public func canonicalBytes() -> [UInt8] {
    var out = JSONBytes(capacity: 512)
    out.open("action", first: true)
    out.string(action.rawValue)
    out.open("actor")
    out.string(actor)
    out.open("at")
    out.string(at)
    out.open("fields")
    out.array(fields) { out, field in out.string(field.rawValue) }
    if let filing {
      out.open("filing")
      out.string(filing.rawValue)
    }
    if let grant {
      out.open("grant")
      out.string(grant.rawValue)
    }
    out.open("outcome")
    out.string(outcome.rawValue)
    if let procuration {
      out.open("procuration")
      out.string(procuration.rawValue)
    }
    if let purpose {
      out.open("purpose")
      out.string(purpose.rawValue)
    }
    if let reason {
      out.open("reason")
      out.string(reason)
    }
    out.open("role")
    out.string(role.rawValue)
    out.open("v")
    out.number(v)
    out.open("wallet")
    out.string(wallet.description)
    out.close()
    return out.bytes
  }

  public static func decode(canonical bytes: [UInt8]) throws(ConsentRefusal) -> AccessLogEntry {
    guard let entry = try? JSONDecoder().decode(AccessLogEntry.self, from: Data(bytes)), entry.v == 1,
      entry.canonicalBytes() == bytes
    else { throw .malformed("log entry") }
    return entry
  }
}
