import Foundation
import Logging
import PSPConsent
import PSPCrypto
import PSPWallet

/// walletd's store in one SQLite file (WAL, `synchronous=FULL`): reads on one
/// connection, every write through the `GroupCommitter` thread on a second.
public final class SQLiteServerStore: ServerStore {
  let reader: SQLiteWalletStore
  let committer: GroupCommitter
  var database: SQLiteDatabase { reader.database }

  /// Opens (or creates) the file and brings its schema up to date.
  public init(path: String) throws {
    reader = try SQLiteWalletStore(path: path)
    try SchemaMigrator.migrate(reader.database, ServerSchema.migrations)
    committer = GroupCommitter(database: try SQLiteDatabase(path: path))
  }

  public func write<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> R)
    async throws -> R
  {
    try await committer.write { tx in try body(SQLiteTransaction(tx)) }
  }

  public var writeCounts: (batches: Int, writes: Int) { (committer.batches, committer.writes) }

  public func ping() async throws { _ = try database.query("SELECT 1") }

  public func stop() async { await committer.stop() }

  public var witnessStore: any WitnessStore {
    SQLiteWitnessStore(database: database, committer: committer)
  }

  // MARK: wallets

  public func wallet(_ id: WalletID) async throws -> WalletRecord { try reader.wallet(id) }

  public func keyStatements(wallet: WalletID) async throws -> [String] {
    try reader.keyStatements(wallet: wallet)
  }

  public func envelopes(wallet: WalletID, recipient: [UInt8]) async throws -> [CircleKeyEnvelope] {
    try reader.envelopes(wallet: wallet, recipient: recipient)
  }

  public func latestRecords(wallet: WalletID) async throws -> [FieldRecord] {
    try reader.latestRecords(wallet: wallet)
  }

  public func history(wallet: WalletID, field: FieldID) async throws -> [FieldRecord] {
    try reader.history(wallet: wallet, field: field)
  }

  public func eraseDeleted() async { try? database.checkpointAndTruncateWAL() }

  // MARK: consent

  public func consent(wallet: WalletID) async throws -> StoredConsent {
    var consent = StoredConsent()
    // One statement for the three tables (it runs on every request).
    let rows = try database.query(
      """
      SELECT 0, id, token, 0, 0 FROM procurations WHERE wallet = ?1
      UNION ALL SELECT 1, ref, action, at, rowid FROM status_changes WHERE wallet = ?1
      UNION ALL SELECT 2, statement, NULL, 0, 0 FROM consumptions WHERE wallet = ?1
      ORDER BY 1, 4, 5
      """, [.blob(wallet.bytes)])
    for row in rows {
      guard let kind = row[0].integer, let id = row[1].text.flatMap({ try? StatementID($0) })
      else { continue }
      switch kind {
      case 0: if let token = row[2].text { consent.procurations.append((id, token)) }
      case 1:
        if let action = row[2].text.flatMap(StatusAction.init(rawValue:)) {
          consent.statuses.append((id, action))
        }
      default: consent.consumed.append(id)
      }
    }
    return consent
  }

  public func grantToken(_ id: StatementID, wallet: WalletID) async throws -> String? {
    try database.query(
      "SELECT token FROM grants WHERE id = ? AND wallet = ?",
      [.text(id.rawValue), .blob(wallet.bytes)]
    ).first?[0].text
  }

  public func grants(wallet: WalletID) async throws -> StoredGrants {
    var stored = StoredGrants()
    for row in try database.query(
      "SELECT id, token FROM grants WHERE wallet = ? ORDER BY created_at, rowid",
      [.blob(wallet.bytes)])
    {
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text
      else { continue }
      stored.grants.append((id, token))
    }
    for row in try database.query(
      """
      SELECT k.grant_id, k.field, k.version FROM grant_keys k JOIN grants g ON g.id = k.grant_id
      WHERE g.wallet = ? ORDER BY k.field, k.version
      """, [.blob(wallet.bytes)])
    {
      guard let id = row[0].text.flatMap({ try? StatementID($0) }),
        let field = row[1].text.flatMap(FieldID.init(rawValue:)), let version = row[2].integer
      else { continue }
      stored.keys[id, default: []].append((field, UInt64(version)))
    }
    // The newest manifest of each grant: rows in seq order, the last one wins.
    for row in try database.query(
      """
      SELECT m.grant_id, m.token FROM grant_manifests m JOIN grants g ON g.id = m.grant_id
      WHERE g.wallet = ? ORDER BY m.seq
      """, [.blob(wallet.bytes)])
    {
      if let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text {
        stored.manifests[id] = token
      }
    }
    return stored
  }

  public func grantedRecords(_ grant: StatementID, wallet: WalletID) async throws -> [(
    FieldRecord, GrantKey
  )] {
    // SQLite takes the bare column sealed_key from the row holding MAX(version).
    let rows = try database.query(
      """
      SELECT k.field, k.version, k.sealed_key, r.circle, r.circle_epoch, r.ciphertext, r.commitment,
        r.wrapped_data_key, r.created_at
      FROM (SELECT field, MAX(version) AS version, sealed_key FROM grant_keys WHERE grant_id = ? GROUP BY field) AS k
      JOIN field_records AS r ON r.wallet = ? AND r.field = k.field AND r.version = k.version
      """, [.text(grant.rawValue), .blob(wallet.bytes)])
    return try rows.map { row in
      guard let name = row[0].text, let field = FieldID(rawValue: name),
        let version = row[1].integer,
        let sealed = row[2].blob, let c = row[3].integer, let circle = Circle(rawValue: Int(c)),
        let epoch = row[4].integer, let ciphertext = row[5].blob, let commitment = row[6].blob,
        let wrapped = row[7].blob, let created = row[8].integer
      else { throw WalletError.storage("read a granted record") }
      let record = FieldRecord(
        wallet: wallet, field: field, version: UInt64(version), circle: circle,
        circleEpoch: UInt32(epoch), ciphertext: ciphertext, commitment: commitment,
        wrappedDataKey: wrapped, createdAt: created)
      return (
        record, GrantKey(grant: grant, field: field, version: UInt64(version), sealedKey: sealed)
      )
    }
  }

  public func latestManifest(grant: StatementID) async throws -> String? {
    try database.query(
      "SELECT token FROM grant_manifests WHERE grant_id = ? ORDER BY seq DESC LIMIT 1",
      [.text(grant.rawValue)]
    ).first?[0].text
  }

  public func recordStatements(wallet: WalletID) async throws -> [StoredRecordStatement] {
    try database.query(
      """
      SELECT r.field, r.version, s.id, s.token FROM field_records r
      JOIN record_statements s ON s.id = r.statement WHERE r.wallet = ?
      """, [.blob(wallet.bytes)]
    ).compactMap { row in
      guard let field = row[0].text, let version = row[1].integer, let id = row[2].text,
        let token = row[3].text
      else { return nil }
      return StoredRecordStatement(field: field, version: version, id: id, token: token)
    }
  }

  public func incomingGrants(grantee: String, limit: Int) async throws -> [StoredIncomingGrant] {
    try database.query(
      """
      SELECT wallet, id, token FROM grants WHERE grantee = ?
      ORDER BY created_at DESC, rowid DESC LIMIT ?
      """, [.text(grantee), .integer(Int64(limit))]
    ).compactMap { row in
      guard let wallet = row[0].blob.flatMap({ try? WalletID(bytes: $0) }),
        let id = row[1].text.flatMap({ try? StatementID($0) }), let token = row[2].text
      else { return nil }
      return StoredIncomingGrant(wallet: wallet, id: id, token: token)
    }
  }

  public func procurations(wallet: WalletID) async throws -> [StoredProcuration] {
    try database.query(
      "SELECT id, token, trustee FROM procurations WHERE wallet = ? ORDER BY created_at, rowid",
      [.blob(wallet.bytes)]
    ).compactMap { row in
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text,
        let trustee = row[2].text
      else { return nil }
      return StoredProcuration(id: id, token: token, trustee: trustee)
    }
  }

  public func filings(wallet: WalletID) async throws -> [StoredFiling] {
    try database.query(
      """
      SELECT f.id, f.token, f.administration, COALESCE(g.token, '') FROM filings f
      LEFT JOIN grants g ON g.id = f.grant_id WHERE f.wallet = ? ORDER BY f.at, f.rowid
      """, [.blob(wallet.bytes)]
    ).compactMap { row in
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text,
        let administration = row[2].text, let grant = row[3].text
      else { return nil }
      return StoredFiling(
        id: id, token: token, administration: administration, grant: grant,
        responses: try responses(of: id))
    }
  }

  public func filing(_ id: StatementID, wallet: WalletID) async throws -> StoredFiling? {
    guard
      let row = try database.query(
        """
        SELECT f.token, f.administration, COALESCE(g.token, '') FROM filings f
        LEFT JOIN grants g ON g.id = f.grant_id WHERE f.id = ? AND f.wallet = ?
        """, [.text(id.rawValue), .blob(wallet.bytes)]
      ).first,
      let token = row[0].text, let administration = row[1].text, let grant = row[2].text
    else { return nil }
    return StoredFiling(
      id: id, token: token, administration: administration, grant: grant,
      responses: try responses(of: id))
  }

  private func responses(of filing: StatementID) throws -> [StoredFilingResponse] {
    try database.query(
      """
      SELECT id, position, token, sealed_note, sealed_note_for_filer FROM filing_responses
      WHERE filing = ? ORDER BY position
      """, [.text(filing.rawValue)]
    ).compactMap { row in
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let position = row[1].integer,
        let token = row[2].text
      else { return nil }
      return StoredFilingResponse(
        id: id, filing: filing, position: Int(position), token: token, sealedNote: row[3].blob,
        sealedNoteForFiler: row[4].blob)
    }
  }

  // MARK: registry

  public func certificates() async throws -> [String] {
    try database.query("SELECT certificate FROM administrations ORDER BY registered_at, rowid")
      .compactMap { $0[0].text }
  }

  // MARK: log

  public func logPage(wallet: WalletID, start: Int, limit: Int) async throws -> (
    entries: [[UInt8]], size: Int
  ) {
    let entries = try database.query(
      "SELECT entry FROM log_entries WHERE wallet = ? AND idx >= ? ORDER BY idx LIMIT ?",
      [.blob(wallet.bytes), .integer(Int64(start)), .integer(Int64(limit))]
    ).compactMap { $0[0].blob }
    let size =
      try database.query(
        "SELECT COUNT(*) FROM log_entries WHERE wallet = ?", [.blob(wallet.bytes)]
      ).first?[0].integer ?? 0
    return (entries, Int(size))
  }

  public func leaves(wallet: WalletID) async throws -> [[UInt8]] {
    try database.query(
      "SELECT leaf FROM log_entries WHERE wallet = ? ORDER BY idx", [.blob(wallet.bytes)]
    ).compactMap { $0[0].blob }
  }

  public func gauges() async -> StoreGauges {
    func count(_ sql: String) -> Int64 { (try? database.query(sql).first?[0].integer) ?? nil ?? 0 }
    return StoreGauges(
      logEntries: count("SELECT COUNT(*) FROM log_entries"),
      openWallets: count("SELECT COUNT(*) FROM wallets WHERE closed_at IS NULL"),
      activeGrants: count(
        """
        SELECT COUNT(*) FROM grants WHERE id NOT IN (SELECT ref FROM status_changes WHERE action = 'revoke')
        AND id NOT IN (SELECT statement FROM consumptions)
        """))
  }
}
