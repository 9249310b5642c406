import Foundation
import PSPWallet

/// The witnessed log's tables on a SQL engine: reads on `reads` (one
/// connection the witnessing uses alone), writes in the engine's transactions.
/// New entries come from `feed` when the engine keeps one (entries in commit
/// order), else from SQLite's rowids (one writer: rowids grow in commit order).
struct SQLWitnessStore: WitnessStore {
  let reads: any SQLExecuting & Sendable
  let engine: any SQLEngine
  let feed: AppendFeed?

  /// The cursor column: the rowid where it orders commits, else none.
  private var cursor: String { feed == nil ? "rowid" : "0" }

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

  func log(wallet: WalletID) throws -> [StoredLogRow] {
    try reads.rows(
      """
      SELECT \(cursor), wallet, idx, entry, leaf FROM log_entries WHERE wallet = $1 ORDER BY idx
      """, [.blob(wallet.bytes)]
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
    if let feed { return feed.entries(after: cursor, limit: limit) }
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

  func epochs() throws -> [StoredEpoch] {
    try reads.rows("SELECT idx, map_root, note, cosigned, request FROM epochs ORDER BY idx", [])
      .map { row in
        guard let index = row[0].integer, let root = row[1].blob, let note = row[2].blob else {
          throw WalletError.storage("read an epoch")
        }
        return StoredEpoch(
          index: index, mapRoot: root, note: note, cosigned: row[3].blob, request: row[4].blob)
      }
  }

  func heads() throws -> [(wallet: WalletID, size: Int64, root: [UInt8])] {
    try reads.rows("SELECT wallet, size, root FROM epoch_heads", []).map { row in
      guard let wallet = row[0].blob.flatMap({ try? WalletID(bytes: $0) }),
        let size = row[1].integer, let root = row[2].blob
      else { throw WalletError.storage("read a head") }
      return (wallet, size, root)
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
    let _: Bool = try await engine.transaction { sql in
      if let previous { try Self.save(previous, in: sql) }
      try sql.rows(
        "INSERT INTO epochs (idx, map_root, note, request, made_at) VALUES ($1, $2, $3, $4, $5)",
        [
          .integer(epoch.index), .blob(epoch.mapRoot), .blob(epoch.note),
          epoch.request.map { .blob($0) } ?? .null, .integer(Int64(Date().timeIntervalSince1970)),
        ])
      for head in heads {
        try sql.rows(
          """
          INSERT INTO epoch_heads (wallet, size, root) VALUES ($1, $2, $3)
          ON CONFLICT (wallet) DO UPDATE SET size = excluded.size, root = excluded.root
          """, [.blob(head.wallet.bytes), .integer(head.size), .blob(head.root)])
      }
      return true
    }
  }

  func storeCosigned(_ note: CosignedNote) async throws {
    let _: Bool = try await engine.transaction { sql in
      try Self.save(note, in: sql)
      return true
    }
  }

  private static func save(_ cosigned: CosignedNote, in sql: any SQLExecuting) throws {
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
    }
  }
}

/// Log entries in the order their transactions committed, as one process's
/// writers committed them: the witnessed log's new entries on an engine
/// whose row order is not commit order (PostgreSQL). Kept until read.
final class AppendFeed: @unchecked Sendable {
  private let lock = NSLock()
  private var rows: [StoredLogRow] = []
  private var last: Int64 = 0

  /// Called once a transaction committed, with the entries it appended.
  func committed(_ appended: [StoredLogRow]) {
    guard !appended.isEmpty else { return }
    lock.withLock {
      for row in appended {
        last += 1
        rows.append(
          StoredLogRow(
            cursor: last, wallet: row.wallet, index: row.index, entry: row.entry, leaf: row.leaf))
      }
    }
  }

  /// The entries after `cursor`; those up to `cursor` are dropped (one reader).
  func entries(after cursor: Int64, limit: Int) -> [StoredLogRow] {
    lock.withLock {
      rows.removeAll { $0.cursor <= cursor }
      return Array(rows.prefix(limit))
    }
  }
}
