/// What the platform keeps of a wallet: the owner's public keys, the consent
/// receipt, circle key envelopes and field records — ciphertext, wrapped keys,
/// commitments, signatures and non-personal metadata, nothing else.
///
/// One interface, so that the embedded SQLite store (the default) and a later
/// PostgreSQL store are interchangeable. Implementations must make `append`
/// atomic with its version check, and `close` atomic as a whole.
public protocol WalletStore: Sendable {
  func create(_ wallet: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String])
    throws(WalletError)
  /// The owner's signed circle key statements (`CircleKeyStatement`), one per epoch.
  func keyStatements(wallet: WalletID) throws(WalletError) -> [String]
  func wallet(_ id: WalletID) throws(WalletError) -> WalletRecord
  func add(_ envelopes: [CircleKeyEnvelope]) throws(WalletError)
  /// Envelopes sealed to `recipient` (an X25519 public key), every circle and epoch.
  func envelopes(wallet: WalletID, recipient: [UInt8]) throws(WalletError) -> [CircleKeyEnvelope]
  /// Stores a new version; `record.version` must be exactly the latest + 1
  /// (1 for a new field), otherwise `versionConflict` and nothing is stored.
  func append(_ record: FieldRecord) throws(WalletError)
  /// The latest version of every field.
  func latestRecords(wallet: WalletID) throws(WalletError) -> [FieldRecord]
  /// Every version of one field, oldest first.
  func history(wallet: WalletID, field: FieldID) throws(WalletError) -> [FieldRecord]
  /// Withdraws the wallet: deletes every field record and circle key envelope,
  /// and keeps the wallet row with the signed closure statement.
  func close(_ id: WalletID, closedAt: Int64, closure: String) throws(WalletError)
}

/// The wallet row: public keys and signed statements only.
public struct WalletRecord: Sendable, Equatable, Codable {
  public let id: WalletID
  /// `k4.public` of the owner's signing key.
  public let ownerSigningKey: String
  /// The owner's X25519 public key.
  public let ownerEncryptionKey: [UInt8]
  /// The consent receipt token.
  public let consentReceipt: String
  public let createdAt: Int64
  public let closedAt: Int64?
  /// The signed closure statement, once closed.
  public let closure: String?

  public init(
    id: WalletID, ownerSigningKey: String, ownerEncryptionKey: [UInt8], consentReceipt: String,
    createdAt: Int64, closedAt: Int64? = nil, closure: String? = nil
  ) {
    self.id = id
    self.ownerSigningKey = ownerSigningKey
    self.ownerEncryptionKey = ownerEncryptionKey
    self.consentReceipt = consentReceipt
    self.createdAt = createdAt
    self.closedAt = closedAt
    self.closure = closure
  }
}
