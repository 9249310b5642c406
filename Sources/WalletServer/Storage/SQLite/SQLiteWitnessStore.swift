import Foundation
import PSPWallet

/// The witnessed log's tables in walletd's SQLite file: reads on the reader
/// connection, writes through the group commit. The cursor is the entries'
/// rowid: one writer, so rowids grow in commit order.
struct SQLiteWitnessStore: WitnessStore {
  let database: SQLiteDatabase
  let committer: GroupCommitter

  func logSize(wallet: WalletID) throws -> Int {
    Int(
      try database.query(
        "SELECT COUNT(*) FROM log_entries WHERE wallet = ?", [.blob(wallet.bytes)]
      ).first?[0].integer ?? 0)
  }

  func entry(wallet: WalletID, index: Int) throws -> [UInt8]? {
    try database.query(
      "SELECT entry FROM log_entries WHERE wallet = ? AND idx = ?",
      [.blob(wallet.bytes), .integer(Int64(index))]
    ).first?[0].blob
  }

  func log(wallet: WalletID) throws -> [StoredLogRow] {
    try database.query(
      "SELECT rowid, wallet, idx, entry, leaf FROM log_entries WHERE wallet = ? ORDER BY idx",
      [.blob(wallet.bytes)]
    ).compactMap(Self.row)
  }

  func allEntries() throws -> [StoredLogRow] {
    try database.query(
      "SELECT rowid, wallet, idx, entry, leaf FROM log_entries ORDER BY wallet, idx"
    ).compactMap(Self.row)
  }

  func walletsWithEntries() throws -> Set<WalletID> {
    Set(
      try database.query("SELECT DISTINCT wallet FROM log_entries").compactMap {
        $0[0].blob.flatMap { try? WalletID(bytes: $0) }
      })
  }

  func entries(after cursor: Int64, limit: Int) throws -> [StoredLogRow] {
    try database.query(
      """
      SELECT rowid, wallet, idx, entry, leaf FROM log_entries WHERE rowid > ?
      ORDER BY rowid LIMIT ?
      """, [.integer(cursor), .integer(Int64(limit))]
    ).compactMap(Self.row)
  }

  private static func row(_ row: SQLiteDatabase.Row) -> StoredLogRow? {
    guard let cursor = row[0].integer,
      let wallet = row[1].blob.flatMap({ try? WalletID(bytes: $0) }),
      let index = row[2].integer, let entry = row[3].blob, let leaf = row[4].blob
    else { return nil }
    return StoredLogRow(cursor: cursor, wallet: wallet, index: index, entry: entry, leaf: leaf)
  }

  func epochs() throws -> [StoredEpoch] {
    try database.query("SELECT idx, map_root, note, cosigned, request FROM epochs ORDER BY idx")
      .map { row in
        guard let index = row[0].integer, let root = row[1].blob, let note = row[2].blob else {
          throw WalletError.storage("read an epoch")
        }
        return StoredEpoch(
          index: index, mapRoot: root, note: note, cosigned: row[3].blob, request: row[4].blob)
      }
  }

  func heads() throws -> [(wallet: WalletID, size: Int64, root: [UInt8])] {
    try database.query("SELECT wallet, size, root FROM epoch_heads").map { row in
      guard let wallet = row[0].blob.flatMap({ try? WalletID(bytes: $0) }),
        let size = row[1].integer, let root = row[2].blob
      else { throw WalletError.storage("read a head") }
      return (wallet, size, root)
    }
  }

  func epochRequest(_ index: Int) throws -> [UInt8]? {
    try database.query("SELECT request FROM epochs WHERE idx = ?", [.integer(Int64(index))])
      .first?[0].blob
  }

  func storeEpoch(
    _ epoch: StoredEpoch, heads: [(wallet: WalletID, size: Int64, root: [UInt8])],
    previous: CosignedNote?
  ) async throws {
    let _: Bool = try await committer.write { tx in
      if let previous { try Self.save(previous, in: tx) }
      try tx.query(
        "INSERT INTO epochs (idx, map_root, note, request, made_at) VALUES (?, ?, ?, ?, ?)",
        [
          .integer(epoch.index), .blob(epoch.mapRoot), .blob(epoch.note),
          epoch.request.map { .blob($0) } ?? .null, .integer(Int64(Date().timeIntervalSince1970)),
        ])
      for head in heads {
        try tx.query(
          """
          INSERT INTO epoch_heads (wallet, size, root) VALUES (?, ?, ?)
          ON CONFLICT (wallet) DO UPDATE SET size = excluded.size, root = excluded.root
          """, [.blob(head.wallet.bytes), .integer(head.size), .blob(head.root)])
      }
      return true
    }
  }

  func storeCosigned(_ note: CosignedNote) async throws {
    let _: Bool = try await committer.write { tx in
      try Self.save(note, in: tx)
      return true
    }
  }

  private static func save(_ cosigned: CosignedNote, in tx: SQLiteDatabase.Transaction) throws {
    try tx.query(
      "UPDATE epochs SET cosigned = ? WHERE idx = ?",
      [.blob(cosigned.note), .integer(cosigned.epoch)])
    if cosigned.everyWitness {
      // Notes go at once; each epoch's moves stay for `retainedEpochs`, so
      // that a witness down for a while (or restored) can catch up.
      try tx.query(
        "UPDATE epochs SET note = x'', cosigned = NULL WHERE idx < ? AND length(note) > 0",
        [.integer(cosigned.epoch - 1)])
      try tx.query(
        "UPDATE epochs SET request = NULL WHERE idx < ? AND request IS NOT NULL",
        [.integer(cosigned.epoch - 1 - cosigned.retainedEpochs)])
    }
  }
}
