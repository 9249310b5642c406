import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet

/// walletd's store on a SQL engine (SQLite or PostgreSQL, `SQLEngine`): the
/// statements and the reading of their rows, written once for both.
public final class SQLServerStore: ServerStore {
  let engine: any SQLEngine
  private var order: String { engine.dialect.insertionOrder }

  public init(engine: any SQLEngine) { self.engine = engine }

  public func write<R: Sendable>(
    wallet: WalletID?, _ body: @escaping @Sendable (any StoreTransaction) throws -> R
  ) async throws -> R {
    let dialect = engine.dialect
    return try await engine.transaction(wallet: wallet) { sql in
      try body(SQLTransaction(sql, dialect: dialect))
    }
  }

  public var writeCounts: (batches: Int, writes: Int) { engine.writeCounts }
  public func ping() async throws { try await engine.ping() }
  public func stop() async { await engine.stop() }
  public func eraseDeleted() async { await engine.eraseDeleted() }
  public var witnessStore: any WitnessStore { engine.witnessStore }
  public var sharedSessions: (any SessionStore)? { engine.sharedSessions }

  private func rows(_ sql: String, _ parameters: [SQLValue]) async throws -> [[SQLValue]] {
    try await engine.rows(sql, parameters)
  }

  // MARK: wallets

  public func wallet(_ id: WalletID) async throws -> WalletRecord {
    let rows = try await rows(
      """
      SELECT owner_signing_key, owner_encryption_key, consent_receipt, created_at, closed_at, closure
      FROM wallets WHERE id = $1
      """, [.blob(id.bytes)])
    guard let row = rows.first else { throw WalletError.unknownWallet }
    return try Self.walletRecord(id, row)
  }

  /// A wallet from its six columns, in the order `wallet(_:)` selects them.
  static func walletRecord(_ id: WalletID, _ row: [SQLValue]) throws -> WalletRecord {
    guard let signing = row[0].text, let encryption = row[1].blob, let receipt = row[2].text,
      let created = row[3].integer
    else { throw WalletError.storage("read a wallet row") }
    return WalletRecord(
      id: id, ownerSigningKey: signing, ownerEncryptionKey: encryption, consentReceipt: receipt,
      createdAt: created, closedAt: row[4].integer, closure: row[5].text)
  }

  public func keyStatements(wallet: WalletID) async throws -> [String] {
    try await rows(
      "SELECT token FROM circle_key_statements WHERE wallet = $1 ORDER BY position",
      [.blob(wallet.bytes)]
    ).compactMap { $0[0].text }
  }

  public func envelopes(wallet: WalletID, recipient: [UInt8]) async throws -> [CircleKeyEnvelope] {
    try await rows(
      """
      SELECT circle, epoch, sealed_key FROM circle_keys WHERE wallet = $1 AND recipient = $2
      ORDER BY circle, epoch
      """, [.blob(wallet.bytes), .blob(recipient)]
    ).map { row in
      guard let c = row[0].integer, let circle = Circle(rawValue: Int(c)),
        let epoch = row[1].integer, let sealed = row[2].blob
      else { throw WalletError.storage("read a circle key row") }
      return CircleKeyEnvelope(
        wallet: wallet, circle: circle, epoch: UInt32(epoch), recipient: recipient,
        sealedKey: sealed)
    }
  }

  static let recordColumns =
    "field, version, circle, circle_epoch, ciphertext, commitment, wrapped_data_key, created_at"

  /// A field record from the eight `recordColumns`, from `offset` on.
  static func record(_ row: [SQLValue], wallet: WalletID, offset: Int = 0) throws -> FieldRecord {
    let row = Array(row[offset...])
    guard let f = row[0].text, let field = FieldID(rawValue: f), let version = row[1].integer,
      let c = row[2].integer, let circle = Circle(rawValue: Int(c)), let epoch = row[3].integer,
      let ciphertext = row[4].blob, let commitment = row[5].blob, let wrapped = row[6].blob,
      let created = row[7].integer
    else { throw WalletError.storage("read a field record") }
    return FieldRecord(
      wallet: wallet, field: field, version: UInt64(version), circle: circle,
      circleEpoch: UInt32(epoch), ciphertext: ciphertext, commitment: commitment,
      wrappedDataKey: wrapped, createdAt: created)
  }

