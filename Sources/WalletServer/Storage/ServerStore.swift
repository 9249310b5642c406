import Logging
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// What walletd keeps, in the service's words: one implementation per engine
/// (`Storage/SQLite`; PostgreSQL next). The service never writes SQL.
///
/// Reads are async. A write runs a synchronous `body` inside one transaction on
/// the engine's writer and returns only once that transaction is durable, so
/// that an answer never gets ahead of what it reports (a log entry above all).
/// Every write of a wallet first takes that wallet's lock (`StoreTransaction.lock`):
/// its log is appended to only through the token the lock returns.
public protocol ServerStore: AnyObject, Sendable {
  /// Runs `body` in one durable transaction; its error rolls back that body
  /// only. `wallet`: the wallet `body` writes (its first call locks it), so
  /// that an engine may run that wallet's queued writes in one transaction.
  func write<R: Sendable>(
    wallet: WalletID?, _ body: @escaping @Sendable (any StoreTransaction) throws -> R
  ) async throws -> R
  /// Transactions committed and writes in them (metrics, benchmarks).
  var writeCounts: (batches: Int, writes: Int) { get }
  /// Throws when the database does not answer (readiness).
  func ping() async throws
  /// Finishes the queued writes, then stops the writer.
  func stop() async
  /// What the witnessed log reads and writes (`spec/log.md`).
  var witnessStore: any WitnessStore { get }
  /// The sessions, when several walletd may share this store (nil: in memory).
  var sharedSessions: (any SessionStore)? { get }

  // MARK: wallets

  func wallet(_ id: WalletID) async throws -> WalletRecord
  func keyStatements(wallet: WalletID) async throws -> [String]
  func envelopes(wallet: WalletID, recipient: [UInt8]) async throws -> [CircleKeyEnvelope]
  func latestRecords(wallet: WalletID) async throws -> [FieldRecord]
  func history(wallet: WalletID, field: FieldID) async throws -> [FieldRecord]
  /// After a wallet closed: makes the deleted rows unrecoverable where the
  /// engine can (SQLite: truncates the write-ahead log). Best effort.
  func eraseDeleted() async

  // MARK: consent

  /// The wallet's procurations, status changes (in the order they happened)
  /// and consumptions: what `ConsentState` is made of.
  func consent(wallet: WalletID) async throws -> StoredConsent
  func grantToken(_ id: StatementID, wallet: WalletID) async throws -> String?
  func grants(wallet: WalletID) async throws -> StoredGrants
  /// What an administration's read of `grant` needs: the wallet (unknown:
  /// `WalletError.unknownWallet`), its consent rows as `consent(wallet:)`, the
  /// grant's token if the wallet holds it, for each field the grant holds a
  /// key for the newest such version's record and key, and the grant's newest
  /// manifest.
  func readContext(wallet: WalletID, grant: StatementID) async throws -> StoredReadContext
  /// The wallet's record statements, with the record each one covers.
  func recordStatements(wallet: WalletID) async throws -> [StoredRecordStatement]
  /// Grants to `grantee`, newest first.
  func incomingGrants(grantee: String, limit: Int) async throws -> [StoredIncomingGrant]
  func procurations(wallet: WalletID) async throws -> [StoredProcuration]
  /// The wallet's filings in the order made, each with its grant and responses.
  func filings(wallet: WalletID) async throws -> [StoredFiling]
  func filing(_ id: StatementID, wallet: WalletID) async throws -> StoredFiling?

  // MARK: registry

  /// The administrations' certificates, in the order registered.
  func certificates() async throws -> [String]

  // MARK: log

  /// Entries of `wallet`'s log from `start`, at most `limit`, and the log's size.
  func logPage(wallet: WalletID, start: Int, limit: Int) async throws -> (
    entries: [[UInt8]], size: Int
  )
  /// The leaf hashes of `wallet`'s log, in order.
  func leaves(wallet: WalletID) async throws -> [[UInt8]]
  func gauges() async -> StoreGauges
  /// The bytes the data takes: SQLite's file (its pages, the WAL aside), or
  /// the schema's tables with their indexes and TOAST on PostgreSQL.
  func bytesStored() async throws -> Int64
}

