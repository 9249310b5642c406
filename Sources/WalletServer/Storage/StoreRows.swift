import PSPConsent
import PSPWallet

/// The rows `ConsentState` is made of, for one wallet.
public struct StoredConsent: Sendable {
  public var procurations: [(StatementID, String)] = []
  /// Status changes in the order they happened.
  public var statuses: [(StatementID, StatusAction)] = []
  public var consumed: [StatementID] = []

  /// One row of a consent statement: 0, a procuration and its token; 1, a
  /// status change and its action; 2, a consumption. A row that does not
  /// read is left out.
  mutating func add(kind: Int64?, id: String?, value: String?) {
    guard let kind, let id = id.flatMap({ try? StatementID($0) }) else { return }
    switch kind {
    case 0: if let value { procurations.append((id, value)) }
    case 1:
      if let action = value.flatMap(StatusAction.init(rawValue:)) { statuses.append((id, action)) }
    case 2: consumed.append(id)
    default: return
    }
  }
}

/// What an administration's read needs, read in one statement (one snapshot,
/// one round trip): the wallet, its consent rows, the grant's token, the
/// records the grant holds keys for (as `ServerStore.grantedRecords`) and the
/// grant's newest manifest.
public struct StoredReadContext: Sendable {
  public var wallet: WalletRecord
  public var consent = StoredConsent()
  public var grantToken: String? = nil
  public var granted: [(FieldRecord, GrantKey)] = []
  public var manifest: String? = nil
}

/// What a read checks again inside its write (`StoreTransaction.readChecks`).
public struct StoredReadChecks: Sendable {
  public let latestStatus: StatusAction?
  public let consumed: Bool
  public let procurationRevoked: Bool
}

/// A wallet's grants in the order stored, the key versions each holds, and
/// each one's newest manifest.
public struct StoredGrants: Sendable {
  public var grants: [(id: StatementID, token: String)] = []
  public var keys: [StatementID: [(field: FieldID, version: UInt64)]] = [:]
  public var manifests: [StatementID: String] = [:]
}

public struct StoredRecordStatement: Sendable {
  public let field: String
  public let version: Int64
  public let id: String
  public let token: String
}

public struct StoredIncomingGrant: Sendable {
  public let wallet: WalletID
  public let id: StatementID
  public let token: String
}

public struct StoredProcuration: Sendable {
  public let id: StatementID
  public let token: String
  public let trustee: String
}

public struct StoredFiling: Sendable {
  public let id: StatementID
  public let token: String
  public let administration: String
  /// The filing's grant (empty if its row is gone).
  public let grant: String
  public let responses: [StoredFilingResponse]
}

public struct StoredFilingResponse: Sendable {
  public let id: StatementID
  public let filing: StatementID
  public let position: Int
  public let token: String
  public let sealedNote: [UInt8]?
  public let sealedNoteForFiler: [UInt8]?
}

/// Counts for the metrics page.
public struct StoreGauges: Sendable {
  public var logEntries: Int64 = 0
  public var openWallets: Int64 = 0
  public var activeGrants: Int64 = 0
}