  public func latestRecords(wallet: WalletID) async throws -> [FieldRecord] {
    try await rows(
      """
      SELECT \(Self.recordColumns) FROM field_records r
      WHERE wallet = $1 AND version = (SELECT MAX(version) FROM field_records
        WHERE wallet = r.wallet AND field = r.field)
      ORDER BY field
      """, [.blob(wallet.bytes)]
    ).map { try Self.record($0, wallet: wallet) }
  }

  public func history(wallet: WalletID, field: FieldID) async throws -> [FieldRecord] {
    try await rows(
      """
      SELECT \(Self.recordColumns) FROM field_records WHERE wallet = $1 AND field = $2
      ORDER BY version
      """, [.blob(wallet.bytes), .text(field.rawValue)]
    ).map { try Self.record($0, wallet: wallet) }
  }

  // MARK: consent

  public func consent(wallet: WalletID) async throws -> StoredConsent {
    var consent = StoredConsent()
    // One statement for the three tables (it runs on every request).
    let rows = try await rows(
      """
      SELECT 0, id, token, 0, 0 FROM procurations WHERE wallet = $1
      UNION ALL SELECT 1, ref, action, at, \(order) FROM status_changes WHERE wallet = $1
      UNION ALL SELECT 2, statement, NULL, 0, 0 FROM consumptions WHERE wallet = $1
      ORDER BY 1, 4, 5
      """, [.blob(wallet.bytes)])
    for row in rows { consent.add(kind: row[0].integer, id: row[1].text, value: row[2].text) }
    return consent
  }

  public func grantToken(_ id: StatementID, wallet: WalletID) async throws -> String? {
    try await rows(
      "SELECT token FROM grants WHERE id = $1 AND wallet = $2",
      [.text(id.rawValue), .blob(wallet.bytes)]
    ).first?[0].text
  }

  public func grants(wallet: WalletID) async throws -> StoredGrants {
    var stored = StoredGrants()
    for row in try await rows(
      "SELECT id, token FROM grants WHERE wallet = $1 ORDER BY created_at, \(order)",
      [.blob(wallet.bytes)])
    {
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text
      else { continue }
      stored.grants.append((id, token))
    }
    for row in try await rows(
      """
      SELECT k.grant_id, k.field, k.version FROM grant_keys k JOIN grants g ON g.id = k.grant_id
      WHERE g.wallet = $1 ORDER BY k.field, k.version
      """, [.blob(wallet.bytes)])
    {
      guard let id = row[0].text.flatMap({ try? StatementID($0) }),
        let field = row[1].text.flatMap(FieldID.init(rawValue:)), let version = row[2].integer
      else { continue }
      stored.keys[id, default: []].append((field, UInt64(version)))
    }
    // The newest manifest of each grant: rows in seq order, the last one wins.
    for row in try await rows(
      """
      SELECT m.grant_id, m.token FROM grant_manifests m JOIN grants g ON g.id = m.grant_id
      WHERE g.wallet = $1 ORDER BY m.seq
      """, [.blob(wallet.bytes)])
    {
      if let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text {
        stored.manifests[id] = token
      }
    }
    return stored
  }

