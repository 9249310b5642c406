import Foundation
import PSPWallet

/// The witnessed log's tables on a SQL engine: reads on `reads` (one
/// connection the witnessing uses alone), writes in the engine's transactions.
/// With one walletd (SQLite: one writer, rowids grow in commit order), new
/// entries are found by rowid. Where several walletd share the database
/// (`lead` given), every append also queues its entry in `log_appends`, the
/// walletd that leads takes them from there, and each epoch's moves are kept
/// for the others to follow.
struct SQLWitnessStore: WitnessStore {
  let reads: any SQLExecuting & Sendable
  let engine: any SQLEngine
  let lead: (any LeadClaim)?

  /// The cursor column: the rowid where it orders commits, else none.
  private var cursor: String { lead == nil ? "rowid" : "0" }
  var isShared: Bool { lead != nil }

  func logSize(wallet: WalletID) throws -> Int {
    Int(
      try reads.rows("SELECT COUNT(*) FROM log_entries WHERE wallet = $1", [.blob(wallet.bytes)])
        .first?[0].integer ?? 0)
  }

  func entry(wallet: WalletID, index: Int) throws -> [UInt8]? {
    try reads.rows(
      "SELECT entry FROM log_entries WHERE wallet = $1 AND idx = $2",
      [.blob(wallet.bytes), .integer(Int64(index))]
    ).first?[0].blob
  }

  func entries(wallet: WalletID, from index: Int) throws -> [StoredLogRow] {
    try reads.rows(
      """
      SELECT \(cursor), wallet, idx, entry, leaf FROM log_entries WHERE wallet = $1 AND idx >= $2
      ORDER BY idx
      """, [.blob(wallet.bytes), .integer(Int64(index))]
    ).compactMap(Self.row)
  }

  func allEntries() throws -> [StoredLogRow] {
    try reads.rows(
      "SELECT \(cursor), wallet, idx, entry, leaf FROM log_entries ORDER BY wallet, idx", []
    ).compactMap(Self.row)
  }

  func walletsWithEntries() throws -> Set<WalletID> {
    Set(
      try reads.rows("SELECT DISTINCT wallet FROM log_entries", []).compactMap {
        $0[0].blob.flatMap { try? WalletID(bytes: $0) }
      })
  }

  func entries(after cursor: Int64, limit: Int) throws -> [StoredLogRow] {
    if isShared {
      // Taken from the queue: committed appends only (a queued row commits
      // with its entry); ones still in flight are taken next time.
      return try reads.rows(
        """
        WITH taken AS (
          DELETE FROM log_appends
          WHERE seq IN (SELECT seq FROM log_appends ORDER BY seq LIMIT $1)
          RETURNING seq, wallet, idx)
        SELECT t.seq, e.wallet, e.idx, e.entry, e.leaf
        FROM taken t JOIN log_entries e ON e.wallet = t.wallet AND e.idx = t.idx ORDER BY t.seq
        """, [.integer(Int64(limit))]
      ).compactMap(Self.row)
    }
    return try reads.rows(
      """
      SELECT rowid, wallet, idx, entry, leaf FROM log_entries WHERE rowid > $1
      ORDER BY rowid LIMIT $2
      """, [.integer(cursor), .integer(Int64(limit))]
    ).compactMap(Self.row)
  }

  private static func row(_ row: [SQLValue]) -> StoredLogRow? {
    guard let cursor = row[0].integer,
      let wallet = row[1].blob.flatMap({ try? WalletID(bytes: $0) }),
      let index = row[2].integer, let entry = row[3].blob, let leaf = row[4].blob
    else { return nil }
    return StoredLogRow(cursor: cursor, wallet: wallet, index: index, entry: entry, leaf: leaf)
  }

  func epochs() throws -> [StoredEpoch] { try epochs(from: 0) }

  func epochs(from index: Int) throws -> [StoredEpoch] {
    try reads.rows(
      "SELECT idx, map_root, note, cosigned, request FROM epochs WHERE idx >= $1 ORDER BY idx",
      [.integer(Int64(index))]
    )
    .map { row in
      guard let index = row[0].integer, let root = row[1].blob, let note = row[2].blob else {
        throw WalletError.storage("read an epoch")
      }
      return StoredEpoch(
        index: index, mapRoot: root, note: note, cosigned: row[3].blob, request: row[4].blob)
    }
  }

  func heads() throws -> [(wallet: WalletID, size: Int64, root: [UInt8])] {
    try reads.rows("SELECT wallet, size, root FROM epoch_heads", []).map(Self.head)
  }

