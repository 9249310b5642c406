import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet

/// One write transaction in the service's words, on either engine. The
/// wallet's lock is the dialect's (`SQLDialect.lockWallet`); on SQLite the
/// batch's IMMEDIATE transaction already holds the only write lock.
struct SQLTransaction: StoreTransaction {
  let sql: any SQLExecuting
  let dialect: SQLDialect
  let number: UInt64
  /// Whether each wallet locked here is open, as its lock read it (one
  /// statement fewer per write on an engine that locks).
  private let known = KnownWallets()

  init(_ sql: any SQLExecuting, dialect: SQLDialect) {
    self.sql = sql
    self.dialect = dialect
    number = TransactionNumbers.next()
  }

  @discardableResult
  private func rows(_ text: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
    try sql.rows(text, parameters)
  }

  func lock(_ wallet: WalletID) throws -> LockedWallet {
    if let lockWallet = dialect.lockWallet, sql.lockedWallet != wallet {
      guard let row = try rows(lockWallet, [.blob(wallet.bytes)]).first else {
        throw WalletError.unknownWallet
      }
      known.open[wallet] = row[0] == .null
    }
    return LockedWallet(wallet, transaction: number)
  }

  private func held(_ wallet: LockedWallet) throws -> [UInt8] {
    guard wallet.transaction == number else { throw StoreError.notLocked }
    return wallet.id.bytes
  }

  func requireOpen(_ wallet: LockedWallet) throws {
    let id = try held(wallet)
    if let open = known.open[wallet.id] {
      guard open else { throw WalletError.walletClosed }
      return
    }
    guard let row = try rows("SELECT closed_at FROM wallets WHERE id = $1", [.blob(id)]).first
    else { throw WalletError.unknownWallet }
    guard row[0] == .null else { throw WalletError.walletClosed }
  }