  public func readContext(wallet: WalletID, grant: StatementID) async throws -> StoredReadContext {
    // One row shape for seven kinds of row. Columns 1–8 are a field record's
    // (`recordColumns`), so that kind 5 reads as one; the other kinds put
    // their values in columns of the same types (a NULL typed for PostgreSQL).
    let text = "CAST(NULL AS TEXT)"
    let integer = "CAST(NULL AS BIGINT)"
    let bytes = "CAST(NULL AS BYTEA)"
    let rows = try await rows(
      """
      SELECT 0, owner_signing_key, created_at, closed_at, \(integer), owner_encryption_key,
        \(bytes), \(bytes), \(integer), \(bytes), consent_receipt, closure
      FROM wallets WHERE id = $1
      UNION ALL SELECT 1, id, \(integer), \(integer), \(integer), \(bytes), \(bytes), \(bytes),
        \(integer), \(bytes), token, \(text)
      FROM procurations WHERE wallet = $1
      UNION ALL SELECT 2, ref, at, \(order), \(integer), \(bytes), \(bytes), \(bytes),
        \(integer), \(bytes), action, \(text)
      FROM status_changes WHERE wallet = $1
      UNION ALL SELECT 3, statement, \(integer), \(integer), \(integer), \(bytes), \(bytes),
        \(bytes), \(integer), \(bytes), \(text), \(text)
      FROM consumptions WHERE wallet = $1
      UNION ALL SELECT 4, \(text), \(integer), \(integer), \(integer), \(bytes), \(bytes),
        \(bytes), \(integer), \(bytes), token, \(text)
      FROM grants WHERE id = $2 AND wallet = $1
      UNION ALL SELECT 5, r.field, r.version, r.circle, r.circle_epoch, r.ciphertext,
        r.commitment, r.wrapped_data_key, r.created_at, k.sealed_key, \(text), \(text)
      FROM grant_keys k JOIN field_records r
        ON r.wallet = $1 AND r.field = k.field AND r.version = k.version
      WHERE k.grant_id = $2 AND k.version = (SELECT MAX(version) FROM grant_keys
        WHERE grant_id = $2 AND field = k.field)
      UNION ALL SELECT 6, \(text), \(integer), \(integer), \(integer), \(bytes), \(bytes),
        \(bytes), \(integer), \(bytes), token, \(text)
      FROM (SELECT token FROM grant_manifests WHERE grant_id = $2 ORDER BY seq DESC LIMIT 1) AS m
      ORDER BY 1, 3, 4
      """, [.blob(wallet.bytes), .text(grant.rawValue)])
    guard let first = rows.first, first[0].integer == 0 else { throw WalletError.unknownWallet }
    var context = StoredReadContext(
      wallet: try Self.walletRecord(
        wallet, [first[1], first[5], first[10], first[2], first[3], first[11]]))
    for row in rows.dropFirst() {
      switch row[0].integer {
      case 1: context.consent.add(kind: 0, id: row[1].text, value: row[10].text)
      case 2: context.consent.add(kind: 1, id: row[1].text, value: row[10].text)
      case 3: context.consent.add(kind: 2, id: row[1].text, value: nil)
      case 4: context.grantToken = row[10].text
      case 5:
        guard let sealed = row[9].blob else { throw WalletError.storage("read a granted record") }
        let record = try Self.record(row, wallet: wallet, offset: 1)
        context.granted.append(
          (
            record,
            GrantKey(grant: grant, field: record.field, version: record.version, sealedKey: sealed)
          ))
      case 6: context.manifest = row[10].text
      default: continue
      }
    }
    return context
  }

  public func recordStatements(wallet: WalletID) async throws -> [StoredRecordStatement] {
    try await rows(
      """
      SELECT r.field, r.version, s.id, s.token FROM field_records r
      JOIN record_statements s ON s.id = r.statement WHERE r.wallet = $1
      """, [.blob(wallet.bytes)]
    ).compactMap { row in
      guard let field = row[0].text, let version = row[1].integer, let id = row[2].text,
        let token = row[3].text
      else { return nil }
      return StoredRecordStatement(field: field, version: version, id: id, token: token)
    }
  }

  public func incomingGrants(grantee: String, limit: Int) async throws -> [StoredIncomingGrant] {
    try await rows(
      """
      SELECT wallet, id, token FROM grants WHERE grantee = $1
      ORDER BY created_at DESC, \(order) DESC LIMIT $2
      """, [.text(grantee), .integer(Int64(limit))]
    ).compactMap { row in
      guard let wallet = row[0].blob.flatMap({ try? WalletID(bytes: $0) }),
        let id = row[1].text.flatMap({ try? StatementID($0) }), let token = row[2].text
      else { return nil }
      return StoredIncomingGrant(wallet: wallet, id: id, token: token)
    }
  }