  func moves(epoch index: Int) throws -> [(wallet: WalletID, size: Int64, root: [UInt8])] {
    guard isShared else { return [] }
    return try reads.rows(
      "SELECT wallet, size, root FROM epoch_moves WHERE epoch = $1", [.integer(Int64(index))]
    ).map(Self.head)
  }

  private static func head(_ row: [SQLValue]) throws -> (
    wallet: WalletID, size: Int64, root: [UInt8]
  ) {
    guard let wallet = row[0].blob.flatMap({ try? WalletID(bytes: $0) }),
      let size = row[1].integer, let root = row[2].blob
    else { throw WalletError.storage("read a head") }
    return (wallet, size, root)
  }

  func claimLead() throws -> Lead { try lead?.claim() ?? .leading }

  func consistently<R>(_ body: () throws -> R) throws -> R {
    guard isShared else { return try body() }
    try reads.rows("BEGIN", [])
    do {
      try reads.rows("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", [])
      let result = try body()
      try reads.rows("COMMIT", [])
      return result
    } catch {
      _ = try? reads.rows("ROLLBACK", [])
      throw error
    }
  }

  func blockReason() throws -> String? {
    guard isShared else { return nil }
    return try reads.rows("SELECT reason FROM log_blocks ORDER BY at LIMIT 1", []).first?[0].text
  }

  func storeBlock(_ reason: String) async throws {
    guard isShared else { return }
    let _: Bool = try await engine.transaction { sql in
      try sql.rows(
        "INSERT INTO log_blocks (reason, at) VALUES ($1, $2)",
        [.text(reason), .integer(Int64(Date().timeIntervalSince1970))])
      return true
    }
  }

  func epochRequest(_ index: Int) throws -> [UInt8]? {
    try reads.rows("SELECT request FROM epochs WHERE idx = $1", [.integer(Int64(index))])
      .first?[0].blob
  }

  func storeEpoch(
    _ epoch: StoredEpoch, heads: [(wallet: WalletID, size: Int64, root: [UInt8])],
    previous: CosignedNote?
  ) async throws {
    let shared = isShared
    let _: Bool = try await engine.transaction { sql in
      if let previous { try Self.save(previous, in: sql, shared: shared) }
      try sql.rows(
        "INSERT INTO epochs (idx, map_root, note, request, made_at) VALUES ($1, $2, $3, $4, $5)",
        [
          .integer(epoch.index), .blob(epoch.mapRoot), .blob(epoch.note),
          epoch.request.map { .blob($0) } ?? .null, .integer(Int64(Date().timeIntervalSince1970)),
        ])
      // Each wallet once in `heads`, so one statement may upsert them all.
      try sql.insert(
        into: "epoch_heads", ["wallet", "size", "root"],
        heads.map { [.blob($0.wallet.bytes), .integer($0.size), .blob($0.root)] },
        then: " ON CONFLICT (wallet) DO UPDATE SET size = excluded.size, root = excluded.root")
      if shared {
        try sql.insert(
          into: "epoch_moves", ["epoch", "wallet", "size", "root"],
          heads.map {
            [.integer(epoch.index), .blob($0.wallet.bytes), .integer($0.size), .blob($0.root)]
          })
      }
      return true
    }
  }

  func storeCosigned(_ note: CosignedNote) async throws {
    let shared = isShared
    let _: Bool = try await engine.transaction { sql in
      try Self.save(note, in: sql, shared: shared)
      return true
    }
  }

  private static func save(_ cosigned: CosignedNote, in sql: any SQLExecuting, shared: Bool)
    throws
  {
    try sql.rows(
      "UPDATE epochs SET cosigned = $1 WHERE idx = $2",
      [.blob(cosigned.note), .integer(cosigned.epoch)])
    if cosigned.everyWitness {
      // Notes go at once; each epoch's moves stay for `retainedEpochs`, so
      // that a witness down for a while (or restored) can catch up.
      try sql.rows(
        "UPDATE epochs SET note = $1, cosigned = NULL WHERE idx < $2 AND note <> $1",
        [.blob([]), .integer(cosigned.epoch - 1)])
      try sql.rows(
        "UPDATE epochs SET request = NULL WHERE idx < $1 AND request IS NOT NULL",
        [.integer(cosigned.epoch - 1 - cosigned.retainedEpochs)])
      if shared {
        try sql.rows(
          "DELETE FROM epoch_moves WHERE epoch < $1",
          [.integer(cosigned.epoch - 1 - cosigned.retainedEpochs)])
      }
    }
  }
}

/// The lead of a shared witnessed log (`PostgresLead`).
protocol LeadClaim: Sendable {
  /// Takes the lead if it is free, or keeps it.
  func claim() throws -> Lead
}