/// One write transaction, seen from the service. Synchronous; never kept
/// beyond the body it is given to.
public protocol StoreTransaction {
  /// Serialises every write of `wallet`; the first call of every wallet write.
  func lock(_ wallet: WalletID) throws -> LockedWallet
  /// Throws `WalletError.unknownWallet` or `.walletClosed`.
  func requireOpen(_ wallet: LockedWallet) throws
  func createWallet(_ record: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String])
    throws -> LockedWallet
  func addEnvelopes(_ envelopes: [CircleKeyEnvelope], in wallet: LockedWallet) throws
  /// Closes the wallet: its records, circle keys, grant keys, record
  /// statements and manifests are deleted; the row keeps the closure.
  func closeWallet(_ wallet: LockedWallet, closedAt: Int64, closure: String) throws

  /// Stores records with the statement covering them.
  func appendAuthored(
    _ records: [FieldRecord], statement: StatementID, token: String, in wallet: LockedWallet
  ) throws
  func insertGrant(
    _ id: StatementID, grantee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws
  func insertGrantKeys(_ keys: [GrantKey]) throws
  /// The newest manifest number stored for `grant` (0: none).
  func latestManifestNumber(grant: StatementID) throws -> Int
  func insertManifest(_ manifest: GrantManifest) throws
  func insertProcuration(
    _ id: StatementID, trustee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws
  func insertStatusChange(
    _ id: StatementID, ref: StatementID, action: StatusAction, token: String, at: Int64,
    in wallet: LockedWallet
  ) throws
  /// A revoked grant's sealed keys, gone at once.
  func dropGrantKeys(grant: StatementID) throws
  func insertFiling(
    _ id: StatementID, administration: String, token: String, grant: StatementID, at: Int64,
    in wallet: LockedWallet
  ) throws
  func insertFilingResponse(_ response: StoredFilingResponse, at: Int64) throws
  /// The responses stored for `filing`.
  func filingResponseCount(filing: StatementID) throws -> Int
  /// The certificate stored for administration `id`, read under a lock that
  /// registrations of the same id take in turn until their transactions end
  /// (so that two walletd renewing one administration at once are ordered).
  func administrationCertificate(id: String) throws -> String?
  /// Inserts an administration, or replaces the row of its id (a renewal).
  func upsertAdministration(
    id: String, keyID: String, record: String, certificate: String, at: Int64
  ) throws

  /// Whether a grant, procuration, filing or status change already has this id.
  func isStatementIDUsed(_ id: StatementID) throws -> Bool
  func isConsumed(_ id: StatementID) throws -> Bool
  /// Records the single use of a one-shot statement; a second fails.
  func insertConsumption(_ id: StatementID, at: Int64, in wallet: LockedWallet) throws
  /// What a read checks again under its wallet's lock, in one statement:
  /// whether the wallet is open (closed: `WalletError.walletClosed`), the
  /// grant's latest status change, whether it is consumed, and whether a
  /// revocation of `procuration` is stored.
  func readChecks(_ wallet: LockedWallet, grant: StatementID, procuration: StatementID?) throws
    -> StoredReadChecks

  /// Appends `entry` to the locked wallet's log; returns its index.
  @discardableResult func append(_ entry: AccessLogEntry, to wallet: LockedWallet) throws -> Int
}

/// A wallet locked by one transaction: made only by `StoreTransaction.lock`
/// and `createWallet`, and refused by any other transaction.
public struct LockedWallet: Sendable, Equatable {
  public let id: WalletID
  let transaction: UInt64

  init(_ id: WalletID, transaction: UInt64) {
    self.id = id
    self.transaction = transaction
  }
}
