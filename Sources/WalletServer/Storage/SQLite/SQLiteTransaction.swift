import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet

/// One write of the group commit, in the service's words. The batch's
/// IMMEDIATE transaction already holds SQLite's only write lock, so `lock`
/// only hands out the token: every wallet is locked for the whole batch.
struct SQLiteTransaction: StoreTransaction {
  let tx: SQLiteDatabase.Transaction
  let number: UInt64

  init(_ tx: SQLiteDatabase.Transaction) {
    self.tx = tx
    number = TransactionNumbers.next()
  }

  func lock(_ wallet: WalletID) throws -> LockedWallet { LockedWallet(wallet, transaction: number) }

  private func held(_ wallet: LockedWallet) throws -> [UInt8] {
    guard wallet.transaction == number else { throw StoreError.notLocked }
    return wallet.id.bytes
  }

  func requireOpen(_ wallet: LockedWallet) throws {
    _ = try held(wallet)
    try SQLiteWalletStore.requireOpen(wallet.id, tx)
  }

  func createWallet(
    _ record: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String]
  ) throws -> LockedWallet {
    try SQLiteWalletStore.create(record, envelopes: envelopes, keyStatements: keyStatements, in: tx)
    return try lock(record.id)
  }

  func addEnvelopes(_ envelopes: [CircleKeyEnvelope], in wallet: LockedWallet) throws {
    _ = try held(wallet)
    guard envelopes.allSatisfy({ $0.wallet == wallet.id }) else { throw StoreError.notLocked }
    try SQLiteWalletStore.add(envelopes, in: tx)
  }

  func closeWallet(_ wallet: LockedWallet, closedAt: Int64, closure: String) throws {
    let id = try held(wallet)
    try SQLiteWalletStore.close(wallet.id, closedAt: closedAt, closure: closure, in: tx)
    // Grants lose their keys: nothing sealed for administrations remains.
    try tx.query(
      "DELETE FROM grant_keys WHERE grant_id IN (SELECT id FROM grants WHERE wallet = ?)",
      [.blob(id)])
    // The records are gone, so are the digests that named them.
    try tx.query("DELETE FROM record_statements WHERE wallet = ?", [.blob(id)])
    try tx.query(
      "DELETE FROM grant_manifests WHERE grant_id IN (SELECT id FROM grants WHERE wallet = ?)",
      [.blob(id)])
  }

  func appendAuthored(
    _ records: [FieldRecord], statement: StatementID, token: String, in wallet: LockedWallet
  ) throws {
    let id = try held(wallet)
    guard records.allSatisfy({ $0.wallet == wallet.id }) else { throw StoreError.notLocked }
    try tx.query(
      "INSERT INTO record_statements (id, wallet, token) VALUES (?, ?, ?)",
      [.text(statement.rawValue), .blob(id), .text(token)])
    for record in records {
      try SQLiteWalletStore.append(record, in: tx)
      try tx.query(
        "UPDATE field_records SET statement = ? WHERE wallet = ? AND field = ? AND version = ?",
        [
          .text(statement.rawValue), .blob(id), .text(record.field.rawValue),
          .integer(Int64(record.version)),
        ])
    }
  }

  func insertGrant(
    _ id: StatementID, grantee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws {
    try tx.query(
      "INSERT INTO grants (id, wallet, grantee, token, created_at) VALUES (?, ?, ?, ?, ?)",
      [.text(id.rawValue), .blob(try held(wallet)), .text(grantee), .text(token), .integer(at)])
  }

  func insertGrantKeys(_ keys: [GrantKey]) throws {
    for key in keys {
      try tx.query(
        "INSERT INTO grant_keys (grant_id, field, version, sealed_key) VALUES (?, ?, ?, ?)",
        [
          .text(key.grant.rawValue), .text(key.field.rawValue), .integer(Int64(key.version)),
          .blob(key.sealedKey),
        ])
    }
  }

  func latestManifestNumber(grant: StatementID) throws -> Int {
    Int(
      try tx.query(
        "SELECT COALESCE(MAX(seq), 0) FROM grant_manifests WHERE grant_id = ?",
        [.text(grant.rawValue)]
      ).first?[0].integer ?? 0)
  }

  func insertManifest(_ manifest: GrantManifest) throws {
    try tx.query(
      "INSERT INTO grant_manifests (grant_id, seq, token) VALUES (?, ?, ?)",
      [.text(manifest.grant.rawValue), .integer(Int64(manifest.seq)), .text(manifest.token)])
  }

  func insertProcuration(
    _ id: StatementID, trustee: String, token: String, at: Int64, in wallet: LockedWallet
  ) throws {
    try tx.query(
      "INSERT INTO procurations (id, wallet, trustee, token, created_at) VALUES (?, ?, ?, ?, ?)",
      [.text(id.rawValue), .blob(try held(wallet)), .text(trustee), .text(token), .integer(at)])
  }

  func insertStatusChange(
    _ id: StatementID, ref: StatementID, action: StatusAction, token: String, at: Int64,
    in wallet: LockedWallet
  ) throws {
    try tx.query(
      "INSERT INTO status_changes (id, wallet, ref, action, token, at) VALUES (?, ?, ?, ?, ?, ?)",
      [
        .text(id.rawValue), .blob(try held(wallet)), .text(ref.rawValue), .text(action.rawValue),
        .text(token), .integer(at),
      ])
  }

  func dropGrantKeys(grant: StatementID) throws {
    try tx.query("DELETE FROM grant_keys WHERE grant_id = ?", [.text(grant.rawValue)])
  }

  func insertFiling(
    _ id: StatementID, administration: String, token: String, grant: StatementID, at: Int64,
    in wallet: LockedWallet
  ) throws {
    try tx.query(
      """
      INSERT INTO filings (id, wallet, administration, token, grant_id, at)
      VALUES (?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id.rawValue), .blob(try held(wallet)), .text(administration), .text(token),
        .text(grant.rawValue), .integer(at),
      ])
  }

  func insertFilingResponse(_ response: StoredFilingResponse, at: Int64) throws {
    try tx.query(
      """
      INSERT INTO filing_responses
      (id, filing, position, token, sealed_note, sealed_note_for_filer, at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(response.id.rawValue), .text(response.filing.rawValue),
        .integer(Int64(response.position)), .text(response.token),
        response.sealedNote.map { .blob($0) } ?? .null,
        response.sealedNoteForFiler.map { .blob($0) } ?? .null, .integer(at),
      ])
  }

  func upsertAdministration(
    id: String, keyID: String, record: String, certificate: String, at: Int64
  ) throws {
    try tx.query(
      """
      INSERT INTO administrations (id, key_id, record, registered_at, certificate) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, record = excluded.record,
        registered_at = excluded.registered_at, certificate = excluded.certificate
      """,
      [.text(id), .text(keyID), .text(record), .integer(at), .text(certificate)])
  }

  func isStatementIDUsed(_ id: StatementID) throws -> Bool {
    !(try tx.query(
      """
      SELECT 1 FROM grants WHERE id = ?1 UNION ALL SELECT 1 FROM procurations WHERE id = ?1
      UNION ALL SELECT 1 FROM filings WHERE id = ?1 UNION ALL SELECT 1 FROM status_changes WHERE id = ?1
      """, [.text(id.rawValue)]
    ).isEmpty)
  }

  func isConsumed(_ id: StatementID) throws -> Bool {
    !(try tx.query("SELECT 1 FROM consumptions WHERE statement = ?", [.text(id.rawValue)]).isEmpty)
  }

  func insertConsumption(_ id: StatementID, at: Int64, in wallet: LockedWallet) throws {
    try tx.query(
      "INSERT INTO consumptions (statement, wallet, at) VALUES (?, ?, ?)",
      [.text(id.rawValue), .blob(try held(wallet)), .integer(at)])
  }

  func isRevoked(_ ref: StatementID) throws -> Bool {
    !(try tx.query(
      "SELECT 1 FROM status_changes WHERE ref = ? AND action = ? LIMIT 1",
      [.text(ref.rawValue), .text(StatusAction.revoke.rawValue)]
    ).isEmpty)
  }

  func latestStatus(_ ref: StatementID) throws -> StatusAction? {
    try tx.query(
      "SELECT action FROM status_changes WHERE ref = ? ORDER BY at DESC, rowid DESC LIMIT 1",
      [.text(ref.rawValue)]
    ).first?[0].text.flatMap(StatusAction.init(rawValue:))
  }

  @discardableResult func append(_ entry: AccessLogEntry, to wallet: LockedWallet) throws -> Int {
    let id = try held(wallet)
    guard entry.wallet == wallet.id else { throw StoreError.notLocked }
    let next =
      try tx.query(
        "SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entries WHERE wallet = ?", [.blob(id)]
      )
      .first?[0].integer ?? 0
    let bytes = entry.canonicalBytes()
    try tx.query(
      "INSERT INTO log_entries (wallet, idx, entry, leaf) VALUES (?, ?, ?, ?)",
      [.blob(id), .integer(next), .blob(bytes), .blob(MerkleTree.leafHash(bytes))])
    return Int(next)
  }
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