  public func procurations(wallet: WalletID) async throws -> [StoredProcuration] {
    try await rows(
      """
      SELECT id, token, trustee FROM procurations WHERE wallet = $1
      ORDER BY created_at, \(order)
      """, [.blob(wallet.bytes)]
    ).compactMap { row in
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text,
        let trustee = row[2].text
      else { return nil }
      return StoredProcuration(id: id, token: token, trustee: trustee)
    }
  }

  public func filings(wallet: WalletID) async throws -> [StoredFiling] {
    var filings: [StoredFiling] = []
    for row in try await rows(
      """
      SELECT f.id, f.token, f.administration, COALESCE(g.token, '') FROM filings f
      LEFT JOIN grants g ON g.id = f.grant_id WHERE f.wallet = $1 ORDER BY f.at, f.\(order)
      """, [.blob(wallet.bytes)])
    {
      guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text,
        let administration = row[2].text, let grant = row[3].text
      else { continue }
      filings.append(
        StoredFiling(
          id: id, token: token, administration: administration, grant: grant,
          responses: try await responses(of: id)))
    }
    return filings
  }

  public func filing(_ id: StatementID, wallet: WalletID) async throws -> StoredFiling? {
    guard
      let row = try await rows(
        """
        SELECT f.token, f.administration, COALESCE(g.token, '') FROM filings f
        LEFT JOIN grants g ON g.id = f.grant_id WHERE f.id = $1 AND f.wallet = $2
        """, [.text(id.rawValue), .blob(wallet.bytes)]
      ).first,
      let token = row[0].text, let administration = row[1].text, let grant = row[2].text
    else { return nil }
    return StoredFiling(
      id: id, token: token, administration: administration, grant: grant,
      responses: try await responses(of: id))
  }

  private func responses(of filing: StatementID) async throws -> [StoredFilingResponse] {
    try await rows(
      """
      SELECT id, position, token, sealed_note, sealed_note_for_filer FROM filing_responses
      WHERE filing = $1 ORDER BY position
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
    try await rows(
      """
      SELECT certificate FROM administrations
      ORDER BY registered_at, \(engine.dialect.registrationOrder)
      """, []
    ).compactMap { $0[0].text }
  }

  // MARK: log

  public func logPage(wallet: WalletID, start: Int, limit: Int) async throws -> (
    entries: [[UInt8]], size: Int
  ) {
    let entries = try await rows(
      "SELECT entry FROM log_entries WHERE wallet = $1 AND idx >= $2 ORDER BY idx LIMIT $3",
      [.blob(wallet.bytes), .integer(Int64(start)), .integer(Int64(limit))]
    ).compactMap { $0[0].blob }
    let size =
      try await rows("SELECT COUNT(*) FROM log_entries WHERE wallet = $1", [.blob(wallet.bytes)])
      .first?[0].integer ?? 0
    return (entries, Int(size))
  }

  public func leaves(wallet: WalletID) async throws -> [[UInt8]] {
    try await rows(
      "SELECT leaf FROM log_entries WHERE wallet = $1 ORDER BY idx", [.blob(wallet.bytes)]
    ).compactMap { $0[0].blob }
  }

  public func bytesStored() async throws -> Int64 {
    try await rows(engine.dialect.bytesStored, []).first?[0].integer ?? 0
  }

  public func gauges() async -> StoreGauges {
    func count(_ sql: String) async -> Int64 {
      (try? await rows(sql, []).first?[0].integer) ?? nil ?? 0
    }
    return StoreGauges(
      logEntries: await count("SELECT COUNT(*) FROM log_entries"),
      openWallets: await count("SELECT COUNT(*) FROM wallets WHERE closed_at IS NULL"),
      activeGrants: await count(
        """
        SELECT COUNT(*) FROM grants
        WHERE id NOT IN (SELECT ref FROM status_changes WHERE action = 'revoke')
        AND id NOT IN (SELECT statement FROM consumptions)
        """))
  }
}
