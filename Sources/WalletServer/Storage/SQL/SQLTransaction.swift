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
    if let lockWallet = dialect.lockWallet {
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
    for envelope in envelopes { try insert(envelope, keepingExisting: false) }
    for (index, token) in keyStatements.enumerated() {
      try rows(
        "INSERT INTO circle_key_statements (wallet, position, token) VALUES ($1, $2, $3)",
        [.blob(id), .integer(Int64(index)), .text(token)])
    }
    return try lock(record.id)
  }

  /// Envelopes for a recipient (a trustee's procuration). One the recipient
  /// already holds for that circle and epoch, from an earlier procuration, is
  /// kept: the same circle key sealed again adds nothing.
  func addEnvelopes(_ envelopes: [CircleKeyEnvelope], in wallet: LockedWallet) throws {
    _ = try held(wallet)
    guard envelopes.allSatisfy({ $0.wallet == wallet.id }) else { throw StoreError.notLocked }
    for envelope in envelopes { try insert(envelope, keepingExisting: true) }
  }

  private func insert(_ envelope: CircleKeyEnvelope, keepingExisting: Bool) throws {
    try rows(
      "INSERT INTO circle_keys (wallet, circle, epoch, recipient, sealed_key) VALUES ($1, $2, $3, $4, $5)"
        + (keepingExisting ? " ON CONFLICT (wallet, circle, epoch, recipient) DO NOTHING" : ""),
      [
        .blob(envelope.wallet.bytes), .integer(Int64(envelope.circle.rawValue)),
        .integer(Int64(envelope.epoch)), .blob(envelope.recipient), .blob(envelope.sealedKey),
      ])
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
    for record in records {
      let latest =
        try rows(
          "SELECT MAX(version) FROM field_records WHERE wallet = $1 AND field = $2",
          [.blob(id), .text(record.field.rawValue)]
        ).first?[0].integer ?? 0
      guard record.version == UInt64(latest) + 1 else {
        throw WalletError.versionConflict(field: record.field, expected: UInt64(latest) + 1)
      }
      try rows(
        """
        INSERT INTO field_records (wallet, field, version, circle, circle_epoch, ciphertext,
          commitment, wrapped_data_key, created_at, statement)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """,
        [
          .blob(id), .text(record.field.rawValue), .integer(Int64(record.version)),
          .integer(Int64(record.circle.rawValue)), .integer(Int64(record.circleEpoch)),
          .blob(record.ciphertext), .blob(record.commitment), .blob(record.wrappedDataKey),
          .integer(record.createdAt), .text(statement.rawValue),
        ])
    }
  }

  func insertGrant(
    _ id: StatementID, grantee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws {
    try rows(
      "INSERT INTO grants (id, wallet, grantee, token, created_at) VALUES ($1, $2, $3, $4, $5)",
      [.text(id.rawValue), .blob(try held(wallet)), .text(grantee), .text(token), .integer(at)])
  }

  func insertGrantKeys(_ keys: [GrantKey]) throws {
    for key in keys {
      try rows(
        "INSERT INTO grant_keys (grant_id, field, version, sealed_key) VALUES ($1, $2, $3, $4)",
        [
          .text(key.grant.rawValue), .text(key.field.rawValue), .integer(Int64(key.version)),
          .blob(key.sealedKey),
        ])
    }
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

  func isRevoked(_ ref: StatementID) throws -> Bool {
    !(try rows(
      "SELECT 1 FROM status_changes WHERE ref = $1 AND action = $2 LIMIT 1",
      [.text(ref.rawValue), .text(StatusAction.revoke.rawValue)]
    ).isEmpty)
  }

  func latestStatus(_ ref: StatementID) throws -> StatusAction? {
    try rows(
      """
      SELECT action FROM status_changes WHERE ref = $1
      ORDER BY at DESC, \(dialect.insertionOrder) DESC LIMIT 1
      """, [.text(ref.rawValue)]
    ).first?[0].text.flatMap(StatusAction.init(rawValue:))
  }

  @discardableResult func append(_ entry: AccessLogEntry, to wallet: LockedWallet) throws -> Int {
    let id = try held(wallet)
    guard entry.wallet == wallet.id else { throw StoreError.notLocked }
    let bytes = entry.canonicalBytes()
    let leaf = MerkleTree.leafHash(bytes)
    // The next index and the entry in one statement, under the wallet's lock.
    guard
      let next = try rows(
        """
        INSERT INTO log_entries (wallet, idx, entry, leaf)
        SELECT $1, COALESCE(MAX(idx) + 1, 0), $2, $3 FROM log_entries WHERE wallet = $1
        RETURNING idx
        """, [.blob(id), .blob(bytes), .blob(leaf)]
      ).first?[0].integer
    else { throw WalletError.storage("append a log entry") }
    sql.appended(
      StoredLogRow(cursor: 0, wallet: wallet.id, index: next, entry: bytes, leaf: leaf))
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