  func createWallet(
    _ record: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String]
  ) throws -> LockedWallet {
    let id = record.id.bytes
    guard envelopes.allSatisfy({ $0.wallet == record.id }) else { throw StoreError.notLocked }
    try rows(
      """
      INSERT INTO wallets (id, owner_signing_key, owner_encryption_key, consent_receipt, created_at)
      VALUES ($1, $2, $3, $4, $5)
      """,
      [
        .blob(id), .text(record.ownerSigningKey), .blob(record.ownerEncryptionKey),
        .text(record.consentReceipt), .integer(record.createdAt),
      ])
    try insert(envelopes, keepingExisting: false)
    try sql.insert(
      into: "circle_key_statements", ["wallet", "position", "token"],
      keyStatements.enumerated().map { [.blob(id), .integer(Int64($0)), .text($1)] })
    return try lock(record.id)
  }

  /// Envelopes for a recipient (a trustee's procuration). One the recipient
  /// already holds for that circle and epoch, from an earlier procuration, is
  /// kept: the same circle key sealed again adds nothing.
  func addEnvelopes(_ envelopes: [CircleKeyEnvelope], in wallet: LockedWallet) throws {
    _ = try held(wallet)
    guard envelopes.allSatisfy({ $0.wallet == wallet.id }) else { throw StoreError.notLocked }
    try insert(envelopes, keepingExisting: true)
  }

  private func insert(_ envelopes: [CircleKeyEnvelope], keepingExisting: Bool) throws {
    try sql.insert(
      into: "circle_keys", ["wallet", "circle", "epoch", "recipient", "sealed_key"],
      envelopes.map {
        [
          .blob($0.wallet.bytes), .integer(Int64($0.circle.rawValue)), .integer(Int64($0.epoch)),
          .blob($0.recipient), .blob($0.sealedKey),
        ]
      },
      then: keepingExisting ? " ON CONFLICT (wallet, circle, epoch, recipient) DO NOTHING" : "")
  }

  func closeWallet(_ wallet: LockedWallet, closedAt: Int64, closure: String) throws {
    try requireOpen(wallet)
    let id = try held(wallet)
    try rows("DELETE FROM field_records WHERE wallet = $1", [.blob(id)])
    try rows("DELETE FROM circle_keys WHERE wallet = $1", [.blob(id)])
    try rows("DELETE FROM circle_key_statements WHERE wallet = $1", [.blob(id)])
    try rows(
      "UPDATE wallets SET closed_at = $1, closure = $2 WHERE id = $3",
      [.integer(closedAt), .text(closure), .blob(id)])
    known.open[wallet.id] = false
    // Grants lose their keys: nothing sealed for administrations remains.
    try rows(
      "DELETE FROM grant_keys WHERE grant_id IN (SELECT id FROM grants WHERE wallet = $1)",
      [.blob(id)])
    // The records are gone, so are the digests that named them.
    try rows("DELETE FROM record_statements WHERE wallet = $1", [.blob(id)])
    try rows(
      "DELETE FROM grant_manifests WHERE grant_id IN (SELECT id FROM grants WHERE wallet = $1)",
      [.blob(id)])
  }

  func appendAuthored(
    _ records: [FieldRecord], statement: StatementID, token: String, in wallet: LockedWallet
  ) throws {
    let id = try held(wallet)
    guard records.allSatisfy({ $0.wallet == wallet.id }) else { throw StoreError.notLocked }
    try requireOpen(wallet)
    try rows(
      "INSERT INTO record_statements (id, wallet, token) VALUES ($1, $2, $3)",
      [.text(statement.rawValue), .blob(id), .text(token)])
    // The newest version of each field, in one statement; each record must
    // be the next one of its field.
    var latest: [String: Int64] = [:]
    for row in try rows(
      "SELECT field, MAX(version) FROM field_records WHERE wallet = $1 GROUP BY field", [.blob(id)])
    {
      if let field = row[0].text, let version = row[1].integer { latest[field] = version }
    }
    for record in records {
      let expected = UInt64(latest[record.field.rawValue] ?? 0) + 1
      guard record.version == expected else {
        throw WalletError.versionConflict(field: record.field, expected: expected)
      }
      latest[record.field.rawValue] = Int64(record.version)
    }
    try sql.insert(
      into: "field_records",
      [
        "wallet", "field", "version", "circle", "circle_epoch", "ciphertext", "commitment",
        "wrapped_data_key", "created_at", "statement",
      ],
      records.map { record in
        [
          .blob(id), .text(record.field.rawValue), .integer(Int64(record.version)),
          .integer(Int64(record.circle.rawValue)), .integer(Int64(record.circleEpoch)),
          .blob(record.ciphertext), .blob(record.commitment), .blob(record.wrappedDataKey),
          .integer(record.createdAt), .text(statement.rawValue),
        ]
      })
  }

  func insertGrant(
    _ id: StatementID, grantee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws {
    try rows(
      "INSERT INTO grants (id, wallet, grantee, token, created_at) VALUES ($1, $2, $3, $4, $5)",
      [.text(id.rawValue), .blob(try held(wallet)), .text(grantee), .text(token), .integer(at)])
  }

  func insertGrantKeys(_ keys: [GrantKey]) throws {
    try sql.insert(
      into: "grant_keys", ["grant_id", "field", "version", "sealed_key"],
      keys.map {
        [
          .text($0.grant.rawValue), .text($0.field.rawValue), .integer(Int64($0.version)),
          .blob($0.sealedKey),
        ]
      })
  }

  func latestManifestNumber(grant: StatementID) throws -> Int {
    Int(
      try rows(
        "SELECT COALESCE(MAX(seq), 0) FROM grant_manifests WHERE grant_id = $1",
        [.text(grant.rawValue)]
      ).first?[0].integer ?? 0)
  }

  func insertManifest(_ manifest: GrantManifest) throws {
    try rows(
      "INSERT INTO grant_manifests (grant_id, seq, token) VALUES ($1, $2, $3)",
      [.text(manifest.grant.rawValue), .integer(Int64(manifest.seq)), .text(manifest.token)])
  }

  func insertProcuration(
    _ id: StatementID, trustee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws {
    try rows(
      """
      INSERT INTO procurations (id, wallet, trustee, token, created_at)
      VALUES ($1, $2, $3, $4, $5)
      """,
      [.text(id.rawValue), .blob(try held(wallet)), .text(trustee), .text(token), .integer(at)])
  }

  func insertStatusChange(
    _ id: StatementID, ref: StatementID, action: StatusAction, token: String, at: Int64,
    in wallet: LockedWallet
  ) throws {
    try rows(
      """
      INSERT INTO status_changes (id, wallet, ref, action, token, at)
      VALUES ($1, $2, $3, $4, $5, $6)
      """,
      [
        .text(id.rawValue), .blob(try held(wallet)), .text(ref.rawValue), .text(action.rawValue),
        .text(token), .integer(at),
      ])
  }

  func dropGrantKeys(grant: StatementID) throws {
    try rows("DELETE FROM grant_keys WHERE grant_id = $1", [.text(grant.rawValue)])
  }

  func insertFiling(
    _ id: StatementID, administration: String, token: String, grant: StatementID, at: Int64,
    in wallet: LockedWallet
  ) throws {
    try rows(
      """
      INSERT INTO filings (id, wallet, administration, token, grant_id, at)
      VALUES ($1, $2, $3, $4, $5, $6)
      """,
      [
        .text(id.rawValue), .blob(try held(wallet)), .text(administration), .text(token),
        .text(grant.rawValue), .integer(at),
      ])
  }

  func insertFilingResponse(_ response: StoredFilingResponse, at: Int64) throws {
    try rows(
      """
      INSERT INTO filing_responses
      (id, filing, position, token, sealed_note, sealed_note_for_filer, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      """,
      [
        .text(response.id.rawValue), .text(response.filing.rawValue),
        .integer(Int64(response.position)), .text(response.token),
        response.sealedNote.map { .blob($0) } ?? .null,
        response.sealedNoteForFiler.map { .blob($0) } ?? .null, .integer(at),
      ])
  }

  func filingResponseCount(filing: StatementID) throws -> Int {
    Int(
      try rows("SELECT COUNT(*) FROM filing_responses WHERE filing = $1", [.text(filing.rawValue)])
        .first?[0].integer ?? 0)
  }

  func administrationCertificate(id: String) throws -> String? {
    // The statement-id lock's space, under a name no statement id has (they
    // are base64url): SQLite needs none, its writes are one at a time.
    if let lockStatementID = dialect.lockStatementID {
      try rows(lockStatementID, [.text("administration " + id)])
    }
    return try rows("SELECT certificate FROM administrations WHERE id = $1", [.text(id)])
      .first?[0].text
  }

  func upsertAdministration(
    id: String, keyID: String, record: String, certificate: String, at: Int64
  ) throws {
    try rows(
      """
      INSERT INTO administrations (id, key_id, record, registered_at, certificate)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, record = excluded.record,
        registered_at = excluded.registered_at, certificate = excluded.certificate
      """,
      [.text(id), .text(keyID), .text(record), .integer(at), .text(certificate)])
  }

  func isStatementIDUsed(_ id: StatementID) throws -> Bool {
    if let lockStatementID = dialect.lockStatementID {
      try rows(lockStatementID, [.text(id.rawValue)])
    }
    return
      !(try rows(
        """
        SELECT 1 FROM grants WHERE id = $1 UNION ALL SELECT 1 FROM procurations WHERE id = $1
        UNION ALL SELECT 1 FROM filings WHERE id = $1
        UNION ALL SELECT 1 FROM status_changes WHERE id = $1
        """, [.text(id.rawValue)]
      ).isEmpty)
  }

  func isConsumed(_ id: StatementID) throws -> Bool {
    !(try rows("SELECT 1 FROM consumptions WHERE statement = $1", [.text(id.rawValue)]).isEmpty)
  }

  func insertConsumption(_ id: StatementID, at: Int64, in wallet: LockedWallet) throws {
    try rows(
      "INSERT INTO consumptions (statement, wallet, at) VALUES ($1, $2, $3)",
      [.text(id.rawValue), .blob(try held(wallet)), .integer(at)])
  }

  func readChecks(_ wallet: LockedWallet, grant: StatementID, procuration: StatementID?) throws
    -> StoredReadChecks
  {
    // Under the wallet's lock, so this statement's snapshot holds every
    // change committed before it.
    guard
      let row = try rows(
        """
        SELECT closed_at,
          (SELECT action FROM status_changes WHERE ref = $2
            ORDER BY at DESC, \(dialect.insertionOrder) DESC LIMIT 1),
          EXISTS (SELECT 1 FROM consumptions WHERE statement = $2),
          EXISTS (SELECT 1 FROM status_changes WHERE ref = $3 AND action = $4)
        FROM wallets WHERE id = $1
        """,
        [
          .blob(try held(wallet)), .text(grant.rawValue), .text(procuration?.rawValue ?? ""),
          .text(StatusAction.revoke.rawValue),
        ]
      ).first
    else { throw WalletError.unknownWallet }
    known.open[wallet.id] = row[0] == .null
    guard row[0] == .null else { throw WalletError.walletClosed }
    return StoredReadChecks(
      latestStatus: row[1].text.flatMap(StatusAction.init(rawValue:)),
      consumed: row[2].integer == 1, procurationRevoked: row[3].integer == 1)
  }

  @discardableResult func append(_ entry: AccessLogEntry, to wallet: LockedWallet) throws -> Int {
    let id = try held(wallet)
    guard entry.wallet == wallet.id else { throw StoreError.notLocked }
    let bytes = entry.canonicalBytes()
    let leaf = MerkleTree.leafHash(bytes)
    // The next index and the entry in one statement, under the wallet's lock.
    guard
      let next = try rows(dialect.appendEntry, [.blob(id), .blob(bytes), .blob(leaf)]).first?[0]
        .integer
    else { throw WalletError.storage("append a log entry") }
    return Int(next)
  }
}

/// What one transaction learnt of the wallets it locked.
private final class KnownWallets {
  var open: [WalletID: Bool] = [:]
}

/// Numbers the transactions of this process, so that a `LockedWallet` is
/// accepted only by the transaction that made it.
enum TransactionNumbers {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var last: UInt64 = 0

  static func next() -> UInt64 {
    lock.withLock {
      last += 1
      return last
    }
  }
}
