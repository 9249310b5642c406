import PSPConsent
import PSPWallet

/// The rows `ConsentState` is made of, for one wallet.
public struct StoredConsent: Sendable {
  public var procurations: [(StatementID, String)] = []
  /// Status changes in the order they happened.
  public var statuses: [(StatementID, StatusAction)] = []
  public var consumed: [StatementID] = []
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
