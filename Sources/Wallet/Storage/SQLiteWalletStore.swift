/// The default `WalletStore`: one SQLite file (WAL, `synchronous=FULL`).
public final class SQLiteWalletStore: WalletStore {
  public let database: SQLiteDatabase

  public init(path: String) throws(WalletError) {
    database = try SQLiteDatabase(path: path)
    try WalletSchema.migrate(database)
  }

  public func create(_ wallet: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String])
    throws(WalletError)
  {
    try database.transaction { (tx) throws(WalletError) in
      try Self.create(wallet, envelopes: envelopes, keyStatements: keyStatements, in: tx)
    }
  }

  /// `create`, inside the caller's transaction.
  private static func create(
    _ wallet: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String],
    in tx: SQLiteDatabase.Transaction
  ) throws(WalletError) {
    do {
      try tx.query(
        """
        INSERT INTO wallets (id, owner_signing_key, owner_encryption_key, consent_receipt, created_at)
        VALUES (?, ?, ?, ?, ?)
        """,
        [
          .blob(wallet.id.bytes), .text(wallet.ownerSigningKey), .blob(wallet.ownerEncryptionKey),
          .text(wallet.consentReceipt), .integer(wallet.createdAt),
        ])
      for envelope in envelopes { try insert(envelope, tx) }
      for (index, token) in keyStatements.enumerated() {
        try tx.query(
          "INSERT INTO circle_key_statements (wallet, position, token) VALUES (?, ?, ?)",
          [.blob(wallet.id.bytes), .integer(Int64(index)), .text(token)])
      }
    }
  }

  public func keyStatements(wallet: WalletID) throws(WalletError) -> [String] {
    try database.query(
      "SELECT token FROM circle_key_statements WHERE wallet = ? ORDER BY position", [.blob(wallet.bytes)]
    ).compactMap { $0[0].text }
  }

  public func wallet(_ id: WalletID) throws(WalletError) -> WalletRecord {
    let rows = try database.query(
      """
      SELECT owner_signing_key, owner_encryption_key, consent_receipt, created_at, closed_at, closure
      FROM wallets WHERE id = ?
      """, [.blob(id.bytes)])
    guard let row = rows.first else { throw .unknownWallet }
    guard let signing = row[0].text, let encryption = row[1].blob, let receipt = row[2].text,
      let created = row[3].integer
    else { throw .storage("read a wallet row") }
    return WalletRecord(
      id: id, ownerSigningKey: signing, ownerEncryptionKey: encryption, consentReceipt: receipt,
      createdAt: created, closedAt: row[4].integer, closure: row[5].text)
  }

  public func add(_ envelopes: [CircleKeyEnvelope]) throws(WalletError) {
    try database.transaction { (tx) throws(WalletError) in try Self.add(envelopes, in: tx) }
  }

  /// Adds envelopes for a recipient (a trustee's procuration). One the
  /// recipient already holds for that circle and epoch — from an earlier
  /// procuration — is kept: the same circle key sealed again adds nothing, and
  /// a second procuration to the same trustee must not fail on it.
  private static func add(_ envelopes: [CircleKeyEnvelope], in tx: SQLiteDatabase.Transaction) throws(WalletError) {
    for envelope in envelopes {
      try requireOpen(envelope.wallet, tx)
      try insert(envelope, tx, keepingExisting: true)
    }
  }

  public func envelopes(wallet: WalletID, recipient: [UInt8]) throws(WalletError) -> [CircleKeyEnvelope] {
    try database.query(
      "SELECT circle, epoch, sealed_key FROM circle_keys WHERE wallet = ? AND recipient = ? ORDER BY circle, epoch",
      [.blob(wallet.bytes), .blob(recipient)]
    ).map { (row) throws(WalletError) in
      guard let c = row[0].integer, let circle = Circle(rawValue: Int(c)), let epoch = row[1].integer,
        let sealed = row[2].blob
      else { throw .storage("read a circle key row") }
      return CircleKeyEnvelope(
        wallet: wallet, circle: circle, epoch: UInt32(epoch), recipient: recipient, sealedKey: sealed)
    }
  }

  public func append(_ record: FieldRecord) throws(WalletError) {
    try database.transaction { (tx) throws(WalletError) in try Self.append(record, in: tx) }
  }

  private static func append(_ record: FieldRecord, in tx: SQLiteDatabase.Transaction) throws(WalletError) {
    do {
      try requireOpen(record.wallet, tx)
      let latest =
        try tx.query(
          "SELECT MAX(version) FROM field_records WHERE wallet = ? AND field = ?",
          [.blob(record.wallet.bytes), .text(record.field.rawValue)]
        ).first?[0].integer ?? 0
      guard record.version == UInt64(latest) + 1 else {
        throw .versionConflict(field: record.field, expected: UInt64(latest) + 1)
      }
      try tx.query(
        """
        INSERT INTO field_records (wallet, field, version, circle, circle_epoch, ciphertext,
          commitment, wrapped_data_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .blob(record.wallet.bytes), .text(record.field.rawValue), .integer(Int64(record.version)),
          .integer(Int64(record.circle.rawValue)), .integer(Int64(record.circleEpoch)),
          .blob(record.ciphertext), .blob(record.commitment), .blob(record.wrappedDataKey),
          .integer(record.createdAt),
        ])
    }
  }

  public func latestRecords(wallet: WalletID) throws(WalletError) -> [FieldRecord] {
    try database.query(
      """
      SELECT \(Self.recordColumns) FROM field_records r
      WHERE wallet = ? AND version = (SELECT MAX(version) FROM field_records
        WHERE wallet = r.wallet AND field = r.field)
      ORDER BY field
      """, [.blob(wallet.bytes)]
    ).map { (row) throws(WalletError) in try Self.record(row, wallet: wallet) }
  }

  public func history(wallet: WalletID, field: FieldID) throws(WalletError) -> [FieldRecord] {
    try database.query(
      "SELECT \(Self.recordColumns) FROM field_records WHERE wallet = ? AND field = ? ORDER BY version",
      [.blob(wallet.bytes), .text(field.rawValue)]
    ).map { (row) throws(WalletError) in try Self.record(row, wallet: wallet) }
  }

  public func close(_ id: WalletID, closedAt: Int64, closure: String) throws(WalletError) {
    try database.transaction { (tx) throws(WalletError) in try Self.close(id, closedAt: closedAt, closure: closure, in: tx) }
    // Deleted pages are zeroed (secure_delete); the WAL still holds old page
    // images until it is checkpointed and truncated.
    try database.checkpointAndTruncateWAL()
  }

  private static func close(_ id: WalletID, closedAt: Int64, closure: String, in tx: SQLiteDatabase.Transaction)
    throws(WalletError)
  {
    do {
      try requireOpen(id, tx)
      try tx.query("DELETE FROM field_records WHERE wallet = ?", [.blob(id.bytes)])
      try tx.query("DELETE FROM circle_keys WHERE wallet = ?", [.blob(id.bytes)])
      try tx.query("DELETE FROM circle_key_statements WHERE wallet = ?", [.blob(id.bytes)])
      try tx.query(
        "UPDATE wallets SET closed_at = ?, closure = ? WHERE id = ?",
        [.integer(closedAt), .text(closure), .blob(id.bytes)])
    }
  }

  // MARK: private

  private static let recordColumns =
    "field, version, circle, circle_epoch, ciphertext, commitment, wrapped_data_key, created_at"

  private static func record(_ row: SQLiteDatabase.Row, wallet: WalletID) throws(WalletError) -> FieldRecord {
    guard let f = row[0].text, let field = FieldID(rawValue: f), let version = row[1].integer,
      let c = row[2].integer, let circle = Circle(rawValue: Int(c)), let epoch = row[3].integer,
      let ciphertext = row[4].blob, let commitment = row[5].blob, let wrapped = row[6].blob,
      let created = row[7].integer
    else { throw .storage("read a field record") }
    return FieldRecord(
      wallet: wallet, field: field, version: UInt64(version), circle: circle,
      circleEpoch: UInt32(epoch), ciphertext: ciphertext, commitment: commitment,
      wrappedDataKey: wrapped, createdAt: created)
  }

  private static func insert(
    _ envelope: CircleKeyEnvelope, _ tx: SQLiteDatabase.Transaction, keepingExisting: Bool = false
  ) throws(WalletError) {
    try tx.query(
      "INSERT INTO circle_keys (wallet, circle, epoch, recipient, sealed_key) VALUES (?, ?, ?, ?, ?)"
        + (keepingExisting ? " ON CONFLICT (wallet, circle, epoch, recipient) DO NOTHING" : ""),
      [
        .blob(envelope.wallet.bytes), .integer(Int64(envelope.circle.rawValue)),
        .integer(Int64(envelope.epoch)), .blob(envelope.recipient), .blob(envelope.sealedKey),
      ])
  }

  /// Inside a write: the wallet exists and is not closed (a write racing the
  /// closing loses, whichever came first to the checks before its transaction).
  private static func requireOpen(_ id: WalletID, _ tx: SQLiteDatabase.Transaction) throws(WalletError) {
    let rows = try tx.query("SELECT closed_at FROM wallets WHERE id = ?", [.blob(id.bytes)])
    guard let row = rows.first else { throw .unknownWallet }
    guard row[0] == .null else { throw .walletClosed }
  }
}
